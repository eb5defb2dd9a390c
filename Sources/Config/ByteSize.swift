/// Sizes as Prometheus writes them in configs (`body_size_limit: 10MB`): an integer and a unit,
/// where `KB`, `MB`, … are powers of 1024, as in Prometheus's `units.Base2Bytes`.
enum ByteSize {
    private static let units: [(String, Int)] = [
        ("EB", 1 << 60), ("PB", 1 << 50), ("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1),
    ]

    /// Bytes for `text`; `nil` when it is not a size. A bare number is bytes.
    static func parse(_ text: String) -> Int? {
        if let bytes = Int(text), bytes >= 0 { return bytes }
        var upper = text.uppercased()
        if upper.hasSuffix("IB") { upper.remove(at: upper.index(upper.endIndex, offsetBy: -2)) } // MiB = MB
        for (suffix, multiplier) in units where upper.hasSuffix(suffix) {
            guard let number = Int(upper.dropLast(suffix.count)), number >= 0 else { return nil }
            let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
            return overflow ? nil : bytes
        }
        return nil
    }
}

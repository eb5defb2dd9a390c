/// Go's `time.ParseDuration` syntax (`1.5s`, `100ms`, `2m30s`, `250us`, `1µs`), as Jaeger's
/// `minDuration` and `maxDuration` take it, in nanoseconds.
package enum GoDuration {
    /// Nanoseconds, or nil when `text` is not a Go duration (or is negative or overflows).
    package static func nanoseconds(_ text: String) -> Int64? {
        let units: [(String, Double)] = [("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9)]
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return 0 }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            // Longest unit first: "ms" before "m", "ns" before "s".
            guard let (unit, scale) = units.filter({ rest.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        guard total < 9.2e18 else { return nil }
        return Int64(total)
    }
}

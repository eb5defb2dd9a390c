/// One line of `promtool tsdb dump` / `etcdmon tsdb dump`: `{labels} value timestamp`.
public struct DumpSample: Sendable {
    /// The `{labels}` text as printed.
    public var series: String
    /// Milliseconds.
    public var timestamp: Int64
    public var value: Double

    /// The key tests compare samples by: `{labels} timestamp`.
    public var key: String { "\(series) \(timestamp)" }

    /// Every well-formed line of a dump; number formatting does not matter.
    public static func parse(_ text: String) -> [DumpSample] {
        text.split(separator: "\n").compactMap { line in
            guard let close = line.lastIndex(of: "}") else { return nil }
            let fields = line[line.index(after: close)...].split(separator: " ")
            guard fields.count == 2, let value = Double(fields[0]), let time = Int64(fields[1]) else { return nil }
            return DumpSample(series: String(line[...close]), timestamp: time, value: value)
        }
    }

    /// A dump as `key` → value.
    public static func keyed(_ text: String) -> [String: Double] {
        Dictionary(parse(text).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}

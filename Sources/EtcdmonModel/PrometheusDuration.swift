/// Durations in Prometheus's notation — `15s`, `2h`, `1h30m`, `500ms`, `7d`, `1w`, `1y` — as
/// milliseconds. Units must come from largest to smallest, each at most once, as Prometheus requires.
public enum PrometheusDuration {
    private static let units: [(String, Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1),
    ]

    /// Parses `text`; the error says what is wrong.
    /// Formats milliseconds as Prometheus prints a duration: largest units first (`1m30s`, `2h`, `0s`).
    public static func format(milliseconds: Int64) -> String {
        guard milliseconds != 0 else { return "0s" }
        var rest = milliseconds.magnitude
        var text = milliseconds < 0 ? "-" : ""
        for (suffix, size) in units.map({ ($0.0, UInt64($0.1)) }) where rest >= size {
            text += "\(rest / size)\(suffix)"
            rest %= size
        }
        return text
    }

    public static func milliseconds(_ text: String) throws(DurationError) -> Int64 {
        guard !text.isEmpty else { throw DurationError(text: text, reason: "empty duration") }
        if text == "0" { return 0 }
        var rest = Substring(text)
        var total: Int64 = 0
        var lastUnit = -1
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let number = Int64(digits) else {
                throw DurationError(text: text, reason: "expected a number at '\(rest)'")
            }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            // "ms" is one unit; "m" followed by "s" digits-less is not possible, so take the longest match.
            guard let unitIndex = units.firstIndex(where: { $0.0 == letters }) else {
                throw DurationError(text: text, reason: "unknown unit '\(letters)' (use ms, s, m, h, d, w or y)")
            }
            guard unitIndex > lastUnit else {
                throw DurationError(text: text, reason: "units must go from largest to smallest, each once")
            }
            lastUnit = unitIndex
            rest = rest.dropFirst(letters.count)
            let (product, overflow) = number.multipliedReportingOverflow(by: units[unitIndex].1)
            let (sum, overflow2) = total.addingReportingOverflow(product)
            guard !overflow, !overflow2 else { throw DurationError(text: text, reason: "duration too long") }
            total = sum
        }
        return total
    }
}

/// A duration that does not parse.
public struct DurationError: Error, Sendable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid duration \"\(text)\": \(reason)" }
}

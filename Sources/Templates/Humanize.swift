/// Prometheus's `humanize*` template functions, digit for digit: Go's `%.4g` with SI, binary or
/// time-unit prefixes.
enum Humanize {
    private static let large = ["k", "M", "G", "T", "P", "E", "Z", "Y"]
    private static let binary = ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"]
    private static let small = ["m", "u", "n", "p", "f", "a", "z", "y"]

    private static func g4(_ value: Double, _ suffix: String = "") -> String {
        GoFormat.sprintf("%.4g", [.float(value)]) + suffix
    }

    /// `value` divided by `factor` while it is at least `factor`, each division naming the next prefix.
    private static func down(_ value: Double, by factor: Double, _ prefixes: [String]) -> (Double, String) {
        var (value, prefix) = (value, "")
        for candidate in prefixes {
            if abs(value) < factor { break }
            (value, prefix) = (value / factor, candidate)
        }
        return (value, prefix)
    }

    /// `value` multiplied by 1000 while it is under 1, each multiplication naming the next prefix.
    private static func up(_ value: Double) -> (Double, String) {
        var (value, prefix) = (value, "")
        for candidate in small {
            if abs(value) >= 1 { break }
            (value, prefix) = (value * 1000, candidate)
        }
        return (value, prefix)
    }

    /// 1234 → `1.234k`, 0.001 → `1m`.
    static func humanize(_ value: Double) -> String {
        if value == 0 || value.isNaN || value.isInfinite { return g4(value) }
        let (scaled, prefix) = abs(value) >= 1 ? down(value, by: 1000, large) : up(value)
        return g4(scaled, prefix)
    }

    /// 1024 → `1ki`.
    static func humanize1024(_ value: Double) -> String {
        if abs(value) <= 1 || value.isNaN || value.isInfinite { return g4(value) }
        let (scaled, prefix) = down(value, by: 1024, binary)
        return g4(scaled, prefix)
    }

    /// Seconds as `1d 2h 3m 4s`, `1.5s`, `12ms`.
    static func duration(_ value: Double) -> String {
        if value.isNaN || value.isInfinite { return g4(value) }
        if value == 0 { return g4(value, "s") }
        if abs(value) >= 1 {
            let sign = value < 0 ? "-" : ""
            let whole = Int64(abs(value))
            let (seconds, minutes, hours, days) = (whole % 60, (whole / 60) % 60, (whole / 3600) % 24, whole / 86_400)
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(abs(value), "s")
        }
        let (scaled, prefix) = up(value)
        return g4(scaled, prefix + "s")
    }
}

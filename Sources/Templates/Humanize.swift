/// Prometheus's `humanize*` template functions, digit for digit: Go's `%.4g` with SI, binary or
/// time-unit prefixes.
enum Humanize {
    private static func g4(_ value: Double, _ suffix: String = "") -> String {
        GoFormat.sprintf("%.4g", [.float(value)]) + suffix
    }

    /// 1234 → `1.234k`, 0.001 → `1m`.
    static func humanize(_ value: Double) -> String {
        var value = value
        if value == 0 || value.isNaN || value.isInfinite { return g4(value) }
        if abs(value) >= 1 {
            var prefix = ""
            for candidate in ["k", "M", "G", "T", "P", "E", "Z", "Y"] {
                if abs(value) < 1000 { break }
                prefix = candidate
                value /= 1000
            }
            return g4(value, prefix)
        }
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(value) >= 1 { break }
            prefix = candidate
            value *= 1000
        }
        return g4(value, prefix)
    }

    /// 1024 → `1ki`.
    static func humanize1024(_ value: Double) -> String {
        var value = value
        if abs(value) <= 1 || value.isNaN || value.isInfinite { return g4(value) }
        var prefix = ""
        for candidate in ["ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"] {
            if abs(value) < 1024 { break }
            prefix = candidate
            value /= 1024
        }
        return g4(value, prefix)
    }

    /// Seconds as `1d 2h 3m 4s`, `1.5s`, `12ms`.
    static func duration(_ value: Double) -> String {
        var value = value
        if value.isNaN || value.isInfinite { return g4(value) }
        if value == 0 { return g4(value, "s") }
        if abs(value) >= 1 {
            var sign = ""
            if value < 0 {
                sign = "-"
                value = -value
            }
            let whole = Int64(value)
            let (seconds, minutes, hours, days) = (whole % 60, (whole / 60) % 60, (whole / 3600) % 24, whole / 86_400)
            if days != 0 { return "\(sign)\(days)d \(hours)h \(minutes)m \(seconds)s" }
            if hours != 0 { return "\(sign)\(hours)h \(minutes)m \(seconds)s" }
            if minutes != 0 { return "\(sign)\(minutes)m \(seconds)s" }
            return sign + g4(value, "s")
        }
        var prefix = ""
        for candidate in ["m", "u", "n", "p", "f", "a", "z", "y"] {
            if abs(value) >= 1 { break }
            prefix = candidate
            value *= 1000
        }
        return g4(value, prefix + "s")
    }
}

/// Number formats shared by the renderers.
enum Formatting {
    /// Bytes in SI units as etcdctl prints them (`20 kB`, `1.2 MB`).
    static func bytes(_ count: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        if unit == 0 { return "\(count) B" }
        let rounded = value < 10 ? (value * 10).rounded() / 10 : value.rounded()
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }

    /// A duration as milliseconds with sensible precision (`0.8ms`, `12ms`, `5003ms`).
    static func milliseconds(_ duration: Duration) -> String {
        let value = milliseconds(double: duration)
        if value < 10 { return String((value * 10).rounded() / 10) + "ms" }
        return String(Int(value.rounded())) + "ms"
    }

    /// A duration in milliseconds as a number, for JSON.
    static func milliseconds(double duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return (value * 1000).rounded() / 1000
    }
}

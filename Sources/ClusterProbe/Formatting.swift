/// Number formats shared by the renderers.
enum Formatting {
    /// Bytes in SI units exactly as etcdctl prints them (go-humanize's `Bytes`): `20 kB`, `1.2 MB`.
    static func bytes(_ count: Int64) -> String {
        guard count >= 10 else { return "\(count) B" }
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB"]
        var unit = 0
        var scale = 1.0
        while unit < units.count - 1, Double(count) >= scale * 1000 {
            scale *= 1000
            unit += 1
        }
        // go-humanize rounds to one decimal first, then prints "%.1f" below 10 and "%.0f" above.
        let value = (Double(count) / scale * 10 + 0.5).rounded(.down) / 10
        if value < 10 {
            let tenths = Int((value * 10).rounded())
            return "\(tenths / 10).\(tenths % 10) \(units[unit])"
        }
        return "\(Int(value.rounded(.toNearestOrEven))) \(units[unit])"
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

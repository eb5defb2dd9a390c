import Foundation

/// Human-readable times and durations for command output.
enum TimeFormatting {
    /// An RFC 3339 UTC time for milliseconds since the epoch.
    static func time(_ milliseconds: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// `6h0m0s`-style, as Prometheus prints durations.
    static func duration(_ milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        let rest = Double(milliseconds % 60_000) / 1000
        let secondsText = rest == rest.rounded() ? String(Int(rest)) : String(format: "%.3f", rest)
        return hours > 0 ? "\(hours)h\(minutes)m\(secondsText)s" : minutes > 0 ? "\(minutes)m\(secondsText)s" : "\(secondsText)s"
    }
}

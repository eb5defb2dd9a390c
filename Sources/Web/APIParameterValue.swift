import EtcdmonModel
import Foundation

/// Times and durations as Prometheus's API accepts them, for the server and for command-line
/// clients alike.
public enum APIParameterValue {
    /// Unix seconds (fractions allowed) or RFC 3339, in milliseconds; `nil` when neither.
    public static func timestamp(_ text: String) -> Int64? {
        if let seconds = Double(text) {
            let milliseconds = seconds * 1000
            return milliseconds.isFinite && abs(milliseconds) < 9.2e18 ? Int64(milliseconds.rounded()) : nil
        }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        return nil
    }

    /// Seconds (fractions allowed) or a Prometheus duration (`15s`, `1h30m`), in milliseconds.
    public static func duration(_ text: String) -> Int64? {
        if let seconds = Double(text) {
            let milliseconds = seconds * 1000
            return milliseconds.isFinite && abs(milliseconds) < 9.2e18 ? Int64(milliseconds.rounded()) : nil
        }
        return try? PrometheusDuration.milliseconds(text)
    }
}

import Config
import EtcdmonModel
import Foundation

/// Decides which alerts are muted, and marks why: inhibition, then silences (Alertmanager's
/// `MuteStage`s), and whether a route's time intervals mute it now.
public struct Muting: Sendable {
    public let inhibitor: Inhibitor
    public let silences: Silences
    public let marker: AlertMarker
    public let timeIntervals: [String: [TimeIntervalConfig]]

    /// Whether `labels` is muted at `now`, marking its status.
    public func isMuted(_ alert: Alert, now: Int64) -> Bool {
        let inhibitor = inhibitor.inhibitor(of: alert.labels, now: now)
        marker.setInhibited(alert.fingerprint, by: inhibitor.map { [Fingerprint.hex($0)] } ?? [])
        let silencedBy = silences.matching(alert.labels, now: now).active
        marker.setSilenced(alert.fingerprint, by: silencedBy)
        return inhibitor != nil || !silencedBy.isEmpty
    }

    /// Whether a route with `options` notifies at `now`: inside one of its active intervals (when
    /// it has any) and outside all its mute intervals.
    public func routeIsActive(_ options: Route.Options, now: Int64) -> Bool {
        let date = Date(timeIntervalSince1970: Double(now) / 1e9)
        func inside(_ names: [String]) -> Bool {
            names.contains { name in timeIntervals[name]?.contains { $0.contains(date) } ?? false }
        }
        if !options.activeTimeIntervals.isEmpty && !inside(options.activeTimeIntervals) { return false }
        return !inside(options.muteTimeIntervals)
    }
}

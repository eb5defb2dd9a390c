import EtcdmonModel
import Synchronization

/// The alerts received, by fingerprint (Alertmanager's `provider/mem`): a new report of an alert
/// that still overlaps the stored one merges with it, otherwise replaces it.
public final class AlertStore: Sendable {
    private let alerts = Mutex<[UInt64: Alert]>([:])

    public init() {}

    /// Stores `alert` and returns what is now stored under its fingerprint.
    @discardableResult
    public func put(_ alert: Alert, now: Int64) -> Alert {
        alerts.withLock { alerts in
            var stored = alert
            if let old = alerts[alert.fingerprint], old.overlaps(alert) { stored = old.merged(with: alert, now: now) }
            alerts[alert.fingerprint] = stored
            return stored
        }
    }

    /// Every alert stored.
    public var all: [Alert] { alerts.withLock { Array($0.values) } }

    /// Drops alerts resolved by `now`; returns their fingerprints.
    @discardableResult
    public func collectGarbage(now: Int64) -> [UInt64] {
        alerts.withLock { alerts in
            let resolved = alerts.values.filter { $0.isResolved(at: now) }.map(\.fingerprint)
            for fingerprint in resolved { alerts[fingerprint] = nil }
            return resolved
        }
    }
}

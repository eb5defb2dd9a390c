import EtcdmonModel

/// An alert as the built-in Alertmanager holds it (Alertmanager's `types.Alert`). Times are
/// nanoseconds since the epoch (`RFC3339.zero`: not set).
public struct Alert: Sendable, Equatable {
    public var labels: Labels
    public var annotations: Labels
    public var startsAt: Int64
    /// When it resolved, or until when it is valid without news.
    public var endsAt: Int64
    public var generatorURL: String
    /// When it was last received.
    public var updatedAt: Int64
    /// Whether `endsAt` was set by `resolve_timeout` rather than by the sender.
    public var timeout: Bool
    /// `Fingerprint.of(labels)`, computed once.
    public let fingerprint: UInt64

    public init(labels: Labels, annotations: Labels = .empty, startsAt: Int64, endsAt: Int64 = RFC3339.zero,
                generatorURL: String = "", updatedAt: Int64 = RFC3339.zero, timeout: Bool = false) {
        (self.labels, self.annotations, self.startsAt, self.endsAt) = (labels, annotations, startsAt, endsAt)
        (self.generatorURL, self.updatedAt, self.timeout) = (generatorURL, updatedAt, timeout)
        fingerprint = Fingerprint.of(labels)
    }

    /// Whether it has resolved by `now`.
    public func isResolved(at now: Int64) -> Bool { endsAt != RFC3339.zero && endsAt <= now }

    /// `"firing"` or `"resolved"` at `now`.
    public func status(at now: Int64) -> String { isResolved(at: now) ? "resolved" : "firing" }

    /// This alert merged with `other` (the same labels), as Alertmanager's store merges them while
    /// they overlap in time: the contents of the one received last, the earlier start, and an end
    /// that does not move back unless the later one says it resolved.
    func merged(with other: Alert, now: Int64) -> Alert {
        let (older, newer) = other.updatedAt < updatedAt ? (other, self) : (self, other)
        var result = newer
        if older.startsAt < newer.startsAt { result.startsAt = older.startsAt }
        if newer.isResolved(at: now) {
            if older.isResolved(at: now), older.endsAt > newer.endsAt { result.endsAt = older.endsAt }
        } else if older.endsAt > newer.endsAt, !older.timeout {
            result.endsAt = older.endsAt
        }
        return result
    }

    /// Whether `other` overlaps this alert in time, so the two are one alert to merge rather than
    /// a new occurrence.
    func overlaps(_ other: Alert) -> Bool {
        func inside(_ time: Int64) -> Bool { time > startsAt && time < endsAt }
        return inside(other.endsAt) || inside(other.startsAt)
    }
}

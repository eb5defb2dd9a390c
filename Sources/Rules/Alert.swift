import EtcdmonModel

/// One alert of an alerting rule: a label set its expression returned, and its timeline
/// (milliseconds since the epoch; 0 for "never").
public struct Alert: Sendable, Equatable {
    /// The sample's labels without `__name__`, plus the rule's labels and `alertname`.
    public var labels: Labels
    public var annotations: Labels
    public var state: AlertState
    /// The expression's value at the last evaluation.
    public var value: Double
    /// When the expression first returned this label set (the `for` clock starts here).
    public var activeAt: Int64
    public var firedAt: Int64 = 0
    public var resolvedAt: Int64 = 0
    public var lastSentAt: Int64 = 0
    /// Until when Alertmanager should consider it firing without news (`endsAt` of a firing alert).
    public var validUntil: Int64 = 0
    /// When the expression stopped returning it while `keep_firing_for` keeps it firing.
    public var keepFiringSince: Int64 = 0

    public init(labels: Labels, annotations: Labels, state: AlertState, value: Double, activeAt: Int64) {
        (self.labels, self.annotations, self.state, self.value, self.activeAt) = (labels, annotations, state, value, activeAt)
    }

    /// Whether the alert is due to be sent at `time` (Prometheus's `needsSending`): not while
    /// pending, at once when resolved since the last send, else every `resendDelay`.
    func needsSending(at time: Int64, resendDelay: Int64) -> Bool {
        if state == .pending { return false }
        if resolvedAt > lastSentAt { return true }
        return lastSentAt + resendDelay < time
    }
}

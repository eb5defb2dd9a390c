import EtcdmonModel

/// One way a receiver delivers (Alertmanager's `notify.Integration`): a webhook, a Slack channel,
/// an e-mail address.
public protocol Integration: Sendable {
    /// `webhook`, `slack`, `email`: the metrics' `integration` label and the notification log's.
    var name: String { get }
    /// Whether resolved alerts are notified too.
    var sendResolved: Bool { get }
    /// Delivers one notification; a `NotifyError` says whether trying again may help.
    func notify(_ alerts: [Alert], context: NotificationContext) async throws(NotifyError)
    /// Renders every text of the notification for `data` without sending it: what a template error
    /// would stop (`etcdmon alertmanager check` runs it on a made-up alert).
    func render(_ data: NotificationData) throws
}

extension Integration {
    public func render(_ data: NotificationData) throws {}
}

/// What a notification is about besides its alerts.
public struct NotificationContext: Sendable {
    public var receiver: String
    /// `{}/{team="db"}:{alertname="X"}`.
    public var groupKey: String
    public var groupLabels: Labels
    /// The flush's time (nanoseconds).
    public var now: Int64
    public var externalURL: String
}

/// A failed delivery.
public struct NotifyError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Whether another attempt may succeed (a server error, a connection refused), as opposed to
    /// a request the receiver will always refuse.
    public var retryable: Bool

    public init(_ description: String, retryable: Bool) {
        (self.description, self.retryable) = (description, retryable)
    }
}

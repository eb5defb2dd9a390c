import EtcdmonModel

/// An alert on its way out of the rules engine, in Alertmanager's model: what Prometheus's
/// notifier posts to `/api/v2/alerts`.
public struct AlertNotification: Sendable, Equatable {
    public var labels: Labels
    public var annotations: Labels
    /// Milliseconds since the epoch; `startsAt` is when the alert fired.
    public var startsAt: Int64
    /// When it resolved, or until when it is valid without news.
    public var endsAt: Int64
    /// A link to the expression in the query UI.
    public var generatorURL: String

    public init(labels: Labels, annotations: Labels, startsAt: Int64, endsAt: Int64, generatorURL: String) {
        (self.labels, self.annotations, self.startsAt, self.endsAt, self.generatorURL) = (labels, annotations, startsAt, endsAt, generatorURL)
    }
}

/// Where alerts go: Alertmanagers over HTTP (`AlertmanagerSender`), or the built-in notifier.
/// `send` must not block: implementations queue and deliver on their own.
public protocol AlertSender: Sendable {
    func send(_ alerts: [AlertNotification])
}

/// Sends every batch to each of several senders (Alertmanagers over HTTP and the built-in one).
public struct AlertSenders: AlertSender {
    public let senders: [any AlertSender]

    public init(_ senders: [any AlertSender]) { self.senders = senders }

    public func send(_ alerts: [AlertNotification]) {
        for sender in senders { sender.send(alerts) }
    }
}

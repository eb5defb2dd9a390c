import Config
import CoreMetrics
import EtcdmonModel
import Logging
import Rules
import Synchronization

/// Alertmanager inside etcdmon: takes alerts from the rules engine (as an `AlertSender`) and from
/// the API, routes, groups, inhibits, silences and delivers them to receivers as alertmanager.yml
/// says. The alerts, silences and notification log outlive reloads; a reload replaces the routes,
/// receivers and inhibition rules and regroups the alerts held.
public final class BuiltInAlertmanager: AlertSender, Sendable {
    public let alerts = AlertStore()
    public let silences: Silences
    public let notificationLog: NotificationLog
    public let marker = AlertMarker()
    /// The notifications attempted lately, with their outcomes.
    public let history = NotificationHistory()
    /// The URL notifications link back to (`--web.external-url`).
    public let externalURL: String
    private let logger: Logger
    private let clock: @Sendable () -> Int64
    private let state = Mutex<Running?>(nil)
    /// Alerts from the rules engine, received in order by `run()`.
    private let inbox: AsyncStream<[Alert]>
    private let inboxInput: AsyncStream<[Alert]>.Continuation

    /// What a configuration set up.
    private struct Running: Sendable {
        let config: NotificationConfig
        let route: Route
        let dispatcher: Dispatcher
        let muting: Muting
        let clients: [IntegrationClient]
        let task: Task<Void, Never>
    }

    public init(externalURL: String, silences: Silences = Silences(), notificationLog: NotificationLog = NotificationLog(),
                logger: Logger, clock: @escaping @Sendable () -> Int64 = Dispatcher.wallClock) {
        (self.externalURL, self.silences, self.notificationLog, self.logger, self.clock) = (externalURL, silences, notificationLog, logger, clock)
        (inbox, inboxInput) = AsyncStream.makeStream(of: [Alert].self)
    }

    /// An Alertmanager keeping its silences and notification log in `dataDirectory` (the files
    /// `silences` and `nflog`, in Alertmanager's format), as left by the last run.
    public convenience init(externalURL: String, dataDirectory: String, logger: Logger) throws(StateFileError) {
        let now = Dispatcher.wallClock()
        self.init(externalURL: externalURL, silences: try Silences(path: dataDirectory + "/silences", now: now),
                  notificationLog: try NotificationLog(path: dataDirectory + "/nflog", now: now), logger: logger)
    }

    /// Receives the rules engine's alerts until `shutdown()`, and every `maintenanceInterval` drops
    /// resolved alerts, expired silences and notification records.
    public func run() async {
        let maintenance = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.maintenanceInterval)
                if !Task.isCancelled { maintain(now: clock()) }
            }
        }
        let gauges = Task {
            while !Task.isCancelled {
                recordStates(now: clock())
                try? await Task.sleep(for: .seconds(15))
            }
        }
        for await batch in inbox { await receive(batch, now: clock()) }
        maintenance.cancel()
        gauges.cancel()
    }

    /// `alertmanager_alerts{state}` and `alertmanager_silences{state}`, as Alertmanager reports them.
    func recordStates(now: Int64) {
        var alertStates = ["active": 0, "suppressed": 0, "unprocessed": 0]
        for alert in alerts.all where !alert.isResolved(at: now) {
            alertStates[marker.status(alert.fingerprint)?.state ?? "unprocessed", default: 0] += 1
        }
        for (state, count) in alertStates { Gauge(label: "alertmanager_alerts", dimensions: [("state", state)]).record(count) }
        for (state, count) in silences.counts(now: now) {
            Gauge(label: "alertmanager_silences", dimensions: [("state", state.rawValue)]).record(count)
        }
    }

    /// Alertmanager's `--data.maintenance-interval` and alert GC rolled into one.
    static let maintenanceInterval: Duration = .seconds(15 * 60)

    func maintain(now: Int64) {
        marker.forget(alerts.collectGarbage(now: now))
        do {
            try silences.collectGarbage(now: now)
            try notificationLog.collectGarbage(now: now)
        } catch {
            logger.error("alertmanager state not saved", metadata: ["error": "\(error)"])
        }
    }

    /// The configuration in force.
    public var config: NotificationConfig? { state.withLock { $0?.config } }

    /// The route tree in force.
    public var route: Route? { state.withLock { $0?.route } }

    /// The muting in force (for the API's statuses).
    public var muting: Muting? { state.withLock { $0?.muting } }

    /// The dispatcher in force.
    public var dispatcher: Dispatcher? { state.withLock { $0?.dispatcher } }

    /// Starts notifying as `config` says, replacing what an earlier configuration set up; the
    /// alerts held are routed again.
    public func apply(_ config: NotificationConfig) throws {
        let route = Route(config.route)
        let muting = Muting(inhibitor: Inhibitor(rules: config.inhibitRules, store: alerts), silences: silences, marker: marker,
                            timeIntervals: config.timeIntervals)
        let templates = try NotificationTemplates(files: config.templates)
        var clients: [IntegrationClient] = []
        var pipelines: [String: ReceiverPipeline] = [:]
        let used = Set(route.all.map(\.options.receiver))
        for receiver in config.receivers where used.contains(receiver.name) {
            let integrations: [any Integration]
            do {
                let owned: [IntegrationClient]
                (integrations, owned) = try Self.integrations(of: receiver, templates: templates)
                clients += owned
            } catch {
                for client in clients { client.syncShutdown() }
                throw error
            }
            pipelines[receiver.name] = ReceiverPipeline(receiver: receiver.name, integrations: integrations, muting: muting,
                                                       log: notificationLog, history: history, logger: logger)
        }
        let dispatcher = Dispatcher(route: route, pipelines: pipelines, externalURL: externalURL, logger: logger, clock: clock)
        let held = alerts.all
        let task = Task {
            for alert in held { await dispatcher.process(alert) }
            await dispatcher.run()
        }
        let old = state.withLock { state in
            defer { state = Running(config: config, route: route, dispatcher: dispatcher, muting: muting, clients: clients, task: task) }
            return state
        }
        if let old { Task { await Self.stop(old) } }
    }

    /// The integrations of `receiver`, in Alertmanager's order, and the HTTP clients they hold.
    static func integrations(of receiver: AlertReceiverConfig, templates: NotificationTemplates) throws -> ([any Integration], [IntegrationClient]) {
        var integrations: [any Integration] = []
        var clients: [IntegrationClient] = []
        do {
            for webhook in receiver.webhooks {
                let client = try IntegrationClient(webhook.httpClient)
                clients.append(client)
                integrations.append(WebhookIntegration(webhook, client: client))
            }
            for email in receiver.email { integrations.append(try EmailIntegration(email, templates: templates)) }
            for slack in receiver.slack {
                let client = try IntegrationClient(slack.httpClient)
                clients.append(client)
                integrations.append(SlackIntegration(slack, client: client, templates: templates))
            }
        } catch {
            // A client must be shut down before it goes, even one that was never used.
            for client in clients { client.syncShutdown() }
            throw error
        }
        return (integrations, clients)
    }

    /// Stops delivering.
    public func shutdown() async {
        inboxInput.finish()
        guard let running = state.withLock({ state in defer { state = nil }; return state }) else { return }
        await Self.stop(running)
    }

    private static func stop(_ running: Running) async {
        await running.dispatcher.stop()
        await running.task.value
        for client in running.clients { await client.shutdown() }
    }

    /// Alerts from the rules engine.
    public func send(_ notifications: [AlertNotification]) {
        inboxInput.yield(notifications.map { notification in
            Alert(labels: notification.labels, annotations: notification.annotations, startsAt: notification.startsAt * 1_000_000,
                  endsAt: notification.endsAt * 1_000_000, generatorURL: notification.generatorURL)
        })
    }

    /// Stores and routes alerts received at `now`: a missing start is now (or the end), a missing
    /// end is `resolve_timeout` away; labels with empty values are dropped. Returns why each
    /// refused alert was refused.
    @discardableResult
    public func receive(_ received: [Alert], now: Int64) async -> [String] {
        guard let running = state.withLock({ $0 }) else { return [] }
        var errors: [String] = []
        for var alert in received {
            let labels = alert.labels.subset { !$0.value.isEmpty }
            if labels != alert.labels { alert = Alert(labels: labels, annotations: alert.annotations, startsAt: alert.startsAt,
                                                      endsAt: alert.endsAt, generatorURL: alert.generatorURL, updatedAt: alert.updatedAt) }
            alert.updatedAt = now
            if alert.startsAt == RFC3339.zero { alert.startsAt = alert.endsAt == RFC3339.zero ? now : alert.endsAt }
            if alert.endsAt == RFC3339.zero {
                alert.endsAt = now + running.config.global.resolveTimeout * 1_000_000
                alert.timeout = true
            }
            if let reason = Self.validationError(alert) {
                errors.append(reason)
                continue
            }
            await running.dispatcher.process(alerts.put(alert, now: now))
        }
        return errors
    }

    /// Alertmanager's `Alert.Validate`.
    static func validationError(_ alert: Alert) -> String? {
        if alert.startsAt == RFC3339.zero { return "start time missing" }
        if alert.endsAt != RFC3339.zero, alert.endsAt < alert.startsAt { return "start time must be before end time" }
        if alert.labels.isEmpty { return "at least one label pair required" }
        for label in alert.labels where !LabelName.isValid(label.name) { return "invalid label set: invalid name \"\(label.name)\"" }
        for label in alert.annotations where !LabelName.isValid(label.name) { return "invalid annotations: invalid name \"\(label.name)\"" }
        return nil
    }
}

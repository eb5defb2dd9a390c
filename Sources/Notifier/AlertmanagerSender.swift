import AsyncHTTPClient
import Config
import CoreMetrics
import EtcdClient
import EtcdmonModel
import Logging
import NIOCore
import Rules
import Synchronization

/// Sends alerts to Alertmanagers as Prometheus's notifier does: external labels added and
/// `alert_relabel_configs` applied as alerts are queued; a bounded queue (the oldest dropped when
/// full); batches of at most 64 posted as JSON to every Alertmanager's `/api/v2/alerts`, each
/// Alertmanager set with its own client, path, timeout and credentials.
public final class AlertmanagerSender: AlertSender {
    /// Most alerts per request (Prometheus's `maxBatchSize`).
    public static let batchSize = 64

    private let capacity: Int
    private let logger: Logger
    private let state = Mutex(State())
    private let wake: AsyncStream<Void>.Continuation
    private let wakes: AsyncStream<Void>

    struct State {
        var queue: [AlertNotification] = []
        var externalLabels: Labels = .empty
        var relabel: [RelabelRule] = []
        var sets: [AlertmanagerSet] = []
    }

    /// One `alertmanagers:` entry, ready to post.
    struct AlertmanagerSet: Sendable {
        var config: AlertmanagerConfig
        var client: HTTPClient
        var authorization: String?
    }

    /// A sender with room for `capacity` queued alerts (`--alertmanager.notification-queue-capacity`).
    public init(capacity: Int = 10_000, logger: Logger) {
        self.capacity = capacity
        self.logger = logger
        (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Applies `alerting:` and the external labels (at start and on every reload).
    public func apply(_ alerting: AlertingConfig, externalLabels: Labels) throws {
        var sets: [AlertmanagerSet] = []
        for config in alerting.alertmanagers {
            var configuration = HTTPClient.Configuration()
            configuration.timeout = .init(connect: .milliseconds(config.timeout), read: .milliseconds(config.timeout))
            if let tls = config.http.tls { configuration.tlsConfiguration = try EtcdClient.makeTLSConfiguration(tls.files) }
            sets.append(AlertmanagerSet(config: config, client: HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration),
                                        authorization: try config.http.authorizationHeader()))
        }
        let old = state.withLock { state in
            defer {
                state.sets = sets
                state.externalLabels = externalLabels
                state.relabel = alerting.alertRelabelConfigs
            }
            return state.sets
        }
        for set in old { try? set.client.syncShutdown() }
    }

    public func send(_ alerts: [AlertNotification]) {
        let dropped = state.withLock { state -> Int in
            for var alert in alerts {
                guard let relabelled = RelabelRule.apply(state.relabel, to: alert.labels.addingMissing(state.externalLabels)),
                      !relabelled.isEmpty else { continue }
                alert.labels = relabelled
                state.queue.append(alert)
            }
            let overflow = max(0, state.queue.count - capacity)
            if overflow > 0 { state.queue.removeFirst(overflow) }
            Gauge(label: "etcdmon_notifications_queue_length").record(Double(state.queue.count))
            return overflow
        }
        if dropped > 0 {
            Counter(label: "etcdmon_notifications_dropped_total").increment(by: dropped)
            logger.warning("alert notification queue full, dropped the oldest alerts", metadata: ["count": "\(dropped)"])
        }
        wake.yield()
    }

    /// Delivers queued alerts until cancelled.
    public func run() async {
        for await _ in wakes {
            while true {
                let (batch, sets) = state.withLock { state -> ([AlertNotification], [AlertmanagerSet]) in
                    let batch = Array(state.queue.prefix(Self.batchSize))
                    state.queue.removeFirst(batch.count)
                    Gauge(label: "etcdmon_notifications_queue_length").record(Double(state.queue.count))
                    return (batch, state.sets)
                }
                guard !batch.isEmpty else { break }
                let body = Self.json(batch)
                await withTaskGroup(of: Void.self) { group in
                    for set in sets {
                        for url in set.config.urls() {
                            group.addTask { await self.post(body, count: batch.count, to: url, through: set) }
                        }
                    }
                }
            }
        }
    }

    /// Stops delivering (queued alerts are dropped) and closes the clients.
    public func shutdown() async {
        wake.finish()
        let sets = state.withLock { $0.sets }
        for set in sets { try? await set.client.shutdown() }
    }

    private func post(_ body: [UInt8], count: Int, to url: String, through set: AlertmanagerSet) async {
        let dimensions = [("alertmanager", url)]
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "etcdmon")
        if let authorization = set.authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(body)
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await set.client.execute(request, timeout: .milliseconds(set.config.timeout))
            _ = try? await response.body.collect(upTo: 1 << 20)
            guard (200..<300).contains(Int(response.status.code)) else {
                throw AlertmanagerError(url: url, reason: "bad response status \(response.status)")
            }
            Counter(label: "etcdmon_notifications_sent_total", dimensions: dimensions).increment(by: count)
        } catch {
            Counter(label: "etcdmon_notifications_errors_total", dimensions: dimensions).increment(by: count)
            logger.error("error sending alerts", metadata: ["alertmanager": "\(url)", "count": "\(count)", "error": "\(error)"])
        }
        Gauge(label: "etcdmon_notifications_latency_seconds", dimensions: dimensions).record((clock.now - started).totalSeconds)
    }

    /// Alertmanager's v2 `postableAlerts`, as Prometheus writes them.
    static func json(_ alerts: [AlertNotification]) -> [UInt8] {
        var out = "["
        for (index, alert) in alerts.enumerated() {
            if index > 0 { out += "," }
            out += "{\"annotations\":" + object(alert.annotations)
            out += ",\"endsAt\":" + quoted(CivilTime.rfc3339(milliseconds: alert.endsAt))
            out += ",\"startsAt\":" + quoted(CivilTime.rfc3339(milliseconds: alert.startsAt))
            out += ",\"generatorURL\":" + quoted(alert.generatorURL)
            out += ",\"labels\":" + object(alert.labels) + "}"
        }
        return Array((out + "]").utf8)
    }

    private static func object(_ labels: Labels) -> String {
        "{" + labels.map { quoted($0.name) + ":" + quoted($0.value) }.joined(separator: ",") + "}"
    }

    private static func quoted(_ text: String) -> String { GoJSON.quoted(text) }
}

/// An Alertmanager that did not take a batch.
struct AlertmanagerError: Error, CustomStringConvertible {
    var url: String
    var reason: String
    var description: String { "\(url): \(reason)" }
}

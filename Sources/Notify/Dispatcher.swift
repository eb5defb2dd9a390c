import EtcdmonModel
import Foundation
import Logging

/// Routes alerts into aggregation groups and flushes each group through its receiver's pipeline
/// (Alertmanager's `dispatch.Dispatcher`): a new group waits `group_wait` (unless its alert started
/// longer ago than that), then flushes every `group_interval`; a flush sends what the group holds
/// and, once delivered, forgets its resolved alerts.
public actor Dispatcher {
    /// One aggregation group.
    struct Group {
        let key: String
        let labels: Labels
        let route: Route
        var alerts: [UInt64: Alert] = [:]
        /// Wall-clock nanoseconds of the next flush.
        var nextFlush: Int64
        var hasFlushed = false
        var flushing = false
    }

    private let route: Route
    private let pipelines: [String: ReceiverPipeline]
    private let externalURL: String
    private let clock: @Sendable () -> Int64
    private let logger: Logger
    private var groups: [String: Group] = [:]
    private var sleeper: Task<Void, Never>?
    private var stopped = false

    init(route: Route, pipelines: [String: ReceiverPipeline], externalURL: String, logger: Logger,
         clock: @escaping @Sendable () -> Int64 = Dispatcher.wallClock) {
        (self.route, self.pipelines, self.externalURL, self.logger, self.clock) = (route, pipelines, externalURL, logger, clock)
    }

    /// Nanoseconds since the epoch.
    public static let wallClock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1e9) }

    /// Puts `alert` into the group of every route it matches.
    public func process(_ alert: Alert) {
        let now = clock()
        for route in route.match(alert.labels) {
            let labels = route.groupLabels(alert.labels)
            let key = route.key + ":" + labels.alertmanagerDescription
            var group = groups[key] ?? Group(key: key, labels: labels, route: route, nextFlush: now + route.options.groupWait)
            group.alerts[alert.fingerprint] = alert
            // An alert older than the wait skips it: its group flushes at once.
            if !group.hasFlushed, alert.startsAt + route.options.groupWait < now { group.nextFlush = now }
            groups[key] = group
        }
        sleeper?.cancel()
    }

    /// The groups and their alerts, for the API.
    public func snapshot() -> [(key: String, labels: Labels, receiver: String, alerts: [Alert])] {
        groups.values.map { ($0.key, $0.labels, $0.route.options.receiver, Array($0.alerts.values)) }
    }

    /// Flushes groups as they come due until `stop()`.
    public func run() async {
        while !stopped && !Task.isCancelled {
            let now = clock()
            for key in groups.keys where !groups[key]!.flushing && groups[key]!.nextFlush <= now {
                startFlush(key, now: now)
            }
            let next = groups.values.filter { !$0.flushing }.map(\.nextFlush).min()
            let wait = next.map { max(0, $0 - clock()) } ?? 3_600 * Route.second
            let sleeper = Task<Void, Never> { _ = try? await Task.sleep(for: .nanoseconds(wait)) }
            self.sleeper = sleeper
            await sleeper.value
        }
    }

    /// Stops flushing (groups in the middle of a flush finish it).
    public func stop() {
        stopped = true
        sleeper?.cancel()
    }

    private func startFlush(_ key: String, now: Int64) {
        guard var group = groups[key] else { return }
        group.flushing = true
        group.hasFlushed = true
        // The next flush is due a group interval after this one starts, as Alertmanager resets its timer.
        group.nextFlush = now + group.route.options.groupInterval
        groups[key] = group
        let alerts = Self.ordered(Array(group.alerts.values))
        let options = group.route.options
        let context = NotificationContext(receiver: options.receiver, groupKey: key, groupLabels: group.labels, now: now,
                                          externalURL: externalURL)
        let pipeline = pipelines[options.receiver]
        Task {
            let delivered = await pipeline?.notify(alerts, options: options, context: context) ?? true
            self.finishFlush(key, sent: alerts, delivered: delivered, now: now)
        }
    }

    private func finishFlush(_ key: String, sent: [Alert], delivered: Bool, now: Int64) {
        guard var group = groups[key] else { return }
        group.flushing = false
        if delivered {
            // Resolved alerts delivered are done, unless they were reported again meanwhile.
            for alert in sent where alert.isResolved(at: now) && group.alerts[alert.fingerprint]?.updatedAt == alert.updatedAt {
                group.alerts[alert.fingerprint] = nil
            }
        }
        groups[key] = group.alerts.isEmpty ? nil : group
        sleeper?.cancel()
    }

    /// Alertmanager's order of a notification's alerts: by `job`, then `instance` (alerts with the
    /// label first), then label set.
    public static func ordered(_ alerts: [Alert]) -> [Alert] {
        alerts.sorted { a, b in
            for name in ["job", "instance"] {
                switch (a.labels[name], b.labels[name]) {
                case let (x?, y?) where x != y: return x.utf8.lexicographicallyPrecedes(y.utf8)
                case (_?, nil): return true
                case (nil, _?): return false
                default: continue
                }
            }
            return before(a.labels, b.labels)
        }
    }

    /// `LabelSet.Before`: fewer labels first; then, over the names of both in order, a name the
    /// first lacks sorts it first, one the second lacks sorts it last, else the values decide.
    public static func before(_ a: Labels, _ b: Labels) -> Bool {
        if a.count != b.count { return a.count < b.count }
        let names = Set(a.map(\.name)).union(b.map(\.name)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            switch (a[name], b[name]) {
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?) where x != y: return x.utf8.lexicographicallyPrecedes(y.utf8)
            default: continue
            }
        }
        return false
    }
}

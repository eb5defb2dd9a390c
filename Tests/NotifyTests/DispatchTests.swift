import Config
import EtcdmonModel
import Logging
import Synchronization
import Testing
@testable import Notify

/// An integration that keeps what it is asked to deliver.
final class RecordingIntegration: Integration {
    let name = "webhook"
    let sendResolved: Bool
    let sent = Mutex<[(alerts: [String], groupKey: String)]>([])

    init(sendResolved: Bool = true) { self.sendResolved = sendResolved }

    func notify(_ alerts: [Alert], context: NotificationContext) async throws(NotifyError) {
        let described = alerts.map { "\($0.labels["instance"] ?? "")=\($0.status(at: context.now))" }
        sent.withLock { $0.append((described, context.groupKey)) }
    }

    var notifications: [[String]] { sent.withLock { $0.map(\.alerts) } }
}

@Suite("Dispatch: group_wait, group_interval, resolved alerts, no repeats after a restart")
struct DispatchTests {
    static let second: Int64 = 1_000_000_000

    /// A dispatcher of one receiver with `integration`, the given timings (milliseconds), and `log`.
    static func dispatcher(_ integration: RecordingIntegration, log: NotificationLog, wait: Int, interval: Int) throws -> (Dispatcher, AlertStore) {
        let config = try NotificationConfig(yaml: """
            route: {receiver: r, group_by: [alertname], group_wait: \(wait)ms, group_interval: \(interval)ms, repeat_interval: 1h}
            receivers: [{name: r}]
            """)
        let store = AlertStore()
        let muting = Muting(inhibitor: Inhibitor(rules: [], store: store), silences: Silences(), marker: AlertMarker(), timeIntervals: [:])
        let pipeline = ReceiverPipeline(receiver: "r", integrations: [integration], muting: muting, log: log, logger: Logger(label: "test"))
        return (Dispatcher(route: Route(config.route), pipelines: ["r": pipeline], externalURL: "http://x", logger: Logger(label: "test")), store)
    }

    static func alert(_ instance: String, startsAt: Int64, endsAt: Int64) -> Alert {
        Alert(labels: Labels(["alertname": "Down", "instance": instance]), startsAt: startsAt, endsAt: endsAt,
              updatedAt: Dispatcher.wallClock())
    }

    /// Generous: the suite runs beside many others on two cores, where a sleep may take seconds.
    static func waitFor(_ integration: RecordingIntegration, count: Int, within seconds: Double = 30) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while integration.notifications.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }

    @Test("alerts of a group wait together, resolved ones are sent once and then forgotten, nothing repeats")
    func lifecycle() async throws {
        let integration = RecordingIntegration()
        let log = NotificationLog()
        let (dispatcher, _) = try Self.dispatcher(integration, log: log, wait: 3000, interval: 500)
        let runner = Task { await dispatcher.run() }
        defer { runner.cancel() }
        let now = Dispatcher.wallClock()
        await dispatcher.process(Self.alert("a", startsAt: now, endsAt: now + 300 * Self.second))
        await dispatcher.process(Self.alert("b", startsAt: now, endsAt: now + 300 * Self.second))
        if Dispatcher.wallClock() - now < 2 * Self.second {
            #expect(integration.notifications.isEmpty, "still waiting for group_wait")
        }
        try await Self.waitFor(integration, count: 1)
        #expect(integration.notifications == [["a=firing", "b=firing"]])
        let resolvedAt = Dispatcher.wallClock()
        await dispatcher.process(Self.alert("b", startsAt: now, endsAt: resolvedAt))
        try await Self.waitFor(integration, count: 2)
        #expect(integration.notifications.last == ["a=firing", "b=resolved"])
        // Several more intervals: nothing new to say.
        try await Task.sleep(for: .milliseconds(1600))
        #expect(integration.notifications.count == 2)
        #expect(await dispatcher.snapshot().first?.alerts.map { $0.labels["instance"] } == ["a"], "the resolved alert is forgotten")
        await dispatcher.stop()
    }

    @Test("after a restart the same group is not notified again within repeat_interval")
    func restart() async throws {
        let log = NotificationLog()
        let first = RecordingIntegration()
        let now = Dispatcher.wallClock()
        let alert = Self.alert("a", startsAt: now - 60 * Self.second, endsAt: now + 300 * Self.second)
        let (before, _) = try Self.dispatcher(first, log: log, wait: 30_000, interval: 500)
        let running = Task { await before.run() }
        await before.process(alert)
        // Started a minute ago: past group_wait, so flushed at once.
        try await Self.waitFor(first, count: 1)
        #expect(first.notifications == [["a=firing"]])
        await before.stop()
        await running.value

        let second = RecordingIntegration()
        let (after, _) = try Self.dispatcher(second, log: log, wait: 30_000, interval: 500)
        let rerun = Task { await after.run() }
        await after.process(alert)
        try await Task.sleep(for: .milliseconds(1500))
        #expect(second.notifications.isEmpty, "the notification log remembers the delivery")
        await after.stop()
        await rerun.value
    }
}

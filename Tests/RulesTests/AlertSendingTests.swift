import EtcdmonModel
import PromQL
import Synchronization
import Testing
import TSDB
@testable import Rules

/// When alerts are sent and what they say, as Prometheus's `sendAlerts`: on firing, then every
/// resend delay, once more when resolved; `endsAt` four intervals ahead, or the resolution time.
@Suite("Alerts sent as Prometheus sends them")
struct AlertSendingTests {
    final class Capture: AlertSender {
        let sent = Mutex<[[AlertNotification]]>([])
        func send(_ alerts: [AlertNotification]) { sent.withLock { $0.append(alerts) } }
    }

    struct HeadSource: QuerierSource {
        let head: Head
        func querier() -> any Querier { head.querier() }
    }

    @Test("fired, resent after the delay, resolved once with its end; ALERTS written, then marked stale")
    func lifecycle() throws {
        let second: Int64 = 1_000
        let start: Int64 = 1_700_000_000_000
        let head = Head()
        var appender = head.appender()
        // `up` is 0 for 40 s, then 1.
        for step in Int64(0)...80 {
            try appender.append(Labels([Label("__name__", "up"), Label("instance", "a")]), timestamp: start + step * second, value: step < 40 ? 0 : 1)
        }
        try appender.commit()
        let rule = AlertingRule(name: "Down", expression: try Parser.parse("up == 0"), expressionText: "up == 0", holdDuration: 10 * second,
                                keepFiringFor: 0, labels: Labels([Label("severity", "page")]), annotations: Labels([Label("summary", "{{ $labels.instance }} down")]))
        rule.markRestored()
        let group = RuleGroup(name: "g", file: "f.yml", interval: 5 * second, rules: [rule])
        let capture = Capture()
        var options = RuleOptions()
        options.resendDelay = 20 * second
        let context = RuleContext(query: RuleQuery(source: HeadSource(head: head)), externalURL: "http://etcdmon:9090")
        for step in stride(from: Int64(0), through: 60, by: 5) {
            group.evaluate(at: start + step * second, context: context, sink: head, sender: capture, options: options)
        }
        let sent = capture.sent.withLock { $0 }.flatMap { $0 }
        // Pending at 0 and 5 s, firing from 10 s: sent at 10 s, again after the 20 s delay (35 s), resolved at 40 s
        // (and resent every 20 s while kept, as Prometheus does: at 65 s, past this run).
        #expect(sent.count == 3, "\(sent)")
        guard sent.count == 3 else { return }
        #expect(sent[0].startsAt == start + 10 * second)
        #expect(sent[0].endsAt == start + 10 * second + 4 * 20 * second)
        #expect(sent[0].labels == Labels([Label("alertname", "Down"), Label("instance", "a"), Label("severity", "page")]))
        #expect(sent[0].annotations == Labels([Label("summary", "a down")]))
        #expect(sent[0].generatorURL == "http://etcdmon:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1")
        #expect(sent[1].startsAt == start + 10 * second && sent[1].endsAt == start + 35 * second + 80 * second)
        #expect(sent[2].endsAt == start + 40 * second)
        // ALERTS: pending then firing, a stale marker when it resolved.
        let alerts = try head.querier().select([LabelMatcher.equal("__name__", "ALERTS")], minTime: start, maxTime: start + 80 * second)
        let states = alerts.map { $0.labels["alertstate"] ?? "" }.sorted()
        #expect(states == ["firing", "pending"])
        let firing = alerts.first { $0.labels["alertstate"] == "firing" }
        #expect(firing?.timestamps.last == start + 40 * second && firing?.values.last?.bitPattern == StaleMarker.value.bitPattern)
    }
}

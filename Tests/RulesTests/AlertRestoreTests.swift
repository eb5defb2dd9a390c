import EtcdmonModel
import PromQL
import Testing
import TSDB
@testable import Rules

/// The `for` state after a restart, from `ALERTS_FOR_STATE`: Prometheus's restoration, and the
/// one place etcdmon goes beyond it (an alert firing when the server stopped fires again at once).
@Suite("Alert state restored after a restart")
struct AlertRestoreTests {
    struct HeadSource: QuerierSource {
        let head: Head
        func querier() -> any Querier { head.querier() }
    }

    let minute: Int64 = 60_000
    let restart: Int64 = 100 * 60_000

    /// A head holding `ALERTS_FOR_STATE` for `alert` (active since `activeAt`) up to `downAt`, and the
    /// expression's input series `x` from the restart on.
    func head(activeAt: Int64, downAt: Int64, holdLabels: [Label]) throws -> Head {
        let head = Head()
        var appender = head.appender()
        let state = Labels([Label("__name__", "ALERTS_FOR_STATE"), Label("alertname", "Down"), Label("instance", "a")] + holdLabels)
        var time = activeAt
        while time <= downAt {
            try appender.append(state, timestamp: time, value: Double(activeAt / 1000))
            time += minute
        }
        for step in 0...10 { try appender.append(Labels([Label("__name__", "x"), Label("instance", "a")]), timestamp: restart + Int64(step) * minute, value: 1) }
        try appender.commit()
        return head
    }

    func rule(hold: Int64) throws -> AlertingRule {
        AlertingRule(name: "Down", expression: try Parser.parse("x == 1"), expressionText: "x == 1", holdDuration: hold, keepFiringFor: 0,
                     labels: .empty, annotations: .empty)
    }

    /// Evaluates at the restart, restores, evaluates a minute later; the alert after each step.
    func restarted(hold: Int64, activeAt: Int64, downAt: Int64) throws -> (afterRestore: Alert, next: Alert, samples: [VectorSample]) {
        let head = try head(activeAt: activeAt, downAt: downAt, holdLabels: [])
        let rule = try rule(hold: hold)
        let context = RuleContext(query: RuleQuery(source: HeadSource(head: head)))
        _ = try rule.evaluate(at: restart, context: context, limit: 0)
        rule.restore(at: restart, context: context, outageTolerance: 60 * minute, gracePeriod: 10 * minute)
        let afterRestore = try #require(rule.alerts.first)
        let samples = try rule.evaluate(at: restart + minute, context: context, limit: 0)
        return (afterRestore, try #require(rule.alerts.first), samples)
    }

    @Test("an alert firing when the server stopped fires again at once, whatever its for")
    func firingStaysFiring() throws {
        // `for: 30m`, active 40 minutes before the stop: it was firing.
        let (afterRestore, next, samples) = try restarted(hold: 30 * minute, activeAt: restart - 50 * minute, downAt: restart - 10 * minute)
        #expect(afterRestore.state == .firing)
        #expect(afterRestore.activeAt == restart - 50 * minute)
        #expect(next.state == .firing)
        #expect(samples.contains { $0.labels["__name__"] == "ALERTS" && $0.labels["alertstate"] == "firing" })
        // A short `for` (under the grace period) too, where Prometheus would pend it again.
        let short = try restarted(hold: 2 * minute, activeAt: restart - 20 * minute, downAt: restart - 5 * minute)
        #expect(short.afterRestore.state == .firing && short.next.state == .firing)
    }

    @Test("a pending alert keeps the time it pended, shifted by the outage")
    func pendingShifted() throws {
        // `for: 30m`, pending 15 minutes when the server stopped 20 minutes ago: 15 minutes left.
        let (afterRestore, next, _) = try restarted(hold: 30 * minute, activeAt: restart - 35 * minute, downAt: restart - 20 * minute)
        #expect(afterRestore.state == .pending)
        #expect(afterRestore.activeAt == restart - 15 * minute)
        #expect(next.state == .pending)
    }

    @Test("a pending alert due within the grace period waits the grace period")
    func gracePeriod() throws {
        // `for: 30m`, pending 27 minutes at the stop: 3 minutes left, less than the 10-minute grace.
        let (afterRestore, _, _) = try restarted(hold: 30 * minute, activeAt: restart - 32 * minute, downAt: restart - 5 * minute)
        #expect(afterRestore.activeAt == restart + 10 * minute - 30 * minute)
    }

    @Test("a short for under the grace period is not restored while pending; an outage beyond the tolerance is ignored")
    func notRestored() throws {
        let short = try restarted(hold: 5 * minute, activeAt: restart - 3 * minute, downAt: restart - 2 * minute)
        #expect(short.afterRestore.activeAt == restart && short.afterRestore.state == .pending)
        let old = try restarted(hold: 30 * minute, activeAt: restart - 200 * minute, downAt: restart - 90 * minute)
        #expect(old.afterRestore.activeAt == restart && old.afterRestore.state == .pending)
    }

    @Test("an alert kept firing by keep_firing_for goes on firing after a restart, until keep_firing_for after the stop")
    func keptFiring() throws {
        let head = Head()
        var appender = head.appender()
        let alertLabels = [Label("alertname", "Lost"), Label("instance", "a"), Label("severity", "page")]
        // Firing until the stop two minutes before the restart; its expression (`y`) returned it last 5 minutes before.
        for step in Int64(0)...20 {
            let time = restart - 22 * minute + step * minute
            try appender.append(Labels([Label("__name__", "ALERTS"), Label("alertstate", "firing")] + alertLabels), timestamp: time, value: 1)
            try appender.append(Labels([Label("__name__", "ALERTS_FOR_STATE")] + alertLabels), timestamp: time, value: Double((restart - 30 * minute) / 1000))
        }
        try appender.commit()
        let rule = AlertingRule(name: "Lost", expression: try Parser.parse("y == 1"), expressionText: "y == 1", holdDuration: 0,
                                keepFiringFor: 10 * minute, labels: Labels([Label("severity", "page")]),
                                annotations: Labels([Label("summary", "{{ $labels.instance }} lost")]))
        let context = RuleContext(query: RuleQuery(source: HeadSource(head: head)))
        _ = try rule.evaluate(at: restart, context: context, limit: 0)
        rule.restore(at: restart, context: context, outageTolerance: 60 * minute, gracePeriod: 10 * minute)
        let restored = try #require(rule.alerts.first)
        #expect(restored.state == .firing && restored.labels == Labels(alertLabels) && restored.activeAt == restart - 30 * minute)
        #expect(restored.annotations == Labels([Label("summary", "a lost")]))
        _ = try rule.evaluate(at: restart + 5 * minute, context: context, limit: 0)
        #expect(rule.alerts.first?.state == .firing)
        // keep_firing_for counted from the stop (restart - 2m): over at restart + 8m.
        _ = try rule.evaluate(at: restart + 9 * minute, context: context, limit: 0)
        #expect(rule.alerts.first?.state == .inactive)
    }
}

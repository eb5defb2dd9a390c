import EtcdmonModel
import PromQL
import Synchronization
import Templates
import TSDB

/// An alerting rule (Prometheus's `AlertingRule`): each label set its expression returns is an
/// alert, pending until it has held for `for`, then firing; one that stops holding stays firing
/// for `keep_firing_for`, then resolves and is kept 15 minutes so Alertmanager hears of it.
/// Each evaluation writes `ALERTS` (1 per pending or firing alert) and `ALERTS_FOR_STATE` (its
/// `activeAt` in seconds), which restore the `for` clock after a restart.
public final class AlertingRule: Rule {
    public let name: String
    public let expressionText: String
    public let expression: Expression
    /// The rule's labels, unexpanded (templates are expanded per alert).
    public let labels: Labels
    public let annotations: Labels
    /// `for` and `keep_firing_for`, in milliseconds.
    public let holdDuration: Int64
    public let keepFiringFor: Int64
    private let labelTemplates: [(name: String, template: RuleTemplate)]
    private let annotationTemplates: [(name: String, template: RuleTemplate)]
    private let state: Mutex<State>

    /// How long a resolved alert is still reported (and sent) as resolved.
    public static let resolvedRetention: Int64 = 15 * 60_000

    struct State {
        var status = RuleStatus()
        /// Active alerts by label set.
        var active: [Labels: Alert] = [:]
        /// Whether the `for` state was restored (no `ALERTS` are written before).
        var restored = false
    }

    public init(name: String, expression: Expression, expressionText: String, holdDuration: Int64, keepFiringFor: Int64,
                labels: Labels, annotations: Labels) {
        (self.name, self.expression, self.expressionText) = (name, expression, expressionText)
        (self.holdDuration, self.keepFiringFor, self.labels, self.annotations) = (holdDuration, keepFiringFor, labels, annotations)
        labelTemplates = labels.map { ($0.name, RuleTemplate($0.value, ruleName: name)) }
        annotationTemplates = annotations.map { ($0.name, RuleTemplate($0.value, ruleName: name)) }
        state = Mutex(State())
    }

    public var status: RuleStatus { state.withLock { $0.status } }
    public func record(_ status: RuleStatus) { state.withLock { $0.status = status } }

    /// Templates that do not parse (checked by `rules check`).
    var templateErrors: [(field: String, error: String)] {
        (labelTemplates.map { ("label \($0.name)", $0.template) } + annotationTemplates.map { ("annotation \($0.name)", $0.template) })
            .compactMap { field, template in template.parseError.map { (field, "\($0)") } }
    }

    /// The active alerts (pending, firing, and resolved within the retention), ordered by labels.
    public var alerts: [Alert] {
        state.withLock { $0.active.values.sorted { $0.labels.description < $1.labels.description } }
    }

    /// The highest state among its alerts.
    public var alertState: AlertState {
        state.withLock { $0.active.values.map(\.state).max() ?? .inactive }
    }

    public func evaluate(at time: Int64, context: RuleContext, limit: Int) throws(RuleError) -> [VectorSample] {
        let samples: [VectorSample]
        do { samples = try context.query.vector(expression, at: time) } catch { throw RuleError(error.message) }
        let externalLabels = context.externalLabels.dictionary
        var current: [Labels: Alert] = [:]
        for sample in samples {
            let data = AlertTemplateData(labels: sample.labels.dictionary, externalLabels: externalLabels,
                                         externalURL: context.externalURL, value: sample.value)
            var elements = sample.labels.elements.filter { $0.name != Labels.metricName }
            for (labelName, template) in labelTemplates {
                let value = template.expand(data, context: context, time: time)
                elements.removeAll { $0.name == labelName }
                if !value.isEmpty { elements.append(Label(labelName, value)) }
            }
            elements.removeAll { $0.name == "alertname" }
            elements.append(Label("alertname", name))
            let alertLabels = Labels(elements)
            let alertAnnotations = annotations(data, context: context, time: time)
            guard current[alertLabels] == nil else {
                throw RuleError("vector contains metrics with the same labelset after applying alert labels")
            }
            current[alertLabels] = Alert(labels: alertLabels, annotations: alertAnnotations, state: .pending, value: sample.value, activeAt: time)
        }
        return try state.withLock { (state) throws(RuleError) -> [VectorSample] in
            for (key, alert) in current {
                if var known = state.active[key], known.state != .inactive {
                    known.value = alert.value
                    known.annotations = alert.annotations
                    state.active[key] = known
                } else {
                    state.active[key] = alert
                }
            }
            var output: [VectorSample] = []
            var activeCount = 0
            for key in Array(state.active.keys) {
                guard var alert = state.active[key] else { continue }
                if current[key] == nil {
                    var keepFiring = false
                    if alert.state == .firing && keepFiringFor > 0 {
                        if alert.keepFiringSince == 0 { alert.keepFiringSince = time }
                        keepFiring = time - alert.keepFiringSince < keepFiringFor
                    }
                    if alert.state == .pending || (alert.resolvedAt != 0 && time - alert.resolvedAt > Self.resolvedRetention) {
                        state.active[key] = nil
                    }
                    if alert.state != .inactive && !keepFiring {
                        alert.state = .inactive
                        alert.resolvedAt = time
                    }
                    if state.active[key] != nil { state.active[key] = alert }
                    if !keepFiring { continue }
                } else {
                    alert.keepFiringSince = 0
                }
                activeCount += 1
                if alert.state == .pending && time - alert.activeAt >= holdDuration {
                    alert.state = .firing
                    alert.firedAt = time
                }
                state.active[key] = alert
                if state.restored {
                    output.append(sample(alert, metric: "ALERTS", state: alert.state.rawValue, value: 1, time: time))
                    output.append(sample(alert, metric: "ALERTS_FOR_STATE", state: nil, value: Double(alert.activeAt / 1000), time: time))
                }
            }
            if limit > 0 && activeCount > limit {
                state.active = [:]
                throw RuleError("exceeded limit of \(limit) with \(activeCount) alerts")
            }
            return output
        }
    }

    /// An `ALERTS` or `ALERTS_FOR_STATE` sample: the rule's raw labels, overridden by the alert's.
    private func sample(_ alert: Alert, metric: String, state: String?, value: Double, time: Int64) -> VectorSample {
        var byName: [String: String] = [:]
        for label in labels { byName[label.name] = label.value }
        for label in alert.labels { byName[label.name] = label.value }
        byName[Labels.metricName] = metric
        byName["alertname"] = name
        if let state { byName["alertstate"] = state }
        return VectorSample(labels: Labels(byName.filter { !$0.value.isEmpty }.map { Label($0.key, $0.value) }), value: value, timestamp: time)
    }

    /// The alerts due to be sent at `time`, marked sent (Prometheus's `sendAlerts`): `endsAt` is the
    /// resolution time, or four evaluation intervals (at least four resend delays) ahead.
    func alertsToSend(at time: Int64, resendDelay: Int64, interval: Int64, externalURL: String) -> [AlertNotification] {
        state.withLock { state in
            var output: [AlertNotification] = []
            for key in state.active.keys.sorted(by: { $0.description < $1.description }) {
                guard var alert = state.active[key], alert.needsSending(at: time, resendDelay: resendDelay) else { continue }
                alert.lastSentAt = time
                alert.validUntil = time + 4 * max(resendDelay, interval)
                state.active[key] = alert
                output.append(AlertNotification(
                    labels: alert.labels, annotations: alert.annotations, startsAt: alert.firedAt,
                    endsAt: alert.resolvedAt != 0 ? alert.resolvedAt : alert.validUntil,
                    generatorURL: externalURL + PrometheusFunctions.tableLink(expressionText)))
            }
            return output
        }
    }

    /// Marks the `for` state restored without looking (rule unit tests start from nothing).
    func markRestored() { state.withLock { $0.restored = true } }

    /// Restores the `for` clock of the alerts the first evaluation found, from the newest
    /// `ALERTS_FOR_STATE` sample of each within `[time - outageTolerance, time]` (Prometheus's
    /// `RestoreForState`): a pending alert keeps the time it had already pended (shifted by the
    /// outage), and one that would fire within `gracePeriod` waits that long. Beyond Prometheus,
    /// an alert that was firing when the server stopped fires again at once, whatever its `for`,
    /// and one kept firing by `keep_firing_for` goes on firing (`restoreKeptFiring`).
    func restore(at time: Int64, context: RuleContext, outageTolerance: Int64, gracePeriod: Int64) {
        defer { state.withLock { $0.restored = true } }
        if holdDuration > 0 { restoreForState(at: time, context: context, outageTolerance: outageTolerance, gracePeriod: gracePeriod) }
        if keepFiringFor > 0 { restoreKeptFiring(at: time, context: context, outageTolerance: outageTolerance) }
    }

    private func restoreForState(at time: Int64, context: RuleContext, outageTolerance: Int64, gracePeriod: Int64) {
        let keys = state.withLock { Array($0.active.keys) }
        let querier = context.query.source.querier()
        for key in keys {
            guard let (downAt, value) = Self.lastForState(key, querier: querier, from: time - outageTolerance, to: time) else { continue }
            var activeAt = Int64(value) * 1000
            let spentPending = downAt / 1000 * 1000 - activeAt
            let remaining = holdDuration - spentPending
            var firing = false
            if remaining <= 0 {
                // It was firing when the server stopped: it fires again now (beyond Prometheus).
                firing = true
            } else if holdDuration < gracePeriod {
                // Prometheus does not restore rules whose `for` is shorter than the grace period:
                // they pend their `for` again from the restart.
                continue
            } else if remaining < gracePeriod {
                activeAt = time + gracePeriod - holdDuration
            } else {
                activeAt += time - downAt / 1000 * 1000
            }
            state.withLock { state in
                guard var alert = state.active[key] else { return }
                alert.activeAt = activeAt
                if firing {
                    alert.state = .firing
                    alert.firedAt = activeAt + holdDuration
                }
                state.active[key] = alert
            }
        }
    }

    /// Alerts that were firing when the server stopped (their `ALERTS{alertstate="firing"}` has no
    /// stale marker) but that the expression no longer returns: `keep_firing_for` kept them up, and
    /// it goes on, counted from the stop, so a restart does not resolve them early. Their `$value`
    /// is unknown (NaN in annotations) until the expression returns them again.
    private func restoreKeptFiring(at time: Int64, context: RuleContext, outageTolerance: Int64) {
        let querier = context.query.source.querier()
        let matchers = [LabelMatcher.equal(Labels.metricName, "ALERTS"), LabelMatcher.equal("alertname", name),
                        LabelMatcher.equal("alertstate", AlertState.firing.rawValue)]
        guard let series = try? querier.select(matchers, minTime: time - outageTolerance, maxTime: time) else { return }
        let externalLabels = context.externalLabels.dictionary
        for stored in series {
            guard let downAt = stored.timestamps.last, let last = stored.values.last,
                  !StaleMarker.isMarker(last), downAt + keepFiringFor > time else { continue }
            let labels = stored.labels.subset { $0.name != Labels.metricName && $0.name != "alertstate" }
            guard state.withLock({ $0.active[labels] == nil }) else { continue }
            let activeAt = Self.lastForState(labels, querier: querier, from: time - outageTolerance, to: time)
                .map { Int64($0.value) * 1000 } ?? downAt
            let data = AlertTemplateData(labels: labels.dictionary, externalLabels: externalLabels, externalURL: context.externalURL, value: .nan)
            var alert = Alert(labels: labels, annotations: annotations(data, context: context, time: time), state: .firing, value: .nan,
                              activeAt: activeAt)
            alert.firedAt = activeAt + holdDuration
            alert.keepFiringSince = downAt
            state.withLock { $0.active[labels] = alert }
        }
    }

    /// The rule's annotations expanded for one alert, empty ones left out.
    private func annotations(_ data: AlertTemplateData, context: RuleContext, time: Int64) -> Labels {
        Labels(annotationTemplates.compactMap { annotationName, template in
            let value = template.expand(data, context: context, time: time)
            return value.isEmpty ? nil : Label(annotationName, value)
        })
    }

    /// The newest `ALERTS_FOR_STATE` sample (its time, and the alert's `activeAt` in seconds) of the
    /// alert with `labels` within `[from, to]`; nil when there is none or it is a stale marker.
    private static func lastForState(_ labels: Labels, querier: any Querier, from: Int64, to: Int64) -> (time: Int64, value: Double)? {
        var matchers = [LabelMatcher.equal(Labels.metricName, "ALERTS_FOR_STATE")]
        for label in labels where label.name != Labels.metricName { matchers.append(LabelMatcher.equal(label.name, label.value)) }
        guard let series = (try? querier.select(matchers, minTime: from, maxTime: to))?.first,
              let time = series.timestamps.last, let value = series.values.last, !StaleMarker.isMarker(value) else { return nil }
        return (time, value)
    }
}

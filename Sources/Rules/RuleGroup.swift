import CoreMetrics
import EtcdmonModel
import PromQL
import Synchronization
import TSDB

/// A group of rules evaluated in order at a fixed interval (Prometheus's `rules.Group`): each
/// rule's samples are written, series a rule stopped returning get a stale marker, and alerting
/// rules' alerts are sent.
public final class RuleGroup: Sendable {
    public let name: String
    /// The rule file it came from.
    public let file: String
    /// Milliseconds between evaluations.
    public let interval: Int64
    public let limit: Int
    /// How far before each evaluation time its rules query (`query_offset`).
    public let queryOffset: Int64
    public let rules: [any Rule]
    /// Identifies the group's definition: a reload keeps a group (and its alerts' state) whose
    /// fingerprint has not changed.
    public let fingerprint: String
    private let state = Mutex(GroupState())

    struct GroupState {
        /// Per rule, the series it wrote at the last evaluation.
        var previous: [Set<Labels>] = []
        var lastEvaluation: Int64 = 0
        var lastDuration = 0.0
        var restored = false
        var evaluations = 0
    }

    public init(name: String, file: String, interval: Int64, limit: Int = 0, queryOffset: Int64 = 0, rules: [any Rule], fingerprint: String = "") {
        (self.name, self.file, self.interval, self.limit, self.queryOffset, self.rules) = (name, file, interval, limit, queryOffset, rules)
        self.fingerprint = fingerprint
        state.withLock { $0.previous = Array(repeating: [], count: rules.count) }
    }

    /// When it last started an evaluation (milliseconds) and how long that took (seconds).
    public var lastEvaluation: (time: Int64, seconds: Double) { state.withLock { ($0.lastEvaluation, $0.lastDuration) } }

    /// The group's place within the interval: Prometheus hashes the group's name and file, so its
    /// evaluations fall at `offset + k × interval`.
    var offset: Int64 {
        Int64(XXHash64.labels([("name", name), ("file", file)]) % UInt64(interval))
    }

    /// The evaluation time at or before `time` (Prometheus's `EvalTimestamp`).
    public func evaluationTime(atOrBefore time: Int64) -> Int64 {
        let adjusted = time - offset
        let base = adjusted - ((adjusted % interval) + interval) % interval
        return base + offset
    }

    /// Evaluates every rule at `time`, writes their samples to `sink` and sends alerts.
    public func evaluate(at time: Int64, context: RuleContext, sink: any SampleSink, sender: (any AlertSender)?, options: RuleOptions) {
        let clock = ContinuousClock()
        let started = clock.now
        let dimensions = [("rule_group", "\(file);\(name)")]
        var samplesTotal = 0
        // Consecutive rules reading the same series at this instant load them once.
        // …and identical subexpressions (the mixin's warning/critical pairs) are computed once.
        let sharing = SelectSharing(base: context.query.source)
        var engine = context.query.engine
        engine.sharedResults = SharedResults()
        var context = context
        context.query = RuleQuery(engine: engine, source: sharing)
        for (index, rule) in rules.enumerated() {
            defer { sharing.nextRule() }
            let ruleStarted = clock.now
            Counter(label: "etcdmon_rule_evaluations_total", dimensions: dimensions).increment()
            var status = RuleStatus()
            status.lastEvaluation = Timestamp.now()
            let samples: [VectorSample]
            do throws(RuleError) {
                samples = try rule.evaluate(at: time - queryOffset, context: context, limit: limit)
                status.health = .ok
            } catch {
                status.health = .err
                status.lastError = error.message
                status.evaluationSeconds = (clock.now - ruleStarted).totalSeconds
                rule.record(status)
                Counter(label: "etcdmon_rule_evaluation_failures_total", dimensions: dimensions).increment()
                options.logFailure(self, rule, error.message)
                continue
            }
            samplesTotal += samples.count
            if let alerting = rule as? AlertingRule, let sender {
                let alerts = alerting.alertsToSend(at: time, resendDelay: options.resendDelay, interval: interval, externalURL: context.externalURL)
                if !alerts.isEmpty { sender.send(alerts) }
            }
            var appender = sink.appender()
            var written = Set<Labels>()
            for sample in samples {
                do {
                    try appender.append(sample.labels, timestamp: time, value: sample.value)
                    written.insert(sample.labels)
                } catch {
                    status.health = .err
                    status.lastError = "\(error)"
                }
            }
            let previous = state.withLock { $0.previous[index] }
            for labels in previous where !written.contains(labels) {
                try? appender.append(labels, timestamp: time, value: StaleMarker.value)
            }
            do { try appender.commit() } catch {
                status.health = .err
                status.lastError = "\(error)"
                Counter(label: "etcdmon_rule_evaluation_failures_total", dimensions: dimensions).increment()
            }
            state.withLock { $0.previous[index] = written }
            status.evaluationSeconds = (clock.now - ruleStarted).totalSeconds
            rule.record(status)
        }
        let seconds = (clock.now - started).totalSeconds
        state.withLock { state in
            state.lastEvaluation = time
            state.lastDuration = seconds
            state.evaluations += 1
        }
        Gauge(label: "etcdmon_rule_group_last_duration_seconds", dimensions: dimensions).record(seconds)
        FloatingPointCounter(label: "etcdmon_rule_group_duration_seconds_total", dimensions: dimensions).increment(by: seconds)
        Gauge(label: "etcdmon_rule_group_last_evaluation_timestamp_seconds", dimensions: dimensions).record(Double(time) / 1000)
        Gauge(label: "etcdmon_rule_group_last_evaluation_samples", dimensions: dimensions).record(Double(samplesTotal))
        Gauge(label: "etcdmon_rule_group_interval_seconds", dimensions: dimensions).record(Double(interval) / 1000)
        Gauge(label: "etcdmon_rule_group_rules", dimensions: dimensions).record(Double(rules.count))
    }

    /// Restores alerting rules' `for` state (after the group's second evaluation, as Prometheus).
    func restoreIfDue(at time: Int64, context: RuleContext, options: RuleOptions) {
        let due = state.withLock { state -> Bool in
            guard !state.restored, state.evaluations >= 2 else { return false }
            state.restored = true
            return true
        }
        guard due else { return }
        for case let rule as AlertingRule in rules {
            rule.restore(at: time, context: context, outageTolerance: options.outageTolerance, gracePeriod: options.gracePeriod)
        }
    }

    /// Stale markers for every series the group wrote, when it is removed or etcdmon stops
    /// evaluating it.
    func markStale(at time: Int64, sink: any SampleSink) {
        let series = state.withLock { state in
            defer { state.previous = Array(repeating: [], count: rules.count) }
            return state.previous.flatMap { $0 }
        }
        guard !series.isEmpty else { return }
        var appender = sink.appender()
        for labels in series { try? appender.append(labels, timestamp: time, value: StaleMarker.value) }
        _ = try? appender.commit()
    }
}

import Config
import EtcdmonModel
import PromQL
import TSDB
import Templates

/// `etcdmon rules test`: promtool's rule unit tests (`promtool test rules`), with its verdicts and
/// its report. Each test group loads its input series into an in-memory head, evaluates every
/// group at each `evaluation_interval` from 0 (in `group_eval_order`), compares the alerts firing
/// at each `eval_time` with `exp_alerts`, then the `promql_expr_test` results with `exp_samples`.
public enum RuleTester {
    /// What a test file gave: whether it passed, and what promtool prints to each stream.
    public struct Outcome: Sendable {
        public var passed: Bool
        public var standardOutput: String
        public var standardError: String
    }

    public static func run(file path: String) -> Outcome {
        var output = "Unit Testing:  \(path)\n"
        let errors = test(path)
        if errors.isEmpty {
            output += "  SUCCESS\n\n"
            return Outcome(passed: true, standardOutput: output, standardError: "")
        }
        var standardError = "  FAILED:\n"
        for error in errors {
            standardError += error + "\n"
            output += "\n"
        }
        return Outcome(passed: false, standardOutput: output + "\n", standardError: standardError)
    }

    static func test(_ path: String) -> [String] {
        let file: RuleTestFile
        do { file = try RuleTestFile.load(file: path) } catch { return ["\(error)"] }
        var order: [String: Int] = [:]
        for (index, name) in file.groupEvaluationOrder.enumerated() {
            guard order[name] == nil else { return ["group name repeated in evaluation order: \(name)"] }
            order[name] = index
        }
        let ruleFiles: [String]
        do { ruleFiles = try RuleLoader.expand(file.ruleFiles) } catch { return ["\(error)"] }
        var errors: [String] = []
        for group in file.tests {
            errors += test(group, ruleFiles: ruleFiles, evaluationInterval: file.evaluationInterval, order: order)
        }
        return errors
    }

    private struct HeadSource: QuerierSource {
        let head: Head
        func querier() -> any Querier { head.querier() }
    }

    static func test(_ group: RuleTestGroup, ruleFiles: [String], evaluationInterval: Int64, order: [String: Int]) -> [String] {
        let head = Head()
        do {
            var appender = head.appender()
            for input in group.inputSeries {
                let labels = try SeriesNotation.labels(input.series)
                for (index, value) in try SeriesNotation.values(input.values).enumerated() {
                    guard case .sample(let sample) = value else { continue }
                    try appender.append(labels, timestamp: Int64(index) * group.interval, value: sample)
                }
            }
            try appender.commit()
        } catch let error as RuleError {
            return [error.message]
        } catch {
            return ["\(error)"]
        }
        var groups: [RuleGroup]
        do { groups = try RuleLoader.load(files: ruleFiles, defaultInterval: group.interval > 0 ? group.interval : evaluationInterval) } catch {
            return ["\(error)"]
        }
        groups = groups.enumerated().sorted { a, b in
            let (left, right) = (order[a.element.name] ?? 0, order[b.element.name] ?? 0)
            return left != right ? left < right : a.offset < b.offset
        }.map(\.element)
        for case let rule as AlertingRule in groups.flatMap(\.rules) { rule.markRestored() }

        var engine = Engine()
        engine.defaultSubqueryStep = evaluationInterval
        let context = RuleContext(query: RuleQuery(engine: engine, source: HeadSource(head: head)),
                                  externalLabels: Labels(group.externalLabels.map { Label($0.0, $0.1) }), externalURL: group.externalURL)
        let testName = group.name.isEmpty ? "" : "    name: \(group.name),\n"
        for test in group.alertTests where test.alertName.isEmpty {
            return ["an item under alert_rule_test misses required attribute alertname at eval_time \(PrometheusDuration.format(milliseconds: test.evaluationTime))"
                    + (group.name.isEmpty ? "" : " (in TestGroup \(group.name))")]
        }
        let alertTimes = Array(Set(group.alertTests.map(\.evaluationTime))).sorted()
        let lastTime = (group.alertTests.map(\.evaluationTime) + group.expressionTests.map(\.evaluationTime)).max() ?? 0
        var errors: [String] = []
        var next = 0
        var time: Int64 = 0
        while time <= lastTime {
            var evaluationErrors: [String] = []
            for ruleGroup in groups {
                ruleGroup.evaluate(at: time, context: context, sink: head, sender: nil, options: RuleOptions())
                for rule in ruleGroup.rules where rule.status.health == .err {
                    evaluationErrors.append("    rule: \(rule.name), time: \(goDuration(time)), err: \(rule.status.lastError)")
                }
            }
            errors += evaluationErrors
            if !evaluationErrors.isEmpty { return errors }
            // Alerts expected at an eval_time within [time, time + interval) are compared with this evaluation.
            while next < alertTimes.count, time <= alertTimes[next], alertTimes[next] < time + evaluationInterval {
                let at = alertTimes[next]
                for test in group.alertTests where test.evaluationTime == at {
                    var got: [AlertPair] = []
                    for ruleGroup in groups {
                        for case let rule as AlertingRule in ruleGroup.rules where rule.name == test.alertName {
                            got += rule.alerts.filter { $0.state == .firing }.map { AlertPair(labels: $0.labels, annotations: $0.annotations) }
                        }
                    }
                    let expected = test.expected.map { alert in
                        AlertPair(labels: Labels(alert.labels.map { Label($0.0, $0.1) }.filter { $0.name != "alertname" } + [Label("alertname", test.alertName)]),
                                  annotations: Labels(alert.annotations.map { Label($0.0, $0.1) }))
                    }.sorted()
                    got.sort()
                    if got != expected {
                        errors.append("\(testName)    alertname: \(test.alertName), time: \(PrometheusDuration.format(milliseconds: at)), \n"
                                      + "        exp:\(indent(AlertPair.describe(expected), "            ")), \n"
                                      + "        got:\(indent(AlertPair.describe(got), "            "))")
                    }
                }
                next += 1
            }
            time += evaluationInterval
        }
        for test in group.expressionTests {
            let time = PrometheusDuration.format(milliseconds: test.evaluationTime)
            let got: [VectorSample]
            do { got = try context.query.vector(try Parser.parse(test.expression), at: test.evaluationTime) } catch {
                errors.append("    expr: \(GoQuoting.quote(test.expression)), time: \(time), err: \(error)")
                continue
            }
            var expected: [(Labels, Double)] = []
            var bad = false
            for sample in test.expected {
                do { expected.append((try SeriesNotation.labels(sample.labels), sample.value)) } catch {
                    errors.append("    expr: \(GoQuoting.quote(test.expression)), time: \(time), err: labels \(GoQuoting.quote(sample.labels)): \(error.message)")
                    bad = true
                    break
                }
            }
            if bad { continue }
            let sortedExpected = expected.sorted { $0.0 < $1.0 }
            let sortedGot = got.map { ($0.labels, $0.value) }.sorted { $0.0 < $1.0 }
            // Go's DeepEqual: values compared with ==, so NaN never equals NaN.
            let equal = sortedExpected.count == sortedGot.count
                && zip(sortedExpected, sortedGot).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            if !equal {
                errors.append("    expr: \(GoQuoting.quote(test.expression)), time: \(time),\n        exp: \(samples(sortedExpected))\n        got: \(samples(sortedGot))")
            }
        }
        return errors
    }

    /// An alert's labels and annotations, ordered as promtool orders them (`Labels`' order is
    /// Prometheus's `labels.Compare`).
    struct AlertPair: Comparable {
        var labels: Labels
        var annotations: Labels

        static func < (lhs: AlertPair, rhs: AlertPair) -> Bool {
            lhs.labels != rhs.labels ? lhs.labels < rhs.labels : lhs.annotations < rhs.annotations
        }

        static func describe(_ pairs: [AlertPair]) -> String {
            guard !pairs.isEmpty else { return "[]" }
            var text = "["
            for (index, pair) in pairs.enumerated() {
                text += (index == 0 ? "\n" : ",\n") + "\(index):" + indent("\nLabels:" + goLabels(pair.labels) + "\nAnnotations:" + goLabels(pair.annotations), "  ")
            }
            return text + "\n]"
        }
    }

    /// Prometheus's `labels.Labels.String()`: `{a="1", b="2"}`, the name among them.
    static func goLabels(_ labels: Labels) -> String {
        "{" + labels.map { "\($0.name)=\(GoQuoting.quote($0.value))" }.joined(separator: ", ") + "}"
    }

    static func samples(_ samples: [(Labels, Double)]) -> String {
        guard !samples.isEmpty else { return "nil" }
        return samples.map { goLabels($0.0) + " " + GoFormat.shortest($0.1, verb: "e").uppercased().replacingInf }.joined(separator: ", ")
    }

    /// promtool's `indentLines`: every line after the first prefixed.
    static func indent(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { $0.offset == 0 ? String($0.element) : prefix + $0.element }
            .joined(separator: "\n")
    }

    /// Go's `time.Duration.String()` for whole milliseconds (`0s`, `1m0s`, `1h5m0s`, `1.5s`).
    static func goDuration(_ milliseconds: Int64) -> String {
        if milliseconds == 0 { return "0s" }
        let negative = milliseconds < 0
        var rest = milliseconds.magnitude
        var text = ""
        if rest < 1000 { return (negative ? "-" : "") + "\(rest)ms" }
        let fraction = rest % 1000
        rest /= 1000
        var seconds = "\(rest % 60)"
        if fraction != 0 {
            var digits = String(fraction).leftPadded3
            while digits.hasSuffix("0") { digits.removeLast() }
            seconds += "." + digits
        }
        text = seconds + "s"
        rest /= 60
        if rest > 0 {
            text = "\(rest % 60)m" + text
            rest /= 60
            if rest > 0 { text = "\(rest)h" + text }
        }
        return (negative ? "-" : "") + text
    }
}

extension String {
    fileprivate var leftPadded3: String { String(repeating: "0", count: max(0, 3 - count)) + self }
    /// Go's `%E` spells infinities `+Inf`, not `+INF`.
    fileprivate var replacingInf: String { self == "+INF" ? "+Inf" : self == "-INF" ? "-Inf" : self == "NAN" ? "NaN" : self }
}

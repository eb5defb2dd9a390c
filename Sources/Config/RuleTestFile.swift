import EtcdmonModel
import Foundation

/// A rule unit-test file in promtool's format (`promtool test rules`): rule files to load, the
/// evaluation interval, the order groups evaluate in, and test groups of input series with
/// expected alerts and query results.
public struct RuleTestFile: Sendable {
    public var file: String
    /// Rule files, resolved against the test file's directory (globs not yet expanded).
    public var ruleFiles: [String]
    /// Milliseconds between evaluations (default 1m).
    public var evaluationInterval: Int64
    public var groupEvaluationOrder: [String]
    public var tests: [RuleTestGroup]

    public static func load(file: String) throws(ConfigError) -> RuleTestFile {
        let text = try YAMLDocument.read(file)
        return try RuleTestFile(yaml: text, file: file, directory: (file as NSString).deletingLastPathComponent)
    }

    public init(yaml text: String, file: String = "<input>", directory: String = "") throws(ConfigError) {
        self.file = file
        let yaml = try YAMLMapping(try YAMLDocument.compose(text, file: file), file: file, path: "")
        ruleFiles = (try yaml.strings("rule_files") ?? []).map { HTTPClientSettings.resolve($0, in: directory) }
        evaluationInterval = try yaml.duration("evaluation_interval") ?? 0
        if evaluationInterval == 0 { evaluationInterval = 60_000 }
        groupEvaluationOrder = try yaml.strings("group_eval_order") ?? []
        tests = try yaml.mappings("tests").map { (entry) throws(ConfigError) in try RuleTestGroup(entry) }
        try yaml.finish()
    }
}

/// One `tests:` entry.
public struct RuleTestGroup: Sendable {
    public var name: String
    /// Milliseconds between input samples.
    public var interval: Int64
    public var inputSeries: [(series: String, values: String)]
    public var alertTests: [AlertRuleTest]
    public var expressionTests: [ExpressionTest]
    public var externalLabels: [(String, String)]
    public var externalURL: String

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        name = try yaml.string("name") ?? ""
        interval = try yaml.duration("interval") ?? 0
        inputSeries = try yaml.mappings("input_series").map { (entry) throws(ConfigError) in
            let series = (try entry.string("series") ?? "", try entry.string("values") ?? "")
            try entry.finish()
            return series
        }
        alertTests = try yaml.mappings("alert_rule_test").map { (entry) throws(ConfigError) in try AlertRuleTest(entry) }
        expressionTests = try yaml.mappings("promql_expr_test").map { (entry) throws(ConfigError) in try ExpressionTest(entry) }
        externalLabels = try yaml.stringMap("external_labels") ?? []
        externalURL = try yaml.string("external_url") ?? ""
        try yaml.finish()
    }
}

/// `alert_rule_test`: the alerts expected firing at `eval_time`.
public struct AlertRuleTest: Sendable {
    public var evaluationTime: Int64
    public var alertName: String
    public var expected: [(labels: [(String, String)], annotations: [(String, String)])]

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        evaluationTime = try yaml.duration("eval_time") ?? 0
        alertName = try yaml.string("alertname") ?? ""
        expected = try yaml.mappings("exp_alerts").map { (entry) throws(ConfigError) in
            let labels = try entry.stringMap("exp_labels") ?? []
            let annotations = try entry.stringMap("exp_annotations") ?? []
            try entry.finish()
            return (labels, annotations)
        }
        try yaml.finish()
    }
}

/// `promql_expr_test`: an expression's expected samples at `eval_time`.
public struct ExpressionTest: Sendable {
    public var expression: String
    public var evaluationTime: Int64
    public var expected: [(labels: String, value: Double)]

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        expression = try yaml.string("expr") ?? ""
        evaluationTime = try yaml.duration("eval_time") ?? 0
        expected = try yaml.mappings("exp_samples").map { (entry) throws(ConfigError) in
            let labels = try entry.string("labels") ?? ""
            let text = try entry.string("value") ?? "0"
            try entry.finish()
            guard let value = Double(text) ?? Self.goFloat(text) else { throw entry.error("value", "cannot unmarshal \(text) into float64") }
            return (labels, value)
        }
        try yaml.finish()
    }

    /// YAML's float spellings Go's decoder takes (`.inf`, `-.Inf`, `.nan`).
    static func goFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": .infinity
        case "-.inf": -.infinity
        case ".nan": .nan
        default: nil
        }
    }
}

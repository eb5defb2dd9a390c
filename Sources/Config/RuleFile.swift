import EtcdmonModel
import Foundation

/// A Prometheus rule file (`groups:` of recording and alerting rules), read with Prometheus's
/// `rulefmt` checks that need no PromQL: names, the fields each kind of rule may have, label
/// names, durations, duplicate groups. Expressions and templates are checked where they are
/// compiled (the Rules module), with the positions kept here.
public struct RuleFile: Sendable {
    /// Where it was read from.
    public var file: String
    public var groups: [RuleGroupConfig]

    /// Reads and checks a file.
    public static func load(file: String) throws(ConfigError) -> RuleFile {
        let text = try YAMLDocument.read(file)
        return try RuleFile(yaml: text, file: file)
    }

    /// Parses and checks YAML text.
    public init(yaml text: String, file: String = "<input>") throws(ConfigError) {
        self.file = file
        let yaml = try YAMLMapping(try YAMLDocument.compose(text, file: file), file: file, path: "")
        var names: Set<String> = []
        groups = []
        for (index, entry) in try yaml.mappings("groups").enumerated() {
            let group = try RuleGroupConfig(entry, file: file)
            guard names.insert(group.name).inserted else {
                throw entry.error("name", "groupname: \"\(group.name)\" is repeated in the same file (groups[\(index)])")
            }
            groups.append(group)
        }
        try yaml.finish()
    }

    /// A file made of `groups` (for rules built in rather than read).
    public init(file: String, groups: [RuleGroupConfig]) {
        self.file = file
        self.groups = groups
    }
}

/// One `groups:` entry.
public struct RuleGroupConfig: Sendable {
    public var name: String
    /// Milliseconds between evaluations; nil: the global `evaluation_interval`.
    public var interval: Int64?
    /// Most alerts or series a rule may produce (0: no limit).
    public var limit: Int
    /// How far back of the evaluation time the rules query (Prometheus 2.53's `query_offset`).
    public var queryOffset: Int64
    public var rules: [RuleConfig]
    /// The 1-based line of the group's entry.
    public var line: Int

    public init(name: String, interval: Int64? = nil, limit: Int = 0, queryOffset: Int64 = 0, rules: [RuleConfig], line: Int = 0) {
        (self.name, self.interval, self.limit, self.queryOffset, self.rules, self.line) = (name, interval, limit, queryOffset, rules, line)
    }

    init(_ yaml: YAMLMapping, file: String) throws(ConfigError) {
        line = yaml.position.line
        name = try yaml.string("name") ?? ""
        guard !name.isEmpty else { throw yaml.error("name", "Groupname must not be empty") }
        interval = try yaml.duration("interval")
        if let interval, interval <= 0 { throw yaml.error("interval", "interval must be positive") }
        limit = try yaml.integer("limit") ?? 0
        queryOffset = try yaml.duration("query_offset") ?? 0
        rules = []
        for (index, entry) in try yaml.mappings("rules").enumerated() {
            rules.append(try RuleConfig(entry, group: name, index: index))
        }
        _ = yaml.value("source_tenants")
        try yaml.finish()
    }
}

/// One rule of a group: a recording rule (`record`) or an alerting rule (`alert`).
public struct RuleConfig: Sendable {
    public enum Kind: Sendable, Equatable {
        case recording
        case alerting
    }

    public var kind: Kind
    /// The recorded metric's name or the alert's name.
    public var name: String
    public var expression: String
    /// Alerting rules: how long the condition must hold before firing (milliseconds).
    public var holdDuration: Int64
    /// Alerting rules: how long to keep firing after the condition stops holding.
    public var keepFiringFor: Int64
    public var labels: [(name: String, value: String)]
    public var annotations: [(name: String, value: String)]
    /// Positions for messages: the rule's entry and its `expr`.
    public var line: Int
    public var column: Int
    public var expressionLine: Int
    public var expressionColumn: Int

    public init(kind: Kind, name: String, expression: String, holdDuration: Int64 = 0, keepFiringFor: Int64 = 0,
                labels: [(name: String, value: String)] = [], annotations: [(name: String, value: String)] = []) {
        (self.kind, self.name, self.expression, self.holdDuration, self.keepFiringFor) = (kind, name, expression, holdDuration, keepFiringFor)
        (self.labels, self.annotations) = (labels, annotations)
        (line, column, expressionLine, expressionColumn) = (0, 0, 0, 0)
    }

    init(_ yaml: YAMLMapping, group: String, index: Int) throws(ConfigError) {
        (line, column) = yaml.position
        (expressionLine, expressionColumn) = yaml.position("expr")
        let record = try yaml.string("record")
        let alert = try yaml.string("alert")
        let described = "group \"\(group)\", rule \(index + 1), \"\(record ?? alert ?? "")\""
        func failure(_ key: String, _ reason: String) -> ConfigError {
            var error = yaml.error(key, "\(described): \(reason)")
            error.path = ""
            return error
        }
        switch (record, alert) {
        case (let record?, nil):
            kind = .recording
            name = record
        case (nil, let alert?):
            kind = .alerting
            name = alert
        case (.some, .some):
            throw failure("record", "only one of 'record' and 'alert' must be set")
        case (nil, nil):
            throw failure("expr", "one of 'record' or 'alert' must be set")
        }
        expression = try yaml.string("expr") ?? ""
        guard !expression.isEmpty else { throw failure("expr", "field 'expr' must be set in rule") }
        holdDuration = try yaml.duration("for") ?? 0
        keepFiringFor = try yaml.duration("keep_firing_for") ?? 0
        labels = try yaml.stringMap("labels") ?? []
        annotations = try yaml.stringMap("annotations") ?? []
        switch kind {
        case .recording:
            guard name.isEmpty ? false : LabelName.isValidMetricName(name) else {
                throw failure("record", "invalid recording rule name: \(name)")
            }
            if yaml.has("annotations") { throw failure("annotations", "invalid field 'annotations' in recording rule") }
            if yaml.has("for") { throw failure("for", "invalid field 'for' in recording rule") }
            if yaml.has("keep_firing_for") { throw failure("keep_firing_for", "invalid field 'keep_firing_for' in recording rule") }
        case .alerting:
            guard !name.isEmpty else { throw failure("alert", "field 'alert' must be set in rule") }
        }
        for label in labels {
            guard LabelName.isValid(label.name) else { throw failure("labels", "invalid label name: \(label.name)") }
            if label.name == Labels.metricName { throw failure("labels", "invalid label name: \(label.name)") }
        }
        for annotation in annotations where !LabelName.isValid(annotation.name) {
            throw failure("annotations", "invalid annotation name: \(annotation.name)")
        }
        try yaml.finish()
    }
}

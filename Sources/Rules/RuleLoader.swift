import Config
import EtcdmonModel
import Foundation
import PromQL

/// Turns rule files into rule groups: parses every expression and template, with Prometheus's
/// checks and `file:line:column` in every error, so a broken file is refused as a whole.
public enum RuleLoader {
    /// The groups of `files` (paths or globs, as `rule_files` lists them), in file order.
    public static func load(files: [String], defaultInterval: Int64) throws(ConfigError) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        for path in try expand(files) {
            groups += try self.groups(of: try RuleFile.load(file: path), defaultInterval: defaultInterval)
        }
        return groups
    }

    /// The paths a list of globs names, sorted within each glob; a glob that matches nothing adds nothing.
    public static func expand(_ patterns: [String]) throws(ConfigError) -> [String] {
        var paths: [String] = []
        for pattern in patterns {
            guard pattern.contains(where: { "*?[".contains($0) }) else {
                paths.append(pattern)
                continue
            }
            var result = glob_t()
            defer { globfree(&result) }
            let status = glob(pattern, 0, nil, &result)
            guard status == 0 || status == GLOB_NOMATCH else { throw ConfigError(file: pattern, reason: "error retrieving rule files") }
            let found = (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
            paths += found.sorted()
        }
        return paths
    }

    /// The groups of one parsed file.
    public static func groups(of file: RuleFile, defaultInterval: Int64) throws(ConfigError) -> [RuleGroup] {
        var groups: [RuleGroup] = []
        for group in file.groups {
            var rules: [any Rule] = []
            var fingerprint = "\(file.file)\u{0}\(group.name)\u{0}\(group.interval ?? defaultInterval)\u{0}\(group.limit)\u{0}\(group.queryOffset)"
            for (index, rule) in group.rules.enumerated() {
                rules.append(try compile(rule, index: index, group: group.name, file: file.file))
                fingerprint += "\u{0}\(rule.kind)\u{1}\(rule.name)\u{1}\(rule.expression)\u{1}\(rule.holdDuration)\u{1}\(rule.keepFiringFor)"
                    + "\u{1}\(rule.labels.map { "\($0.name)=\($0.value)" })\u{1}\(rule.annotations.map { "\($0.name)=\($0.value)" })"
            }
            groups.append(RuleGroup(name: group.name, file: file.file, interval: group.interval ?? defaultInterval, limit: group.limit,
                                    queryOffset: group.queryOffset, rules: rules, fingerprint: fingerprint))
        }
        return groups
    }

    /// One rule compiled: its expression and templates parsed. (An expression of the wrong type,
    /// `up[5m]`, is accepted as promtool accepts it, and fails when evaluated.)
    static func compile(_ rule: RuleConfig, index: Int, group: String, file: String) throws(ConfigError) -> any Rule {
        func failure(_ reason: String, line: Int = rule.expressionLine, column: Int = rule.expressionColumn) -> ConfigError {
            ConfigError(file: file, line: line, column: column, reason: "group \"\(group)\", rule \(index + 1), \"\(rule.name)\": \(reason)")
        }
        let expression: PromQL.Expression
        do { expression = try Parser.parse(rule.expression) } catch {
            throw failure("could not parse expression: \(error)")
        }
        let labels = Labels(rule.labels.map { Label($0.name, $0.value) })
        switch rule.kind {
        case .recording:
            return RecordingRule(name: rule.name, expression: expression, expressionText: rule.expression, labels: labels)
        case .alerting:
            let alerting = AlertingRule(name: rule.name, expression: expression, expressionText: rule.expression,
                                        holdDuration: rule.holdDuration, keepFiringFor: rule.keepFiringFor, labels: labels,
                                        annotations: Labels(rule.annotations.map { Label($0.name, $0.value) }))
            if let (field, error) = alerting.templateErrors.first {
                throw failure("\(field): \(error)", line: rule.line, column: rule.column)
            }
            return alerting
        }
    }
}

import EtcdmonModel

/// A node of the route tree as written (`route:` and its `routes:`); what a node leaves out it
/// inherits from its parent when the tree is built.
public struct AlertRouteConfig: Sendable {
    public var receiver: String?
    /// `group_by` labels; `nil` when not given or empty (then inherited).
    public var groupBy: [String]?
    /// `group_by: ['...']`: every label.
    public var groupByAll = false
    /// `match` (as `=`), `match_re` (as `=~`, anchored source) and `matchers`, sorted.
    public var matchers: [AlertMatcher] = []
    public var continues = false
    public var routes: [AlertRouteConfig] = []
    public var groupWait: Int64?
    public var groupInterval: Int64?
    public var repeatInterval: Int64?
    public var muteTimeIntervals: [String] = []
    public var activeTimeIntervals: [String] = []
    /// Where the node is in the file, for errors found when the tree is checked.
    public var line = 0

    public init(receiver: String? = nil) { self.receiver = receiver }

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        line = yaml.position.line
        receiver = try yaml.string("receiver")
        if let labels = try yaml.strings("group_by") {
            var seen: Set<String> = []
            for label in labels {
                if label == "..." {
                    groupByAll = true
                    continue
                }
                guard LabelName.isValid(label) else { throw yaml.error("group_by", "invalid label name \"\(label)\" in group_by list") }
                guard seen.insert(label).inserted else { throw yaml.error("group_by", "duplicated label \"\(label)\" in group_by") }
            }
            if groupByAll && labels.count > 1 {
                throw yaml.error("group_by", "cannot have wildcard group_by (`...`) and other other labels at the same time")
            }
            if !groupByAll && !labels.isEmpty { groupBy = labels }
        }
        var matchers: [AlertMatcher] = []
        for (name, value) in try yaml.stringMap("match") ?? [] {
            guard LabelName.isValid(name) else { throw yaml.error("match", "invalid label name \"\(name)\"") }
            matchers.append(try Self.matcher(.equal, name, value, yaml, "match"))
        }
        for (name, value) in try yaml.stringMap("match_re") ?? [] {
            guard LabelName.isValid(name) else { throw yaml.error("match_re", "invalid label name \"\(name)\"") }
            // Alertmanager keeps the anchored source (`^(?:…)$`), which shows in route keys.
            matchers.append(try Self.matcher(.regexMatch, name, "^(?:" + value + ")$", yaml, "match_re"))
        }
        for text in try yaml.strings("matchers") ?? [] {
            do { matchers += try AlertMatcher.parseList(text) } catch { throw yaml.error("matchers", error.description) }
        }
        self.matchers = AlertMatcher.sorted(matchers)
        continues = try yaml.bool("continue") ?? false
        groupWait = try NotificationConfig.duration(yaml, "group_wait")
        groupInterval = try NotificationConfig.duration(yaml, "group_interval")
        if groupInterval == 0 { throw yaml.error("group_interval", "group_interval cannot be zero") }
        repeatInterval = try NotificationConfig.duration(yaml, "repeat_interval")
        if repeatInterval == 0 { throw yaml.error("repeat_interval", "repeat_interval cannot be zero") }
        muteTimeIntervals = try yaml.strings("mute_time_intervals") ?? []
        activeTimeIntervals = try yaml.strings("active_time_intervals") ?? []
        routes = try yaml.mappings("routes").map { (child) throws(ConfigError) in try AlertRouteConfig(child) }
        try yaml.finish()
    }

    static func matcher(_ kind: LabelMatcher.Kind, _ name: String, _ value: String, _ yaml: YAMLMapping, _ key: String) throws(ConfigError) -> AlertMatcher {
        do { return try AlertMatcher(kind, name, value) } catch { throw yaml.error(key, error.description) }
    }
}

/// An `inhibit_rules:` entry: while an alert matching the source matchers fires, alerts matching
/// the target matchers with the same values of the `equal` labels are not notified.
public struct InhibitRuleConfig: Sendable {
    public var sourceMatchers: [AlertMatcher] = []
    public var targetMatchers: [AlertMatcher] = []
    public var equal: [String] = []

    public init(source: [AlertMatcher], target: [AlertMatcher], equal: [String]) {
        (sourceMatchers, targetMatchers, self.equal) = (source, target, equal)
    }

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        for side in ["source", "target"] {
            var matchers: [AlertMatcher] = []
            for (name, value) in try yaml.stringMap(side + "_match") ?? [] {
                guard LabelName.isValid(name) else { throw yaml.error(side + "_match", "invalid label name \"\(name)\"") }
                matchers.append(try AlertRouteConfig.matcher(.equal, name, value, yaml, side + "_match"))
            }
            for (name, value) in try yaml.stringMap(side + "_match_re") ?? [] {
                guard LabelName.isValid(name) else { throw yaml.error(side + "_match_re", "invalid label name \"\(name)\"") }
                matchers.append(try AlertRouteConfig.matcher(.regexMatch, name, "^(?:" + value + ")$", yaml, side + "_match_re"))
            }
            for text in try yaml.strings(side + "_matchers") ?? [] {
                do { matchers += try AlertMatcher.parseList(text) } catch { throw yaml.error(side + "_matchers", error.description) }
            }
            if side == "source" { sourceMatchers = matchers } else { targetMatchers = matchers }
        }
        equal = try yaml.strings("equal") ?? []
        for name in equal where !LabelName.isValid(name) { throw yaml.error("equal", "invalid label name \"\(name)\"") }
        try yaml.finish()
    }
}

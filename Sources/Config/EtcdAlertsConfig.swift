/// `etcd.alerts`: the built-in etcd alert pack, on by default, and how it is adjusted.
///
/// ```yaml
/// etcd:
///   alerts:
///     enabled: true
///     selector: 'job="etcd"'          # the mixin's etcd_selector (default job=~".*etcd.*")
///     disable: [etcdMembersDown]
///     override:
///       etcdNoLeader: {for: 30s, labels: {severity: page}}
/// ```
public struct EtcdAlertsConfig: Sendable {
    public var enabled = true
    /// The label matchers that select etcd's own series, without braces.
    public var selector = #"job=~".*etcd.*""#
    /// Alert names left out.
    public var disabled: Set<String> = []
    /// Per alert name: a different `for`, extra or replaced labels.
    public var overrides: [String: Override] = [:]
    /// Evaluation interval of the pack's groups (default: `global.evaluation_interval`).
    public var interval: Int64?

    /// What may be changed of one alert.
    public struct Override: Sendable {
        public var holdDuration: Int64?
        public var keepFiringFor: Int64?
        public var labels: [(String, String)] = []
    }

    public init() {}

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        enabled = try yaml.bool("enabled") ?? true
        selector = try yaml.string("selector") ?? selector
        disabled = Set(try yaml.strings("disable") ?? [])
        interval = try yaml.duration("interval")
        if let overrideYAML = try yaml.mapping("override") {
            for name in overrideYAML.keys {
                guard let entry = try overrideYAML.mapping(name) else { continue }
                var override = Override()
                override.holdDuration = try entry.duration("for")
                override.keepFiringFor = try entry.duration("keep_firing_for")
                override.labels = try entry.stringMap("labels") ?? []
                try entry.finish()
                overrides[name] = override
            }
            try overrideYAML.finish()
        }
        try yaml.finish()
    }
}

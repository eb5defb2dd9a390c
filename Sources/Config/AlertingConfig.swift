import EtcdmonModel

/// prometheus.yml's `alerting:` section: where alerts are sent, and how they are relabelled first.
public struct AlertingConfig: Sendable {
    public var alertRelabelConfigs: [RelabelRule] = []
    public var alertmanagers: [AlertmanagerConfig] = []

    public init() {}

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        alertRelabelConfigs = try yaml.mappings("alert_relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        alertmanagers = try yaml.mappings("alertmanagers").map { (entry) throws(ConfigError) in try AlertmanagerConfig(entry, directory: directory) }
        try yaml.finish()
    }
}

/// One `alertmanagers:` entry: a set of Alertmanagers, found statically or in files, and how to reach them.
public struct AlertmanagerConfig: Sendable {
    public var scheme = "http"
    public var pathPrefix = "/"
    /// Milliseconds a push may take (default 10s).
    public var timeout: Int64 = 10_000
    /// Only `v2` (Alertmanager 0.25 has no v1 API).
    public var apiVersion = "v2"
    public var http = HTTPClientSettings()
    public var staticConfigs: [TargetGroup] = []
    public var fileSDConfigs: [FileSDConfig] = []
    public var relabelConfigs: [RelabelRule] = []

    public init(targets: [String] = []) {
        staticConfigs = [TargetGroup(targets: targets.map { Labels([Label("__address__", $0)]) }, source: "static/0")]
    }

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        scheme = try yaml.string("scheme") ?? scheme
        pathPrefix = try yaml.string("path_prefix") ?? pathPrefix
        timeout = try yaml.duration("timeout") ?? timeout
        apiVersion = try yaml.string("api_version") ?? apiVersion
        http = try HTTPClientSettings(yaml, directory: directory)
        staticConfigs = try yaml.mappings("static_configs").enumerated().map { (index, group) throws(ConfigError) in
            try TargetGroup(group, source: "static/\(index)")
        }
        fileSDConfigs = try yaml.mappings("file_sd_configs").map { (entry) throws(ConfigError) in try FileSDConfig(entry, directory: directory) }
        relabelConfigs = try yaml.mappings("relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        try yaml.finish()
        guard scheme == "http" || scheme == "https" else { throw yaml.error("scheme", "must be http or https, got \"\(scheme)\"") }
        guard apiVersion == "v2" else { throw yaml.error("api_version", "expected Alertmanager api version to be one of [v2] but got \(apiVersion)") }
        guard timeout > 0 else { throw yaml.error("timeout", "must be greater than 0") }
    }

    /// The push URLs of the Alertmanagers it names now: targets (static and from files) relabelled,
    /// `__scheme__`, `__address__` and `__alerts_path__` making the URL, as Prometheus's notifier does.
    public func urls() -> [String] {
        var groups = staticConfigs
        for config in fileSDConfigs {
            for file in config.matchingFiles() { groups += (try? FileSDConfig.read(file)) ?? [] }
        }
        let path = (pathPrefix.hasSuffix("/") ? String(pathPrefix.dropLast()) : pathPrefix) + "/api/v2/alerts"
        var urls: [String] = []
        for group in groups {
            for target in group.targets {
                var elements = target.elements
                for label in group.labels where target[label.name] == nil { elements.append(label) }
                elements.append(Label("__scheme__", scheme))
                elements.append(Label("__alerts_path__", path))
                guard let relabelled = RelabelRule.apply(relabelConfigs, to: Labels(elements)),
                      let address = relabelled["__address__"], !address.isEmpty else { continue }
                urls.append("\(relabelled["__scheme__"] ?? scheme)://\(address)\(relabelled["__alerts_path__"] ?? path)")
            }
        }
        return urls
    }
}

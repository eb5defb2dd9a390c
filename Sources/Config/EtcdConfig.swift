/// The `etcd:` section: clusters etcdmon watches by their member list, probes and scrapes.
public struct EtcdConfig: Sendable {
    /// The clusters.
    public var clusters: [EtcdClusterConfig] = []
    /// The built-in alert pack's settings.
    public var alerts = EtcdAlertsConfig()
    /// Profiles captured when alerts fire.
    public var profiling = EtcdProfilingConfig()

    init(_ yaml: YAMLMapping, global: GlobalConfig, directory: String) throws(ConfigError) {
        clusters = try yaml.mappings("clusters").map { (entry) throws(ConfigError) in
            try EtcdClusterConfig(entry, global: global, directory: directory)
        }
        if let alertsYAML = try yaml.mapping("alerts") { alerts = try EtcdAlertsConfig(alertsYAML) }
        if let profilingYAML = try yaml.mapping("profiling") { profiling = try EtcdProfilingConfig(profilingYAML) }
        try yaml.finish()
        var names: Set<String> = []
        for (index, cluster) in clusters.enumerated() where !names.insert(cluster.name).inserted {
            throw ConfigError(file: yaml.file, path: "etcd.clusters[\(index)].name", reason: "cluster name \"\(cluster.name)\" given twice")
        }
    }
}

/// A probe etcdmon runs against every member.
public enum ProbeKind: String, Sendable, CaseIterable, Comparable {
    case health, livez, readyz, status

    public static func < (lhs: ProbeKind, rhs: ProbeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One etcd cluster.
public struct EtcdClusterConfig: Sendable {
    /// The `cluster` label of its series.
    public var name: String
    /// Client URLs to start from (`http://127.0.10.1:2379`).
    public var endpoints: [String]
    /// Follow the cluster's member list: members added or removed become or stop being targets.
    public var discovery = true
    /// Milliseconds between member-list refreshes.
    public var refreshInterval: Int64 = 30_000
    /// Probes to run, every `probeInterval`.
    public var probes: [ProbeKind] = ProbeKind.allCases
    /// Milliseconds between probe rounds.
    public var probeInterval: Int64
    /// Milliseconds a probe request may take.
    public var probeTimeout: Int64
    /// Whether to scrape each member's `/metrics` as well.
    public var scrape = true
    /// The scrape job (and `job` label) of the members' metrics.
    public var jobName = "etcd"
    public var metricsPath = "/metrics"
    public var scrapeInterval: Int64
    public var scrapeTimeout: Int64
    /// Credentials and TLS for probes and scrapes.
    public var http = HTTPClientSettings()
    public var relabelConfigs: [RelabelRule] = []
    public var metricRelabelConfigs: [RelabelRule] = []

    init(_ yaml: YAMLMapping, global: GlobalConfig, directory: String) throws(ConfigError) {
        guard let name = try yaml.string("name"), !name.isEmpty else { throw yaml.error("name", "name is required") }
        self.name = name
        endpoints = try yaml.strings("endpoints") ?? []
        guard !endpoints.isEmpty else { throw yaml.error("endpoints", "at least one endpoint is required") }
        for endpoint in endpoints where !(endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://")) {
            throw yaml.error("endpoints", "\"\(endpoint)\" must be a client URL (http://host:port or https://host:port)")
        }
        if let discoveryYAML = try yaml.mapping("discovery") {
            discovery = try discoveryYAML.bool("enabled") ?? true
            refreshInterval = try discoveryYAML.duration("refresh_interval") ?? refreshInterval
            try discoveryYAML.finish()
        }
        scrapeInterval = try yaml.duration("scrape_interval") ?? global.scrapeInterval
        scrapeTimeout = try yaml.duration("scrape_timeout") ?? min(global.scrapeTimeout, scrapeInterval)
        probeInterval = scrapeInterval
        probeTimeout = scrapeTimeout
        if let probesYAML = try yaml.mapping("probes") {
            if let kinds = try probesYAML.strings("run") {
                probes = try kinds.map { (kind) throws(ConfigError) in
                    guard let probe = ProbeKind(rawValue: kind) else {
                        throw probesYAML.error("run", "unknown probe \"\(kind)\" (health, livez, readyz, status)")
                    }
                    return probe
                }
            }
            probeInterval = try probesYAML.duration("interval") ?? probeInterval
            probeTimeout = try probesYAML.duration("timeout") ?? min(probeTimeout, probeInterval)
            try probesYAML.finish()
        }
        scrape = try yaml.bool("scrape") ?? true
        jobName = try yaml.string("job_name") ?? jobName
        metricsPath = try yaml.string("metrics_path") ?? metricsPath
        http = try HTTPClientSettings(yaml, directory: directory)
        relabelConfigs = try yaml.mappings("relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        metricRelabelConfigs = try yaml.mappings("metric_relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        try yaml.finish()
        guard scrapeTimeout <= scrapeInterval else { throw yaml.error("scrape_timeout", "greater than scrape_interval") }
        guard probeInterval > 0, refreshInterval > 0 else { throw yaml.error("intervals must be greater than 0") }
    }

    /// The scrape job for the members' `/metrics`; its targets come from the member list.
    public var scrapeConfig: ScrapeConfig {
        var job = ScrapeConfig(jobName: jobName)
        job.scrapeInterval = scrapeInterval
        job.scrapeTimeout = scrapeTimeout
        job.metricsPath = metricsPath
        job.scheme = endpoints.first?.hasPrefix("https://") == true ? "https" : "http"
        job.http = http
        job.relabelConfigs = relabelConfigs
        job.metricRelabelConfigs = metricRelabelConfigs
        job.etcdCluster = name
        return job
    }
}

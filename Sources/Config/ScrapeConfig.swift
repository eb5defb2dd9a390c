/// One `scrape_configs` entry: a job, how to scrape it, and where its targets come from.
public struct ScrapeConfig: Sendable {
    public var jobName: String
    /// Milliseconds between scrapes.
    public var scrapeInterval: Int64
    /// Milliseconds a scrape may take.
    public var scrapeTimeout: Int64
    public var metricsPath = "/metrics"
    /// `http` or `https`.
    public var scheme = "http"
    /// URL query parameters.
    public var params: [(String, [String])] = []
    public var http = HTTPClientSettings()
    /// Keep the target's own labels on conflict instead of renaming them `exported_*`.
    public var honorLabels = false
    /// Use the timestamps the target exposes.
    public var honorTimestamps = true
    public var staticConfigs: [TargetGroup] = []
    public var fileSDConfigs: [FileSDConfig] = []
    public var relabelConfigs: [RelabelRule] = []
    public var metricRelabelConfigs: [RelabelRule] = []
    /// Maximum samples per scrape after metric relabelling (0: no limit); above it the scrape fails.
    public var sampleLimit = 0
    /// Maximum uncompressed body bytes (0: no limit); above it the scrape fails.
    public var bodySizeLimit = 0
    /// Maximum labels per series after metric relabelling (0: no limit); above it the scrape fails.
    public var labelLimit = 0
    /// Maximum bytes of a label name (0: no limit); a longer one fails the scrape.
    public var labelNameLengthLimit = 0
    /// Maximum bytes of a label value (0: no limit); a longer one fails the scrape.
    public var labelValueLengthLimit = 0
    /// Maximum targets after relabelling (0: no limit); above it every target of the job is down.
    public var targetLimit = 0
    /// The etcd cluster whose members this job scrapes, for jobs made from the `etcd:` section.
    public var etcdCluster: String?

    /// A job with the global defaults.
    public init(jobName: String, global: GlobalConfig = .init()) {
        self.jobName = jobName
        scrapeInterval = global.scrapeInterval
        scrapeTimeout = global.scrapeTimeout
    }

    init(_ yaml: YAMLMapping, global: GlobalConfig, directory: String) throws(ConfigError) {
        guard let jobName = try yaml.string("job_name"), !jobName.isEmpty else { throw yaml.error("job_name", "job_name is required") }
        self.jobName = jobName
        scrapeInterval = try yaml.duration("scrape_interval") ?? global.scrapeInterval
        let timeout = try yaml.duration("scrape_timeout")
        scrapeTimeout = timeout ?? min(global.scrapeTimeout, scrapeInterval)
        metricsPath = try yaml.string("metrics_path") ?? metricsPath
        scheme = try yaml.string("scheme") ?? scheme
        if let paramsYAML = try yaml.mapping("params") {
            var params: [(String, [String])] = []
            for key in paramsYAML.keys {
                params.append((key, try paramsYAML.strings(key) ?? []))
            }
            try paramsYAML.finish()
            self.params = params
        }
        http = try HTTPClientSettings(yaml, directory: directory)
        honorLabels = try yaml.bool("honor_labels") ?? false
        honorTimestamps = try yaml.bool("honor_timestamps") ?? true
        staticConfigs = try yaml.mappings("static_configs").enumerated().map { (index, group) throws(ConfigError) in
            try TargetGroup(group, source: "static/\(index)")
        }
        fileSDConfigs = try yaml.mappings("file_sd_configs").map { (entry) throws(ConfigError) in
            try FileSDConfig(entry, directory: directory)
        }
        relabelConfigs = try yaml.mappings("relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        metricRelabelConfigs = try yaml.mappings("metric_relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        sampleLimit = try yaml.integer("sample_limit") ?? 0
        bodySizeLimit = try yaml.byteSize("body_size_limit") ?? 0
        labelLimit = try yaml.integer("label_limit") ?? 0
        labelNameLengthLimit = try yaml.integer("label_name_length_limit") ?? 0
        labelValueLengthLimit = try yaml.integer("label_value_length_limit") ?? 0
        targetLimit = try yaml.integer("target_limit") ?? 0
        try yaml.finish()

        guard scheme == "http" || scheme == "https" else { throw yaml.error("scheme", "must be http or https, got \"\(scheme)\"") }
        guard metricsPath.hasPrefix("/") else { throw yaml.error("metrics_path", "must start with /") }
        guard scrapeInterval > 0 else { throw yaml.error("scrape_interval", "must be greater than 0") }
        guard scrapeTimeout <= scrapeInterval else {
            throw yaml.error(timeout == nil ? "scrape_interval" : "scrape_timeout",
                             "scrape timeout (\(scrapeTimeout) ms) greater than scrape interval (\(scrapeInterval) ms)")
        }
    }
}

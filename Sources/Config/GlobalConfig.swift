import EtcdmonModel

/// `global:`: defaults every scrape job inherits, and labels added to everything sent out.
public struct GlobalConfig: Sendable, Equatable {
    /// Milliseconds between scrapes (Prometheus's default: 1m).
    public var scrapeInterval: Int64 = 60_000
    /// Milliseconds a scrape may take (default 10s).
    public var scrapeTimeout: Int64 = 10_000
    /// Milliseconds between rule evaluations (default 1m).
    public var evaluationInterval: Int64 = 60_000
    /// Labels attached to alerts and remote writes.
    public var externalLabels: Labels = .empty

    /// The defaults.
    public init() {}

    init(_ yaml: YAMLMapping?) throws(ConfigError) {
        guard let yaml else { return }
        scrapeInterval = try yaml.duration("scrape_interval") ?? scrapeInterval
        scrapeTimeout = try yaml.duration("scrape_timeout") ?? min(scrapeTimeout, scrapeInterval)
        evaluationInterval = try yaml.duration("evaluation_interval") ?? evaluationInterval
        let labels = try yaml.stringMap("external_labels") ?? []
        for (name, _) in labels where !LabelName.isValid(name) {
            throw yaml.error("external_labels", "\"\(name)\" is not a valid label name")
        }
        externalLabels = Labels(labels.map { Label($0.0, $0.1) })
        _ = yaml.value("query_log_file") // accepted, unused: etcdmon has no query log
        try yaml.finish()
        guard scrapeInterval > 0 else { throw yaml.error("scrape_interval", "must be greater than 0") }
        guard scrapeTimeout <= scrapeInterval else {
            throw yaml.error("scrape_timeout", "scrape timeout greater than scrape interval")
        }
    }
}

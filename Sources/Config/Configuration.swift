import EtcdmonModel
import Foundation
import Yams

/// A whole configuration file: Prometheus's `prometheus.yml` keys plus etcdmon's `etcd:` section.
public struct Configuration: Sendable {
    public var global = GlobalConfig()
    /// Explicit scrape jobs, then one per etcd cluster that is scraped.
    public var scrapeConfigs: [ScrapeConfig] = []
    /// Rule file paths (globs allowed), resolved against the config file's directory.
    public var ruleFiles: [String] = []
    /// Where alerts go (`alerting:`).
    public var alerting = AlertingConfig()
    /// Clusters to watch.
    public var etcdClusters: [EtcdClusterConfig] = []
    /// Where samples are sent (`remote_write`).
    public var remoteWrite: [RemoteWriteConfig] = []
    /// The built-in etcd alert pack's settings (`etcd.alerts`).
    public var etcdAlerts = EtcdAlertsConfig()
    /// Profiles captured when alerts fire (`etcd.profiling`).
    public var etcdProfiling = EtcdProfilingConfig()
    /// An alertmanager.yml given inline (`alertmanager_config:`), for the built-in Alertmanager.
    public var alertmanagerConfig: NotificationConfig?
    /// The file's text, as `/api/v1/status/config` shows it.
    public var source = ""
    /// Where it was read from.
    public var file = "<input>"

    /// An empty configuration (no targets).
    public init() {}

    /// Reads and checks a file.
    public static func load(file: String) throws(ConfigError) -> Configuration {
        let text = try YAMLDocument.read(file)
        let directory = (file as NSString).deletingLastPathComponent
        return try Configuration(yaml: text, file: file, directory: directory)
    }

    /// Parses and checks YAML text; relative paths resolve against `directory`.
    public init(yaml text: String, file: String = "<input>", directory: String = "") throws(ConfigError) {
        self.file = file
        source = text
        let root = try YAMLDocument.compose(text, file: file)
        let yaml = try YAMLMapping(root, file: file, path: "")
        global = try GlobalConfig(try yaml.mapping("global"))
        scrapeConfigs = try yaml.mappings("scrape_configs").map { (entry) throws(ConfigError) in
            try ScrapeConfig(entry, global: global, directory: directory)
        }
        ruleFiles = (try yaml.strings("rule_files") ?? []).map { HTTPClientSettings.resolve($0, in: directory) }
        if let etcdYAML = try yaml.mapping("etcd") {
            let etcd = try EtcdConfig(etcdYAML, global: global, directory: directory)
            etcdClusters = etcd.clusters
            etcdAlerts = etcd.alerts
            etcdProfiling = etcd.profiling
        }
        if let alertingYAML = try yaml.mapping("alerting") {
            alerting = try AlertingConfig(alertingYAML, directory: directory)
        }
        if let alertmanagerYAML = try yaml.mapping("alertmanager_config") {
            alertmanagerConfig = try NotificationConfig(alertmanagerYAML, text: alertmanagerYAML.serialized, file: file, directory: directory)
        }
        // Sections of prometheus.yml that etcdmon does not act on yet: accepted so a user's file loads.
        remoteWrite = try yaml.mappings("remote_write").map { (entry) throws(ConfigError) in try RemoteWriteConfig(entry, directory: directory) }
        var names = Set<String>()
        for (index, entry) in remoteWrite.enumerated() where !names.insert(entry.name).inserted {
            throw ConfigError(file: file, path: "remote_write[\(index)].name", reason: "found multiple remote write configs with job name \"\(entry.name)\"")
        }
        // remote_read (etcdmon as a reader of other stores), storage and tracing are accepted and not used.
        for key in ["remote_read", "storage", "tracing"] { _ = yaml.value(key) }
        try yaml.finish()
        scrapeConfigs += etcdClusters.filter(\.scrape).map(\.scrapeConfig)
        var jobs: [String: Int] = [:]
        for (index, job) in scrapeConfigs.enumerated() {
            if let first = jobs[job.jobName] {
                throw ConfigError(file: file, path: "scrape_configs[\(index)].job_name",
                                  reason: "found multiple scrape configs with job name \"\(job.jobName)\" (first at scrape_configs[\(first)])")
            }
            jobs[job.jobName] = index
        }
    }
}

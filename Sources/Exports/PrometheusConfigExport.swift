import Config
import EtcdmonModel
import Foundation
import Yams

/// `etcdmon export prometheus`: the user's configuration as a prometheus.yml a Prometheus 2.x
/// loads — every section it already had, unchanged, with each `etcd:` cluster turned into a
/// scrape job of static targets labelled as etcdmon labels them (`cluster`, `member`), so the
/// same PromQL (the dashboard's, the alert pack's) gives the same series on both.
package struct PrometheusConfigExport: Sendable {
    /// The configuration exported.
    package var configuration: Configuration
    /// Each cluster's members (by cluster name); a cluster missing here is exported with its
    /// configured endpoints.
    package var members: [String: [ExportedMember]]
    /// The rule file holding the alert pack, as prometheus.yml should name it (nil: none).
    package var alertPackFile: String?

    package init(configuration: Configuration, members: [String: [ExportedMember]], alertPackFile: String?) {
        self.configuration = configuration
        self.members = members
        self.alertPackFile = alertPackFile
    }

    /// Keys of an `etcd.clusters[]` entry that mean the same in a Prometheus scrape config.
    private static let scrapeKeys = [
        "metrics_path", "basic_auth", "authorization", "bearer_token", "bearer_token_file", "tls_config",
        "follow_redirects", "relabel_configs", "metric_relabel_configs",
    ]
    /// Keys whose values are files, made absolute so the output may live in another directory
    /// (paths in the user's own `scrape_configs` and `alerting` are left as written).
    private static let fileKeys: Set<String> = ["ca_file", "cert_file", "key_file", "password_file", "credentials_file", "bearer_token_file"]

    /// The prometheus.yml text.
    package func yaml() throws(ExportError) -> String {
        let directory = (configuration.file as NSString).deletingLastPathComponent
        guard case .mapping(var root)? = try? Yams.compose(yaml: configuration.source.isEmpty ? "{}" : configuration.source) ?? Node.mapping([:]) else {
            throw ExportError("prometheus.yml", "\(configuration.file) is not a YAML mapping")
        }
        let clusterNodes = root["etcd"]?.mapping?["clusters"]?.sequence.map(Array.init) ?? []
        for key in ["etcd", "alertmanager_config"] { root[key] = nil }

        var scrapeConfigs = root["scrape_configs"]?.sequence.map(Array.init) ?? []
        for (index, cluster) in configuration.etcdClusters.enumerated() where cluster.scrape {
            scrapeConfigs.append(job(for: cluster, source: index < clusterNodes.count ? clusterNodes[index].mapping : nil, directory: directory))
        }
        if !scrapeConfigs.isEmpty { root["scrape_configs"] = Node.sequence(Node.Sequence(scrapeConfigs)) }

        var ruleFiles = configuration.ruleFiles.map { Node($0) }
        if let alertPackFile, configuration.etcdAlerts.enabled { ruleFiles.append(Node(alertPackFile)) }
        root["rule_files"] = ruleFiles.isEmpty ? nil : Node.sequence(Node.Sequence(ruleFiles))
        do {
            return try Yams.serialize(node: .mapping(root), indent: 2, width: -1)
        } catch {
            throw ExportError("prometheus.yml", "\(error)")
        }
    }

    private func job(for cluster: EtcdClusterConfig, source: Node.Mapping?, directory: String) -> Node {
        var job = Node.Mapping([])
        job["job_name"] = Node(cluster.jobName)
        job["scrape_interval"] = Node(PrometheusDuration.format(milliseconds: cluster.scrapeInterval))
        job["scrape_timeout"] = Node(PrometheusDuration.format(milliseconds: cluster.scrapeTimeout))
        for key in Self.scrapeKeys {
            guard let value = source?[key] else { continue }
            if Self.fileKeys.contains(key), let path = value.string {
                job[key] = Node(HTTPClientSettings.resolve(path, in: directory))
            } else {
                job[key] = absolutePaths(value, directory: directory)
            }
        }
        let found = members[cluster.name] ?? cluster.endpoints.compactMap { endpoint in
            URLComponents(string: endpoint).flatMap { url in
                url.host.map { ExportedMember(address: "\($0):\(url.port ?? 2379)", scheme: url.scheme ?? "http", name: nil) }
            }
        }
        // A job has one scheme: the members' (from the member list), else the configured endpoints'.
        job["scheme"] = Node(found.first?.scheme ?? cluster.scrapeConfig.scheme)
        // One group per member, so each target carries its own `member` label as etcdmon's do.
        let groups = found.map { member -> Node in
            var labels = Node.Mapping([])
            labels["cluster"] = Node(cluster.name)
            if let name = member.name { labels["member"] = Node(name) }
            var group = Node.Mapping([])
            group["targets"] = Node.sequence(Node.Sequence([Node(member.address)]))
            group["labels"] = .mapping(labels)
            return .mapping(group)
        }
        job["static_configs"] = Node.sequence(Node.Sequence(groups))
        return .mapping(job)
    }

    private func absolutePaths(_ node: Node, directory: String) -> Node {
        guard case .mapping(var mapping) = node else { return node }
        for key in Self.fileKeys {
            if let path = mapping[key]?.string, !path.hasPrefix("/") { mapping[key] = Node(HTTPClientSettings.resolve(path, in: directory)) }
        }
        return .mapping(mapping)
    }
}

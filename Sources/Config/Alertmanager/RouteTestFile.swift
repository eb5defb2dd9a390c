import EtcdmonModel
import Foundation

/// A file of routing assertions for `etcdmon alertmanager routes test`: for given labels, which
/// receivers an alert goes to, with which group labels, and whether other firing alerts inhibit it.
///
/// ```yaml
/// config: alertmanager.yml        # relative to this file
/// tests:
///   - name: quorum loss pages the on-call
///     labels: {alertname: etcdNoLeader, severity: critical, job: etcd}
///     receivers: [pager, team-etcd]           # in the order the routes match
///     group_labels: {alertname: etcdNoLeader} # optional: of the first route matched
///   - labels: {alertname: etcdHighFsync, severity: warning, cluster: a}
///     firing: [{alertname: etcdNoLeader, severity: critical, cluster: a}]
///     inhibited: true
/// ```
public struct RouteTestFile: Sendable {
    public var file: String
    /// The alertmanager.yml tested.
    public var config: String
    public var tests: [Case]

    /// One assertion.
    public struct Case: Sendable {
        public var name: String
        public var labels: Labels
        public var receivers: [String]?
        public var groupLabels: Labels?
        public var firing: [Labels]
        public var inhibited: Bool?
        public var line: Int
    }

    public static func load(file: String) throws(ConfigError) -> RouteTestFile {
        let yaml = try YAMLMapping(try YAMLDocument.compose(try YAMLDocument.read(file), file: file), file: file, path: "")
        guard let config = try yaml.string("config") else { throw yaml.error("config", "required: the alertmanager.yml to test") }
        var tests: [Case] = []
        for (index, entry) in try yaml.mappings("tests").enumerated() {
            func labels(_ pairs: [(String, String)]) -> Labels { Labels(pairs.map { Label($0.0, $0.1) }) }
            guard let given = try entry.stringMap("labels"), !given.isEmpty else { throw entry.error("labels", "required") }
            var firing: [Labels] = []
            for item in try entry.mappings("firing") {
                var pairs: [(String, String)] = []
                for key in item.keys { pairs.append((key, try item.string(key) ?? "")) }
                firing.append(labels(pairs))
            }
            tests.append(Case(name: try entry.string("name") ?? "test \(index + 1)", labels: labels(given),
                              receivers: try entry.strings("receivers"), groupLabels: try entry.stringMap("group_labels").map(labels),
                              firing: firing, inhibited: try entry.bool("inhibited"), line: entry.position.line))
            try entry.finish()
        }
        try yaml.finish()
        let directory = (file as NSString).deletingLastPathComponent
        return RouteTestFile(file: file, config: HTTPClientSettings.resolve(config, in: directory), tests: tests)
    }
}

import EtcdmonModel

/// Targets found together (one `static_configs` entry, one file_sd group, one etcd cluster), each a
/// label set holding at least `__address__`, plus labels common to the group.
public struct TargetGroup: Sendable, Equatable {
    /// One label set per target.
    public var targets: [Labels]
    /// Labels every target of the group gets (a target's own labels win).
    public var labels: Labels
    /// Where the group came from (`static/0`, a file path, `etcd/main`), for messages.
    public var source: String

    /// Creates a group.
    public init(targets: [Labels], labels: Labels = .empty, source: String) {
        self.targets = targets
        self.labels = labels
        self.source = source
    }

    /// A `static_configs` entry (or a file_sd group, which has the same shape).
    init(_ yaml: YAMLMapping, source: String) throws(ConfigError) {
        let addresses = try yaml.strings("targets") ?? []
        for address in addresses {
            if let reason = Self.problem(with: address) { throw yaml.error("targets", reason) }
        }
        targets = addresses.map { Labels([Label("__address__", $0)]) }
        let labels = try yaml.stringMap("labels") ?? []
        for (name, _) in labels where !LabelName.isValid(name) {
            throw yaml.error("labels", "\"\(name)\" is not a valid label name")
        }
        self.labels = Labels(labels.map { Label($0.0, $0.1) })
        self.source = source
        try yaml.finish()
    }

    /// Why `address` cannot be a scrape target, or `nil` when it can. Like Prometheus, a target is
    /// `host:port` (or `host`): no scheme, no path.
    public static func problem(with address: String) -> String? {
        if address.isEmpty { return "empty target address" }
        if address.contains("/") { return "\"\(address)\" is not a valid hostname (give host:port; set scheme and metrics_path separately)" }
        if address.contains(where: { $0 == " " || $0 == "\t" }) { return "\"\(address)\" contains whitespace" }
        return nil
    }
}

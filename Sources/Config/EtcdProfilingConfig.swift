/// `etcd.profiling`: profiles captured from a member when chosen alerts fire for it.
///
/// ```yaml
/// etcd:
///   profiling:
///     on_alerts: [etcdHighFsyncDurations, etcdHighCommitDurations, etcdGRPCRequestsSlow]
///     profiles: [cpu, heap, goroutine]
///     cpu_seconds: 10
///     min_interval: 30m      # per member: at most one set of captures in this time
/// ```
public struct EtcdProfilingConfig: Sendable, Equatable {
    /// Whether alerts trigger captures (the section's presence turns it on).
    public var enabled = false
    /// Alert names that trigger a capture.
    public var onAlerts: [String] = ["etcdHighFsyncDurations", "etcdHighCommitDurations", "etcdGRPCRequestsSlow"]
    /// Profiles taken, one after another.
    public var profiles: [String] = ["cpu", "heap", "goroutine"]
    /// Seconds of CPU profile.
    public var cpuSeconds = 10
    /// Milliseconds between two capture sets of one member.
    public var minInterval: Int64 = 30 * 60_000

    /// The profiles a capture may take.
    public static let kinds = ["cpu", "heap", "allocs", "goroutine", "mutex", "block", "threadcreate"]

    public init() {}

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        enabled = try yaml.bool("enabled") ?? true
        onAlerts = try yaml.strings("on_alerts") ?? onAlerts
        profiles = try yaml.strings("profiles") ?? profiles
        for kind in profiles where !Self.kinds.contains(kind) {
            throw yaml.error("profiles", "unknown profile \"\(kind)\" (\(Self.kinds.joined(separator: ", ")))")
        }
        cpuSeconds = try yaml.integer("cpu_seconds") ?? cpuSeconds
        guard (1...300).contains(cpuSeconds) else { throw yaml.error("cpu_seconds", "must be between 1 and 300") }
        minInterval = try yaml.duration("min_interval") ?? minInterval
        try yaml.finish()
    }
}

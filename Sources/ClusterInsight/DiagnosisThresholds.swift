/// Limits beyond which the diagnosis reports a problem.
public struct DiagnosisThresholds: Sendable, Equatable {
    /// A member whose raft index trails the highest by more than this is lagging.
    public var raftIndexLag: UInt64
    /// More committed-but-unapplied entries than this is a backlog (etcd itself starts refusing
    /// requests at 5,000).
    public var applyBacklog: UInt64
    /// The backend quota (etcd's `--quota-backend-bytes`, default 2 GiB).
    public var quotaBackendBytes: Int64
    /// Warn when the database reaches this fraction of the quota.
    public var quotaWarningRatio: Double
    /// Suggest defragmentation when the database is larger than this and mostly unused.
    public var fragmentationMinimumBytes: Int64
    /// "Mostly unused": in-use bytes below this fraction of the file.
    public var fragmentationInUseRatio: Double

    /// Creates thresholds; the defaults suit etcd's defaults.
    public init(
        raftIndexLag: UInt64 = 1_000,
        applyBacklog: UInt64 = 5_000,
        quotaBackendBytes: Int64 = 2 << 30,
        quotaWarningRatio: Double = 0.8,
        fragmentationMinimumBytes: Int64 = 100 << 20,
        fragmentationInUseRatio: Double = 0.5
    ) {
        self.raftIndexLag = raftIndexLag
        self.applyBacklog = applyBacklog
        self.quotaBackendBytes = quotaBackendBytes
        self.quotaWarningRatio = quotaWarningRatio
        self.fragmentationMinimumBytes = fragmentationMinimumBytes
        self.fragmentationInUseRatio = fragmentationInUseRatio
    }
}

/// What to do about each kind of finding: one text, shared by `etcdmon check`'s findings and the
/// built-in alert pack's `advice` annotations, so a person paged reads what the CLI would say.
public enum Advice {
    public static let quorumLost = "Restart the failed members with their data directories. If they are lost for good, restore from a snapshot (etcdutl snapshot restore) or force a new cluster from a survivor (--force-new-cluster)."
    public static let noLeaderWithoutQuorum = "A leader can only be elected once a quorum of members is back."
    public static let noLeader = "An election should finish within a few seconds; if not, check peer connectivity and disk latency."
    public static let memberUnreachable = "Check that the process runs and is not hung (a SIGSTOPped or swapping process accepts connections but never answers)."
    public static let memberUnhealthy = "Look at the member's log; an unhealthy member that answers usually has no leader or a slow disk."
    public static let alarmNoSpace = "The keyspace is read-only. Compact old revisions, defragment (etcdctl defrag), raise --quota-backend-bytes if needed, then etcdctl alarm disarm."
    public static let alarmCorrupt = "Data on the members differs (CORRUPT). Stop the corrupt member, replace it from a healthy member's snapshot, then disarm the alarm."
    public static let followerLag = "A lagging follower has a slow disk or network; check its wal_fsync and peer round-trip latencies."
    public static let applyLag = "The member cannot apply as fast as it commits: look for expensive requests or a slow backend (backend_commit latency)."
    public static let versionSkewMinor = "Mixed minor versions are supported only during a rolling upgrade; finish the upgrade."
    public static let versionSkewPatch = "Patch versions differ; upgrade the older members when convenient."
    public static let databaseNearQuota = "Compact and defragment before the NOSPACE alarm makes the cluster read-only."
    public static let failedMembers = "Bring failed members back before any maintenance."

    /// Defragmenting one member (`endpoint`, or a placeholder in alert text).
    public static func defragment(_ endpoint: String) -> String {
        "etcdctl defrag --endpoints=\(endpoint) reclaims the space (one member at a time)."
    }
}

/// The overall verdict, which is also `etcdmon check`'s exit status.
public enum ClusterHealth: String, Sendable, Equatable {
    /// Every member healthy, one leader, nothing to warn about. Exit 0.
    case healthy
    /// Something is wrong but quorum holds and there is a leader. Exit 1.
    case degraded
    /// Quorum lost, no leader, or nothing reachable: the cluster cannot serve writes. Exit 2.
    case critical

    /// The process exit status that reports this verdict.
    public var exitCode: Int32 {
        switch self {
        case .healthy: 0
        case .degraded: 1
        case .critical: 2
        }
    }
}

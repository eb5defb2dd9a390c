/// One problem (or noteworthy fact) the diagnosis found.
public struct Finding: Sendable, Equatable {
    /// How much it matters.
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// Worth knowing; does not make the cluster degraded.
        case info
        /// The cluster works but is at risk or misbehaving.
        case warning
        /// The cluster cannot serve writes, or will not soon.
        case critical

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .critical: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Stable identifiers of every kind of finding (used in JSON output and, later, alerts).
    public enum Code: String, Sendable, CaseIterable {
        case nothingReachable = "nothing_reachable"
        case quorumLost = "quorum_lost"
        case noLeader = "no_leader"
        case clusterIDMismatch = "cluster_id_mismatch"
        case leaderDisagreement = "leader_disagreement"
        case termDisagreement = "term_disagreement"
        case memberUnreachable = "member_unreachable"
        case memberUnhealthy = "member_unhealthy"
        case memberNotProbed = "member_not_probed"
        case alarm = "alarm"
        case raftIndexLag = "raft_index_lag"
        case applyBacklog = "apply_backlog"
        case versionSkew = "version_skew"
        case databaseNearQuota = "database_near_quota"
        case databaseFragmented = "database_fragmented"
        case noFailureTolerance = "no_failure_tolerance"
        case learner = "learner"
    }

    /// How much it matters.
    public var severity: Severity
    /// Which kind of finding.
    public var code: Code
    /// One sentence: what is wrong.
    public var summary: String
    /// The members concerned, by display name.
    public var members: [String]
    /// What an operator should do about it.
    public var advice: String

    /// Creates a finding.
    public init(severity: Severity, code: Code, summary: String, members: [String] = [], advice: String) {
        self.severity = severity
        self.code = code
        self.summary = summary
        self.members = members
        self.advice = advice
    }
}

/// Everything one probe of one member learned, in plain values. Built by the prober (or a test)
/// and judged by `ClusterDiagnosis`; holds no networking types.
public struct MemberReport: Sendable, Equatable {
    /// The client URL probed.
    public var endpoint: String
    /// The member's name, from the member list; `nil` when unknown.
    public var name: String?
    /// The member's ID, from its own status answer or the member list.
    public var memberID: UInt64?
    /// The cluster the member says it belongs to.
    public var clusterID: UInt64?
    /// Learners replicate without voting.
    public var isLearner: Bool
    /// `etcdserver` from `/version` or the status answer.
    public var serverVersion: String?
    /// `etcdcluster` from `/version`.
    public var clusterVersion: String?
    /// The maintenance status answer, when it came.
    public var status: Status?
    /// The `/health` verdict, when it came.
    public var health: Health?
    /// `/livez` verdict (or its `/health` fallback), when it came.
    public var livez: Probe?
    /// `/readyz` verdict (or its `/health` fallback), when it came.
    public var readyz: Probe?
    /// Alarm types this member has raised (`NOSPACE`, `CORRUPT`).
    public var alarms: [String]
    /// Round-trip time of the status request.
    public var latency: Duration?
    /// Requests that failed, one line each (`/health: no answer within 5s`).
    public var errors: [String]
    /// `true` when no request got any answer at all.
    public var isUnreachable: Bool
    /// How long each request took (`health`, `livez`, `readyz`, `status`, …), answered or not.
    public var requestDurations: [String: Duration] = [:]

    /// The parts of `/v3/maintenance/status` the diagnosis uses.
    public struct Status: Sendable, Equatable {
        /// The leader as this member sees it; 0 when it knows none.
        public var leader: UInt64
        /// The member's raft term.
        public var raftTerm: UInt64
        /// The member's raft index.
        public var raftIndex: UInt64
        /// The last applied raft index.
        public var raftAppliedIndex: UInt64
        /// Bytes allocated by the database file.
        public var dbSize: Int64
        /// Bytes in use.
        public var dbSizeInUse: Int64
        /// Errors the member reports (`etcdserver: no leader`, alarms).
        public var errors: [String]

        /// Creates a status.
        public init(leader: UInt64, raftTerm: UInt64, raftIndex: UInt64, raftAppliedIndex: UInt64,
                    dbSize: Int64, dbSizeInUse: Int64, errors: [String] = []) {
            self.leader = leader
            self.raftTerm = raftTerm
            self.raftIndex = raftIndex
            self.raftAppliedIndex = raftAppliedIndex
            self.dbSize = dbSize
            self.dbSizeInUse = dbSizeInUse
            self.errors = errors
        }
    }

    /// The `/health` verdict.
    public struct Health: Sendable, Equatable {
        /// Whether the member says it is healthy.
        public var isHealthy: Bool
        /// Why not (etcd 3.5+), e.g. `RAFT NO LEADER`.
        public var reason: String

        /// Creates a health verdict.
        public init(isHealthy: Bool, reason: String = "") {
            self.isHealthy = isHealthy
            self.reason = reason
        }
    }

    /// A `/livez` or `/readyz` verdict.
    public struct Probe: Sendable, Equatable {
        /// Whether the check passed.
        public var isOK: Bool
        /// `true` when the member does not serve the endpoint and `/health` answered for it.
        public var usedHealthFallback: Bool

        /// Creates a probe verdict.
        public init(isOK: Bool, usedHealthFallback: Bool = false) {
            self.isOK = isOK
            self.usedHealthFallback = usedHealthFallback
        }
    }

    /// Creates a report; only the endpoint is required.
    public init(
        endpoint: String, name: String? = nil, memberID: UInt64? = nil, clusterID: UInt64? = nil,
        isLearner: Bool = false, serverVersion: String? = nil, clusterVersion: String? = nil,
        status: Status? = nil, health: Health? = nil, livez: Probe? = nil, readyz: Probe? = nil,
        alarms: [String] = [], latency: Duration? = nil, errors: [String] = [], isUnreachable: Bool = false
    ) {
        self.endpoint = endpoint
        self.name = name
        self.memberID = memberID
        self.clusterID = clusterID
        self.isLearner = isLearner
        self.serverVersion = serverVersion
        self.clusterVersion = clusterVersion
        self.status = status
        self.health = health
        self.livez = livez
        self.readyz = readyz
        self.alarms = alarms
        self.latency = latency
        self.errors = errors
        self.isUnreachable = isUnreachable
    }

    /// The name if known, else the endpoint: how findings refer to a member.
    public var displayName: String { name.flatMap { $0.isEmpty ? nil : $0 } ?? endpoint }

    /// Healthy means: it answered, `/health` says healthy, and it has raised no alarm. A member
    /// whose `/health` does not answer in time is not healthy, even if its status still names a
    /// leader: right after quorum is lost, status keeps the old leader for an election timeout
    /// while `/health` already hangs.
    public var isHealthy: Bool {
        !isUnreachable && alarms.isEmpty && health?.isHealthy == true
    }
}

/// The answer of `POST /v3/maintenance/status`: what `etcdctl endpoint status` shows.
public struct MemberStatus: Sendable, Equatable, Decodable {
    /// Who answered, in which cluster and term.
    public var header: ResponseHeader
    /// The etcd server version, e.g. `3.5.1`.
    public var version: String
    /// Bytes allocated by the backend database file.
    public var dbSize: Int64
    /// Bytes the database actually uses; the rest is reclaimable by defragmentation.
    public var dbSizeInUse: Int64
    /// The leader's member ID as this member sees it; 0 when it knows of no leader.
    public var leader: UInt64
    /// The member's raft index.
    public var raftIndex: UInt64
    /// The member's raft term.
    public var raftTerm: UInt64
    /// The last raft index applied to the store.
    public var raftAppliedIndex: UInt64
    /// Errors the member reports, e.g. `etcdserver: no leader` or active alarms.
    public var errors: [String]
    /// Whether this member is a learner.
    public var isLearner: Bool

    /// Creates a status.
    public init(
        header: ResponseHeader, version: String, dbSize: Int64, dbSizeInUse: Int64, leader: UInt64,
        raftIndex: UInt64, raftTerm: UInt64, raftAppliedIndex: UInt64, errors: [String] = [], isLearner: Bool = false
    ) {
        self.header = header
        self.version = version
        self.dbSize = dbSize
        self.dbSizeInUse = dbSizeInUse
        self.leader = leader
        self.raftIndex = raftIndex
        self.raftTerm = raftTerm
        self.raftAppliedIndex = raftAppliedIndex
        self.errors = errors
        self.isLearner = isLearner
    }

    /// Whether the answering member is the leader.
    public var isLeader: Bool { leader != 0 && leader == header.memberID }

    private enum CodingKeys: String, CodingKey {
        case header, version, dbSize, dbSizeInUse, leader, raftIndex, raftTerm, raftAppliedIndex, errors, isLearner
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        header = try container.decode(ResponseHeader.self, forKey: .header)
        version = try container.decode(.version, default: "")
        dbSize = try container.decodeInt64(.dbSize)
        dbSizeInUse = try container.decodeInt64(.dbSizeInUse)
        leader = try container.decodeUInt64(.leader)
        raftIndex = try container.decodeUInt64(.raftIndex)
        raftTerm = try container.decodeUInt64(.raftTerm)
        raftAppliedIndex = try container.decodeUInt64(.raftAppliedIndex)
        errors = try container.decode(.errors, default: [])
        isLearner = try container.decode(.isLearner, default: false)
    }
}

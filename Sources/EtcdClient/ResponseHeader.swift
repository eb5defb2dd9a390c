/// The header every v3 response carries.
public struct ResponseHeader: Sendable, Equatable, Decodable {
    /// The cluster the answering member belongs to.
    public var clusterID: UInt64
    /// The answering member.
    public var memberID: UInt64
    /// The key-value store revision.
    public var revision: Int64
    /// The raft term the member is in.
    public var raftTerm: UInt64

    /// Creates a header.
    public init(clusterID: UInt64, memberID: UInt64, revision: Int64 = 0, raftTerm: UInt64) {
        self.clusterID = clusterID
        self.memberID = memberID
        self.revision = revision
        self.raftTerm = raftTerm
    }

    private enum CodingKeys: String, CodingKey {
        case clusterID = "cluster_id", memberID = "member_id", revision, raftTerm = "raft_term"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clusterID = try container.decodeUInt64(.clusterID)
        memberID = try container.decodeUInt64(.memberID)
        revision = try container.decodeInt64(.revision)
        raftTerm = try container.decodeUInt64(.raftTerm)
    }
}

/// The answer of `POST /v3/cluster/member/list`.
public struct MemberList: Sendable, Equatable, Decodable {
    /// Who answered, in which cluster and term.
    public var header: ResponseHeader
    /// Every member, voting or learner.
    public var members: [Member]

    /// Creates a member list.
    public init(header: ResponseHeader, members: [Member]) {
        self.header = header
        self.members = members
    }

    private enum CodingKeys: String, CodingKey { case header, members }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        header = try container.decode(ResponseHeader.self, forKey: .header)
        members = try container.decode(.members, default: [])
    }
}

/// One member of the cluster as the member list describes it.
public struct Member: Sendable, Equatable, Decodable {
    /// The member ID.
    public var id: UInt64
    /// The member name; empty for a member added but not started yet.
    public var name: String
    /// URLs the peers use.
    public var peerURLs: [String]
    /// URLs clients use; empty for a member not started yet.
    public var clientURLs: [String]
    /// Learners replicate but do not vote, so they do not count toward quorum.
    public var isLearner: Bool

    /// Creates a member.
    public init(id: UInt64, name: String, peerURLs: [String] = [], clientURLs: [String], isLearner: Bool = false) {
        self.id = id
        self.name = name
        self.peerURLs = peerURLs
        self.clientURLs = clientURLs
        self.isLearner = isLearner
    }

    /// The ID as etcd writes it in metric labels and etcdctl tables (lower-case hex).
    public var hexID: String { String(id, radix: 16) }

    private enum CodingKeys: String, CodingKey { case id = "ID", name, peerURLs, clientURLs, isLearner }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeUInt64(.id)
        name = try container.decode(.name, default: "")
        peerURLs = try container.decode(.peerURLs, default: [])
        clientURLs = try container.decode(.clientURLs, default: [])
        isLearner = try container.decode(.isLearner, default: false)
    }
}

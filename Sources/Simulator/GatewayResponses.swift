/// The v3 JSON gateway's answers, shaped as etcd writes them: 64-bit numbers as decimal strings.
enum GatewayResponses {
    struct Header: Encodable {
        var clusterID: String
        var memberID: String
        var revision: String
        var raftTerm: String

        enum CodingKeys: String, CodingKey {
            case clusterID = "cluster_id", memberID = "member_id", revision, raftTerm = "raft_term"
        }
    }

    struct Member: Encodable {
        var id: String
        var name: String
        var peerURLs: [String]
        var clientURLs: [String]

        enum CodingKeys: String, CodingKey {
            case id = "ID", name, peerURLs, clientURLs
        }
    }

    struct MemberList: Encodable {
        var header: Header
        var members: [Member]
    }

    struct Status: Encodable {
        var header: Header
        var version: String
        var dbSize: String
        var leader: String
        var raftIndex: String
        var raftTerm: String
        var raftAppliedIndex: String
        var dbSizeInUse: String
    }

    /// The alarm list with no alarms raised: only the header.
    struct AlarmList: Encodable {
        var header: Header
    }

    struct Health: Encodable {
        var health = "true"
        var reason = ""
    }

    struct Version: Encodable {
        var etcdserver: String
        var etcdcluster: String
    }
}

import EtcdClient
import Foundation
import Testing
import TestSupport

func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(try Fixtures.bytes(path)))
}

@Suite("Decoding real etcd answers")
struct GatewayDecodingTests {
    static let etcd1: UInt64 = 11_444_671_158_106_587_777
    static let cluster: UInt64 = 13_833_938_250_365_744_189

    @Test("member list: uint64 IDs as strings", arguments: Fixtures.etcdVersions)
    func memberList(version: String) throws {
        let list = try decode(MemberList.self, "fixtures/etcd/\(version)/gw-v3-member-list.body")
        #expect(list.header.clusterID == Self.cluster)
        #expect(list.header.memberID == Self.etcd1)
        #expect(list.members.count == 5)
        let etcd1 = try #require(list.members.first { $0.name == "etcd1" })
        #expect(etcd1.id == Self.etcd1)
        #expect(etcd1.hexID == "9ed3a3c8261a0281")
        #expect(etcd1.clientURLs == ["http://127.0.10.1:2379"])
        #expect(etcd1.peerURLs == ["http://127.0.10.1:2380"])
        #expect(!etcd1.isLearner)
        #expect(Set(list.members.map(\.name)) == ["etcd1", "etcd2", "etcd3", "etcd4", "etcd5"])
    }

    @Test("maintenance status", arguments: Fixtures.etcdVersions)
    func status(version: String) throws {
        let status = try decode(MemberStatus.self, "fixtures/etcd/\(version)/gw-v3-maintenance-status.body")
        #expect(status.header.memberID == Self.etcd1)
        #expect(status.version == version.dropFirst().description)
        #expect(status.dbSize == 20_480)
        #expect(status.dbSizeInUse == 16_384)
        #expect(status.leader == Self.etcd1)
        #expect(status.isLeader)
        #expect(status.raftIndex == status.raftAppliedIndex)
        #expect(status.errors.isEmpty)
    }

    @Test("no quorum: leader omitted (zero), errors present", arguments: Fixtures.etcdVersions)
    func statusWithoutLeader(version: String) throws {
        let status = try decode(MemberStatus.self, "fixtures/etcd/\(version)/fault-noquorum-gw-maintenance-status.body")
        #expect(status.leader == 0)
        #expect(!status.isLeader)
        #expect(status.errors == ["etcdserver: no leader"])
        #expect(status.raftTerm == 3)
    }

    @Test("etcdctl -w json gives the same fields as JSON numbers")
    func etcdctlNumbers() throws {
        struct Entry: Decodable {
            var Endpoint: String
            var Status: MemberStatus
        }
        for version in Fixtures.etcdVersions {
            let entries = try decode([Entry].self, "fixtures/etcd/\(version)/etcdctl-endpoint-status-cluster.json")
            #expect(entries.count == 5)
            #expect(entries.filter { $0.Status.isLeader }.count == 1)
            #expect(entries.allSatisfy { $0.Status.header.clusterID == Self.cluster })
        }
    }

    @Test func healthVersionAndAlarms() throws {
        let health35 = try decode(HealthCheck.self, "fixtures/etcd/v3.5.1/health.body")
        #expect(health35 == HealthCheck(isHealthy: true, reason: ""))
        let health34 = try decode(HealthCheck.self, "fixtures/etcd/v3.4.23/health.body")
        #expect(health34.isHealthy)
        let noLeader = try decode(HealthCheck.self, "fixtures/etcd/v3.5.1/fault-noquorum-health.body")
        #expect(noLeader == HealthCheck(isHealthy: false, reason: "RAFT NO LEADER"))
        let version = try decode(ServerVersion.self, "fixtures/etcd/v3.4.23/version.body")
        #expect(version == ServerVersion(server: "3.4.23", cluster: "3.4.0"))

        let alarms = try JSONDecoder().decode(AlarmList.self, from: Data("""
        {"header":{"cluster_id":"1","member_id":"2","revision":"5","raft_term":"3"},
         "alarms":[{"memberID":"2","alarm":"NOSPACE"}]}
        """.utf8))
        #expect(alarms.alarms == [Alarm(memberID: 2, type: "NOSPACE")])
        let none = try JSONDecoder().decode(AlarmList.self, from: Data(#"{"header":{}}"#.utf8))
        #expect(none.alarms.isEmpty)
    }

    @Test func malformedAnswersNameTheField() {
        #expect {
            try JSONDecoder().decode(MemberStatus.self, from: Data(#"{"header":{"member_id":"12x"}}"#.utf8))
        } throws: { error in
            String(describing: error).contains("'12x' is not an unsigned 64-bit integer")
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(HealthCheck.self, from: Data(#"{"health":"maybe"}"#.utf8))
        }
    }
}

import ClusterInsight
import ClusterProbe
import EtcdClient
import Foundation
import Testing
import TestSupport

/// Rebuilds member reports from the answers real etcd gave (fixtures/etcd/*), so the diagnosis is
/// tested on exactly what a live probe would have seen.
struct CapturedCluster {
    let version: String
    let memberList: MemberList
    var answers: [String: Answers] = [:]

    struct Answers {
        var status: Result<MemberStatus, EtcdRequestError>
        var health: Result<HealthCheck, EtcdRequestError>
        var version: Result<ServerVersion, EtcdRequestError>
    }

    static func load<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(try Fixtures.bytes(path)))
    }

    /// All five members healthy, with the statuses etcdctl recorded for each.
    init(version: String) throws {
        self.version = version
        let directory = "fixtures/etcd/\(version)"
        memberList = try Self.load(MemberList.self, "\(directory)/gw-v3-member-list.body")
        struct Entry: Decodable { var Endpoint: String; var Status: MemberStatus }
        let statuses = try Self.load([Entry].self, "\(directory)/etcdctl-endpoint-status-cluster.json")
        let health = try Self.load(HealthCheck.self, "\(directory)/health.body")
        let serverVersion = try Self.load(ServerVersion.self, "\(directory)/version.body")
        for member in memberList.members {
            let status = try #require(statuses.first { $0.Status.header.memberID == member.id }).Status
            answers[member.name] = Answers(status: .success(status), health: .success(health), version: .success(serverVersion))
        }
    }

    func endpoint(_ name: String) -> EtcdEndpoint {
        try! EtcdEndpoint(parsing: memberList.members.first { $0.name == name }!.clientURLs[0])
    }

    func id(_ name: String) -> UInt64 { memberList.members.first { $0.name == name }!.id }

    mutating func fail(_ name: String, _ kind: EtcdRequestError.Kind, _ detail: String) {
        let error = EtcdRequestError(kind: kind, endpoint: endpoint(name).url, path: "/v3/maintenance/status", detail: detail)
        answers[name] = Answers(status: .failure(error), health: .failure(error), version: .failure(error))
    }

    func check() -> ClusterCheck {
        let reports = answers.keys.sorted().map { name -> MemberReport in
            let answer = answers[name]!
            // etcd < 3.5.12 answers /livez and /readyz with 404; the client then asks /health.
            let fallback = answer.health.map {
                ProbeCheck(isOK: $0.isHealthy, source: .healthFallback, detail: "")
            }
            let alarms = answer.status.map { AlarmList(header: $0.header, alarms: []) }
            let report = ClusterProber.report(
                endpoint: endpoint(name), status: answer.status, latency: .milliseconds(3),
                health: answer.health, livez: fallback, readyz: fallback, version: answer.version,
                alarms: alarms)
            var named = report
            named.name = name
            named.memberID = named.memberID ?? id(name)
            return named
        }
        let membership = memberList.members.map {
            ClusterMember(id: $0.id, name: $0.name, clientURLs: $0.clientURLs, isLearner: $0.isLearner)
        }
        return ClusterCheck(
            reports: reports, membership: membership,
            diagnosis: ClusterDiagnosis().diagnose(reports, membership: membership),
            notes: [], elapsed: .milliseconds(5))
    }
}

@Suite("Diagnosis of captured real clusters")
struct CapturedClusterTests {
    @Test("healthy 5-member cluster", arguments: Fixtures.etcdVersions)
    func healthy(version: String) throws {
        let check = try CapturedCluster(version: version).check()
        #expect(check.diagnosis.health == .healthy)
        #expect(check.diagnosis.leader?.name == "etcd1")
        #expect(check.diagnosis.failuresTolerated == 2)
        #expect(check.reports.allSatisfy { $0.isHealthy })
        #expect(check.reports.allSatisfy { $0.livez?.usedHealthFallback == true })
    }

    @Test("leader SIGSTOPped: survivors elected a new leader (fault-summary.json)")
    func leaderStopped() throws {
        struct Summary: Decodable {
            struct Stop: Decodable { var old_leader: String; var new_leader_seen: [String: Seen] }
            struct Seen: Decodable { var new_leader: String; var raftTerm: String }
            var sigstop: Stop
        }
        let summary = try CapturedCluster.load(Summary.self, "fixtures/etcd/v3.5.1/fault-summary.json")
        var cluster = try CapturedCluster(version: "v3.5.1")
        let newLeader = try #require(summary.sigstop.new_leader_seen.values.first).new_leader
        for (name, seen) in summary.sigstop.new_leader_seen {
            if case var .success(status) = cluster.answers[name]!.status {
                status.leader = cluster.id(seen.new_leader)
                status.raftTerm = UInt64(seen.raftTerm)!
                cluster.answers[name]!.status = .success(status)
            }
        }
        cluster.fail(summary.sigstop.old_leader, .timeout, "no answer within 5s (member hung or overloaded?)")

        let check = cluster.check()
        #expect(check.diagnosis.health == .degraded)
        #expect(check.diagnosis.health.exitCode == 1)
        #expect(check.diagnosis.leader?.name == newLeader)
        let unreachable = check.diagnosis.findings.first { $0.code == .memberUnreachable }
        #expect(unreachable?.members == [summary.sigstop.old_leader])
        #expect(unreachable?.summary.contains("no answer within 5s") == true)
    }

    @Test("during that election, /health answered 503 'leader changed' on the survivors")
    func duringElection() throws {
        var cluster = try CapturedCluster(version: "v3.5.1")
        cluster.fail("etcd4", .timeout, "no answer within 5s")
        for name in ["etcd1", "etcd2", "etcd3", "etcd5"] {
            var health = try CapturedCluster.load(HealthCheck.self, "fixtures/etcd/v3.5.1/fault-leader-stopped-health-\(name).body")
            health.httpStatus = 503
            cluster.answers[name]!.health = .success(health)
        }
        let check = cluster.check()
        #expect(check.diagnosis.health == .critical)
        #expect(check.reports.filter { $0.health?.reason == "RANGE ERROR:etcdserver: leader changed" }.count == 4)
    }

    @Test("3 of 5 SIGKILLed: quorum lost, the two survivors named", arguments: Fixtures.etcdVersions)
    func quorumLost(version: String) throws {
        let directory = "fixtures/etcd/\(version)"
        var cluster = try CapturedCluster(version: version)
        let survivorStatus = try CapturedCluster.load(MemberStatus.self, "\(directory)/fault-noquorum-gw-maintenance-status.body")
        var health = try CapturedCluster.load(HealthCheck.self, "\(directory)/fault-noquorum-health.body")
        health.httpStatus = 503
        for name in ["etcd1", "etcd2"] {
            var status = survivorStatus
            status.header.memberID = cluster.id(name)
            cluster.answers[name]!.status = .success(status)
            cluster.answers[name]!.health = .success(health)
        }
        for name in ["etcd3", "etcd4", "etcd5"] {
            cluster.fail(name, .connectionRefused, "connection refused")
        }
        let check = cluster.check()
        #expect(check.diagnosis.health == .critical)
        #expect(check.diagnosis.health.exitCode == 2)
        #expect(check.diagnosis.leader == nil)
        let quorum = try #require(check.diagnosis.findings.first { $0.code == .quorumLost })
        #expect(quorum.summary.contains("still answering: etcd1, etcd2"))
        #expect(check.diagnosis.findings.contains { $0.code == .noLeader })
    }
}

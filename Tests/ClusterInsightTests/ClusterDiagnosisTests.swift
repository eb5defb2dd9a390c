import ClusterInsight
import Testing

/// Builds reports for a cluster whose members are named etcd1…etcdN with IDs 1…N.
struct ClusterFixture {
    var reports: [MemberReport]
    var membership: [ClusterMember]

    init(members: Int, leader: UInt64 = 1, term: UInt64 = 2, index: UInt64 = 100, version: String = "3.5.1") {
        membership = (1...members).map {
            ClusterMember(id: UInt64($0), name: "etcd\($0)", clientURLs: ["http://127.0.10.1:\($0)2379"])
        }
        reports = membership.map { member in
            MemberReport(
                endpoint: member.clientURLs[0], name: member.name, memberID: member.id, clusterID: 0xC1,
                serverVersion: version, clusterVersion: "3.5.0",
                status: .init(leader: leader, raftTerm: term, raftIndex: index, raftAppliedIndex: index,
                              dbSize: 20_480, dbSizeInUse: 16_384),
                health: .init(isHealthy: true), livez: .init(isOK: true), readyz: .init(isOK: true),
                latency: .milliseconds(2))
        }
    }

    mutating func kill(_ name: String, error: String = "/v3/maintenance/status: connection refused") {
        let index = reports.firstIndex { $0.name == name }!
        // As the prober does, the member list still supplies the name and ID of a dead member.
        reports[index] = MemberReport(
            endpoint: reports[index].endpoint, name: name, memberID: reports[index].memberID,
            errors: [error], isUnreachable: true)
    }

    mutating func update(_ name: String, _ change: (inout MemberReport) -> Void) {
        change(&reports[reports.firstIndex { $0.name == name }!])
    }

    func diagnose(_ thresholds: DiagnosisThresholds = .init()) -> Diagnosis {
        ClusterDiagnosis(thresholds: thresholds).diagnose(reports, membership: membership)
    }
}

extension Diagnosis {
    func finding(_ code: Finding.Code) -> Finding? { findings.first { $0.code == code } }
}

@Suite("Cluster diagnosis on constructed clusters")
struct ClusterDiagnosisTests {
    @Test func allHealthy() {
        let diagnosis = ClusterFixture(members: 5).diagnose()
        #expect(diagnosis.health == .healthy)
        #expect(diagnosis.health.exitCode == 0)
        #expect(diagnosis.leader?.name == "etcd1")
        #expect(diagnosis.votingMembers == 5)
        #expect(diagnosis.healthyVotingMembers == 5)
        #expect(diagnosis.quorumSize == 3)
        #expect(diagnosis.failuresTolerated == 2)
        #expect(diagnosis.findings.isEmpty)
        #expect(diagnosis.clusterID == 0xC1)
    }

    @Test func oneMemberDownIsDegraded() {
        var cluster = ClusterFixture(members: 5)
        cluster.kill("etcd3")
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.health == .degraded)
        #expect(diagnosis.failuresTolerated == 1)
        #expect(diagnosis.finding(.memberUnreachable)?.members == ["etcd3"])
        #expect(diagnosis.leader?.name == "etcd1")
    }

    @Test func twoOfThreeDownLosesQuorum() {
        var cluster = ClusterFixture(members: 3)
        cluster.kill("etcd2")
        cluster.kill("etcd3")
        cluster.update("etcd1") {
            $0.health = .init(isHealthy: false, reason: "RAFT NO LEADER")
            $0.status?.leader = 0
            $0.status?.errors = ["etcdserver: no leader"]
        }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.health == .critical)
        #expect(diagnosis.health.exitCode == 2)
        #expect(!diagnosis.hasQuorum)
        #expect(diagnosis.leader == nil)
        let quorum = diagnosis.finding(.quorumLost)
        #expect(quorum?.severity == .critical)
        #expect(quorum?.members == ["etcd1"])
        #expect(quorum?.summary.contains("0 of 3") == true)
        #expect(diagnosis.finding(.noLeader) != nil)
        #expect(diagnosis.findings.first?.severity == .critical)
    }

    @Test("the stale window: survivors still name a dead leader while /health hangs")
    func staleLeaderAfterQuorumLoss() {
        var cluster = ClusterFixture(members: 5, leader: 5)
        for name in ["etcd3", "etcd4", "etcd5"] { cluster.kill(name) }
        for name in ["etcd1", "etcd2"] {
            cluster.update(name) { $0.health = nil; $0.errors = ["/health: no answer within 5s"] }
        }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.health == .critical)
        #expect(diagnosis.leader == nil)
        #expect(diagnosis.finding(.quorumLost)?.summary.contains("still answering: etcd1, etcd2") == true)
        #expect(diagnosis.finding(.noLeader)?.summary.contains("etcd5") == true)
    }

    @Test func splitLeaderView() {
        var cluster = ClusterFixture(members: 5, leader: 1)
        cluster.update("etcd4") { $0.status?.leader = 4 }
        cluster.update("etcd5") { $0.status?.leader = 4 }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.health == .degraded)
        #expect(diagnosis.leader?.name == "etcd1")
        let finding = diagnosis.finding(.leaderDisagreement)
        #expect(finding?.summary.contains("etcd4 → etcd4") == true)
        #expect(finding?.summary.contains("etcd1 → etcd1") == true)
    }

    @Test func termDisagreement() {
        var cluster = ClusterFixture(members: 3, term: 7)
        cluster.update("etcd3") { $0.status?.raftTerm = 6 }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.finding(.termDisagreement)?.summary.contains("etcd3=6") == true)
        #expect(diagnosis.health == .degraded)
    }

    @Test func learnersDoNotCountTowardQuorum() {
        var cluster = ClusterFixture(members: 4)
        cluster.membership[3].isLearner = true
        cluster.update("etcd4") { $0.isLearner = true }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.votingMembers == 3)
        #expect(diagnosis.quorumSize == 2)
        #expect(diagnosis.failuresTolerated == 1)
        #expect(diagnosis.finding(.learner)?.members == ["etcd4"])
        #expect(diagnosis.health == .healthy)

        // A learner going down does not cost quorum margin.
        cluster.kill("etcd4")
        let degraded = cluster.diagnose()
        #expect(degraded.failuresTolerated == 1)
        #expect(degraded.health == .degraded)
    }

    @Test func versionSkew() {
        var cluster = ClusterFixture(members: 3)
        cluster.update("etcd3") { $0.serverVersion = "3.4.23" }
        let skew = cluster.diagnose().finding(.versionSkew)
        #expect(skew?.severity == .warning)
        #expect(skew?.summary.contains("3.4.23 on etcd3") == true)

        var patch = ClusterFixture(members: 3)
        patch.update("etcd2") { $0.serverVersion = "3.5.2" }
        let patchDiagnosis = patch.diagnose()
        #expect(patchDiagnosis.finding(.versionSkew)?.severity == .info)
        #expect(patchDiagnosis.health == .healthy)
    }

    @Test func noSpaceAlarm() {
        var cluster = ClusterFixture(members: 3)
        cluster.update("etcd2") {
            $0.alarms = ["NOSPACE"]
            $0.health = .init(isHealthy: false, reason: "ALARM NOSPACE")
        }
        let diagnosis = cluster.diagnose()
        let alarm = diagnosis.finding(.alarm)
        #expect(alarm?.severity == .critical)
        #expect(alarm?.members == ["etcd2"])
        #expect(alarm?.advice.contains("alarm disarm") == true)
        // Quorum holds, so the verdict is degraded, not critical (exit 1).
        #expect(diagnosis.health == .degraded)
        #expect(diagnosis.healthyVotingMembers == 2)
    }

    @Test func nothingReachable() {
        var cluster = ClusterFixture(members: 3)
        for name in ["etcd1", "etcd2", "etcd3"] { cluster.kill(name) }
        let diagnosis = ClusterDiagnosis().diagnose(cluster.reports)
        #expect(diagnosis.health == .critical)
        #expect(diagnosis.finding(.nothingReachable) != nil)
    }

    @Test func endpointsOfDifferentClusters() {
        var cluster = ClusterFixture(members: 3)
        cluster.update("etcd3") { $0.clusterID = 0xBAD }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.clusterID == 0xC1)
        #expect(diagnosis.finding(.clusterIDMismatch)?.members == ["etcd3"])
    }

    @Test func raftLagApplyBacklogAndDatabase() {
        var cluster = ClusterFixture(members: 3, index: 50_000)
        cluster.update("etcd2") { $0.status?.raftIndex = 40_000; $0.status?.raftAppliedIndex = 30_000 }
        cluster.update("etcd3") { $0.status?.dbSize = 1_900 << 20; $0.status?.dbSizeInUse = 1_800 << 20 }
        cluster.update("etcd1") { $0.status?.dbSize = 800 << 20; $0.status?.dbSizeInUse = 100 << 20 }
        let diagnosis = cluster.diagnose()
        #expect(diagnosis.finding(.raftIndexLag)?.summary == "etcd2 is 10000 raft entries behind the most advanced member")
        #expect(diagnosis.finding(.applyBacklog)?.summary == "etcd2 has 10000 committed entries not yet applied")
        #expect(diagnosis.finding(.databaseNearQuota)?.members == ["etcd3"])
        #expect(diagnosis.finding(.databaseFragmented)?.members == ["etcd1"])
    }

    @Test func unprobedMembersAreNamed() {
        var cluster = ClusterFixture(members: 5)
        cluster.reports.removeLast(2)
        cluster.membership.append(ClusterMember(id: 0xABC, name: "", clientURLs: []))
        let diagnosis = cluster.diagnose()
        let finding = diagnosis.finding(.memberNotProbed)
        #expect(finding?.members == ["etcd4", "etcd5", "abc (not started)"])
        #expect(diagnosis.votingMembers == 6)
    }

    @Test func findingsAreOrderedBySeverity() {
        var cluster = ClusterFixture(members: 3)
        cluster.update("etcd2") { $0.serverVersion = "3.5.9" }
        cluster.kill("etcd3")
        let severities = cluster.diagnose().findings.map(\.severity)
        #expect(severities == severities.sorted(by: >))
    }
}

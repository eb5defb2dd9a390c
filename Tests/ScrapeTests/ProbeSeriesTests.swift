import ClusterInsight
import ClusterProbe
import Config
import EtcdmonModel
import Scrape
import Testing

@Suite("Probe results as series")
struct ProbeSeriesTests {
    func report(_ name: String, port: Int, id: UInt64, leader: UInt64, healthy: Bool = true) -> MemberReport {
        var report = MemberReport(
            endpoint: "http://127.0.10.1:\(port)", name: name, memberID: id, serverVersion: "3.5.1",
            status: .init(leader: leader, raftTerm: 4, raftIndex: 40, raftAppliedIndex: 39, dbSize: 20_480, dbSizeInUse: 16_384),
            health: .init(isHealthy: healthy), livez: .init(isOK: healthy), readyz: .init(isOK: healthy))
        report.requestDurations = ["health": .milliseconds(3), "status": .milliseconds(2)]
        return report
    }

    @Test("member and cluster series with the scrape target's labels")
    func series() {
        let reports = [report("etcd1", port: 2379, id: 1, leader: 2), report("etcd2", port: 3379, id: 2, leader: 2),
                       report("etcd3", port: 4379, id: 3, leader: 2, healthy: false)]
        let membership = reports.map { ClusterMember(id: $0.memberID!, name: $0.name!, clientURLs: [$0.endpoint], isLearner: false) }
        let diagnosis = ClusterDiagnosis().diagnose(reports, membership: membership)
        let check = ClusterCheck(reports: reports, membership: membership, diagnosis: diagnosis, notes: [], elapsed: .zero)
        let samples = ProbeSeries.samples(of: check, cluster: "main", job: "etcd", probes: ProbeKind.allCases, leaderChanges: 3)
        func value(_ name: String, _ labels: [String: String] = [:]) -> [Double] {
            samples.filter { sample in
                sample.0.name == name && labels.allSatisfy { sample.0[$0.key] == $0.value }
            }.map(\.1)
        }
        #expect(value("etcdmon_member_is_leader", ["member": "etcd2"]) == [1])
        #expect(value("etcdmon_member_is_leader").reduce(0, +) == 1)
        #expect(value("etcdmon_probe_success", ["member": "etcd3", "probe": "health"]) == [0])
        #expect(value("etcdmon_probe_success", ["member": "etcd1", "probe": "readyz"]) == [1])
        #expect(value("etcdmon_probe_duration_seconds", ["member": "etcd1", "probe": "health"]) == [0.003])
        #expect(value("etcdmon_member_raft_applied_index", ["instance": "127.0.10.1:2379", "job": "etcd", "cluster": "main"]) == [39])
        #expect(value("etcdmon_member_leader", ["leader_id": "2"]).count == 3)
        #expect(value("etcdmon_cluster_members") == [3])
        #expect(value("etcdmon_cluster_healthy_members") == [2])
        #expect(value("etcdmon_cluster_failures_tolerated") == [0])
        #expect(value("etcdmon_cluster_has_leader") == [1])
        #expect(value("etcdmon_cluster_leader_changes_seen_total") == [3])
        #expect(value("etcdmon_member_alarm", ["alarm": "NOSPACE"]) == [0, 0, 0])
    }
}

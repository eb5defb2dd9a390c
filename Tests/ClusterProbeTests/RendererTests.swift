import ClusterInsight
import ClusterProbe
import EtcdClient
import Foundation
import Testing
import TestSupport

@Suite("Rendering check and status output")
struct RendererTests {
    @Test("status table reproduces etcdctl endpoint status -w table", arguments: Fixtures.etcdVersions)
    func statusTableMatchesEtcdctl(version: String) throws {
        let check = try CapturedCluster(version: version).check()
        let ours = StatusTableRenderer().render(check).split(separator: "\n").map(String.init)
        let etcdctl = try Fixtures.text("fixtures/etcd/\(version)/etcdctl-endpoint-status-cluster.table.txt")
            .split(separator: "\n").map(String.init)
        // Same frame and header, the same rows (etcdctl orders rows by member list, we by name).
        // The table and the JSON we build from were captured a moment apart, so the two raft
        // index columns differ by the few entries written in between; everything else must match.
        func withoutIndexes(_ line: String) -> String {
            var cells = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if cells.count == 12, !line.contains("RAFT INDEX") { cells[8] = "#"; cells[9] = "#" }
            return cells.joined(separator: "|")
        }
        #expect(ours.count == etcdctl.count)
        #expect(Array(ours.prefix(3)) == Array(etcdctl.prefix(3)))
        #expect(ours.last == etcdctl.last)
        #expect(ours.map(\.count) == etcdctl.map(\.count))
        #expect(Set(ours.map(withoutIndexes)) == Set(etcdctl.map(withoutIndexes)))
    }

    @Test func checkTableWithoutColour() throws {
        var cluster = try CapturedCluster(version: "v3.5.1")
        cluster.fail("etcd3", .connectionRefused, "connection refused (nothing listening on 127.0.10.2:2379)")
        let text = CheckTableRenderer(colour: false).render(cluster.check())
        #expect(!text.contains("\u{1B}["))
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("MEMBER  ENDPOINT"))
        #expect(lines.contains { $0.hasPrefix("etcd1 ") && $0.contains(" * ") && $0.contains("healthy") && $0.contains("ok*") })
        #expect(lines.contains { $0.hasPrefix("etcd3 ") && $0.contains("unreachable") && $0.contains("connection refused") })
        #expect(text.contains("DEGRADED — 4 of 5 voting members healthy, leader etcd1, quorum 3, tolerates 1 more failure"))
        #expect(text.contains("[member_unreachable] etcd3"))
        #expect(text.contains("/livez and /readyz are not served"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let check = try CapturedCluster(version: "v3.4.23").check()
        #expect(CheckTableRenderer(colour: true).render(check).contains("\u{1B}[32m"))
    }

    @Test("JSON output: documented keys, always present, null when unknown")
    func jsonSchema() throws {
        var cluster = try CapturedCluster(version: "v3.5.1")
        cluster.fail("etcd5", .timeout, "no answer within 5s")
        let json = CheckReport(cluster.check()).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "schema", "verdict", "exit_code", "cluster_id", "voting_members", "healthy_voting_members",
            "quorum_size", "failures_tolerated", "leader", "members", "findings", "notes", "elapsed_ms",
        ])
        #expect(object["schema"] as? String == "etcdmon.check/v1")
        #expect(object["verdict"] as? String == "degraded")
        #expect(object["exit_code"] as? Int == 1)
        #expect(object["cluster_id"] as? String == "bffc058b19bd343d")
        let leader = try #require(object["leader"] as? [String: Any])
        #expect(leader["name"] as? String == "etcd1")
        #expect(leader["id"] as? String == "9ed3a3c8261a0281")
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.count == 5)
        let memberKeys: Set<String> = [
            "name", "endpoint", "id", "is_learner", "is_leader", "reachable", "healthy", "version",
            "cluster_version", "raft_term", "raft_index", "raft_applied_index", "db_size_bytes",
            "db_size_in_use_bytes", "health", "livez", "readyz", "alarms", "latency_ms", "status_errors", "errors",
        ]
        #expect(members.allSatisfy { Set($0.keys) == memberKeys })
        let dead = try #require(members.first { $0["name"] as? String == "etcd5" })
        #expect(dead["reachable"] as? Bool == false)
        #expect(dead["raft_term"] is NSNull)
        #expect(dead["health"] is NSNull)
        let alive = try #require(members.first { $0["name"] as? String == "etcd1" })
        #expect((alive["livez"] as? [String: Any])?["via_health_fallback"] as? Bool == true)
        #expect(alive["is_leader"] as? Bool == true)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.first?["code"] as? String == "member_unreachable")
    }
}

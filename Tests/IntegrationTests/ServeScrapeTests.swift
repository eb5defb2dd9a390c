import Foundation
import Testing
import TestSupport

/// `etcdmon serve` scraping and probing a real 5-member cluster in the reference layout.
@Suite("etcdmon serve against a real cluster", .serialized)
struct ServeScrapeTests {
    /// The guide's prometheus.yml (five static targets, mapped onto the loopback layout) plus an
    /// `etcd:` cluster with discovery, both at a 2 s interval. The timeout leaves room for etcd
    /// itself: its `/metrics` answer slows to most of a second while other suites load the disk
    /// (measured 0.64 s under a parallel fsync writer), and one slow answer must not read as a fault.
    static func configuration(in directory: String) throws -> String {
        let path = directory + "/etcdmon.yml"
        try """
            global:
              scrape_interval: 2s
              scrape_timeout: 1800ms
            scrape_configs:
              - job_name: test-etcd
                static_configs:
                  - targets: ['127.0.10.1:2379', '127.0.10.1:3379', '127.0.10.2:2379', '127.0.10.2:3379', '127.0.10.2:4379']
            etcd:
              clusters:
                - name: reference
                  endpoints: [http://127.0.10.1:2379]
                  discovery:
                    refresh_interval: 2s
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The metric family names a member exposes right now (from its own `/metrics`).
    static func familyNames(_ endpoint: String) async throws -> Set<String> {
        let body = try await Command.run("/usr/bin/curl", ["-s", endpoint + "/metrics"]).standardOutput
        var names: Set<String> = []
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            if let end = line.firstIndex(where: { $0 == "{" || $0 == " " }) { names.insert(String(line[..<end])) }
        }
        return names
    }

    @Test("60 s of scraping, probes, a killed member, a hung member, member add/remove, SIGTERM and restart")
    func scrapesTheReferenceCluster() async throws {
        let cluster = try await LocalCluster.start(version: "3.5")
        do {
            try await scrape(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func scrape(_ cluster: LocalCluster) async throws {
        let directory = try Self.temporaryDirectory("serve")
        let config = try Self.configuration(in: directory)
        var server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config, "--log.level", "debug"])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()

        // Targets: five from the static job, five discovered from the member list.
        #expect(try await server.eventually(within: .seconds(30)) {
            try await server.query("up == 1").count == 10
        }, "all ten targets up")
        // The schedule is judged from here: the five discovered targets exist only once the member
        // list has answered, which took most of the first half-minute in a loaded CI run.
        let allUp = ContinuousClock.now
        let discovered = try await server.query("up{job=\"etcd\"}")
        #expect(Set(discovered.map { $0.labels["member"] ?? "" }) == ["etcd1", "etcd2", "etcd3", "etcd4", "etcd5"])
        #expect(discovered.allSatisfy { $0.labels["cluster"] == "reference" })

        // Probe and status series: exactly one leader, the one etcd names; all healthy.
        let leader = try await cluster.leaderByEtcdctl()
        #expect(try await server.eventually(within: .seconds(10)) {
            let leaders = try await server.query("etcdmon_member_is_leader == 1")
            return leaders.count == 1 && leaders.first?.labels["member"] == leader
        })
        #expect(try await server.query("etcdmon_cluster_healthy_members").first?.value == 5)
        #expect(try await server.query("etcdmon_cluster_failures_tolerated").first?.value == 2)
        #expect(try await server.query("etcdmon_cluster_has_leader").first?.value == 1)
        #expect(try await server.query("etcdmon_probe_success{probe=\"health\"} == 1").count == 5)
        #expect(try await server.query("etcdmon_member_raft_term > 0").count == 5)
        #expect(try await server.query("etcdmon_member_db_size_bytes > 0").count == 5)

        // Run for at least 60 s, on schedule. Every scrape of the last 30 s succeeded; over the whole
        // minute at least 85 in a hundred did. The first half-minute is when every suite of the run starts
        // at once on two cores: starved of CPU, etcd answered (or etcdmon read) past the 1.8 s timeout
        // there in a CI run (slowest scrapes 1.1–1.8 s), which is the load's doing, not a fault.
        try await Task.sleep(until: allUp + .seconds(62))
        let minimumUp = try await server.query("min_over_time(up[30s])")
        let averageUp = try await server.query("avg_over_time(up[60s])")
        let slowest = try await server.query("max_over_time(scrape_duration_seconds[60s])").map { "\($0.labels["instance"] ?? "") \($0.value)" }
        let context = "\(minimumUp)\n\(averageUp)\nslowest scrapes: \(slowest)\n\(server.scrapeFailures)"
        #expect(minimumUp.count == 10 && minimumUp.allSatisfy { $0.value == 1 }, "\(context)")
        // CI runs measured 0.89–0.96 and 25–28 scrapes here when other suites' clusters, Prometheus
        // and Chromium start beside it: the bounds catch a broken schedule (half the scrapes, or
        // scrapes bunched), not a starved machine.
        #expect(averageUp.count == 10 && averageUp.allSatisfy { $0.value >= 0.85 }, "\(context)")
        let scrapeCounts = try await server.query("count_over_time(up[60s])")
        #expect(scrapeCounts.allSatisfy { $0.value >= 24 && $0.value <= 31 }, "2 s interval for 60 s: \(scrapeCounts)\n\(context)")
        // Every family each member exposes is stored for it.
        for member in cluster.members {
            let instance = String(member.endpoint.dropFirst("http://".count))
            let exposed = try await Self.familyNames(member.endpoint)
            let stored = Set(try await server.query("count by (__name__) ({job=\"etcd\",instance=\"\(instance)\"})")
                .compactMap { $0.labels["__name__"] })
            #expect(exposed.subtracting(stored).isEmpty, "\(member.name) families missing: \(exposed.subtracting(stored).sorted().prefix(10))")
        }

        // The cluster's latest probe round (what the overview page shows): five healthy voters, the
        // leader etcd names, every member reachable. (The pages themselves: DashboardTests.)
        let clusters = try await server.get("/api/v1/etcd/clusters") as? [[String: Any]] ?? []
        let report = clusters.first?["report"] as? [String: Any] ?? [:]
        #expect(clusters.map { $0["name"] as? String } == ["reference"])
        #expect(report["healthy_voting_members"] as? Int == 5 && report["failures_tolerated"] as? Int == 2, "\(report)")
        #expect((report["leader"] as? [String: Any])?["name"] as? String == leader)
        #expect((report["members"] as? [[String: Any]] ?? []).filter { $0["reachable"] as? Bool == true }.count == 5)
        let shell = try await Command.run("/usr/bin/curl", ["-s", "http://\(server.address)/"]).standardOutput
        #expect(shell.contains("data-page=\"overview\"") && shell.contains("/app.js"), "\(shell.prefix(800))")

        // Metadata and targets API.
        let metadata = try await server.get("/api/v1/metadata", ["metric": "etcd_server_has_leader"]) as? [String: [[String: String]]]
        #expect(metadata?["etcd_server_has_leader"]?.first?["type"] == "gauge")
        let tsdb = try await server.get("/api/v1/status/tsdb") as? [String: Any]
        let headStats = tsdb?["headStats"] as? [String: Any]
        #expect((headStats?["numSeries"] as? Int ?? 0) > 1000 && (headStats?["chunkCount"] as? Int ?? 0) > 0, "\(String(describing: headStats))")
        let byPair = tsdb?["seriesCountByLabelValuePair"] as? [[String: Any]] ?? []
        #expect(byPair.count == 10 && byPair.contains { $0["name"] as? String == "cluster=reference" }, "\(byPair)")

        // A member killed: up 0 within one interval, its series stale; started again: back.
        let victim = cluster.members.first { $0.name != leader && $0.name != "etcd1" }!
        let instance = String(victim.endpoint.dropFirst("http://".count))
        let commandLine = try Self.commandLine(of: victim.pid)
        kill(victim.pid, SIGKILL)
        let killed = ContinuousClock.now
        #expect(try await server.eventually(within: .seconds(3)) {
            try await server.query("up{job=\"etcd\",member=\"\(victim.name)\"} == 0").count == 1
        })
        #expect(ContinuousClock.now - killed < .seconds(3), "down within one interval (+1 s)")
        #expect(try await server.eventually(within: .seconds(5)) {
            try await server.query("etcd_server_has_leader{instance=\"\(instance)\"}").isEmpty
        }, "stale after the failed scrape")
        let restarted = try Command.spawn(commandLine[0], Array(commandLine.dropFirst()), standardError: cluster.directory + "/\(victim.name).restart.log")
        defer { kill(restarted, SIGKILL) }
        #expect(try await server.eventually(within: .seconds(20)) {
            let up = try await server.query("up{job=\"etcd\",member=\"\(victim.name)\"} == 1").count == 1
            let fresh = try await server.query("etcd_server_has_leader{job=\"etcd\",instance=\"\(instance)\"}")
            return up && !fresh.isEmpty
        })

        // A hung member (SIGSTOP): its scrape times out, the others stay up and on schedule.
        let hung = cluster.members.first { $0.name != leader && $0.name != victim.name && $0.name != "etcd1" }!
        kill(hung.pid, SIGSTOP)
        #expect(try await server.eventually(within: .seconds(8)) {
            try await server.query("up{job=\"etcd\",member=\"\(hung.name)\"} == 0").count == 1
        })
        try await Task.sleep(for: .seconds(4))
        let targets = try await server.activeTargets().filter { ($0["labels"] as? [String: String])?["job"] == "etcd" }
        for target in targets {
            let labels = target["labels"] as? [String: String] ?? [:]
            if labels["member"] == hung.name {
                #expect((target["lastError"] as? String ?? "").contains("deadline"), "\(target)")
            } else {
                #expect(target["health"] as? String == "up", "\(target)")
            }
        }
        let others = try await server.query("count_over_time(up{job=\"etcd\",member!=\"\(hung.name)\"}[4s])")
        #expect(others.allSatisfy { $0.value >= 2 }, "others on schedule while one hangs: \(others)")
        kill(hung.pid, SIGCONT)

        // Member add: discovered and scraped without a restart; member remove: dropped.
        let etcdctl = try await Command.script("etcd-bin.sh", ["3.5", "etcdctl"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let etcd = try await Command.script("etcd-bin.sh", ["3.5", "etcd"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let add = try await Command.run(etcdctl, ["--endpoints", cluster.endpoints, "member", "add", "etcd6", "--peer-urls=http://127.0.10.2:5380", "-w", "json"],
                                        environment: ["ETCDCTL_API": "3"])
        #expect(add.exitCode == 0, "\(add)")
        let added = try JSONSerialization.jsonObject(with: Data(add.standardOutput.utf8)) as? [String: Any]
        let newID = ((added?["member"] as? [String: Any])?["ID"] as? NSNumber)?.uint64Value ?? 0
        let initial = (cluster.members.map { m in "\(m.name)=http://\(m.endpoint.dropFirst(7).split(separator: ":")[0]):\(Int(m.endpoint.split(separator: ":").last!)! + 1)" }
            + ["etcd6=http://127.0.10.2:5380"]).joined(separator: ",")
        let sixth = try Command.spawn(etcd, [
            "--name", "etcd6", "--data-dir", cluster.directory + "/etcd6.etcd",
            "--listen-client-urls", "http://127.0.10.2:5379", "--advertise-client-urls", "http://127.0.10.2:5379",
            "--listen-peer-urls", "http://127.0.10.2:5380", "--initial-advertise-peer-urls", "http://127.0.10.2:5380",
            "--initial-cluster", initial, "--initial-cluster-state", "existing", "--logger", "zap",
        ], standardError: cluster.directory + "/etcd6.log")
        defer { kill(sixth, SIGKILL) }
        #expect(try await server.eventually(within: .seconds(30)) {
            try await server.query("up{job=\"etcd\",member=\"etcd6\"} == 1").count == 1
        }, "the sixth member scraped")
        #expect(try await server.eventually(within: .seconds(10)) {
            try await server.query("etcdmon_cluster_members").first?.value == 6
        })
        let remove = try await Command.run(etcdctl, ["--endpoints", cluster.endpoints, "member", "remove", String(newID, radix: 16)],
                                           environment: ["ETCDCTL_API": "3"])
        #expect(remove.exitCode == 0, "\(remove)")
        #expect(try await server.eventually(within: .seconds(10)) {
            let targets = try await server.activeTargets()
            return targets.allSatisfy { ($0["labels"] as? [String: String])?["member"] != "etcd6" }
        })
        #expect(try await server.eventually(within: .seconds(5)) {
            try await server.query("up{member=\"etcd6\"}").isEmpty
        }, "the removed member's series are stale")

        // SIGTERM under load: a clean exit; the restarted server still has everything from before.
        let before = try await server.query("count_over_time(up{job=\"etcd\",member=\"etcd1\"}[10m])").first?.value ?? 0
        #expect(try await server.stop() == 0, "\(server.log.suffix(1500))")
        #expect(server.log.contains("WAL closed"))
        server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config])
        try await server.waitUntilReady()
        let after = try await server.query("count_over_time(up{job=\"etcd\",member=\"etcd1\"}[10m])").first?.value ?? 0
        #expect(after >= before, "samples before the shutdown survive: \(before) then \(after)")
        #expect(try await server.stop() == 0)
    }

    /// The argv of a running process.
    static func commandLine(of pid: pid_t) throws -> [String] {
        let raw = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))
        return raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}

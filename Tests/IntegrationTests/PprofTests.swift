import Foundation
import Testing
import TestSupport

/// `etcdmon pprof` against real etcd 3.5.1 members started with --enable-pprof, and one without.
@Suite("etcdmon pprof against real etcd", .serialized)
struct PprofTests {
    @Test("cpu, heap and goroutine profiles under a write load name etcd's and Go's functions; --save keeps the member's bytes; no pprof or no member is explained")
    func profiles() async throws {
        try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.32.11,127.0.32.12", "--members", "3"], check)
    }

    func check(_ cluster: LocalCluster) async throws {
        let member = cluster.members[0]
        let directory = try ServeScrapeTests.temporaryDirectory("pprof")
        // A write load that keeps the member busy (etcdctl's own: 50 clients, 150 puts a second).
        let load = try Command.spawn("/usr/bin/etcdctl", ["--endpoints", member.endpoint, "check", "perf", "--load=s"])
        defer { kill(load, SIGKILL) }

        // cpu, through a proxy that records what the member sent.
        let proxy = "127.0.32.13:\(21_000 + Int.random(in: 0..<1000))"
        let parts = proxy.split(separator: ":")
        let recorder = try Command.spawn("/usr/bin/env", ["python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/recording_proxy.py").path,
                                                          String(parts[0]), String(parts[1]), member.endpoint, directory + "/recorded"])
        defer { kill(recorder, SIGKILL) }
        // The proxy is up once it forwards (Python starts slowly on a loaded machine).
        for _ in 0..<100 {
            if try await Command.run("/usr/bin/curl", ["-sf", "-o", "/dev/null", "http://\(proxy)/health"]).exitCode == 0 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let cpu = try await Command.etcdmon(["pprof", "http://\(proxy)", "--seconds", "5", "--save", directory + "/cpu.pb.gz"])
        #expect(cpu.exitCode == 0, "\(cpu.standardError)")
        let lines = cpu.standardOutput.split(separator: "\n")
        #expect(lines.first == "File: etcd" && lines.contains("Type: cpu"), "\(cpu.standardOutput.prefix(500))")
        #expect(lines.contains { $0.hasPrefix("      flat  flat%   sum%        cum   cum%") })
        let functions = lines.drop { !$0.contains("flat%") }.dropFirst().map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(functions.contains { $0.hasPrefix("go.etcd.io/") }, "etcd's functions: \(functions.prefix(20))")
        #expect(functions.contains { $0.hasPrefix("runtime.") }, "Go's runtime: \(functions.prefix(20))")
        let saved = try Data(contentsOf: URL(fileURLWithPath: directory + "/cpu.pb.gz"))
        // The proxy's last recorded answer (the first ones were the readiness checks).
        let recorded = try FileManager.default.contentsOfDirectory(atPath: directory + "/recorded")
            .compactMap { Int($0.split(separator: ".").first ?? "") }.max() ?? 0
        let sent = try Data(contentsOf: URL(fileURLWithPath: directory + "/recorded/\(recorded).body"))
        #expect(saved == sent && saved.starts(with: [0x1f, 0x8b]), "saved \(saved.count) bytes, the member sent \(sent.count)")

        // heap and goroutine straight from the member, by name through the member list.
        let heap = try await Command.etcdmon(["pprof", member.name, "--endpoints", member.endpoint, "--profile", "heap"])
        #expect(heap.exitCode == 0, "\(heap.standardError)")
        #expect(heap.standardOutput.contains("Type: inuse_space") && heap.standardOutput.contains("go.etcd.io/"), "\(heap.standardOutput.prefix(800))")
        let topFive = try await Command.etcdmon(["pprof", member.endpoint, "--profile", "heap", "--top", "5"])
        #expect(topFive.standardOutput.split(separator: "\n").drop { !$0.contains("flat%") }.dropFirst().count == 5, "\(topFive.standardOutput)")
        let goroutines = try await Command.etcdmon(["pprof", member.endpoint, "--profile", "goroutine", "--output", "json"])
        #expect(goroutines.exitCode == 0, "\(goroutines.standardError)")
        let dump = try #require(try JSONSerialization.jsonObject(with: Data(goroutines.standardOutput.utf8)) as? [String: Any])
        let stacks = dump["stacks"] as? [[String: Any]] ?? []
        #expect((dump["total"] as? Int ?? 0) > 50 && stacks.count > 10 && stacks.count < (dump["total"] as? Int ?? 0), "grouped")
        let frames = stacks.flatMap { ($0["frames"] as? [[String: String]] ?? []).compactMap { $0["function"] } }
        #expect(frames.contains { $0.hasPrefix("go.etcd.io/") } && frames.contains { $0.hasPrefix("runtime.") || $0.hasPrefix("net/http.") })

        // A real etcd without --enable-pprof: a 404, explained.
        let plain = directory + "/plain"
        let etcd = try await Command.script("etcd-bin.sh", ["3.5", "etcd"]).standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let single = try Command.spawn(etcd, ["--name", "plain", "--data-dir", plain, "--listen-client-urls", "http://127.0.32.14:2379",
                                              "--advertise-client-urls", "http://127.0.32.14:2379", "--listen-peer-urls", "http://127.0.32.14:2380",
                                              "--initial-advertise-peer-urls", "http://127.0.32.14:2380", "--initial-cluster", "plain=http://127.0.32.14:2380"],
                                       standardOutput: directory + "/plain.log", standardError: directory + "/plain.log")
        defer { kill(single, SIGKILL) }
        var notServed = try await Command.etcdmon(["pprof", "http://127.0.32.14:2379", "--profile", "heap"])
        for _ in 0..<50 where notServed.standardError.contains("connection refused") {
            try await Task.sleep(for: .milliseconds(200))
            notServed = try await Command.etcdmon(["pprof", "http://127.0.32.14:2379", "--profile", "heap"])
        }
        #expect(notServed.exitCode == 1)
        #expect(notServed.standardError.contains("answered 404") && notServed.standardError.contains("--enable-pprof"), "\(notServed.standardError)")

        // No member there at all.
        let down = try await Command.etcdmon(["pprof", "http://127.0.32.15:2379", "--profile", "heap", "--connect-timeout", "1s"])
        #expect(down.exitCode == 1 && down.standardError.contains("connection refused") && down.standardError.contains("/health"), "\(down.standardError)")
    }
}

/// Profiles captured through `etcdmon serve`'s API from a configured cluster's members.
@Suite("Profile captures through the API", .serialized)
struct ProfileCaptureTests {
    @Test("POST /api/v1/etcd/profiles captures cpu, heap and goroutine profiles; listed, downloaded byte for byte, read as top and flame graph; bad requests explained")
    func captures() async throws {
        try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.32.21,127.0.32.22", "--members", "3"], check)
    }

    func post(_ server: EtcdmonServer, _ form: [String: String]) async throws -> (status: String, json: [String: Any]) {
        var arguments = ["-s", "-w", "\n%{http_code}", "-X", "POST", "http://\(server.address)/api/v1/etcd/profiles"]
        for (name, value) in form { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let output = try await Command.run("/usr/bin/curl", arguments, timeout: .seconds(60)).standardOutput
        let lines = output.split(separator: "\n")
        let json = (try? JSONSerialization.jsonObject(with: Data((lines.dropLast().joined(separator: "\n")).utf8))) as? [String: Any] ?? [:]
        return (String(lines.last ?? ""), json)
    }

    func check(_ cluster: LocalCluster) async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("captures")
        try """
            global: {scrape_interval: 2s, scrape_timeout: 1800ms}
            etcd:
              clusters:
                - name: main
                  endpoints: [\(cluster.members[0].endpoint)]
            """.write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/etcdmon.yml"])
        defer { kill(server.pid, SIGKILL) }
        // A write load, so the member's CPU profile has samples.
        let load = try Command.spawn("/usr/bin/etcdctl", ["--endpoints", cluster.members[1].endpoint, "check", "perf", "--load=s"])
        defer { kill(load, SIGKILL) }
        try await server.waitUntilReady()
        #expect(try await server.eventually(within: .seconds(15)) {
            let clusters = try await server.get("/api/v1/etcd/clusters") as? [[String: Any]] ?? []
            return ((clusters.first?["report"] as? [String: Any])?["members"] as? [[String: Any]])?.count == 3
        }, "the probe round names the members")

        var ids: [String] = []
        for (kind, seconds) in [("cpu", "3"), ("heap", "1"), ("goroutine", "1")] {
            let answer = try await post(server, ["cluster": "main", "member": "etcd2", "profile": kind, "seconds": seconds])
            #expect(answer.status == "200", "\(kind): \(answer)")
            let data = answer.json["data"] as? [String: Any] ?? [:]
            #expect(data["member"] as? String == "etcd2" && data["kind"] as? String == kind && (data["bytes"] as? Int ?? 0) > 100, "\(data)")
            ids.append(data["id"] as? String ?? "")
        }
        let listed = try await server.get("/api/v1/etcd/profiles") as? [[String: Any]] ?? []
        #expect(Set(listed.compactMap { $0["id"] as? String }) == Set(ids))

        for id in ids {
            let download = directory + "/\(id).pb.gz"
            _ = try await Command.run("/usr/bin/curl", ["-s", "-o", download, "http://\(server.address)/api/v1/etcd/profiles/\(id)"])
            let kept = try Data(contentsOf: URL(fileURLWithPath: directory + "/data/profiles/\(id).pprof"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: download)) == kept && kept.starts(with: [0x1f, 0x8b]), "\(id) downloaded as kept")
            let top = try await server.get("/api/v1/etcd/profiles/\(id)/top") as? [String: Any] ?? [:]
            let names = (top["functions"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains { $0.hasPrefix("go.etcd.io/") || $0.hasPrefix("runtime.") }, "\(id): \(names.prefix(10))")
            let flame = try await server.get("/api/v1/etcd/profiles/\(id)/flame") as? [String: Any] ?? [:]
            let root = flame["root"] as? [String: Any] ?? [:]
            #expect(root["value"] as? Int == top["total"] as? Int, "\(id): the flame graph's root holds every sample")
            #expect(!((root["children"] as? [Any]) ?? []).isEmpty)
        }
        let heapTop = try await server.get("/api/v1/etcd/profiles/\(ids[1])/top", ["sample_index": "alloc_space"]) as? [String: Any] ?? [:]
        #expect(heapTop["type"] as? String == "alloc_space")

        // Bad requests: what is wrong, never a crash.
        #expect(try await post(server, ["cluster": "nope", "member": "etcd2", "profile": "heap"]).status == "503")
        #expect(try await post(server, ["cluster": "main", "member": "etcd9", "profile": "heap"]).json["error"] as? String ?? "" == "cluster main has no member \"etcd9\" in its latest probe round")
        #expect(try await post(server, ["cluster": "main", "member": "etcd2", "profile": "trace"]).status == "400")
        #expect(try await post(server, ["cluster": "main", "member": "etcd2", "profile": "cpu", "seconds": "0"]).status == "400")
        let missing = try await Command.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://\(server.address)/api/v1/etcd/profiles/..%2F..%2Fetcdmon.yml"])
        #expect(missing.standardOutput == "404")
    }
}

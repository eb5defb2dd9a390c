import Foundation
import Testing
import TestSupport

/// `etcdmon simulate`: pages shaped like the real capture whose values move as a live member's do, the
/// endpoints probes and discovery use, and targets that real Prometheus and `etcdmon serve` both scrape.
@Suite(.serialized)
struct SimulatorTests {
    /// A running `etcdmon simulate` on a random loopback address.
    struct Simulation {
        let host = "127.0.32.\(Int.random(in: 2...250))"
        let basePort = 21_000 + Int.random(in: 0..<500) * 10
        let targetsFile: String
        let pid: pid_t

        init(members: Int, restartInterval: String, directory: String) throws {
            targetsFile = directory + "/targets.json"
            pid = try Command.spawn(Command.etcdmonBinary, [
                "simulate", "--members", "\(members)", "--listen-host", host, "--base-port", "\(basePort)",
                "--targets-file", targetsFile, "--restart-interval", restartInterval,
            ], standardOutput: directory + "/simulate.log", standardError: directory + "/simulate.log")
        }

        func address(_ member: Int) -> String { "\(host):\(basePort + member)" }

        func waitUntilServing(_ members: Int) async throws {
            for _ in 0..<200 {
                if (try? await Command.run("/usr/bin/curl", ["-sf", "http://\(address(members - 1))/health"]))?.exitCode == 0 { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw CommandError(message: "etcdmon simulate did not start on \(host)")
        }

        func get(_ member: Int, _ path: String, post: Bool = false) async throws -> String {
            let result = try await Command.run("/usr/bin/curl", ["-sf"] + (post ? ["-XPOST", "-d", "{}"] : []) + ["http://\(address(member))\(path)"])
            guard result.exitCode == 0 else { throw CommandError(message: "GET \(path) on member \(member): \(result)") }
            return result.standardOutput
        }

        func page(_ member: Int) async throws -> ExpositionPage { ExpositionPage(try await get(member, "/metrics")) }

        func stop() async throws -> Int32 {
            kill(pid, SIGTERM)
            return try await Command.wait(for: pid)
        }
    }

    /// A `/metrics` page as series text → value, with each family's type.
    struct ExpositionPage {
        var values: [String: Double] = [:]
        var types: [String: String] = [:]
        var order: [String] = []

        init(_ text: String) {
            for line in text.split(separator: "\n") {
                if line.hasPrefix("# TYPE ") {
                    let parts = line.split(separator: " ")
                    types[String(parts[2])] = String(parts[3])
                } else if !line.hasPrefix("#"), let space = line.lastIndex(of: " ") {
                    let series = String(line[..<space])
                    values[series] = Double(line[line.index(after: space)...])
                    order.append(series)
                }
            }
        }

        func family(of series: String) -> String? {
            let name = series.prefix { $0 != "{" }
            for suffix in ["", "_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
                let family = String(name.dropLast(suffix.count))
                if types[family] != nil { return family }
            }
            return nil
        }
    }

    @Test func pagesEvolveLikeALiveMemberAndAnswerProbesAndDiscovery() async throws {
        let directory = try temporaryDirectory()
        let simulation = try Simulation(members: 7, restartInterval: "0", directory: directory)
        do {
            try await simulation.waitUntilServing(7)

            // Two clusters: five members and the remaining two, each a target group labelled with its name.
            let groups = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: simulation.targetsFile))) as? [[String: Any]]
            #expect(groups?.map { ($0["labels"] as? [String: String])?["cluster"] } == ["c0", "c1"])
            #expect(groups?.map { ($0["targets"] as? [String])?.count } == [5, 2])
            #expect((groups?.first?["targets"] as? [String])?.first == simulation.address(0))

            // The page has every sample of the real capture, under the same names and labels but the IDs.
            let capture = ExpositionPage(try Fixtures.text("fixtures/etcd/v3.5.1/metrics-after-1000-puts.body"))
            let first = try await simulation.page(1)
            #expect(first.order.count == capture.order.count)
            let withoutIDs = { (series: String) in series.replacing(/[0-9a-f]{16}/, with: "ID") }
            #expect(Set(first.order.map(withoutIDs)) == Set(capture.order.map(withoutIDs)))

            try await Task.sleep(for: .milliseconds(1500))
            let second = try await simulation.page(1)
            var grown = 0
            for series in first.order where first.types[first.family(of: series) ?? ""] == "counter" {
                let before = try #require(first.values[series]), after = try #require(second.values[series])
                #expect(after >= before, "counter \(series) went from \(before) to \(after) without a restart")
                if after > before { grown += 1 }
            }
            #expect(grown >= 20, "only \(grown) counters grew in 1.5 s")
            #expect(second.values["etcd_disk_wal_fsync_duration_seconds_count"]! > first.values["etcd_disk_wal_fsync_duration_seconds_count"]!)
            try expectConsistentHistograms(second)

            // One leader per cluster, the first member; member IDs in labels are the member list's.
            let leaders = try await (0..<7).asyncMap { try await simulation.page($0).values["etcd_server_is_leader"] }
            #expect(leaders == [1, 0, 0, 0, 0, 1, 0])
            let list = try JSONSerialization.jsonObject(with: Data(try await simulation.get(1, "/v3/cluster/member/list", post: true).utf8)) as? [String: Any]
            let members = list?["members"] as? [[String: Any]] ?? []
            #expect(members.map { $0["name"] as? String } == ["c0-etcd1", "c0-etcd2", "c0-etcd3", "c0-etcd4", "c0-etcd5"])
            #expect(members.map { ($0["clientURLs"] as? [String])?.first } == (0..<5).map { "http://\(simulation.address($0))" })
            let ownID = try #require(UInt64(members[1]["ID"] as? String ?? ""))
            let ownHex = String(ownID, radix: 16)
            #expect(second.order.contains { $0.contains("Local=\"\(String(repeating: "0", count: 16 - ownHex.count) + ownHex)\"") })

            // `etcdmon check` discovers the cluster from one member and finds it healthy, as against real etcd.
            let check = try await Command.etcdmon(["check", "--endpoints", "http://\(simulation.address(2))", "--discover", "--output", "json"])
            let report = try check.json()
            #expect(check.exitCode == 0, "\(check)")
            #expect(report["voting_members"] as? Int == 5)
            #expect(report["healthy_voting_members"] as? Int == 5)
            #expect((report["leader"] as? [String: Any])?["name"] as? String == "c0-etcd1")
            #expect(try await simulation.get(3, "/livez") == "ok")
            #expect(try await simulation.get(3, "/version").contains("\"etcdserver\":\"3.5.1\""))
            let unknown = try await Command.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://\(simulation.address(3))/v2/members"])
            #expect(unknown.standardOutput == "404")
        } catch {
            _ = try? await simulation.stop()
            throw error
        }
        #expect(try await simulation.stop() == 0)
    }

    @Test func membersRestartNowAndThen() async throws {
        let directory = try temporaryDirectory()
        // Restarts come 1–3 s apart at a 2 s mean, so two pages 3.5 s apart straddle at least one.
        let simulation = try Simulation(members: 1, restartInterval: "2s", directory: directory)
        do {
            try await simulation.waitUntilServing(1)
            let before = try await simulation.page(0)
            try await Task.sleep(for: .milliseconds(3500))
            let after = try await simulation.page(0)
            #expect(after.values["process_start_time_seconds"]! > before.values["process_start_time_seconds"]!)
            // Counters start again near zero, as a restarted etcd's do.
            let committed = "etcd_server_proposals_committed_total"
            // (Unless the first page was itself taken just after a restart, at zero.)
            #expect(after.values[committed]! < before.values[committed]! || before.values[committed]! == 0)
            try expectConsistentHistograms(after)
        } catch {
            _ = try? await simulation.stop()
            throw error
        }
        #expect(try await simulation.stop() == 0)
    }

    @Test func prometheusAndEtcdmonScrapeTheSameTargets() async throws {
        let directory = try temporaryDirectory()
        let samplesPerPage = ExpositionPage(try Fixtures.text("fixtures/etcd/v3.5.1/metrics-after-1000-puts.body")).order.count
        let configuration = directory + "/scrape.yml"
        try """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: etcd
                file_sd_configs:
                  - files: ['\(directory)/targets.json']
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let simulation = try Simulation(members: 10, restartInterval: "1h", directory: directory)
        var prometheus: PrometheusProcess?
        var etcdmon: EtcdmonServer?
        do {
            try await simulation.waitUntilServing(10)
            prometheus = try PrometheusProcess(dataDirectory: directory + "/prometheus", configuration: configuration)
            etcdmon = try EtcdmonServer(directory: directory + "/etcdmon", arguments: ["--config.file", configuration])
            try await etcdmon!.waitUntilReady()

            // Every page parses for both, with every sample: Prometheus is the judge of the exposition.
            var scraped: [(labels: [String: String], value: String)] = []
            for _ in 0..<60 {
                scraped = try await prometheus!.query("scrape_samples_scraped", time: String(Date().timeIntervalSince1970))
                if scraped.count == 10 { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(scraped.count == 10)
            #expect(scraped.allSatisfy { $0.value == String(samplesPerPage) }, "\(scraped)")
            #expect(Set(scraped.compactMap { $0.labels["cluster"] }) == ["c0", "c1"])
            let up = try await prometheus!.query("up", time: String(Date().timeIntervalSince1970))
            #expect(up.count == 10 && up.allSatisfy { $0.value == "1" }, "\(up)")

            // Until each target's latest scrape read the whole page: a first scrape can time out (1 s,
            // the interval) while every suite of the run starts at once on two cores.
            var ours: [(labels: [String: String], value: Double)] = []
            _ = try await etcdmon!.eventually(within: .seconds(15)) {
                ours = try await etcdmon!.query("scrape_samples_scraped")
                return ours.count == 10 && ours.allSatisfy { $0.value == Double(samplesPerPage) }
            }
            #expect(ours.count == 10 && ours.allSatisfy { $0.value == Double(samplesPerPage) }, "\(ours)")
            #expect(Set(ours.map { $0.labels["instance"] ?? "" }) == Set(scraped.map { $0.labels["instance"] ?? "" }))
        } catch {
            prometheus?.stop()
            _ = try? await etcdmon?.stop()
            _ = try? await simulation.stop()
            throw error
        }
        prometheus?.stop()
        #expect(try await etcdmon!.stop() == 0)
        #expect(try await simulation.stop() == 0)
    }

    /// Buckets never decrease as `le` grows, and `+Inf` equals `_count`.
    private func expectConsistentHistograms(_ page: ExpositionPage) throws {
        var buckets: [String: [Double]] = [:]
        for series in page.order where series.contains("_bucket{") {
            let name = String(series.prefix { $0 != "{" }.dropLast("_bucket".count))
            let labels = String(series.drop { $0 != "{" }).replacing(/,?le="[^"]*"/, with: "")
            let group = name + labels
            buckets[group, default: []].append(page.values[series]!)
            if series.contains("le=\"+Inf\"") {
                let count = name + "_count" + (labels == "{}" ? "" : labels)
                #expect(page.values[count] == page.values[series], "\(series) differs from \(count)")
            }
        }
        #expect(buckets.count >= 10)
        for (group, values) in buckets {
            #expect(values == values.sorted(), "buckets of \(group) decrease: \(values)")
        }
    }

    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-simulate-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

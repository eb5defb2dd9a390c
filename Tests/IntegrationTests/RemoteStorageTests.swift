import Foundation
import Testing
import TestSupport

/// Scale-out against real peers on loopback: remote write into a real Prometheus 2.42 (an outage
/// and a restart lose nothing), a second etcdmon as the receiver, a real Prometheus federating from
/// `/federate` and remote-reading through `/api/v1/read`, and an HA pair deduplicated by the receiver.
@Suite("Scale-out: remote write, federation and remote read against real Prometheus 2.42", .serialized)
struct RemoteStorageTests {
    static func port() -> Int { 24_000 + Int.random(in: 0..<3000) }

    /// Labels as one comparable text (a dictionary prints in no fixed order).
    static func key(_ labels: [String: String]) -> String { labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: ",") }

    /// How many samples every etcd series holds over the last `seconds` before `time`, by labels (less
    /// `replica`), read raw (`{job="etcd"}[Ns]`: `count_over_time` would drop the names and collide).
    static func counts(_ data: [String: Any]?) -> [String: Double] {
        var counts: [String: Double] = [:]
        for entry in data?["result"] as? [[String: Any]] ?? [] {
            var labels = entry["metric"] as? [String: String] ?? [:]
            labels["replica"] = nil
            counts[key(labels)] = Double((entry["values"] as? [Any])?.count ?? 0)
        }
        return counts
    }

    static func counts(_ server: EtcdmonServer, time: Double, seconds: Int, selector: String = "{job=\"etcd\"}") async throws -> [String: Double] {
        counts(try await server.get("/api/v1/query", ["query": "\(selector)[\(seconds)s]", "time": String(time)]) as? [String: Any])
    }

    static func counts(_ prometheus: PrometheusProcess, time: Double, seconds: Int) async throws -> [String: Double] {
        counts(try await prometheus.api("/api/v1/query", ["query={job=\"etcd\"}[\(seconds)s]", "time=\(time)"]))
    }

    static func prometheusQuery(_ prometheus: PrometheusProcess, time: Double) -> (String) async throws -> [(labels: [String: String], value: Double)] {
        { expression in try await prometheus.query(expression, time: String(time)).map { ($0.labels, Double($0.value) ?? .nan) } }
    }

    static func etcdmonQuery(_ server: EtcdmonServer, time: Double) -> (String) async throws -> [(labels: [String: String], value: Double)] {
        { expression in
            let data = try await server.get("/api/v1/query", ["query": expression, "time": String(time)]) as? [String: Any]
            return (data?["result"] as? [[String: Any]] ?? []).map {
                ($0["metric"] as? [String: String] ?? [:], Double((($0["value"] as? [Any])?.last as? String) ?? "") ?? .nan)
            }
        }
    }

    static func configuration(_ cluster: LocalCluster, replica: String, remoteWrite: String?) -> String {
        """
        global: {scrape_interval: 2s, scrape_timeout: 1800ms, external_labels: {replica: \(replica)}}
        etcd:
          clusters:
            - name: main
              endpoints: [\(cluster.members.map(\.endpoint).joined(separator: ", "))]
        \(remoteWrite.map { "remote_write: [{url: '\($0)', queue_config: {batch_send_deadline: 1s, max_backoff: 1s}}]" } ?? "")
        """
    }

    @Test("to a real Prometheus: a 60 s receiver outage with an etcdmon restart in it loses no sample and stores none twice")
    func outage() async throws {
        try await ReferenceLayoutLock.shared.holding { try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.34.11,127.0.34.12", "--members", "3"]) { cluster in
            let directory = try ServeScrapeTests.temporaryDirectory("remote-outage")
            let receiverAddress = "127.0.34.13:\(Self.port())"
            var receiver = try PrometheusProcess(dataDirectory: directory + "/receiver", arguments: ["--web.enable-remote-write-receiver"],
                                                 address: receiverAddress)
            defer { receiver.stop() }
            try Self.configuration(cluster, replica: "a", remoteWrite: "http://\(receiverAddress)/api/v1/write")
                .write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
            let address = "127.0.34.14:\(Self.port())"
            var server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/etcdmon.yml"], address: address)
            defer { kill(server.pid, SIGKILL) }
            try await server.waitUntilReady()
            let started = Date().timeIntervalSince1970
            #expect(try await server.eventuallyScraped(3, #"up{job="etcd"}"#))
            try await Task.sleep(for: .seconds(15))

            // The receiver goes away for 60 s; etcdmon is restarted half-way through.
            receiver.stop()
            try await Task.sleep(for: .seconds(25))
            #expect(try await server.stop() == 0)
            server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/etcdmon.yml"], address: address)
            try await server.waitUntilReady()
            try await Task.sleep(for: .seconds(35))
            receiver = try PrometheusProcess(dataDirectory: directory + "/receiver", arguments: ["--web.enable-remote-write-receiver"], address: receiverAddress)

            // Once it is back, every series holds on both sides the same number of samples.
            let time = Date().timeIntervalSince1970 - 2
            let window = Int(time - started) + 30
            var mine: [String: Double] = [:], theirs: [String: Double] = [:]
            let caughtUp = try await server.eventually(within: .seconds(60)) {
                mine = try await Self.counts(server, time: time, seconds: window)
                theirs = try await Self.counts(receiver, time: time, seconds: window)
                return !mine.isEmpty && mine == theirs
            }
            let differing = mine.filter { theirs[$0.key] != $0.value }.prefix(5).map { "\($0.key): etcdmon \($0.value), receiver \(theirs[$0.key] ?? 0)" }
            #expect(caughtUp, "\(mine.count) series in etcdmon, \(theirs.count) in the receiver; differing: \(differing)\n\(server.log.suffix(1500))")
            let up = mine["__name__=up,cluster=main,instance=127.0.34.11:2379,job=etcd,member=etcd1"] ?? 0
            #expect(mine.count > 1000 && up > 30, "about 75 s of 2 s scrapes, less the restart: \(up) samples of up, \(mine.count) series")
            // Its own metrics, in Prometheus's names: the samples sent since the restart.
            let metrics = try await Command.run("/usr/bin/curl", ["-s", "http://\(server.address)/metrics"]).standardOutput
            let sent = metrics.split(separator: "\n").first { $0.hasPrefix("prometheus_remote_storage_samples_total{") }
            #expect((sent?.split(separator: " ").last.flatMap { Double($0) } ?? 0) > 1000, "\(sent ?? "no prometheus_remote_storage_samples_total")")
        } }
    }

    @Test("a second etcdmon receives the first's remote write and answers the same queries; an HA pair is deduplicated by the receiver")
    func etcdmonReceiver() async throws {
        try await ReferenceLayoutLock.shared.holding { try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.34.21,127.0.34.22", "--members", "3"]) { cluster in
            let directory = try ServeScrapeTests.temporaryDirectory("remote-etcdmon")
            let receiverAddress = "127.0.34.23:\(Self.port())"
            let receiver = try EtcdmonServer(directory: directory + "/receiver", arguments: ["--web.enable-remote-write-receiver"], address: receiverAddress)
            defer { kill(receiver.pid, SIGKILL) }
            for replica in ["a", "b"] {
                try Self.configuration(cluster, replica: replica, remoteWrite: "http://\(receiverAddress)/api/v1/write")
                    .write(toFile: directory + "/\(replica).yml", atomically: true, encoding: .utf8)
            }
            let first = try EtcdmonServer(directory: directory + "/a", arguments: ["--config.file", directory + "/a.yml"], address: "127.0.34.24:\(Self.port())")
            defer { kill(first.pid, SIGKILL) }
            let second = try EtcdmonServer(directory: directory + "/b", arguments: ["--config.file", directory + "/b.yml"], address: "127.0.34.25:\(Self.port())")
            defer { kill(second.pid, SIGKILL) }
            try await receiver.waitUntilReady()
            try await first.waitUntilReady()
            try await second.waitUntilReady()
            let started = Date().timeIntervalSince1970
            try await Task.sleep(for: .seconds(20))
            let time = Date().timeIntervalSince1970 - 3
            // The receiver holds replica a's series as etcdmon a does (and b's as b does).
            var mine: [String: Double] = [:], theirs: [String: Double] = [:]
            let same = try await receiver.eventually(within: .seconds(20)) {
                mine = try await Self.counts(first, time: time, seconds: Int(time - started) + 30)
                theirs = try await Self.counts(receiver, time: time, seconds: Int(time - started) + 30, selector: "{job=\"etcd\",replica=\"a\"}")
                return !mine.isEmpty && mine == theirs
            }
            #expect(same, "\(mine.count) series in etcdmon a, \(theirs.count) of replica a in the receiver")
            let rate = "sum by (member) (rate(etcd_network_client_grpc_received_bytes_total[10s]))"
            let direct = try await Self.etcdmonQuery(first, time: time)(rate).map { "\(Self.key($0.labels)) \($0.value)" }.sorted()
            let received = try await Self.etcdmonQuery(receiver, time: time)(rate.replacingOccurrences(of: "_total[", with: "_total{replica=\"a\"}["))
                .map { "\(Self.key($0.labels)) \($0.value)" }.sorted()
            #expect(direct == received && !direct.isEmpty, "\(direct) vs \(received)")
            // HA: both replicas arrive; dropping the replica label leaves one series per target.
            let both = try await Self.etcdmonQuery(receiver, time: time)("count(up{job=\"etcd\"})").first?.value
            let deduplicated = try await Self.etcdmonQuery(receiver, time: time)("count(max without (replica) (up{job=\"etcd\"}))").first?.value
            #expect(both == 6 && deduplicated == 3)
            let refused = try await Command.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "--data-binary", "xx",
                                                                 "http://\(first.address)/api/v1/write"])
            #expect(refused.standardOutput == "404", "the receiver is off without --web.enable-remote-write-receiver")
            let garbage = try await Command.run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "--data-binary", "xx",
                                                                 "http://\(receiverAddress)/api/v1/write"])
            #expect(garbage.standardOutput.hasSuffix("400") && garbage.standardOutput.contains("snappy"), "\(garbage.standardOutput)")
        } }
    }

    @Test("a real Prometheus federates /federate and remote-reads /api/v1/read: the same series and values as etcdmon's API")
    func federationAndRemoteRead() async throws {
        try await ReferenceLayoutLock.shared.holding { try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.34.31,127.0.34.32", "--members", "3"]) { cluster in
            let directory = try ServeScrapeTests.temporaryDirectory("federate")
            try Self.configuration(cluster, replica: "a", remoteWrite: nil).write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
            let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/etcdmon.yml"],
                                           address: "127.0.34.33:\(Self.port())")
            defer { kill(server.pid, SIGKILL) }
            try await server.waitUntilReady()
            try """
                global: {scrape_interval: 2s}
                scrape_configs:
                  - job_name: federate
                    honor_labels: true
                    metrics_path: /federate
                    params: {'match[]': ['{job="etcd"}']}
                    static_configs: [{targets: ['\(server.address)']}]
                """.write(toFile: directory + "/federating.yml", atomically: true, encoding: .utf8)
            try """
                global: {}
                remote_read: [{url: 'http://\(server.address)/api/v1/read', read_recent: true}]
                """.write(toFile: directory + "/reading.yml", atomically: true, encoding: .utf8)
            let federating = try PrometheusProcess(dataDirectory: directory + "/federating", configuration: directory + "/federating.yml")
            defer { federating.stop() }
            let reading = try PrometheusProcess(dataDirectory: directory + "/reading", configuration: directory + "/reading.yml")
            defer { reading.stop() }
            try await Task.sleep(for: .seconds(16))
            let time = Date().timeIntervalSince1970 - 1

            // Federation: every etcd series, with the external label, and the same constant values.
            let local = try await Self.etcdmonQuery(server, time: time)("etcd_server_has_leader")
                .map { "\(Self.key($0.labels.merging(["replica": "a"]) { $1 })) \($0.value)" }
            let federated = try await Self.prometheusQuery(federating, time: time)("etcd_server_has_leader").map { "\(Self.key($0.labels)) \($0.value)" }
            #expect(Set(local) == Set(federated) && local.count == 3, "\(local) vs \(federated)")
            let localCount = try await Self.etcdmonQuery(server, time: time)("count({job=\"etcd\"})").first?.value ?? 0
            let federatedCount = try await Self.prometheusQuery(federating, time: time)("count({job=\"etcd\"})").first?.value ?? -1
            #expect(localCount > 1000 && abs(localCount - federatedCount) <= localCount * 0.02, "\(localCount) vs \(federatedCount) series")
            let (_, text) = try await TracingTests.request(["http://\(server.address)/federate?match[]=etcd_server_has_leader"])
            #expect(text.hasPrefix("# TYPE etcd_server_has_leader untyped\n") && text.contains("replica=\"a\""), "\(text.prefix(400))")

            // Remote read: raw samples, so windows over them agree exactly.
            for expression in ["count_over_time(up{job=\"etcd\"}[10s])", "rate(etcd_network_client_grpc_received_bytes_total[10s])",
                               "etcd_server_has_leader"] {
                let direct = try await Self.etcdmonQuery(server, time: time)(expression)
                    .map { "\(Self.key($0.labels.merging(["replica": "a"]) { $1 })) \($0.value)" }.sorted()
                let read = try await Self.prometheusQuery(reading, time: time)(expression).map { "\(Self.key($0.labels)) \($0.value)" }.sorted()
                #expect(direct == read && !direct.isEmpty, "\(expression): \(direct.prefix(3)) vs \(read.prefix(3))")
            }
            let badRead = try await Command.run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}", "-X", "POST", "--data-binary", "xx",
                                                                 "http://\(server.address)/api/v1/read"])
            #expect(badRead.standardOutput.hasSuffix("400"), "\(badRead.standardOutput)")
            let badMatch = try await TracingTests.request(["http://\(server.address)/federate?match[]=up{"])
            #expect(badMatch.status == 400)
        } }
    }
}

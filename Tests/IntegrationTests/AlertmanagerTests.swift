import Foundation
import Testing
import TestSupport

/// A real Alertmanager 0.25 receives etcdmon's alerts from the built-in etcd pack while a real
/// 5-member cluster loses quorum and gets it back: `amtool alert query` shows them, then not. The
/// built-in Alertmanager, at the same time, notifies a webhook of them, then of their resolution.
@Suite("Alerts reach a real Alertmanager", .serialized)
struct AlertmanagerTests {
    /// An Alertmanager on a random loopback address, its webhook pointing nowhere (only its API is read).
    final class AlertmanagerProcess {
        let address = "127.0.15.\(Int.random(in: 2...250)):\(21_000 + Int.random(in: 0..<1000))"
        let pid: pid_t

        init(directory: String) throws {
            let configuration = directory + "/alertmanager.yml"
            try """
            route:
              receiver: hook
              group_by: ['alertname']
              group_wait: 1s
              group_interval: 2s
            receivers:
              - name: hook
                webhook_configs: [{url: 'http://127.0.0.1:9/hook'}]
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
            pid = try Command.spawn("/usr/bin/prometheus-alertmanager", [
                "--config.file", configuration, "--storage.path", directory + "/alertmanager", "--web.listen-address", address,
                "--cluster.listen-address=",
            ], standardOutput: directory + "/alertmanager.log", standardError: directory + "/alertmanager.log")
        }

        /// Active alerts named `name`, as `amtool alert query` lists them.
        func alerts(_ name: String) async throws -> [[String: Any]] {
            let result = try await Command.run("/usr/bin/amtool", ["alert", "query", "--alertmanager.url", "http://\(address)", "-o", "json", "alertname=\(name)"])
            guard result.exitCode == 0 else { return [] }
            return (try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]) ?? []
        }

        func stop() { kill(pid, SIGTERM) }
    }

    @Test("quorum lost: etcdNoLeader and etcdInsufficientMembers in amtool within for plus two evaluations, then resolved")
    func quorumLossReachesAlertmanager() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let alertmanager = try AlertmanagerProcess(directory: directory)
        defer { alertmanager.stop() }
        let cluster = try await LocalCluster.start(version: "3.5")
        do {
            try await run(cluster, alertmanager, directory: directory)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func run(_ cluster: LocalCluster, _ alertmanager: AlertmanagerProcess, directory: String) async throws {
        let (evaluation, hold) = (2, 10)
        let configuration = directory + "/etcdmon.yml"
        try """
        global:
          scrape_interval: 2s
          scrape_timeout: 1800ms
          evaluation_interval: \(evaluation)s
        etcd:
          clusters:
            - name: reference
              endpoints: [http://127.0.10.1:2379]
          alerts:
            override:
              etcdNoLeader: {for: \(hold)s}
              etcdInsufficientMembers: {for: \(hold)s}
        alerting:
          alertmanagers:
            - static_configs: [{targets: ['\(alertmanager.address)']}]
        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let sink = try BuiltInAlertmanagerTests.WebhookSink(directory: directory + "/sink")
        defer { sink.stop() }
        try """
        route: {receiver: hook, group_by: [alertname], group_wait: 1s, group_interval: 2s}
        receivers: [{name: hook, webhook_configs: [{url: 'http://\(sink.address)/hook'}]}]
        """.write(toFile: directory + "/alertmanager.yml", atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: [
            "--config.file", configuration, "--alertmanager.config.file", directory + "/alertmanager.yml",
        ])
        defer { kill(server.pid, SIGTERM) }
        try await server.waitUntilReady()
        let scraped = try await server.eventually(within: .seconds(30)) {
            try await server.query("count(up{job=\"etcd\"} == 1)").first?.value == 5
        }
        #expect(scraped, "etcdmon did not scrape the five members: \(server.log.suffix(1500))")
        // The pack is loaded, the overrides applied.
        let rules = try await server.get("/api/v1/rules", ["type": "alert"]) as? [String: Any]
        let alertRules = (rules?["groups"] as? [[String: Any]] ?? []).flatMap { $0["rules"] as? [[String: Any]] ?? [] }
        #expect(alertRules.count == 26)
        #expect(alertRules.first { $0["name"] as? String == "etcdNoLeader" }?["duration"] as? Double == Double(hold))

        // Three of five killed: the two left have no leader and no quorum.
        let killed = ["etcd2", "etcd3", "etcd4"]
        for name in killed { cluster.signal(name, SIGKILL) }
        let started = ContinuousClock.now
        // `for`, two evaluations, and what it takes to see the loss: an election timeout and a scrape.
        let deadline = Duration.seconds(hold + 2 * evaluation) + .seconds(2 * 2 + 5)
        var seen: [String: Duration] = [:]
        while ContinuousClock.now - started < deadline + .seconds(10), seen.count < 2 {
            for name in ["etcdNoLeader", "etcdInsufficientMembers"] where seen[name] == nil {
                if !(try await alertmanager.alerts(name)).isEmpty { seen[name] = ContinuousClock.now - started }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        for name in ["etcdNoLeader", "etcdInsufficientMembers"] {
            #expect(seen[name] != nil, "\(name) never reached Alertmanager: \(server.log.suffix(2000))")
            if let after = seen[name] { #expect(after <= deadline, "\(name) reached Alertmanager after \(after)") }
        }
        // The built-in Alertmanager's webhook: both groups notified firing, within `for`, two
        // evaluations and `group_wait` (plus what it takes to see the loss).
        func notified(_ name: String, _ status: String) -> Bool {
            sink.requests.contains { $0.body.contains("\"groupLabels\":{\"alertname\":\"\(name)\"}") && $0.body.hasPrefix("{\"receiver\":\"hook\",\"status\":\"\(status)\"") }
        }
        while ContinuousClock.now - started < deadline + .seconds(1), !(notified("etcdNoLeader", "firing") && notified("etcdInsufficientMembers", "firing")) {
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(notified("etcdNoLeader", "firing") && notified("etcdInsufficientMembers", "firing"),
                "the webhook got \(sink.requests.map(\.body)) within \(deadline + .seconds(1))")
        let noLeader = try await alertmanager.alerts("etcdNoLeader")
        let labels = noLeader.first?["labels"] as? [String: String] ?? [:]
        #expect(labels["severity"] == "critical" && labels["job"] == "etcd", "\(labels)")
        #expect((noLeader.first?["annotations"] as? [String: String])?["summary"] == "etcd cluster has no leader.")

        // Back: the alerts resolve (Alertmanager lists only active alerts).
        try await cluster.resume()
        let resolved = try await server.eventually(within: .seconds(60)) {
            let noLeader = try await alertmanager.alerts("etcdNoLeader")
            let insufficient = try await alertmanager.alerts("etcdInsufficientMembers")
            return noLeader.isEmpty && insufficient.isEmpty
        }
        #expect(resolved, "alerts still active in Alertmanager after the members came back")
        let resolvedNotified = try await server.eventually(within: .seconds(30)) {
            notified("etcdNoLeader", "resolved") && notified("etcdInsufficientMembers", "resolved")
        }
        #expect(resolvedNotified, "no resolved notifications: \(sink.requests.map(\.body).suffix(4))")
    }
}

import Foundation
import Testing
import TestSupport

/// The built-in Alertmanager next to a real Alertmanager 0.25 with the same alertmanager.yml and
/// the same alerts: the webhook receives the same payloads, byte for byte; amtool manages
/// silences and reads alerts the same way from both; `etcdmon alertmanager check` accepts and
/// refuses what `amtool check-config` does.
@Suite("The built-in Alertmanager against a real Alertmanager 0.25", .serialized)
struct BuiltInAlertmanagerTests {
    /// `webhook_sink.py` on a loopback address: every request's body saved in `directory`.
    final class WebhookSink {
        let address: String
        let directory: String
        let pid: pid_t

        init(directory: String, address: String = "127.0.16.\(Int.random(in: 2...250))", port: Int = 22_000 + Int.random(in: 0..<1000)) throws {
            self.address = "\(address):\(port)"
            self.directory = directory
            pid = try Command.spawn("/usr/bin/python3", [Fixtures.url("tools/webhook_sink.py").path, "--host", address, "--port", "\(port)",
                                                          "--dir", directory, "--timeout", "300"],
                                    standardOutput: directory + ".log", standardError: directory + ".log")
        }

        /// The requests received so far: path and body, in order.
        var requests: [(path: String, body: String)] {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            return files.compactMap { file in
                guard let record = try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))) as? [String: Any],
                      let body = try? String(contentsOfFile: directory + "/" + file.replacingOccurrences(of: ".json", with: ".body"), encoding: .utf8)
                else { return nil }
                return (record["path"] as? String ?? "", body)
            }
        }

        /// Waits until at least `count` requests arrived.
        func waitFor(_ count: Int, within seconds: Double = 20) async throws {
            let deadline = ContinuousClock.now + .seconds(seconds)
            while requests.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        }

        /// SIGKILL: the test runner's children inherit a signal mask in which Python's default
        /// SIGTERM handling never runs.
        func stop() { kill(pid, SIGKILL) }
    }

    /// A real Alertmanager with `configuration`.
    final class RealAlertmanager {
        let address = "127.0.15.\(Int.random(in: 2...250)):\(21_000 + Int.random(in: 0..<1000))"
        let pid: pid_t

        init(directory: String, configuration: String) throws {
            pid = try Command.spawn("/usr/bin/prometheus-alertmanager", [
                "--config.file", configuration, "--storage.path", directory + "/real-alertmanager", "--web.listen-address", address,
                "--cluster.listen-address=", "--web.external-url", BuiltInAlertmanagerTests.externalURL,
            ], standardOutput: directory + "/real-alertmanager.log", standardError: directory + "/real-alertmanager.log")
        }

        func waitUntilReady() async throws {
            for _ in 0..<200 {
                if (try? await Command.run("/usr/bin/curl", ["-sf", "http://\(address)/-/ready"]))?.exitCode == 0 { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw CommandError(message: "Alertmanager did not become ready at \(address)")
        }

        func stop() { kill(pid, SIGTERM) }
    }

    static let externalURL = "http://127.0.0.1:9093"

    static func configuration(sink: String) -> String {
        """
        route:
          receiver: hook
          group_by: [alertname, cluster]
          group_wait: 1s
          group_interval: 2s
          repeat_interval: 1h
          routes:
            - matchers: ['team="db"']
              receiver: limited
            - matchers: ['notify="slack"']
              receiver: chat
        inhibit_rules:
          - source_matchers: ['severity="critical"']
            target_matchers: ['severity="warning"']
            equal: [cluster]
        receivers:
          - name: hook
            webhook_configs: [{url: 'http://\(sink)/hook', send_resolved: true}]
          - name: limited
            webhook_configs: [{url: 'http://\(sink)/limited', max_alerts: 1}]
          - name: chat
            slack_configs:
              - api_url: 'http://\(sink)/slack'
                channel: '#etcd'
                send_resolved: true
                text: '{{ range .Alerts }}{{ .Annotations.summary }} ({{ .Labels.instance | toUpper }}){{ end }}'
                fields: [{title: severity, value: '{{ .CommonLabels.severity }}'}, {title: group, value: '{{ .GroupLabels.SortedPairs.Names | join ", " }}', short: true}]
                actions: [{type: button, text: 'Runbook {{ .CommonLabels.alertname }}', url: 'http://runbook/{{ .GroupLabels.alertname }}'}]
        """
    }

    /// Alerts in Alertmanager's API v2 form, started `startedAgo` seconds before `now` and valid
    /// for an hour, or ended at `endedAt`.
    static func alerts(_ labelSets: [[String: String]], now: Date, endedAt: Date? = nil, startedAgo: TimeInterval = 600) throws -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let items = labelSets.map { labels -> [String: Any] in
            [
                "labels": labels,
                "annotations": ["summary": "\(labels["alertname"] ?? "") on \(labels["instance"] ?? "?") <&>"],
                "startsAt": formatter.string(from: now.addingTimeInterval(-startedAgo)),
                "endsAt": formatter.string(from: endedAt ?? now.addingTimeInterval(3600)),
                "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=up",
            ]
        }
        return try JSONSerialization.data(withJSONObject: items)
    }

    static func post(_ body: Data, to address: String, directory: String) async throws {
        let file = directory + "/alerts-\(UUID().uuidString).json"
        try body.write(to: URL(fileURLWithPath: file))
        let result = try await Command.run("/usr/bin/curl", ["-sf", "-XPOST", "-H", "Content-Type: application/json",
                                                             "--data-binary", "@" + file, "http://\(address)/api/v2/alerts"])
        #expect(result.exitCode == 0, "POST alerts to \(address): \(result)")
    }

    static func amtool(_ arguments: [String], _ address: String) async throws -> CommandResult {
        try await Command.run("/usr/bin/amtool", arguments + ["--alertmanager.url", "http://\(address)"])
    }

    /// Quoted-printable text decoded: soft line breaks joined, `=XX` bytes restored.
    static func unquotedPrintable(_ text: String) -> String {
        let joined = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < joined.count {
            if joined[index] == UInt8(ascii: "="), index + 2 < joined.count, let byte = UInt8(String(decoding: joined[index + 1...index + 2], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(joined[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The notifications by path and group key, bodies as received.
    static func notifications(_ sink: WebhookSink) -> [String: [String]] {
        var byGroup: [String: [String]] = [:]
        for request in sink.requests {
            let json = try? JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any]
            byGroup[request.path + " " + (json?["groupKey"] as? String ?? "?"), default: []].append(request.body)
        }
        return byGroup
    }

    @Test("the same alerts give the same webhook payloads; silences, inhibition, max_alerts and resolution agree; amtool reads both alike")
    func sameNotifications() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("builtin-alertmanager")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let realSink = try WebhookSink(directory: directory + "/real-sink")
        let ourSink = try WebhookSink(directory: directory + "/our-sink")
        defer { realSink.stop(); ourSink.stop() }
        try Self.configuration(sink: realSink.address).write(toFile: directory + "/real.yml", atomically: true, encoding: .utf8)
        try Self.configuration(sink: ourSink.address).write(toFile: directory + "/ours.yml", atomically: true, encoding: .utf8)
        let real = try RealAlertmanager(directory: directory, configuration: directory + "/real.yml")
        defer { real.stop() }
        // No etcd alert pack: only the posted alerts reach the built-in Alertmanager.
        try "etcd: {alerts: {enabled: false}}\n".write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let ours = try EtcdmonServer(directory: directory + "/data", arguments: [
            "--alertmanager.config.file", directory + "/ours.yml", "--web.external-url", Self.externalURL,
            "--config.file", directory + "/etcdmon.yml",
        ])
        defer { kill(ours.pid, SIGTERM) }
        try await real.waitUntilReady()
        try await ours.waitUntilReady()
        let servers = [real.address, ours.address]

        // A silence with a fixed end, through amtool, on both.
        let end = ISO8601DateFormatter().string(from: Date().addingTimeInterval(7200).rounded())
        var silenceIDs: [String] = []
        for address in servers {
            let added = try await Self.amtool(["silence", "add", "alertname=Silenced", "-c", "maintenance", "-a", "tester", "--end", end], address)
            #expect(added.exitCode == 0, "\(added)")
            silenceIDs.append(added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let now = Date()
        let firing: [[String: String]] = [
            ["alertname": "etcdNoLeader", "cluster": "c1", "instance": "127.0.10.1:2379", "job": "etcd", "severity": "critical"],
            ["alertname": "etcdNoLeader", "cluster": "c1", "instance": "127.0.10.2:2379", "job": "etcd", "severity": "critical"],
            ["alertname": "etcdHighFsync", "cluster": "c1", "instance": "127.0.10.1:2379", "job": "etcd", "severity": "warning"],
            ["alertname": "etcdHighFsync", "cluster": "c2", "instance": "127.0.10.9:2379", "job": "etcd", "severity": "warning"],
            ["alertname": "DBDown", "cluster": "c1", "instance": "a", "team": "db"],
            ["alertname": "DBDown", "cluster": "c1", "instance": "b", "team": "db"],
            ["alertname": "Silenced", "cluster": "c1"],
            ["alertname": "SlackOne", "cluster": "c1", "notify": "slack", "severity": "info", "instance": "127.0.10.3:2379"],
        ]
        // Started now, so each group waits for the whole batch (see `generated`).
        let body = try Self.alerts(firing, now: now, startedAgo: 0)
        for address in servers { try await Self.post(body, to: address, directory: directory) }
        // etcdNoLeader/c1 and etcdHighFsync/c2 to the hook, DBDown/c1 (one of two) to limited,
        // SlackOne to Slack; etcdHighFsync/c1 is inhibited and Silenced silenced.
        try await realSink.waitFor(4)
        try await ourSink.waitFor(4)
        try await Task.sleep(for: .seconds(3))
        #expect(realSink.requests.count == 4)
        #expect(Self.notifications(realSink).keys.sorted() == [
            #"/hook {}:{alertname="etcdHighFsync", cluster="c2"}"#, #"/hook {}:{alertname="etcdNoLeader", cluster="c1"}"#,
            #"/limited {}/{team="db"}:{alertname="DBDown", cluster="c1"}"#, "/slack ?",
        ])
        #expect(Self.notifications(realSink)["/slack ?"]?.first?.contains("[FIRING:1] SlackOne c1 (127.0.10.3:2379 slack info)") == true,
                "\(Self.notifications(realSink)["/slack ?"] ?? [])")
        #expect(Self.notifications(ourSink) == Self.notifications(realSink))

        // amtool sees the same alerts and silences.
        for arguments in [["alert", "query"], ["alert", "query", "-i", "-s"], ["alert", "query", "-o", "extended", "-a", "-i", "-s"],
                          ["alert", "query", "severity=warning", "-i"]] {
            let answers = try await servers.asyncMap { try await Self.amtool(arguments, $0) }
            #expect(answers[0].exitCode == 0 && !answers[0].standardOutput.isEmpty, "\(answers[0])")
            #expect(answers[1].standardOutput == answers[0].standardOutput, "amtool \(arguments.joined(separator: " "))")
            #expect(answers[1].exitCode == answers[0].exitCode)
        }
        let silences = try await servers.asyncMap { try await Self.amtool(["silence", "query"], $0) }
        #expect(silences[1].standardOutput.replacingOccurrences(of: silenceIDs[1], with: "ID")
                == silences[0].standardOutput.replacingOccurrences(of: silenceIDs[0], with: "ID"))
        #expect(silences[0].standardOutput.contains("maintenance"))

        // Resolving the critical alerts: a resolved notification, and the inhibited warning notified.
        let resolved = try Self.alerts(Array(firing.prefix(2)), now: now, endedAt: Date().addingTimeInterval(-0.2).rounded(), startedAgo: 0)
        for address in servers { try await Self.post(resolved, to: address, directory: directory) }
        try await realSink.waitFor(6)
        try await ourSink.waitFor(6)
        try await Task.sleep(for: .seconds(3))
        #expect(realSink.requests.count == 6)
        #expect(Self.notifications(realSink)[#"/hook {}:{alertname="etcdHighFsync", cluster="c1"}"#]?.count == 1, "no longer inhibited")
        #expect(Self.notifications(realSink)[#"/hook {}:{alertname="etcdNoLeader", cluster="c1"}"#]?.last?.contains(#""status":"resolved""#) == true)
        #expect(Self.notifications(ourSink) == Self.notifications(realSink))

        // Expiring the silence, through amtool, on both.
        for (address, id) in zip(servers, silenceIDs) {
            let expired = try await Self.amtool(["silence", "expire", id], address)
            #expect(expired.exitCode == 0, "\(expired)")
        }
        let after = try await servers.asyncMap { try await Self.amtool(["silence", "query", "--expired", "-q"], $0) }
        #expect(after.map { $0.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) } == silenceIDs)
        let unknown = try await servers.asyncMap { try await Self.amtool(["silence", "expire", "6a1f0000-0000-4000-8000-000000000000"], $0) }
        #expect(unknown[1].exitCode == unknown[0].exitCode && unknown[0].exitCode != 0)
        #expect(unknown[1].standardError == unknown[0].standardError, "\(unknown)")

        // etcdmon's notification history lists what was delivered, newest first.
        let history = try await ours.get("/api/v1/notifications") as? [[String: Any]] ?? []
        #expect(history.count == ourSink.requests.count, "\(history)")
        #expect(history.allSatisfy { $0["outcome"] as? String == "delivered" })
        #expect(history.contains { $0["receiver"] as? String == "hook" && $0["resolved"] as? Int == 2 }, "\(history)")
        let times = history.compactMap { $0["time"] as? String }
        #expect(times == times.sorted(by: >), "newest first")
        let metrics = try await Command.run("/usr/bin/curl", ["-s", "http://\(ours.address)/metrics"]).standardOutput
        #expect(metrics.contains(#"alertmanager_notifications_total{integration="webhook"}"#), "\(metrics.suffix(3000))")
        // The state gauges are recorded every 15 s, from the start.
        #expect(metrics.contains(#"alertmanager_silences{state="active"}"#) && metrics.contains(#"alertmanager_alerts{state="active"}"#))

        // A broken alertmanager.yml on reload keeps the running one, and the reload says why.
        try "route: {receiver: nope}\nreceivers: [{name: hook}]\n".write(toFile: directory + "/ours.yml", atomically: true, encoding: .utf8)
        kill(ours.pid, SIGHUP)
        try await Task.sleep(for: .seconds(1))
        #expect(ours.log.contains("undefined receiver"), "\(ours.log.suffix(1500))")
        let receivers = try await Command.run("/usr/bin/curl", ["-s", "http://\(ours.address)/api/v2/receivers"]).standardOutput
        #expect(receivers.contains(#"{"name":"limited"}"#), "the old configuration still runs: \(receivers)")
    }

    @Test("a receiver down for two minutes and etcdmon restarted meanwhile: every notification arrives once it is back, once; silences survive restarts")
    func nothingLostNothingDoubled() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager-restart")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sinkHost = "127.0.16.\(Int.random(in: 2...250))"
        let sinkPort = 23_000 + Int.random(in: 0..<1000)
        try Self.configuration(sink: "\(sinkHost):\(sinkPort)").write(toFile: directory + "/ours.yml", atomically: true, encoding: .utf8)
        try "etcd: {alerts: {enabled: false}}\n".write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let address = EtcdmonServer.randomAddress()
        func start() async throws -> EtcdmonServer {
            let server = try EtcdmonServer(directory: directory + "/data", arguments: [
                "--alertmanager.config.file", directory + "/ours.yml", "--config.file", directory + "/etcdmon.yml",
            ], address: address)
            try await server.waitUntilReady()
            return server
        }
        let alert = try Self.alerts([["alertname": "etcdNoLeader", "cluster": "c1", "instance": "127.0.10.1:2379", "severity": "critical"],
                                     ["alertname": "etcdHighFsync", "cluster": "c2", "instance": "127.0.10.2:2379", "severity": "warning"]],
                                    now: Date())

        // The receiver is down for two minutes: deliveries fail, flush after flush (each retrying
        // until the next is due), and etcdmon restarts halfway.
        var server = try await start()
        let end = ISO8601DateFormatter().string(from: Date().addingTimeInterval(7200))
        let added = try await Self.amtool(["silence", "add", "alertname=Other", "-c", "kept", "--end", end], address)
        #expect(added.exitCode == 0, "\(added)")
        try await Self.post(alert, to: address, directory: directory)
        try await Task.sleep(for: .seconds(60))
        #expect(server.log.contains("notify attempt failed"), "\(server.log.suffix(2000))")
        #expect(server.log.contains("notify retry canceled after"), "a flush gave up and the next one tried again")
        // Restarted while it is down; the sender (Prometheus, or etcdmon's rules) sends its alerts again.
        #expect(try await server.stop() == 0)
        server = try await start()
        try await Self.post(alert, to: address, directory: directory)
        try await Task.sleep(for: .seconds(60))
        let sink = try WebhookSink(directory: directory + "/sink", address: sinkHost, port: sinkPort)
        defer { sink.stop() }
        // Back: each group's notification arrives, once.
        try await sink.waitFor(2, within: 30)
        try await Task.sleep(for: .seconds(6))
        #expect(Self.notifications(sink).keys.sorted() == [#"/hook {}:{alertname="etcdHighFsync", cluster="c2"}"#,
                                                           #"/hook {}:{alertname="etcdNoLeader", cluster="c1"}"#])
        #expect(sink.requests.count == 2, "\(sink.requests.map(\.body))")
        // Restarted again with the alert still firing: the notification log remembers the delivery.
        #expect(try await server.stop() == 0)
        server = try await start()
        defer { kill(server.pid, SIGTERM) }
        try await Self.post(alert, to: address, directory: directory)
        try await Task.sleep(for: .seconds(5))
        #expect(sink.requests.count == 2, "not sent again within repeat_interval")
        let silences = try await Self.amtool(["silence", "query", "-q"], address)
        #expect(silences.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(FileManager.default.fileExists(atPath: directory + "/data/alertmanager/nflog"))
    }

    @Test("generated alerts through routes with continue, group_by '...', inhibition and silences: the same notifications as Alertmanager's", arguments: [1, 2])
    func generated(seed: UInt64) async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager-generated")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let realSink = try WebhookSink(directory: directory + "/real-sink")
        let ourSink = try WebhookSink(directory: directory + "/our-sink")
        defer { realSink.stop(); ourSink.stop() }
        func configuration(_ sink: String) -> String {
            """
            route:
              receiver: all
              group_by: [alertname]
              group_wait: 1s
              group_interval: 2s
              routes:
                - matchers: ['severity="critical"']
                  receiver: pager
                  group_by: [cluster, alertname]
                  continue: true
                - match_re: {team: 'db|storage'}
                  receiver: team
                  group_by: ['...']
                  routes:
                    - matchers: ['zone=~"z[12]"', 'severity!="info"']
                      receiver: zoned
                      group_by: [zone]
                - matchers: ['alertname=~"etcd.*"']
                  receiver: etcd
                  group_by: [cluster]
            inhibit_rules:
              - source_matchers: ['severity="critical"']
                target_matchers: ['severity=~"warning|info"']
                equal: [cluster]
              - source_matchers: ['alertname="ClusterDown"']
                target_matchers: ['alertname!="ClusterDown"']
                equal: [cluster, zone]
            receivers:
              - {name: all, webhook_configs: [{url: 'http://\(sink)/all'}]}
              - {name: pager, webhook_configs: [{url: 'http://\(sink)/pager', max_alerts: 3}]}
              - {name: team, webhook_configs: [{url: 'http://\(sink)/team'}]}
              - {name: zoned, webhook_configs: [{url: 'http://\(sink)/zoned'}]}
              - {name: etcd, webhook_configs: [{url: 'http://\(sink)/etcd'}]}
            """
        }
        try configuration(realSink.address).write(toFile: directory + "/real.yml", atomically: true, encoding: .utf8)
        try configuration(ourSink.address).write(toFile: directory + "/ours.yml", atomically: true, encoding: .utf8)
        try "etcd: {alerts: {enabled: false}}\n".write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let real = try RealAlertmanager(directory: directory, configuration: directory + "/real.yml")
        defer { real.stop() }
        let ours = try EtcdmonServer(directory: directory + "/data", arguments: [
            "--alertmanager.config.file", directory + "/ours.yml", "--web.external-url", Self.externalURL, "--config.file", directory + "/etcdmon.yml",
        ])
        defer { kill(ours.pid, SIGTERM) }
        try await real.waitUntilReady()
        try await ours.waitUntilReady()
        let servers = [real.address, ours.address]
        let end = ISO8601DateFormatter().string(from: Date().addingTimeInterval(7200).rounded())
        for address in servers {
            for matchers in [["zone=z3", "severity=warning"], ["alertname=DiskFull", "cluster=c2"]] {
                let added = try await Self.amtool(["silence", "add"] + matchers + ["-c", "generated", "--end", end], address)
                #expect(added.exitCode == 0, "\(added)")
            }
        }
        // Alerts from a seeded generator: names, severities, clusters, zones, teams at random.
        var generator = SeededGenerator(seed: seed)
        func pick(_ values: [String?]) -> String? { values[Int.random(in: 0..<values.count, using: &generator)] }
        var labelSets: [[String: String]] = []
        var seen = Set<[String: String]>()
        while labelSets.count < 40 {
            var labels = ["alertname": pick(["etcdNoLeader", "etcdHighFsync", "DiskFull", "ClusterDown", "APIErrors"])!]
            for (name, values) in [("severity", ["critical", "warning", "info", nil]), ("cluster", ["c1", "c2", "c3"]),
                                   ("zone", ["z1", "z2", "z3", nil]), ("team", ["db", "storage", "web", nil]),
                                   ("instance", ["10.0.0.1:2379", "10.0.0.2:2379", "10.0.0.3:2379", nil])] {
                if let value = pick(values) { labels[name] = value }
            }
            if seen.insert(labels).inserted { labelSets.append(labels) }
        }
        // Started now: every group waits group_wait for the whole batch. (An alert started longer ago
        // flushes its group at once, and Alertmanager's flush then races the rest of the batch.)
        let body = try Self.alerts(labelSets, now: Date(), startedAgo: 0)
        for address in servers { try await Self.post(body, to: address, directory: directory) }
        // Wait until the real Alertmanager's notifications stop coming, then compare.
        var count = -1
        while realSink.requests.count != count {
            count = realSink.requests.count
            try await Task.sleep(for: .seconds(3))
        }
        try await ourSink.waitFor(count)
        #expect(count > 5, "the generated alerts notify several groups")
        let theirs = Self.notifications(realSink), mine = Self.notifications(ourSink)
        #expect(Set(mine.keys) == Set(theirs.keys), "groups only Alertmanager notified: \(Set(theirs.keys).subtracting(mine.keys)); only etcdmon: \(Set(mine.keys).subtracting(theirs.keys))")
        for key in theirs.keys.sorted() where mine[key] != theirs[key] {
            Issue.record("\(key):\nAlertmanager: \(theirs[key] ?? [])\netcdmon: \(mine[key] ?? [])")
        }
        // amtool sees the same statuses (suppressed by silence or inhibition) on both.
        let statuses = try await servers.asyncMap { try await Self.amtool(["alert", "query", "-a", "-s", "-i", "-o", "extended"], $0) }
        #expect(statuses[1].standardOutput == statuses[0].standardOutput)
    }

    @Test("e-mail over STARTTLS with AUTH reaches a local SMTP server: Alertmanager's subject, HTML and text bodies, headers")
    func email() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager-email")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let host = "127.0.17.\(Int.random(in: 2...250))"
        let port = 24_000 + Int.random(in: 0..<1000)
        let key = directory + "/smtp.key", cert = directory + "/smtp.crt"
        let made = try await Command.run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=\(host)",
                                                              "-addext", "subjectAltName=IP:\(host)", "-keyout", key, "-out", cert])
        #expect(made.exitCode == 0, "\(made)")
        // The python3 scripts/install-deps.sh installed aiosmtpd for: the first on the PATH.
        let smtp = try Command.spawn("/usr/bin/env", ["python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/smtp_sink.py").path,
                                                          "--host", host, "--port", "\(port)", "--dir", directory + "/mail", "--cert", cert, "--key", key,
                                                          "--user", "etcdmon", "--password", "s3cret", "--timeout", "120"],
                                     standardOutput: directory + "/smtp.log", standardError: directory + "/smtp.log")
        defer { kill(smtp, SIGKILL) }
        try """
        global: {smtp_smarthost: '\(host):\(port)', smtp_from: 'etcdmon <alerts@example.org>', smtp_auth_username: etcdmon, smtp_auth_password: s3cret}
        route: {receiver: mail, group_by: [alertname], group_wait: 1s, group_interval: 2s}
        receivers:
          - name: mail
            email_configs:
              - to: 'ops@example.org, "On Call" <oncall@example.org>'
                send_resolved: true
                tls_config: {ca_file: '\(cert)'}
                headers: {x-cluster: '{{ .CommonLabels.cluster }}', X-Umlaut: 'grüße'}
                text: '{{ range .Alerts }}{{ .Labels.instance }}: {{ .Annotations.summary }}{{ end }}'
        """.write(toFile: directory + "/am.yml", atomically: true, encoding: .utf8)
        try "etcd: {alerts: {enabled: false}}\n".write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: [
            "--alertmanager.config.file", directory + "/am.yml", "--config.file", directory + "/etcdmon.yml", "--web.external-url", Self.externalURL,
        ])
        defer { kill(server.pid, SIGTERM) }
        try await server.waitUntilReady()
        let firing = [["alertname": "etcdNoLeader", "cluster": "c1", "instance": "127.0.10.1:2379", "severity": "critical"]]
        try await Self.post(try Self.alerts(firing, now: Date()), to: server.address, directory: directory)
        func messages() -> [(envelope: [String: Any], text: String)] {
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/mail")) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            return files.compactMap { file in
                let base = directory + "/mail/" + file.dropLast(5)
                guard let envelope = try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: base + ".json"))) as? [String: Any],
                      let text = try? String(contentsOfFile: base + ".eml", encoding: .utf8) else { return nil }
                return (envelope, text)
            }
        }
        let delivered = try await server.eventually(within: .seconds(20)) { !messages().isEmpty }
        #expect(delivered, "no mail: \(server.log.suffix(2000)) \((try? String(contentsOfFile: directory + "/smtp.log", encoding: .utf8)) ?? "")")
        guard let message = messages().first else { return }
        #expect(message.envelope["from"] as? String == "alerts@example.org")
        #expect(message.envelope["to"] as? [String] == ["ops@example.org", "oncall@example.org"])
        #expect(message.envelope["login"] as? String == "etcdmon")
        #expect(message.envelope["tls"] as? Bool == true)
        let text = message.text
        #expect(text.contains("Subject: [FIRING:1] etcdNoLeader (c1 127.0.10.1:2379 critical)\r\n"), "\(text.prefix(800))")
        #expect(text.contains("To: ops@example.org, \"On Call\" <oncall@example.org>\r\n"))
        #expect(text.contains("From: etcdmon <alerts@example.org>\r\n"))
        #expect(text.contains("X-Cluster: c1\r\n"))
        #expect(text.contains("X-Umlaut: =?utf-8?q?gr=C3=BC=C3=9Fe?=\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;  boundary="))
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\n\r\n127.0.10.1:2379: etcdNoLeader on 127.0.10.1:2379 <&>"))
        #expect(text.contains("Content-Type: text/html; charset=UTF-8"))
        #expect(Self.unquotedPrintable(text).contains("etcdNoLeader on 127.0.10.1:2379 &lt;&amp;&gt;"), "the HTML body escapes values")
        // Resolved: a second message.
        let resolved = try Self.alerts(firing, now: Date(), endedAt: Date().addingTimeInterval(-1).rounded())
        try await Self.post(resolved, to: server.address, directory: directory)
        let second = try await server.eventually(within: .seconds(20)) { messages().count >= 2 }
        #expect(second && messages().last?.text.contains("Subject: [RESOLVED] etcdNoLeader (c1 127.0.10.1:2379 critical)") == true)

        // test-receiver with a wrong password reports the server's refusal.
        try String(contentsOfFile: directory + "/am.yml", encoding: .utf8).replacingOccurrences(of: "smtp_auth_password: s3cret", with: "smtp_auth_password: wrong")
            .write(toFile: directory + "/wrong.yml", atomically: true, encoding: .utf8)
        let refused = try await Command.etcdmon(["alertmanager", "test-receiver", "--config.file", directory + "/wrong.yml", "mail"])
        #expect(refused.exitCode == 1 && refused.standardOutput.contains("mail/email[0]: FAILED:") && refused.standardOutput.contains("535"),
                "\(refused)")

        // A server that never ends its greeting line is refused at once, its bytes not buffered.
        let hostilePort = port + 1
        let hostile = try Command.spawn("/usr/bin/env", ["python3", "-c", """
            import socket
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("\(host)", \(hostilePort))); s.listen(1); s.settimeout(60)
            c, _ = s.accept(); c.sendall(b"220 " + b"x" * 200000); c.recv(10)
            """])
        defer { kill(hostile, SIGKILL) }
        try "route: {receiver: mail}\nreceivers: [{name: mail, email_configs: [{to: a@b.c, from: x@y.z, smarthost: '\(host):\(hostilePort)', require_tls: false}]}]\n"
            .write(toFile: directory + "/hostile.yml", atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(500))
        let endless = try await Command.etcdmon(["alertmanager", "test-receiver", "--config.file", directory + "/hostile.yml", "mail"])
        #expect(endless.exitCode == 1 && endless.standardOutput.contains("a reply line longer than 4096 bytes"), "\(endless)")
    }

    @Test("etcdmon silence add|query|expire against a real Alertmanager agree with amtool; routes test and test-receiver report what happens")
    func commands() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager-commands")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sink = try WebhookSink(directory: directory + "/sink")
        defer { sink.stop() }
        try Self.configuration(sink: sink.address).write(toFile: directory + "/am.yml", atomically: true, encoding: .utf8)
        let real = try RealAlertmanager(directory: directory, configuration: directory + "/am.yml")
        defer { real.stop() }
        try await real.waitUntilReady()
        let url = "http://\(real.address)"

        // etcdmon's silence commands against a real Alertmanager: amtool lists what etcdmon added,
        // and both list the same table.
        let end = ISO8601DateFormatter().string(from: Date().addingTimeInterval(7200).rounded())
        let added = try await Command.etcdmon(["silence", "add", "etcdNoLeader", "cluster=~c.*", "-c", "maintenance", "-a", "tester", "--end", end,
                                               "--alertmanager.url", url])
        #expect(added.exitCode == 0, "\(added)")
        let id = added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let theirs = try await Self.amtool(["silence", "query"], real.address)
        let ours = try await Command.etcdmon(["silence", "query", "--alertmanager.url", url])
        #expect(ours.standardOutput == theirs.standardOutput, "etcdmon:\n\(ours.standardOutput)\namtool:\n\(theirs.standardOutput)")
        #expect(theirs.standardOutput.contains(id) && theirs.standardOutput.contains(#"alertname="etcdNoLeader" cluster=~"c.*""#))
        let expired = try await Command.etcdmon(["silence", "expire", id, "--alertmanager.url", url])
        #expect(expired.exitCode == 0, "\(expired)")
        let quiet = try await Self.amtool(["silence", "query", "--expired", "-q"], real.address)
        #expect(quiet.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == id)
        let unknown = try await Command.etcdmon(["silence", "expire", "6a1f0000-0000-4000-8000-000000000000", "--alertmanager.url", url])
        #expect(unknown.exitCode == 1 && unknown.standardError.contains("silence not found"), "\(unknown)")

        // Routing assertions.
        try """
        config: am.yml
        tests:
          - name: critical etcd alerts go to the hook
            labels: {alertname: etcdNoLeader, cluster: c1, severity: critical}
            receivers: [hook]
            group_labels: {alertname: etcdNoLeader, cluster: c1}
          - name: db alerts are limited
            labels: {alertname: DBDown, team: db}
            receivers: [limited]
          - name: warnings are inhibited by criticals of their cluster
            labels: {alertname: etcdHighFsync, cluster: c1, severity: warning}
            firing: [{alertname: etcdNoLeader, cluster: c1, severity: critical}]
            inhibited: true
          - name: a wrong expectation
            labels: {alertname: DBDown, team: db}
            receivers: [hook]
        """.write(toFile: directory + "/routes.yml", atomically: true, encoding: .utf8)
        let routes = try await Command.etcdmon(["alertmanager", "routes", "test", directory + "/routes.yml"])
        #expect(routes.exitCode == 1)
        #expect(routes.standardOutput.components(separatedBy: "PASS").count - 1 == 3, "\(routes)")
        #expect(routes.standardOutput.contains("a wrong expectation: receivers: expected hook, got limited"), "\(routes)")

        // A test notification through the hook arrives; one to a closed port reports why it failed.
        let delivered = try await Command.etcdmon(["alertmanager", "test-receiver", "--config.file", directory + "/am.yml", "hook"])
        #expect(delivered.exitCode == 0 && delivered.standardOutput.contains("hook/webhook[0]: delivered"), "\(delivered)")
        try await sink.waitFor(1, within: 5)
        #expect(sink.requests.first?.body.contains(#""alertname":"TestAlert""#) == true)
        try """
        route: {receiver: down}
        receivers: [{name: down, webhook_configs: [{url: 'http://127.0.0.1:9/nowhere'}]}]
        """.write(toFile: directory + "/down.yml", atomically: true, encoding: .utf8)
        let failed = try await Command.etcdmon(["alertmanager", "test-receiver", "--config.file", directory + "/down.yml", "down"])
        #expect(failed.exitCode == 1 && failed.standardOutput.contains("down/webhook[0]: FAILED:") && failed.standardOutput.contains("refused"),
                "\(failed)")

        // An alertmanager.yml inline in etcdmon's own configuration runs the built-in Alertmanager too.
        try """
        etcd: {alerts: {enabled: false}}
        alertmanager_config:
          route: {receiver: inline, group_wait: 1s}
          receivers: [{name: inline, webhook_configs: [{url: 'http://\(sink.address)/inline'}]}]
        """.write(toFile: directory + "/inline.yml", atomically: true, encoding: .utf8)
        let inline = try EtcdmonServer(directory: directory + "/inline-data", arguments: ["--config.file", directory + "/inline.yml"])
        defer { kill(inline.pid, SIGTERM) }
        try await inline.waitUntilReady()
        try await Self.post(try Self.alerts([["alertname": "Inline"]], now: Date()), to: inline.address, directory: directory)
        let inlineDelivered = try await inline.eventually(within: .seconds(15)) { sink.requests.contains { $0.path == "/inline" } }
        #expect(inlineDelivered, "\(inline.log.suffix(1500))")

        // A template that fails on a real alert fails the check (Alertmanager would accept it).
        try """
        route: {receiver: chat}
        receivers: [{name: chat, slack_configs: [{api_url: 'http://127.0.0.1:9/x', title: '{{ .CommonLabels.alertname | nosuchfunction }}'}]}]
        """.write(toFile: directory + "/bad-template.yml", atomically: true, encoding: .utf8)
        let check = try await Command.etcdmon(["alertmanager", "check", directory + "/bad-template.yml"])
        #expect(check.exitCode == 1 && check.standardOutput.contains("rendering a test alert: receiver \"chat\", slack"), "\(check)")
    }

    @Test("etcdmon alertmanager check accepts and refuses what amtool check-config does")
    func checkParity() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alertmanager-check")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files: [String: String] = [
            "good.yml": Self.configuration(sink: "127.0.0.1:5001") + "\ntime_intervals:\n  - name: weekend\n    time_intervals: [{weekdays: [saturday, sunday], times: [{start_time: '00:00', end_time: '24:00'}]}]\n",
            "fixture.yml": (try? Fixtures.text("fixtures/alertmanager/alertmanager.yml")) ?? "",
            "undefined-receiver.yml": "route: {receiver: nope}\nreceivers: [{name: hook}]\n",
            "root-matchers.yml": "route: {receiver: hook, matchers: ['a=b']}\nreceivers: [{name: hook}]\n",
            "no-route.yml": "receivers: [{name: hook}]\n",
            "empty.yml": "\n",
            "duplicate-receiver.yml": "route: {receiver: hook}\nreceivers: [{name: hook}, {name: hook}]\n",
            "bad-duration.yml": "route: {receiver: hook, group_wait: 5x}\nreceivers: [{name: hook}]\n",
            "zero-interval.yml": "route: {receiver: hook, group_interval: 0s}\nreceivers: [{name: hook}]\n",
            "no-smarthost.yml": "route: {receiver: mail}\nreceivers: [{name: mail, email_configs: [{to: a@b.c}]}]\n",
            "no-url.yml": "route: {receiver: hook}\nreceivers: [{name: hook, webhook_configs: [{send_resolved: true}]}]\n",
            "undefined-interval.yml": "route: {receiver: hook, routes: [{receiver: hook, mute_time_intervals: [nope]}]}\nreceivers: [{name: hook}]\n",
            "weekday-range-backwards.yml": "route: {receiver: hook}\nreceivers: [{name: hook}]\ntime_intervals: [{name: w, time_intervals: [{weekdays: ['saturday:sunday']}]}]\n",
            "bad-weekday.yml": "route: {receiver: hook}\nreceivers: [{name: hook}]\ntime_intervals: [{name: w, time_intervals: [{weekdays: [fooday]}]}]\n",
            "continue-root.yml": "route: {receiver: hook, continue: true}\nreceivers: [{name: hook}]\n",
            "bad-group-by.yml": "route: {receiver: hook, group_by: ['a-b']}\nreceivers: [{name: hook}]\n",
            "unquoted-quote.yml": "route: {receiver: hook, routes: [{receiver: hook, matchers: ['a=\"b\"c']}]}\nreceivers: [{name: hook}]\n",
            "no-slack-url.yml": "route: {receiver: s}\nreceivers: [{name: s, slack_configs: [{channel: '#x'}]}]\n",
        ]
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = directory + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let amtool = try await Command.run("/usr/bin/amtool", ["check-config", path])
            let etcdmon = try await Command.etcdmon(["alertmanager", "check", path])
            #expect(etcdmon.exitCode == amtool.exitCode, "\(name): amtool \(amtool) etcdmon \(etcdmon)")
            let theirs = amtool.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
            let ours = etcdmon.standardOutput.split(separator: "\n").first.map(String.init) ?? ""
            #expect(ours.hasPrefix(theirs), "\(name): amtool says \(theirs), etcdmon \(ours)")
            if amtool.exitCode == 0 {
                #expect(etcdmon.standardOutput == amtool.standardOutput, "\(name)")
            }
        }
    }
}

extension Date {
    /// Whole milliseconds, as both servers keep a time posted with them.
    func rounded() -> Date { Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000) }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}

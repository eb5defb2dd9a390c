import Foundation
import Testing
import TestSupport

/// The pages in a real browser (headless Chromium through selenium) against `etcdmon serve` on a
/// real 5-member cluster, the dashboard's queries against a real Prometheus scraping the same
/// cluster, and the exports checked by promtool and amtool.
@Suite("Dashboard and exports against a real cluster", .serialized)
struct DashboardTests {
    /// A cluster on its own loopback hosts (not the reference addresses), probed and scraped every 2 s.
    static let hosts = "127.0.31.1,127.0.31.2"

    static func configuration(in directory: String, notifications: Bool = false) throws -> String {
        let path = directory + "/etcdmon.yml"
        // With notifications: a rule that always fires, and the built-in Alertmanager (a receiver
        // without integrations), so the alerts page has an alert to silence.
        try """
            groups:
              - name: dashboard-test
                rules:
                  - alert: DashboardTestAlert
                    expr: vector(1)
                    labels: {severity: info, cluster: reference}
                    annotations: {summary: always firing}
            """.write(toFile: directory + "/always.yml", atomically: true, encoding: .utf8)
        let extra = notifications ? """

            rule_files: [\(directory)/always.yml]
            alertmanager_config:
              route: {receiver: sink, group_wait: 1s}
              receivers: [{name: sink}]
            """ : ""
        try """
            global:
              scrape_interval: 2s
              scrape_timeout: 1800ms
              evaluation_interval: 2s\(extra)
            etcd:
              clusters:
                - name: reference
                  endpoints: [http://127.0.31.1:2379]
                  discovery: {refresh_interval: 2s}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Where screenshots go (ignored by git): `.test-artifacts/browser` in the repository.
    static var artifacts: String {
        let path = Fixtures.repositoryRoot.appendingPathComponent(".test-artifacts/browser").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A steady trickle of writes (about four a second) until SIGKILLed, so the fsync and commit
    /// histograms and the request rates have observations in every chart's window.
    static func writeLoad(_ cluster: LocalCluster) throws -> pid_t {
        try Command.spawn("/bin/bash", ["-c", "while true; do /usr/bin/etcdctl --endpoints \(cluster.members[0].endpoint) put dashboard value >/dev/null; sleep 0.2; done"])
    }

    static func browser(_ arguments: [String], timeout: Duration = .seconds(240)) async throws -> [String: Any] {
        let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/browser_check.py").path
        // The python3 scripts/install-deps.sh installed selenium for: the first on the PATH.
        let result = try await Command.run("/usr/bin/env", ["python3", script] + arguments, timeout: timeout)
        guard result.exitCode == 0, let line = result.standardOutput.split(separator: "\n").last,
              let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CommandError(message: "browser_check.py \(arguments.first ?? ""): \(result.standardError.suffix(3000))")
        }
        return json
    }

    @Test("every page in Chromium: members, charts with data, panels, explore errors; a killed member is marked down within one refresh")
    func pagesInABrowser() async throws {
        try await LocalCluster.with(version: "3.5", options: ["--hosts", Self.hosts], pages)
    }

    func pages(_ cluster: LocalCluster) async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("dashboard")
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", try Self.configuration(in: directory, notifications: true)])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        // The pages below check the members' health themselves.
        let scraped = try await server.eventuallyScraped(5)
        let up = try await server.query("up")
        #expect(scraped, "five members scraped: \(up)")
        let load = try Self.writeLoad(cluster)
        defer { kill(load, SIGKILL) }
        // Enough samples for the shortest rate windows (8–20 s), and etcd's first peer round-trip
        // observations (it observes each peer's round trip every 30 s) on every member.
        try await Task.sleep(for: .seconds(15))
        #expect(try await server.eventually(within: .seconds(60)) {
            try await server.query("sum by (member) (increase(etcd_network_peer_round_trip_time_seconds_count{cluster=\"reference\"}[1m])) > 0").count == 5
        }, "etcd observed peer round trips")

        let report = try await Self.browser(["pages", "http://\(server.address)", Self.artifacts])
        let errors = report["errors"] as? [String: [String]] ?? [:]
        #expect(errors.keys.sorted() == ["alerts", "dashboard", "explore", "overview", "profiles", "rules", "targets"])
        let profiles = report["profiles"] as? [String: Any] ?? [:]
        #expect((profiles["nodes"] as? Int ?? 0) > 10 && (profiles["rows"] as? Int ?? 0) > 5 && profiles["captures"] as? Int == 1, "\(profiles)")
        #expect((profiles["functions"] as? [String] ?? []).contains { $0.hasPrefix("go.etcd.io/") }, "\(profiles)")
        for (page, messages) in errors { #expect(messages.isEmpty, "console errors on \(page): \(messages)") }

        let overview = report["overview"] as? [String: Any] ?? [:]
        let members = overview["members"] as? [String: String] ?? [:]
        #expect(members == ["etcd1": "healthy", "etcd2": "healthy", "etcd3": "healthy", "etcd4": "healthy", "etcd5": "healthy"])
        #expect(overview["leaders"] as? Int == 1)
        #expect(overview["quorum"] as? [String] == ["5 members, 5 healthy, tolerates 2 more failures"])
        let charts = overview["charts"] as? [String: Int] ?? [:]
        #expect(Set(charts.keys) == ["Leader changes", "WAL fsync p99", "Backend commit p99", "DB size", "gRPC request rate", "Peer round trip p99"])
        for (title, points) in charts { #expect(points > 0, "overview chart \(title) has no data points") }
        #expect((overview["text"] as? String)?.contains("3.5.1 / 3.5.0") == true, "server and cluster versions side by side")
        #expect((report["theme"] as? [String]).map { Set($0) } == ["light", "dark"], "the theme button switches by keyboard")

        let dashboard = report["dashboard"] as? [String: Any] ?? [:]
        let panels = dashboard["panels"] as? [String: Any] ?? [:]
        #expect(panels.count == 13)
        for (title, points) in panels { #expect((points as? Int ?? 0) > 0, "dashboard panel \(title): \(points)") }
        #expect((dashboard["url"] as? String)?.contains("range=15m") == true, "the range is in the URL")

        #expect((report["targets"] as? String)?.contains("etcd (5/5 up)") == true)
        #expect((report["rules"] as? String)?.contains("etcdNoLeader") == true)
        // The alerts page: the always-firing alert silenced through its button, shown as silenced,
        // the silence listed, then expired with its button.
        let alerts = report["alerts"] as? [String: Any] ?? [:]
        #expect((alerts["before"] as? String)?.contains("DashboardTestAlert") == true)
        #expect((alerts["created"] as? String)?.hasPrefix("Silenced (") == true, "\(alerts["created"] ?? "")")
        #expect(alerts["silencedBadge"] as? Bool == true)
        #expect((alerts["silences"] as? [String])?.contains { $0.contains("alertname=\"DashboardTestAlert\"") } == true)
        #expect(alerts["afterExpire"] as? Int == 0)
        #expect((overview["text"] as? String)?.contains("DashboardTestAlert") == true, "the overview lists the cluster's active alert")
        let explore = report["explore"] as? [String: Any] ?? [:]
        #expect(explore["rows"] as? Int == 5)
        #expect((explore["graphPoints"] as? Int ?? 0) > 0)
        #expect((explore["error"] as? String)?.contains("1:17: parse error: unclosed left parenthesis") == true)
        #expect(explore["caret"] as? String == "sum(rate(up[5m])\n" + String(repeating: " ", count: 16) + "^")

        // A member killed under an open overview: marked down, with a finding naming it, within one
        // refresh (10 s) after the next probe round (2 s).
        let victim = cluster.member("etcd4")
        let down = try await Self.browser(["wait-down", "http://\(server.address)", Self.artifacts, victim.name, String(victim.pid), "14"])
        #expect((down["seconds"] as? Double ?? 99) <= 14)
        #expect((down["findings"] as? [String] ?? []).contains { $0.contains("etcd4") })
        #expect((down["errors"] as? [String] ?? ["missing"]).isEmpty, "console errors: \(down["errors"] ?? "")")
        for name in ["overview", "overview-dark", "dashboard", "alerts", "targets", "rules", "explore", "explore-error", "profiles", "overview-member-down"] {
            #expect(FileManager.default.fileExists(atPath: Self.artifacts + "/\(name).png"), "screenshot \(name)")
        }
    }

    @Test("exports: prometheus.yml passes promtool and a real Prometheus scraping with it answers every panel's query as etcdmon does; alertmanager.yml passes amtool; Grafana JSON is well-formed",
          arguments: ["3.4", "3.5"])
    func exportsAndPanelQueries(version: String) async throws {
        try await LocalCluster.with(version: version, options: ["--hosts", Self.hosts], exports)
    }

    func exports(_ cluster: LocalCluster) async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("exports")
        let config = try Self.configuration(in: directory)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config])
        defer { kill(server.pid, SIGKILL) }

        // prometheus.yml and the alert pack beside it: promtool accepts both.
        let exported = try await Command.etcdmon(["export", "prometheus", "--config.file", config, "--output", directory + "/prometheus.yml"])
        #expect(exported.exitCode == 0, "\(exported.standardError)")
        let yaml = try String(contentsOfFile: directory + "/prometheus.yml", encoding: .utf8)
        for member in cluster.members {
            #expect(yaml.contains(member.endpoint.replacingOccurrences(of: "http://", with: "")), "\(member.name) exported")
            #expect(yaml.contains("member: \(member.name)"))
        }
        let checked = try await Command.run("/usr/bin/promtool", ["check", "config", directory + "/prometheus.yml"])
        #expect(checked.exitCode == 0, "\(checked.standardOutput)\(checked.standardError)")
        #expect(checked.standardOutput.contains("SUCCESS: 15 rules found"), "\(checked.standardOutput)")

        let alertmanager = try await Command.etcdmon(["export", "alertmanager", "--config.file", config, "--output", directory + "/alertmanager.yml"])
        #expect(alertmanager.exitCode == 0)
        let amtool = try await Command.run("/usr/bin/amtool", ["check-config", directory + "/alertmanager.yml"])
        #expect(amtool.exitCode == 0, "\(amtool.standardOutput)\(amtool.standardError)")

        let grafana = try await Command.etcdmon(["export", "grafana", "--config.file", config])
        #expect(grafana.exitCode == 0)
        let definition = try Self.definition()
        try Self.checkGrafana(try #require(try JSONSerialization.jsonObject(with: Data(grafana.standardOutput.utf8)) as? [String: Any]),
                              definition: definition)

        // A real Prometheus with the exported file, scraping the same members beside etcdmon.
        let prometheus = try PrometheusProcess(dataDirectory: directory + "/prometheus", configuration: directory + "/prometheus.yml")
        defer { prometheus.stop() }
        try await server.waitUntilReady()
        #expect(try await server.eventuallyScraped(5))
        #expect(try await server.eventually(within: .seconds(30)) {
            (try? await prometheus.query("up == 1", time: String(Date().timeIntervalSince1970)).count) == 5
        }, "Prometheus scrapes the five exported targets")
        let load = try Self.writeLoad(cluster)
        defer { kill(load, SIGKILL) }
        // A minute and more of samples on both, under the same steady load, so each one-minute
        // rate window below lies wholly inside what both scraped.
        try await Task.sleep(for: .seconds(70))

        // Every panel's query, at one instant on both: the same series (label sets) and values that
        // agree within what scraping at different instants allows. The rate window is a minute, so
        // both hold every write above in it (a 10 s window holds a commit or not by the scrapes' phase).
        let time = String(Int(Date().timeIntervalSince1970) - 3)
        var compared = 0
        for (title, expression) in definition {
            let resolved = expression.replacingOccurrences(of: "$clusters", with: "reference").replacingOccurrences(of: "$cluster", with: "reference")
                .replacingOccurrences(of: "$__rate_interval", with: "1m")
            let ours = try await server.get("/api/v1/query", ["query": resolved, "time": time]) as? [String: Any]
            let theirs = try await prometheus.query(resolved, time: time)
            let mine = (ours?["result"] as? [[String: Any]] ?? []).map {
                ($0["metric"] as? [String: String] ?? [:], (($0["value"] as? [Any])?.last as? String) ?? "")
            }
            #expect(!theirs.isEmpty, "\(title): Prometheus returns nothing for \(resolved)")
            #expect(Set(mine.map { Self.key($0.0) }) == Set(theirs.map { Self.key($0.labels) }), "\(title): series differ for \(resolved)")
            for (labels, value) in mine {
                guard let other = theirs.first(where: { $0.labels == labels })?.value else { continue }
                #expect(Self.agree(value, other), "\(title) \(labels): etcdmon \(value), Prometheus \(other) for \(resolved)")
            }
            compared += 1
        }
        #expect(compared == definition.count)
    }

    static func key(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// Values of the same query on two stores scraping at different instants: NaN on both, or
    /// within a third of the larger (rates and quantiles move between two scrapes) or 2 units apart.
    static func agree(_ a: String, _ b: String) -> Bool {
        guard let x = Double(a), let y = Double(b) else { return a == b }
        if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
        return abs(x - y) <= max(abs(x), abs(y)) / 3 || abs(x - y) <= 2
    }

    /// Every query of the dashboard definition the pages and `export grafana` use, as (panel title, PromQL).
    static func definition() throws -> [(String, String)] {
        let path = Fixtures.repositoryRoot.appendingPathComponent("Sources/WebUI/assets/dashboard.json").path
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var queries: [(String, String)] = []
        for key in ["panels", "overview"] {
            for panel in json[key] as? [[String: Any]] ?? [] {
                for target in panel["targets"] as? [[String: String]] ?? [] {
                    queries.append(("\(key): \(panel["title"] ?? "")", target["expr"] ?? ""))
                }
            }
        }
        return queries
    }

    /// The fields Grafana's dashboard schema (v36+) requires, the two variables, one Prometheus data
    /// source per panel and target, unique ids and refIds, and panels inside a 24-column grid
    /// without overlapping.
    static func checkGrafana(_ dashboard: [String: Any], definition: [(String, String)]) throws {
        #expect((dashboard["schemaVersion"] as? Int ?? 0) >= 36)
        for key in ["title", "uid", "time", "templating", "panels", "refresh", "timezone", "editable"] { #expect(dashboard[key] != nil, "\(key)") }
        let variables = (dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        #expect(variables.map { $0["name"] as? String } == ["datasource", "cluster"])
        #expect(variables.first?["type"] as? String == "datasource" && variables.first?["query"] as? String == "prometheus")
        #expect(variables.last?["type"] as? String == "query")
        #expect((variables.last?["current"] as? [String: Any])?["value"] as? String == "reference", "the configured cluster first")
        let panels = dashboard["panels"] as? [[String: Any]] ?? []
        #expect(panels.count == 13)
        #expect(Set(panels.compactMap { $0["id"] as? Int }).count == panels.count, "unique panel ids")
        var occupied: Set<[Int]> = []
        var expressions: [String] = []
        for panel in panels {
            let grid = panel["gridPos"] as? [String: Int] ?? [:]
            let (x, y, w, h) = (grid["x"] ?? -1, grid["y"] ?? -1, grid["w"] ?? 0, grid["h"] ?? 0)
            #expect(x >= 0 && w > 0 && x + w <= 24 && y >= 0 && h > 0, "\(panel["title"] ?? ""): gridPos \(grid)")
            for column in x..<max(x, x + w) { for row in y..<max(y, y + h) { #expect(occupied.insert([column, row]).inserted, "panels overlap at \(column),\(row)") } }
            #expect(["timeseries", "stat"].contains(panel["type"] as? String ?? ""))
            #expect((panel["datasource"] as? [String: String]) == ["type": "prometheus", "uid": "${datasource}"])
            #expect(((panel["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])?["unit"] is String)
            let targets = panel["targets"] as? [[String: Any]] ?? []
            #expect(!targets.isEmpty && Set(targets.compactMap { $0["refId"] as? String }).count == targets.count)
            for target in targets {
                #expect((target["datasource"] as? [String: String])?["uid"] == "${datasource}")
                expressions.append(target["expr"] as? String ?? "")
            }
        }
        #expect(expressions == definition.filter { $0.0.hasPrefix("panels:") }.map(\.1), "the pages' queries, in order")
    }
}

import Foundation
import Testing
import TestSupport

/// `etcdmon serve` against targets that misbehave, configurations that are wrong, and real
/// Prometheus as the reference for target labels and config checking. No etcd needed.
@Suite("etcdmon serve: faults, reload, discovery files, Prometheus as reference", .serialized)
struct ServeFaultTests {
    /// Serves a real etcd capture at `/metrics` (python's http.server over a directory).
    final class CaptureServer {
        let address: String
        let pid: pid_t

        init(directory: String) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Fixtures.url("fixtures/etcd/v3.5.1/metrics-after-1000-puts.body").path,
                                             toPath: directory + "/metrics")
            let port = 21_000 + Int.random(in: 0..<1000)
            address = "127.0.15.1:\(port)"
            pid = try Command.spawn("/usr/bin/python3", ["-m", "http.server", String(port), "--bind", "127.0.15.1", "--directory", directory])
        }

        deinit { kill(pid, SIGKILL) }
    }

    @Test("junk, a 10 MB body, a hang, a name that does not resolve, a sample limit: each target's error, the rest scraped")
    func misbehavingTargets() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("faults")
        let capture = try CaptureServer(directory: directory + "/www")
        let base = 22_000 + Int.random(in: 0..<1000)
        let bad = try Command.spawn("/usr/bin/python3", [Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/bad_server.py").path, "127.0.15.2", String(base)])
        defer { kill(bad, SIGKILL) }
        let config = directory + "/etcdmon.yml"
        try """
            global: {scrape_interval: 1s, scrape_timeout: 800ms}
            scrape_configs:
              - job_name: junk
                static_configs: [{targets: ['127.0.15.2:\(base)']}]
              - job_name: huge
                body_size_limit: 1MB
                static_configs: [{targets: ['127.0.15.2:\(base + 1)']}]
              - job_name: huge-unlimited
                # Ten megabytes from a Python server: time enough on a loaded machine.
                scrape_interval: 5s
                scrape_timeout: 4s
                static_configs: [{targets: ['127.0.15.2:\(base + 1)']}]
              - job_name: hang
                static_configs: [{targets: ['127.0.15.2:\(base + 2)']}]
              - job_name: nowhere
                static_configs: [{targets: ['does-not-resolve.invalid:9100']}]
              - job_name: limited
                sample_limit: 10
                static_configs: [{targets: ['\(capture.address)']}]
              - job_name: good
                static_configs: [{targets: ['\(capture.address)'], labels: {side: left}}]
                metric_relabel_configs:
                  - {source_labels: [__name__], regex: 'etcd_server_.*|etcd_disk_.*', action: keep}
              - job_name: renamed
                static_configs: [{targets: ['\(capture.address)'], labels: {job: chosen-by-target}}]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        #expect(try await server.eventually(within: .seconds(10)) {
            let targets = try await server.activeTargets()
            return targets.count == 8 && targets.allSatisfy { $0["health"] as? String != "unknown" }
        })
        try await Task.sleep(for: .seconds(3))
        var errors: [String: String] = [:]
        for target in try await server.activeTargets() {
            let job = (target["labels"] as? [String: String])?["job"] ?? ""
            errors[job] = target["lastError"] as? String
        }
        #expect(errors["junk"]?.isEmpty == false, "\(errors)")
        #expect(errors["huge"]?.contains("body size limit exceeded") == true, "\(errors)")
        _ = try await server.eventually(within: .seconds(20)) {
            let target = try await server.activeTargets().first { ($0["labels"] as? [String: String])?["job"] == "huge-unlimited" }
            errors["huge-unlimited"] = target?["lastError"] as? String
            return errors["huge-unlimited"]?.contains("invalid exposition") == true
        }
        #expect(errors["huge-unlimited"]?.contains("invalid exposition") == true, "\(errors)")
        #expect(errors["hang"]?.contains("deadline") == true, "\(errors)")
        #expect(errors["nowhere"]?.contains("does not resolve") == true, "\(errors)")
        #expect(errors["limited"]?.contains("sample limit exceeded") == true, "\(errors)")
        #expect(errors["chosen-by-target"] == "", "as in Prometheus, a target's own job label wins over the job name")
        #expect(errors["good"] == "", "\(errors)")
        #expect(try await server.query("up == 0").count == 6)

        // The good target: only the kept families, and the scrape counts reported.
        let kept = try await server.query("count by (__name__) ({job=\"good\"})").compactMap { $0.labels["__name__"] }
        #expect(!kept.isEmpty && kept.allSatisfy { $0.hasPrefix("etcd_server_") || $0.hasPrefix("etcd_disk_") || $0.hasPrefix("scrape_") || $0 == "up" }, "\(kept)")
        // Over the last seconds, not the last scrape: on a loaded machine one scrape of the capture
        // server (Python's, beside a target sending 10 MB a second) can miss its 800 ms timeout.
        let scraped = try await server.query("max_over_time(scrape_samples_scraped{job=\"good\"}[10s])").first?.value ?? 0
        let post = try await server.query("max_over_time(scrape_samples_post_metric_relabeling{job=\"good\"}[10s])").first?.value ?? 0
        #expect(scraped > post && post > 0, "\(scraped) scraped, \(post) kept")
        #expect(try await server.query("last_over_time(etcd_server_has_leader{job=\"good\",side=\"left\"}[10s])").count == 1)
        // No memory blow-up from 10 MB bodies every second.
        let metrics = try await Command.run("/usr/bin/curl", ["-s", "http://\(server.address)/metrics"]).standardOutput
        let rss = metrics.split(separator: "\n").first { $0.hasPrefix("process_resident_memory_bytes ") }
            .flatMap { Double($0.split(separator: " ")[1]) } ?? 0
        #expect(rss > 0 && rss < 400_000_000, "resident memory \(rss)")
        #expect(metrics.contains("etcdmon_scrapes_total{result=\"failure\"}"))
        #expect(try await server.stop() == 0)
    }

    @Test("reload: a bad file is refused and the running configuration kept; SIGHUP applies a good one; file_sd follows its file")
    func reloadAndFileDiscovery() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("reload")
        let capture = try CaptureServer(directory: directory + "/www")
        let config = directory + "/etcdmon.yml"
        let targetsFile = directory + "/targets.json"
        try "[]".write(toFile: targetsFile, atomically: true, encoding: .utf8)
        let good = """
            global: {scrape_interval: 1s}
            scrape_configs:
              - job_name: first
                static_configs: [{targets: ['\(capture.address)']}]
              - job_name: files
                file_sd_configs: [{files: ['targets.json'], refresh_interval: 1m}]
            """
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config, "--web.enable-lifecycle"])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        #expect(try await server.eventually(within: .seconds(5)) { try await server.query("up{job=\"first\"} == 1").count == 1 })

        try (good + "\n  - job_name: first\n").write(toFile: config, atomically: true, encoding: .utf8)
        let refused = try await Command.run("/usr/bin/curl", ["-s", "-X", "POST", "-w", "\n%{http_code}", "http://\(server.address)/-/reload"])
        #expect(refused.standardOutput.hasSuffix("500") && refused.standardOutput.contains("multiple scrape configs with job name"), "\(refused)")
        #expect(try await server.activeTargets().count == 1, "the running configuration is kept")

        // file_sd: a target written to the file is scraped; emptied, it is dropped and its series go stale.
        try "[{\"targets\": [\"\(capture.address)\"], \"labels\": {\"source\": \"file\"}}]".write(toFile: targetsFile, atomically: true, encoding: .utf8)
        try good.write(toFile: config, atomically: true, encoding: .utf8)
        #expect(try await server.eventually(within: .seconds(10)) {
            try await server.query("up{job=\"files\",source=\"file\"} == 1").count == 1
        })
        try "[]".write(toFile: targetsFile, atomically: true, encoding: .utf8)
        #expect(try await server.eventually(within: .seconds(10)) {
            try await server.query("up{job=\"files\"}").isEmpty
        })

        // SIGHUP with a new job: applied without a restart.
        try (good + "\n  - job_name: second\n    static_configs: [{targets: ['\(capture.address)']}]\n").write(toFile: config, atomically: true, encoding: .utf8)
        kill(server.pid, SIGHUP)
        #expect(try await server.eventually(within: .seconds(5)) { try await server.query("up{job=\"second\"} == 1").count == 1 })
        let yaml = (try await server.get("/api/v1/status/config") as? [String: String])?["yaml"] ?? ""
        #expect(yaml.contains("job_name: second"))
        #expect(server.log.contains("configuration reloaded"))
        #expect(try await server.stop() == 0)
    }

    /// As Prometheus: without `--web.enable-lifecycle` the HTTP lifecycle endpoints answer 403 (SIGHUP
    /// still reloads); with it, `POST /-/quit` stops the server cleanly.
    @Test("/-/reload and /-/quit are gated by --web.enable-lifecycle; /-/quit stops serve cleanly")
    func lifecycleGate() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("lifecycle")
        func call(_ server: EtcdmonServer, _ method: String, _ path: String) async throws -> String {
            try await Command.run("/usr/bin/curl", ["-s", "-X", method, "-w", " %{http_code}", "http://\(server.address)\(path)"]).standardOutput
        }
        let gated = try EtcdmonServer(directory: directory + "/gated")
        try await gated.waitUntilReady()
        for path in ["/-/reload", "/-/quit"] {
            for method in ["POST", "PUT"] {
                #expect(try await call(gated, method, path) == "Lifecycle API is not enabled. 403", "\(method) \(path)")
            }
            #expect(try await call(gated, "GET", path) == "Only POST or PUT requests allowed 405", "GET \(path)")
        }
        #expect(kill(gated.pid, 0) == 0, "still running after a refused /-/quit")
        #expect(try await gated.stop() == 0)

        let open = try EtcdmonServer(directory: directory + "/open", arguments: ["--web.enable-lifecycle"])
        try await open.waitUntilReady()
        #expect(try await call(open, "POST", "/-/reload") == " 200")
        #expect(try await call(open, "POST", "/-/quit") == "Requesting termination... Goodbye! 200")
        #expect(try await Command.wait(for: open.pid) == 0, "exits cleanly after /-/quit")
        #expect(open.log.contains("stopped; WAL closed"), "\(open.log.suffix(1000))")
    }

    /// Prometheus's CORS: every origin by default (`*`), only matching origins with a regex, the
    /// headers on every API answer to a request with an `Origin`, and preflights answered.
    @Test("--web.cors.origin: CORS headers as Prometheus sets them, preflight answered, a bad regex refused")
    func cors() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("cors")
        func headers(_ server: EtcdmonServer, _ arguments: [String]) async throws -> [String: String] {
            let output = try await Command.run("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null"] + arguments).standardOutput
            var found: [String: String] = [:]
            for line in output.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                found[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return found
        }
        let open = try EtcdmonServer(directory: directory + "/open")
        try await open.waitUntilReady()
        let query = "http://\(open.address)/api/v1/query?query=1"
        let any = try await headers(open, ["-H", "Origin: http://grafana.test", query])
        #expect(any["access-control-allow-origin"] == "*", "\(any)")
        #expect(any["access-control-allow-methods"] == "GET, POST, OPTIONS")
        #expect(any["access-control-allow-headers"] == "Accept, Authorization, Content-Type, Origin")
        #expect(any["access-control-expose-headers"] == "Date")
        #expect(try await headers(open, [query])["access-control-allow-origin"] == nil, "no Origin, no CORS headers")
        let preflight = try await Command.run("/usr/bin/curl", ["-s", "-X", "OPTIONS", "-H", "Origin: http://grafana.test", "-w", " %{http_code}",
                                                               "http://\(open.address)/api/v1/query_range"]).standardOutput
        #expect(preflight == "{\"status\":\"success\",\"data\":null} 200", "\(preflight)")
        #expect(try await open.stop() == 0)

        let strict = try EtcdmonServer(directory: directory + "/strict", arguments: ["--web.cors.origin", #"https?://grafana\.test"#])
        try await strict.waitUntilReady()
        let strictQuery = "http://\(strict.address)/api/v1/labels"
        #expect(try await headers(strict, ["-H", "Origin: https://grafana.test", strictQuery])["access-control-allow-origin"] == "https://grafana.test")
        let other = try await headers(strict, ["-H", "Origin: https://grafana.test.evil", strictQuery])
        #expect(other["access-control-allow-origin"] == nil && other["vary"] == "Origin", "\(other)")
        #expect(try await strict.stop() == 0)

        let refused = try await Command.etcdmon(["serve", "--data-dir", directory + "/bad", "--web.cors.origin", "(a"])
        #expect(refused.exitCode == 64 && refused.standardError.contains("--web.cors.origin"), "\(refused)")
    }

    /// Behind a reverse proxy: the external URL's path prefixes every route, the bare root redirects
    /// there, and promtool (a real client) queries through the prefix.
    @Test("--web.external-url and --web.route-prefix move every route under the prefix; promtool queries through it")
    func routePrefix() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("prefix")
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--web.external-url", "http://proxy.test/etcdmon/"])
        defer { kill(server.pid, SIGKILL) }
        for _ in 0..<200 where (try? await Command.run("/usr/bin/curl", ["-sf", "http://\(server.address)/etcdmon/-/ready"]))?.exitCode != 0 {
            try await Task.sleep(for: .milliseconds(50))
        }
        func status(_ path: String, _ extra: [String] = []) async throws -> String {
            try await Command.run("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}"] + extra + ["http://\(server.address)\(path)"])
                .standardOutput.trimmingCharacters(in: .whitespaces)
        }
        #expect(try await status("/") == "302 http://\(server.address)/etcdmon/")
        for path in ["/etcdmon/", "/etcdmon/-/healthy", "/etcdmon/api/v1/labels", "/etcdmon/metrics"] {
            #expect(try await status(path) == "200", "\(path)")
        }
        for path in ["/-/healthy", "/api/v1/labels", "/metrics"] { #expect(try await status(path) == "404", "\(path)") }
        #expect(try await status("/etcdmon/api/v1/query", ["-X", "OPTIONS", "-H", "Origin: http://grafana.test"]) == "200")
        let promtool = try await Command.run("/usr/bin/promtool", ["query", "instant", "http://\(server.address)/etcdmon", "vector(42)"])
        #expect(promtool.exitCode == 0 && promtool.standardOutput.contains("42"), "\(promtool)")
        let flags = try await server.get("/etcdmon/api/v1/status/flags") as? [String: String]
        #expect(flags?["web.route-prefix"] == "/etcdmon" && flags?["web.external-url"] == "http://proxy.test/etcdmon/", "\(String(describing: flags))")
        #expect(try await server.stop() == 0)
    }

    @Test("target labels after relabelling match Prometheus's /api/v1/targets for the same configuration")
    func targetLabelsMatchPrometheus() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("relabel")
        let scrapeConfigs = """
            scrape_configs:
              - job_name: etcd
                scheme: https
                params: {format: [text]}
                static_configs:
                  - targets: ['127.0.16.1:2379', '127.0.16.2:3379', '127.0.16.3:4379', 'etcd-4.example:2379']
                    labels: {cluster: Main, __meta_zone: a}
                  - targets: ['127.0.16.4:9999']
                    labels: {cluster: other}
                relabel_configs:
                  - {source_labels: [cluster], regex: other, action: drop}
                  - {source_labels: [__address__], regex: '([^:]+):(\\d+)', target_label: host, replacement: '${1}'}
                  - {source_labels: [__address__], regex: '.*:(\\d+)', target_label: port_$1, replacement: 'p$1'}
                  - {regex: '__meta_(.+)', action: labelmap}
                  - {source_labels: [cluster], target_label: cluster_lower, action: lowercase}
                  - {source_labels: [__address__], modulus: 7, target_label: shard, action: hashmod}
                  - {source_labels: [host, cluster], separator: '/', target_label: path_key}
                  - {source_labels: [__address__], regex: '127\\\\.16\\\\.3\\\\..*', target_label: __scheme__, replacement: http}
                  - {source_labels: [host], regex: 'etcd-4.*', target_label: instance, replacement: fourth}
              - job_name: kept
                metrics_path: /custom
                static_configs: [{targets: ['127.0.16.5:80', '127.0.16.6']}]
                relabel_configs:
                  - {source_labels: [__address__], regex: '127.0.16.5:80', action: keep}
            """
        try scrapeConfigs.write(toFile: directory + "/prometheus.yml", atomically: true, encoding: .utf8)
        let reference = try PrometheusProcess(dataDirectory: directory + "/prometheus", configuration: directory + "/prometheus.yml")
        defer { reference.stop() }
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/prometheus.yml"])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()

        func summary(_ data: [String: Any]) -> (active: [String], dropped: [String]) {
            func render(_ labels: Any?) -> String {
                let labels = labels as? [String: String] ?? [:]
                return labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: ",")
            }
            let active = (data["activeTargets"] as? [[String: Any]] ?? []).map {
                render($0["labels"]) + " url=" + ($0["scrapeUrl"] as? String ?? "") + " pool=" + ($0["scrapePool"] as? String ?? "")
            }
            let dropped = (data["droppedTargets"] as? [[String: Any]] ?? []).map { render($0["discoveredLabels"]) }
            return (active.sorted(), dropped.sorted())
        }
        var theirs: (active: [String], dropped: [String]) = ([], [])
        for _ in 0..<50 {
            theirs = summary(try await reference.api("/api/v1/targets", []))
            if theirs.active.count == 5 { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        let ours = summary(try await server.get("/api/v1/targets") as? [String: Any] ?? [:])
        #expect(theirs.active.count == 5)
        #expect(ours.active == theirs.active)
        #expect(ours.dropped == theirs.dropped)
        #expect(try await server.stop() == 0)
    }

    @Test("etcdmon config check accepts and refuses the same files as promtool check config, naming the line")
    func configCheckAgreesWithPromtool() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("check")
        let cases: [(name: String, yaml: String, line: Int?)] = [
            ("guide", "global: {scrape_interval: 10s}\nscrape_configs:\n  - job_name: test-etcd\n    static_configs:\n      - targets: ['127.0.10.1:2379','127.0.10.1:3379']\n", nil),
            ("full", """
                global:
                  scrape_interval: 15s
                  external_labels: {site: lab}
                rule_files: []
                scrape_configs:
                  - job_name: etcd
                    scheme: https
                    honor_labels: true
                    honor_timestamps: false
                    sample_limit: 1000
                    body_size_limit: 10MB
                    basic_auth: {username: u, password: p}
                    tls_config: {insecure_skip_verify: true}
                    static_configs: [{targets: ['127.0.10.1:2379']}]
                    metric_relabel_configs: [{source_labels: [__name__], regex: 'go_.*', action: drop}]
                """, nil),
            ("unknown-key", "scrape_configs:\n  - job_name: a\n    scrape_intervall: 5s\n", 3),
            ("wrong-type", "scrape_configs:\n  - job_name: a\n    static_configs: {targets: ['x:1']}\n", 3),
            ("duplicate-job", "scrape_configs:\n  - job_name: a\n  - job_name: a\n", nil),
            ("bad-regex", "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - {source_labels: [a], regex: '(', target_label: b}\n", 4),
            ("timeout", "scrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 6s\n", nil),
            ("bad-action", "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - {action: explode}\n", 4),
            ("scheme-in-target", "scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ['http://x:1']}]\n", 3),
            ("bad-duration", "global: {scrape_interval: 15 seconds}\n", 1),
        ]
        for entry in cases {
            let file = directory + "/\(entry.name).yml"
            try entry.yaml.write(toFile: file, atomically: true, encoding: .utf8)
            let promtool = try await Command.run("/usr/bin/promtool", ["check", "config", file])
            let ours = try await Command.etcdmon(["config", "check", file])
            #expect((ours.exitCode == 0) == (promtool.exitCode == 0), "\(entry.name): etcdmon \(ours) promtool \(promtool)")
            if let line = entry.line {
                #expect(ours.standardOutput.contains("\(file):\(line):"), "\(entry.name): \(ours.standardOutput)")
            }
        }
    }
}

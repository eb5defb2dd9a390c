import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// etcd 3.5.1's OpenTelemetry exports received by `etcdmon serve` (OTLP/gRPC), read back through
/// Jaeger's query API, counted as span metrics, forwarded to a second etcdmon (OTLP/HTTP); and
/// profiles captured when an alert fires for a member with a slow disk (strace-injected fsync delays).
@Suite("Traces and alert-triggered profiles against real etcd 3.5.1", .serialized)
struct TracingTests {
    /// `curl` with the HTTP status on the last line.
    static func request(_ arguments: [String]) async throws -> (status: Int, body: String) {
        let output = try await Command.run("/usr/bin/curl", ["-s", "-g", "-w", "\n%{http_code}"] + arguments).standardOutput
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// A Jaeger API answer's `data` (or nil).
    static func jaeger(_ address: String, _ path: String, _ parameters: [String: String] = [:]) async throws -> Any? {
        var arguments = ["-G", "http://\(address)\(path)"]
        for (name, value) in parameters { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let (_, body) = try await request(arguments)
        return (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["data"]
    }

    static func port() -> Int { 22_000 + Int.random(in: 0..<2000) }

    @Test("a put is a trace within 10 s, found through /api/traces with its member and duration; span metrics; OTLP/HTTP and gRPC answers; forwarding to a second etcdmon")
    func traces() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("traces")
        let (hostA, hostB) = ("127.0.33.13", "127.0.33.14")
        let (web, grpc, http, webB, httpB) = ("\(hostA):\(Self.port())", "\(hostA):\(Self.port() + 2000)", "\(hostA):\(Self.port() + 4000)",
                                              "\(hostB):\(Self.port())", "\(hostB):\(Self.port() + 2000)")
        try """
            global: {scrape_interval: 2s, scrape_timeout: 1800ms}
            etcd:
              clusters:
                - name: main
                  endpoints: [http://127.0.33.11:2379, http://127.0.33.11:3379, http://127.0.33.12:2379]
                  discovery: {refresh_interval: 5s}
            """.write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        // The receiving end of the forwarding: a second etcdmon with only an OTLP/HTTP listener.
        let second = try EtcdmonServer(directory: directory + "/second", arguments: ["--otlp.http-listen-address", httpB], address: webB)
        defer { kill(second.pid, SIGKILL) }
        let server = try EtcdmonServer(directory: directory + "/data", arguments: [
            "--config.file", directory + "/etcdmon.yml", "--otlp.grpc-listen-address", grpc, "--otlp.http-listen-address", http,
            "--otlp.forward-url", "http://\(httpB)/v1/traces", "--traces.retention.time", "1000d",
        ], address: web)
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        try await second.waitUntilReady()
        try await ReferenceLayoutLock.shared.holding {
            try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.33.11,127.0.33.12", "--members", "3", "--tracing", grpc]) { cluster in
                try await check(cluster, server: server, second: second, http: http, grpc: grpc)
            }
        }
    }

    func check(_ cluster: LocalCluster, server: EtcdmonServer, second: EtcdmonServer, http: String, grpc: String) async throws {
        // etcdmon knows the members (so the instance IDs name them) before the put.
        #expect(try await server.eventually(within: .seconds(20)) {
            let clusters = try await server.get("/api/v1/etcd/clusters") as? [[String: Any]] ?? []
            return ((clusters.first?["report"] as? [String: Any])?["members"] as? [[String: Any]])?.count == 3
        })
        let member = cluster.members[1]
        let put = try await Command.run("/usr/bin/etcdctl", ["--endpoints", member.endpoint, "put", "/traced", "value"], environment: ["ETCDCTL_API": "3"])
        #expect(put.exitCode == 0, "\(put.standardError)")
        let started = ContinuousClock.now
        var found: [String: Any]?
        // Polled in process (a curl per poll costs seconds on a loaded machine); etcd's exporter
        // sends its batch every 5 s.
        var search = URLComponents(string: "http://\(server.address)/api/traces")!
        search.queryItems = [URLQueryItem(name: "service", value: "etcd"), URLQueryItem(name: "operation", value: "etcdserverpb.KV/Put"),
                             URLQueryItem(name: "tags", value: #"{"member":"\#(member.name)"}"#), URLQueryItem(name: "lookback", value: "1h")]
        while found == nil, ContinuousClock.now - started < .seconds(10) {
            if let (data, _) = try? await URLSession.shared.data(from: search.url!),
               let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                found = (answer["data"] as? [[String: Any]])?.first
            }
            if found == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let trace = try #require(found, "no trace of the put within 10 s: \(server.log.suffix(1500))")
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(10))
        let spans = trace["spans"] as? [[String: Any]] ?? []
        let span = try #require(spans.first { $0["operationName"] as? String == "etcdserverpb.KV/Put" })
        #expect((span["duration"] as? Int ?? 0) > 0, "the span's duration in microseconds")
        let processes = trace["processes"] as? [String: [String: Any]] ?? [:]
        let process = try #require(processes[span["processID"] as? String ?? ""])
        #expect(process["serviceName"] as? String == "etcd")
        let tags = Dictionary((process["tags"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", "\($0["value"] ?? "")") }, uniquingKeysWith: { $1 })
        #expect(tags["member"] == member.name && tags["cluster"] == "main" && tags["service.instance.id"] == member.name, "\(tags)")
        let traceID = try #require(trace["traceID"] as? String)
        let byID = try await Self.jaeger(server.address, "/api/traces/\(traceID)") as? [[String: Any]]
        #expect((byID?.first?["spans"] as? [[String: Any]])?.count == spans.count)
        #expect((try await Self.jaeger(server.address, "/api/services") as? [String])?.contains("etcd") == true)
        #expect((try await Self.jaeger(server.address, "/api/services/etcd/operations") as? [String])?.contains("etcdserverpb.KV/Put") == true)
        let missing = try await Self.request(["http://\(server.address)/api/traces/0123456789abcdef0123456789abcdef"])
        #expect(missing.status == 404 && missing.body.contains("trace not found"))
        let noService = try await Self.request(["http://\(server.address)/api/traces"])
        #expect(noService.status == 400 && noService.body.contains("parameter 'service' is required"))

        // Span metrics: the put counted for its member, queryable with PromQL.
        #expect(try await server.eventually(within: .seconds(10)) {
            try await server.query(#"traces_spanmetrics_calls_total{span_name="etcdserverpb.KV/Put",member="\#(member.name)",cluster="main"}"#)
                .first.map { $0.value >= 1 } ?? false
        }, "span metrics for the put")
        let p99 = try await server.query(#"histogram_quantile(0.99, sum by (le) (traces_spanmetrics_latency_bucket{span_name="etcdserverpb.KV/Put"}))"#)
        #expect(p99.first.map { $0.value > 0 && $0.value <= 10 } == true, "\(p99)")

        // The Traces page in Chromium, under a write load (so the span metrics' rates have a p99):
        // the slow-request table, the search, the waterfall of a trace.
        let load = try DashboardTests.writeLoad(cluster)
        defer { kill(load, SIGKILL) }
        #expect(try await server.eventually(within: .seconds(40)) {
            try await server.query(#"histogram_quantile(0.99, sum by (span_name, member, le) (rate(traces_spanmetrics_latency_bucket{span_name="etcdserverpb.KV/Put"}[5m]))) > 0"#).isEmpty == false
        }, "a p99 of puts from the span metrics' rates")
        let page = try await DashboardTests.browser(["traces", "http://\(server.address)", DashboardTests.artifacts])
        #expect((page["slow"] as? [String])?.contains { $0.hasPrefix("etcdserverpb.KV/Put|etcd") } == true, "\(page)")
        #expect((page["traces"] as? Int ?? 0) >= 1 && (page["spans"] as? Int ?? 0) >= 1, "\(page)")
        #expect((page["bars"] as? [String])?.allSatisfy { $0.contains("width:") } == true)
        #expect((page["errors"] as? [String])?.isEmpty == true, "console errors: \(page["errors"] ?? "")")

        // Forwarded: the second etcdmon has the same trace.
        #expect(try await second.eventually(within: .seconds(10)) {
            ((try await Self.jaeger(second.address, "/api/traces/\(traceID)") as? [[String: Any]])?.first?["spans"] as? [[String: Any]])?.isEmpty == false
        }, "the trace forwarded over OTLP/HTTP")

        // OTLP/HTTP: etcd's captured export as protobuf, an OTLP/JSON export, and refusals.
        let capture = Fixtures.url("fixtures/etcd/v3.5.1/otlp-trace-export-1.pb").path
        let protobuf = try await Self.request(["-H", "Content-Type: application/x-protobuf", "--data-binary", "@" + capture, "http://\(http)/v1/traces"])
        #expect(protobuf.status == 200, "\(protobuf)")
        let capturedTrace = "11b51862a5c1085bac89b1bc1da6de95" // the first span's trace ID in that capture
        #expect((try await Self.jaeger(server.address, "/api/traces/\(capturedTrace)") as? [[String: Any]])?.count == 1)
        let now = UInt64(Date().timeIntervalSince1970 * 1e9)
        let json = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"json-client"}}]},
             "scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"GET /x","kind":3,
             "startTimeUnixNano":"\(now)","endTimeUnixNano":"\(now + 2_000_000)"},{"traceId":"00","spanId":"01","name":"bad"}]}]}]}
            """
        let jsonAnswer = try await Self.request(["-H", "Content-Type: application/json", "--data-binary", json, "http://\(http)/v1/traces"])
        #expect(jsonAnswer.status == 200 && jsonAnswer.body.contains("\"rejectedSpans\":\"1\""), "partial success: \(jsonAnswer)")
        let jsonTrace = try await Self.jaeger(server.address, "/api/traces/5b8efff798038103d269b633813fc60c") as? [[String: Any]]
        #expect(((jsonTrace?.first?["spans"] as? [[String: Any]])?.first?["duration"] as? Int) == 2000)
        let wrongType = try await Self.request(["-H", "Content-Type: text/plain", "--data-binary", "x", "http://\(http)/v1/traces"])
        #expect(wrongType.status == 415)
        let garbage = try await Self.request(["-H", "Content-Type: application/x-protobuf", "--data-binary", "\u{FF}\u{FF}\u{FF}", "http://\(http)/v1/traces"])
        #expect(garbage.status == 400, "\(garbage)")
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("otlp-big-\(UUID().uuidString.prefix(6))").path
        FileManager.default.createFile(atPath: big, contents: Data(count: 5 << 20))
        defer { try? FileManager.default.removeItem(atPath: big) }
        let tooLarge = try await Self.request(["-H", "Content-Type: application/x-protobuf", "--data-binary", "@" + big, "http://\(http)/v1/traces"])
        #expect(tooLarge.status == 413, "\(tooLarge.status)")

        // OTLP/gRPC spoken by curl: etcd's captured gRPC frame is accepted (grpc-status 0); a frame
        // holding three bytes that are no protobuf is refused (3, INVALID_ARGUMENT) with the reason.
        let broken = big + ".grpc"
        FileManager.default.createFile(atPath: broken, contents: Data([0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]))
        defer { try? FileManager.default.removeItem(atPath: broken) }
        for (file, status) in [(Fixtures.url("fixtures/etcd/v3.5.1/otlp-trace-export-2.grpc").path, "0"), (broken, "3")] {
            let result = try await Command.run("/usr/bin/curl", [
                "-sv", "--max-time", "10", "--http2-prior-knowledge", "-H", "Content-Type: application/grpc", "-H", "TE: trailers", "--data-binary",
                "@" + file, "-o", "/dev/null", "http://\(grpc)/opentelemetry.proto.collector.trace.v1.TraceService/Export",
            ])
            #expect(result.standardError.contains("grpc-status: \(status)"), "\(file): \(result.standardError.suffix(600))")
        }
        #expect(try await Command.run("/usr/bin/curl", ["-sv", "--max-time", "10", "--http2-prior-knowledge", "-H", "Content-Type: application/grpc",
            "-H", "TE: trailers", "--data-binary", "@" + broken, "-o", "/dev/null", "http://\(grpc)/opentelemetry.proto.collector.trace.v1.TraceService/Export"])
            .standardError.contains("grpc-message: not an OTLP ExportTraceServiceRequest"))
    }

    @Test("a slow disk (strace-delayed fsyncs) fires the fsync alert for that member and a cpu, heap and goroutine profile set is captured, listed and linked")
    func captureOnAlert() async throws {
        try await ReferenceLayoutLock.shared.holding {
            try await LocalCluster.with(version: "3.5", options: ["--hosts", "127.0.33.21,127.0.33.22", "--members", "3"], alertCheck)
        }
    }

    func alertCheck(_ cluster: LocalCluster) async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("alert-profiles")
        try """
            global: {scrape_interval: 2s, scrape_timeout: 1800ms, evaluation_interval: 2s}
            etcd:
              clusters:
                - name: main
                  endpoints: [\(cluster.members[0].endpoint)]
              alerts:
                override:
                  etcdHighFsyncDurations: {for: 0s}
              profiling:
                on_alerts: [etcdHighFsyncDurations]
                profiles: [cpu, heap, goroutine]
                cpu_seconds: 2
            alertmanager_config:
              route: {receiver: none, group_wait: 1s}
              receivers: [{name: none}]
            """.write(toFile: directory + "/etcdmon.yml", atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", directory + "/etcdmon.yml"],
                                       address: "127.0.33.23:\(Self.port())")
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        #expect(try await server.eventually(within: .seconds(20)) {
            try await server.query(#"up{job="etcd"} == 1"#).count == 3
        })
        // Every fsync of etcd2 delayed by 700 ms (the recipe of ../shared/fixtures/etcd/README.md).
        let slow = cluster.members[1]
        let strace = try Command.spawn("/usr/bin/strace", [
            "-f", "-qq", "-e", "trace=fdatasync,fsync", "-e", "inject=fdatasync:delay_enter=700000", "-p", String(slow.pid), "-o", "/dev/null",
        ])
        defer { kill(strace, SIGKILL) }
        try await Task.sleep(for: .seconds(1))
        for index in 0..<20 {
            _ = try await Command.run("/usr/bin/etcdctl", ["--endpoints", cluster.members[0].endpoint, "put", "/slow/\(index)", "v"],
                                      environment: ["ETCDCTL_API": "3"])
        }
        #expect(try await server.eventually(within: .seconds(60)) {
            let alerts = (try await server.get("/api/v1/alerts") as? [String: Any])?["alerts"] as? [[String: Any]] ?? []
            return alerts.contains {
                let labels = $0["labels"] as? [String: String] ?? [:]
                return labels["alertname"] == "etcdHighFsyncDurations" && labels["member"] == slow.name && $0["state"] as? String == "firing"
            }
        }, "the fsync alert fires for \(slow.name)")
        var captures: [[String: Any]] = []
        _ = try await server.eventually(within: .seconds(60)) {
            captures = try await server.get("/api/v1/etcd/profiles") as? [[String: Any]] ?? []
            return Set(captures.compactMap { $0["kind"] as? String }) == ["cpu", "heap", "goroutine"]
        }
        #expect(Set(captures.compactMap { $0["kind"] as? String }) == ["cpu", "heap", "goroutine"], "\(captures)\n\(server.log.suffix(1500))")
        #expect(captures.allSatisfy { $0["member"] as? String == slow.name && $0["cluster"] as? String == "main" })
        #expect(captures.allSatisfy { $0["reason"] as? String == "alert etcdHighFsyncDurations" })
        #expect(captures.count == 3, "one set per member within min_interval, however often the alert is sent")
        if let id = captures.first?["id"] as? String {
            let top = try await server.get("/api/v1/etcd/profiles/\(id)/top") as? [String: Any]
            #expect(((top?["functions"] as? [Any]) ?? []).isEmpty == false, "the capture reads as a profile")
        }
        // The alert as Alertmanager holds it links the member's captures.
        let (_, body) = try await Self.request(["http://\(server.address)/api/v2/alerts"])
        let alerts = (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]]) ?? []
        let link = alerts.first { ($0["labels"] as? [String: String])?["alertname"] == "etcdHighFsyncDurations" }
            .flatMap { ($0["annotations"] as? [String: String])?["profiles"] }
        #expect(link?.hasSuffix("/profiles?cluster=main&member=\(slow.name)") == true, "\(body.prefix(1500))")
    }
}

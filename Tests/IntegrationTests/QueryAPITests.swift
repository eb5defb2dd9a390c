import Foundation
import Testing
import TestSupport

/// PromQL and the HTTP API against a real Prometheus 2.42 serving the very same blocks: any
/// difference is the engine's or the API's.
@Suite("PromQL and the HTTP API against real Prometheus", .serialized)
struct QueryAPITests {
    /// promtool's blocks of a 2-hour, 3-member generated data set, with the generator's event times.
    static let dataSet: (blocks: String, meta: String) = {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-api-data").path
        let blocks = base + "/blocks"
        if !FileManager.default.fileExists(atPath: blocks) {
            try? FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            let generator = Process()
            generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            generator.arguments = ["python3", Fixtures.url("tools/gen_openmetrics.py").path, "--members", "3", "--hours", "2",
                                   "-o", base + "/input.om", "--meta", base + "/meta.json"]
            generator.standardError = FileHandle.nullDevice
            try? generator.run()
            generator.waitUntilExit()
            let promtool = Process()
            promtool.executableURL = URL(fileURLWithPath: "/usr/bin/promtool")
            promtool.arguments = ["tsdb", "create-blocks-from", "openmetrics", base + "/input.om", blocks + ".partial"]
            promtool.standardOutput = FileHandle.nullDevice
            try? promtool.run()
            promtool.waitUntilExit()
            try? FileManager.default.moveItem(atPath: blocks + ".partial", toPath: blocks)
        }
        return (blocks, base + "/meta.json")
    }()

    /// A copy of the blocks for one server.
    static func copy(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-api-\(name)-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.copyItem(atPath: dataSet.blocks, toPath: path)
        return path
    }

    @Test("≥ 150 queries (etcd alerts, dashboard panels, broad coverage) agree with Prometheus, instant and range")
    func differential() async throws {
        let reference = try PrometheusProcess(dataDirectory: try Self.copy("ref"))
        defer { reference.stop() }
        let server = try EtcdmonServer(directory: try Self.copy("target"))
        try await server.waitUntilReady()
        _ = try await reference.query("vector(1)", time: "0")
        let queries = Fixtures.repositoryRoot.appendingPathComponent("Tests/promql/queries.txt").path
        let diff = try await Command.run("/usr/bin/env", [
            "python3", Fixtures.url("tools/promql_diff.py").path, "--ref", "http://\(reference.address)", "--target", "http://\(server.address)",
            "--queries", queries, "--meta", Self.dataSet.meta, "--jobs", "2", "-q",
        ], timeout: .seconds(600))
        let summary = diff.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        print("promql_diff: \(summary)")
        #expect(diff.exitCode == 0, "\(diff.standardOutput.suffix(4000))")
        let passed = Int(summary.split(separator: " ").first ?? "") ?? 0
        #expect(passed >= 150, "\(summary)")
        #expect(summary.hasSuffix(", 0 failed"))
        #expect(try await server.stop() == 0, "SIGTERM ends serve cleanly")
    }

    @Test("promtool query instant|range|series|labels print the same against etcdmon and Prometheus")
    func promtoolQueries() async throws {
        let reference = try PrometheusProcess(dataDirectory: try Self.copy("ref"))
        defer { reference.stop() }
        let server = try EtcdmonServer(directory: try Self.copy("target"))
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        _ = try await reference.query("vector(1)", time: "0")
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.dataSet.meta))) as? [String: Any]
        let end = (meta?["end"] as? Int) ?? 0
        let commands: [[String]] = [
            ["query", "instant", "--time", String(end), "URL", "sum by (instance) (rate(grpc_server_handled_total[5m]))"],
            ["query", "instant", "--time", String(end - 600), "URL", "etcd_server_has_leader == 1"],
            ["query", "range", "--start", String(end - 1800), "--end", String(end), "--step", "60s", "URL",
             "histogram_quantile(0.99, sum by (le) (rate(etcd_disk_wal_fsync_duration_seconds_bucket[5m])))"],
            ["query", "series", "--match", "etcd_server_is_leader", "URL"],
            ["query", "labels", "URL", "instance"],
        ]
        for command in commands {
            func run(_ base: String) async throws -> CommandResult {
                try await Command.run("/usr/bin/promtool", command.map { $0 == "URL" ? "http://\(base)" : $0 })
            }
            let ours = try await run(server.address)
            let theirs = try await run(reference.address)
            #expect(ours.exitCode == 0 && theirs.exitCode == 0, "\(command): \(ours) \(theirs)")
            #expect(!theirs.standardOutput.isEmpty)
            #expect(ours.standardOutput == theirs.standardOutput, "\(command)")
        }
    }

    @Test("bad requests get Prometheus's error types and status codes; POST forms work")
    func errors() async throws {
        let server = try EtcdmonServer(directory: try Self.copy("errors"))
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        func request(_ path: String, _ arguments: [String] = []) async throws -> (status: Int, json: [String: Any]) {
            let result = try await Command.run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}", "http://\(server.address)\(path)"] + arguments)
            let lines = result.standardOutput.split(separator: "\n")
            let json = (try? JSONSerialization.jsonObject(with: Data((lines.dropLast().joined(separator: "\n")).utf8))) as? [String: Any] ?? [:]
            return (Int(lines.last ?? "") ?? 0, json)
        }
        let cases: [(String, [String], Int, String, String)] = [
            ("/api/v1/query", ["-G", "--data-urlencode", "query=sum(rate(x[5m])"], 400, "bad_data", "parse error"),
            ("/api/v1/query", ["-G", "--data-urlencode", "query=nosuch(up)"], 400, "bad_data", "unknown function"),
            ("/api/v1/query", ["-G", "--data-urlencode", "query=up{a=~\"(\"}"], 400, "bad_data", "invalid regular expression"),
            ("/api/v1/query", ["-G", "--data-urlencode", "query=up", "--data-urlencode", "time=yesterday"], 400, "bad_data", "cannot parse"),
            ("/api/v1/query_range", ["-G", "--data-urlencode", "query=up", "--data-urlencode", "start=100", "--data-urlencode", "end=200", "--data-urlencode", "step=0"], 400, "bad_data", "zero or negative"),
            ("/api/v1/query_range", ["-G", "--data-urlencode", "query=up", "--data-urlencode", "start=200", "--data-urlencode", "end=100", "--data-urlencode", "step=1"], 400, "bad_data", "end timestamp must not be before start time"),
            ("/api/v1/query_range", ["-G", "--data-urlencode", "query=up", "--data-urlencode", "start=0", "--data-urlencode", "end=100000", "--data-urlencode", "step=1"], 400, "bad_data", "11,000 points"),
            ("/api/v1/query", ["-G", "--data-urlencode", "query=-{__name__=~\"up|etcd_server_is_leader\"}", "--data-urlencode", "time=1793494000"], 422, "execution", "same labelset"),
            ("/api/v1/series", [], 400, "bad_data", "no match[] parameter provided"),
            ("/api/v1/query?query=up%FF%FE", [], 400, "bad_data", "not valid UTF-8"),
        ]
        for (path, arguments, status, type, message) in cases {
            let (code, json) = try await request(path, arguments)
            #expect(code == status, "\(path) \(arguments): HTTP \(code)")
            #expect(json["status"] as? String == "error")
            #expect(json["errorType"] as? String == type, "\(json)")
            #expect((json["error"] as? String)?.contains(message) == true, "\(json)")
        }
        // A query that outlives --query.timeout stops with Prometheus's timeout error (503).
        let hurried = try EtcdmonServer(directory: try Self.copy("timeout"), arguments: ["--query.timeout", "5ms"])
        defer { kill(hurried.pid, SIGKILL) }
        try await hurried.waitUntilReady()
        let slow = try await Command.run("/usr/bin/curl", ["-s", "-w", "\n%{http_code}", "-G", "http://\(hurried.address)/api/v1/query",
                                                          "--data-urlencode", "query=count_over_time(sum(rate(grpc_server_handled_total[5m]))[1d:1s])",
                                                          "--data-urlencode", "time=1793494000"])
        #expect(slow.standardOutput.hasSuffix("503") && slow.standardOutput.contains("\"errorType\":\"timeout\""), "\(slow.standardOutput)")

        let posted = try await request("/api/v1/query", ["--data-urlencode", "query=count(up)", "--data-urlencode", "time=1793494000"])
        #expect(posted.status == 200)
        let data = posted.json["data"] as? [String: Any]
        #expect(data?["resultType"] as? String == "vector")
        #expect(((data?["result"] as? [[String: Any]])?.first?["value"] as? [Any])?.last as? String == "3")
        // gzip when asked: the header says so and the body decodes to the same JSON.
        let rangeArguments = ["-G", "--data-urlencode", "query=up", "--data-urlencode", "start=1793491200",
                              "--data-urlencode", "end=1793495000", "--data-urlencode", "step=60"]
        let plain = try await Command.run("/usr/bin/curl", ["-s", "http://\(server.address)/api/v1/query_range"] + rangeArguments)
        let zipped = try await Command.run("/usr/bin/curl", ["-s", "--compressed", "-D", "-", "http://\(server.address)/api/v1/query_range"] + rangeArguments)
        #expect(zipped.standardOutput.lowercased().contains("content-encoding: gzip"), "\(zipped.standardOutput.prefix(300))")
        #expect(zipped.standardOutput.hasSuffix(plain.standardOutput) && plain.standardOutput.count > 1024)
        let buildInfo = try await request("/api/v1/status/buildinfo")
        #expect(buildInfo.status == 200 && (buildInfo.json["data"] as? [String: Any])?["version"] != nil)
    }

    @Test("a query that outgrows its in-place slice moves to the thread pool, once per shape, with the same answer")
    func placement() async throws {
        let inPlace = try EtcdmonServer(directory: try Self.copy("in-place"), arguments: ["--query.in-place-slice", "10s"])
        let moved = try EtcdmonServer(directory: try Self.copy("moved"), arguments: ["--query.in-place-slice", "0s"])
        defer { kill(inPlace.pid, SIGKILL); kill(moved.pid, SIGKILL) }
        try await inPlace.waitUntilReady()
        try await moved.waitUntilReady()
        func exhausted(_ server: EtcdmonServer) async throws -> String {
            let metrics = try await Command.run("/usr/bin/curl", ["-s", "http://\(server.address)/metrics"]).standardOutput
            return metrics.split(separator: "\n").first { $0.hasPrefix("etcdmon_query_slices_exhausted_total ") }.map(String.init) ?? "none"
        }
        let requests: [(String, [String])] = [
            ("/api/v1/query", ["query=sum by (instance) (rate(grpc_server_handled_total[5m]))", "time=1793494000"]),
            ("/api/v1/query_range", ["query=max_over_time(etcd_server_has_leader[10m])", "start=1793491200", "end=1793495000", "step=60"]),
        ]
        for (round, expected) in [(1, "etcdmon_query_slices_exhausted_total 2"), (2, "etcdmon_query_slices_exhausted_total 2")] {
            for (path, form) in requests {
                let arguments = form.flatMap { ["--data-urlencode", $0] }
                let reference = try await Command.run("/usr/bin/curl", ["-sG", "http://\(inPlace.address)\(path)"] + arguments)
                let answer = try await Command.run("/usr/bin/curl", ["-sG", "http://\(moved.address)\(path)"] + arguments)
                #expect(reference.standardOutput.hasPrefix("{\"status\":\"success\"") && reference.standardOutput.count > 200, "\(reference)")
                #expect(answer.standardOutput == reference.standardOutput, "round \(round) \(path)")
            }
            // Each shape exhausts its slice once; the second round goes straight to the pool.
            #expect(try await exhausted(moved) == expected, "round \(round)")
        }
        #expect(try await exhausted(inPlace) == "none", "within a long slice every query finishes in place")
        // Series and label lookups and head statistics run on the pool with a zero slice: same answers.
        for (path, form) in [("/api/v1/series", ["match[]=up", "match[]=etcd_server_has_leader"]), ("/api/v1/labels", []),
                             ("/api/v1/label/instance/values", ["match[]=up"]), ("/api/v1/status/tsdb", [])] {
            let arguments = form.flatMap { ["--data-urlencode", $0] }
            let reference = try await Command.run("/usr/bin/curl", ["-sG", "http://\(inPlace.address)\(path)"] + arguments)
            let answer = try await Command.run("/usr/bin/curl", ["-sG", "http://\(moved.address)\(path)"] + arguments)
            #expect(reference.standardOutput.hasPrefix("{\"status\":\"success\"") && reference.standardOutput.count > 40, "\(reference)")
            #expect(answer.standardOutput == reference.standardOutput, "\(path)")
        }
    }

    @Test("etcdmon query evaluates over a data directory, as a table and as the API's JSON")
    func queryCommand() async throws {
        let directory = try Self.copy("cli")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try await Command.etcdmon(["query", "count by (job) (up)", "--data-dir", directory, "--time", "1793494000"])
        #expect(table.exitCode == 0, "\(table)")
        #expect(table.standardOutput == "{job=\"etcd\"} => 3 @[1793494000.000]\n", "\(table.standardOutput)")
        let json = try await Command.etcdmon([
            "query", "sum(up)", "--data-dir", directory, "--start", "1793493000", "--end", "1793493120", "--step", "60s", "--output", "json",
        ])
        #expect(json.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            == "{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},\"values\":[[1793493000,\"3\"],[1793493060,\"3\"],[1793493120,\"3\"]]}]}")
        // The same answers through --server, from a running etcdmon serve.
        let served = try Self.copy("cli-served")
        let server = try EtcdmonServer(directory: served)
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        for arguments in [["count by (job) (up)", "--time", "1793494000"],
                          ["sum by (instance) (up)", "--start", "1793493000", "--end", "1793493120", "--step", "60s"]] {
            let local = try await Command.etcdmon(["query"] + arguments + ["--data-dir", directory])
            let remote = try await Command.etcdmon(["query"] + arguments + ["--server", "http://\(server.address)"])
            #expect(remote.exitCode == 0, "\(remote)")
            #expect(remote.standardOutput == local.standardOutput, "\(arguments)")
        }
        let remoteError = try await Command.etcdmon(["query", "up[", "--server", "http://\(server.address)"])
        #expect(remoteError.exitCode == 1)
        #expect(remoteError.standardError.contains("bad_data"), "\(remoteError)")

        let bad = try await Command.etcdmon(["query", "rate(up)", "--data-dir", directory])
        #expect(bad.exitCode == 1)
        #expect(bad.standardError.contains("1:1: parse error: expected type range vector in call to function \"rate\", got instant vector"))
    }
}

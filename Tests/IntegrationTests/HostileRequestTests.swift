import Foundation
import Testing
import TestSupport

/// Requests that used to crash or pin `etcdmon serve` (deep nesting, exponential regexes, huge
/// inputs, runaway queries, clients that leave), sent to a real server: each gets an answer within
/// seconds, and afterwards the server is alive and idle.
@Suite("Hostile requests against etcdmon serve", .serialized)
struct HostileRequestTests {
    /// The answer to one request: status code and body.
    struct Answer {
        var status: Int
        var body: String
        var elapsed: Duration
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]) ?? [:] }
        var error: String { json["error"] as? String ?? body }
    }

    /// POSTs `form` (already encoded) to `path` from a file, as a dashboard would send a long query.
    static func post(_ server: EtcdmonServer, _ path: String, form: String, maxTime: Int = 60) async throws -> Answer {
        let file = server.directory + "-body-\(UUID().uuidString.prefix(6))"
        try form.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try await Command.run("/usr/bin/curl", [
            "-s", "--max-time", "\(maxTime)", "-o", "-", "-w", "\n%{http_code}", "-H", "Content-Type: application/x-www-form-urlencoded",
            "--data-binary", "@" + file, "http://\(server.address)\(path)",
        ], timeout: .seconds(maxTime + 10))
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        return Answer(status: Int(lines.last ?? "") ?? 0, body: lines.dropLast().joined(separator: "\n"), elapsed: result.elapsed)
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed)!
    }

    static func query(_ server: EtcdmonServer, _ expression: String, maxTime: Int = 60) async throws -> Answer {
        try await post(server, "/api/v1/query", form: "query=" + encode(expression), maxTime: maxTime)
    }

    /// CPU seconds the process has used (user + system).
    static func cpuSeconds(_ pid: pid_t) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime field 14, stime field 15 (1-based in proc(5)).
        return (Double(fields[11]) ?? .nan) / 100 + (Double(fields[12]) ?? .nan) / 100
    }

    /// Whether the server used under a tenth of a core over two seconds and still answers.
    static func isAliveAndIdle(_ server: EtcdmonServer) async throws -> (Bool, String) {
        let before = cpuSeconds(server.pid)
        try await Task.sleep(for: .seconds(2))
        let used = cpuSeconds(server.pid) - before
        let healthy = try await Command.run("/usr/bin/curl", ["-sf", "http://\(server.address)/-/healthy"]).exitCode == 0
        return (healthy && used < 0.2, "healthy: \(healthy), CPU over 2 s: \(used) s")
    }

    @Test("deep nesting, long chains, huge strings, many selectors, bad UTF-8, exponential regexes: clear answers, server alive and idle")
    func hostileInputs() async throws {
        let server = try EtcdmonServer(directory: try QueryAPITests.copy("hostile"))
        try await server.waitUntilReady()
        var failures: [String] = []
        func expect(_ name: String, _ answer: Answer, status: Int, errorContains: String? = nil) {
            if answer.status != status { failures.append("\(name): status \(answer.status), \(answer.body.prefix(300))") }
            if let errorContains, !answer.error.contains(errorContains) { failures.append("\(name): error \(answer.error.prefix(300))") }
            if answer.elapsed > .seconds(10) { failures.append("\(name): took \(answer.elapsed)") }
        }
        // A debug build (as tests run it) may hit the stack guard before the level limit.
        let deep = "expression nests "
        expect("20,000 parentheses", try await Self.query(server, String(repeating: "(", count: 20_000) + "1" + String(repeating: ")", count: 20_000)),
               status: 400, errorContains: deep)
        expect("200,000 parentheses", try await Self.query(server, String(repeating: "(", count: 200_000) + "1" + String(repeating: ")", count: 200_000)),
               status: 400, errorContains: deep)
        expect("50,000-term sum", try await Self.query(server, Array(repeating: "1", count: 50_000).joined(separator: "+")),
               status: 400, errorContains: deep)
        expect("20,000 unary minus", try await Self.query(server, String(repeating: "-", count: 20_000) + "1"), status: 400, errorContains: deep)
        expect("20,000 nested calls", try await Self.query(server, String(repeating: "abs(", count: 20_000) + "vector(1)" + String(repeating: ")", count: 20_000)),
               status: 400, errorContains: deep)
        var subqueries = "vector(1)"
        for _ in 0..<10_000 { subqueries = "max_over_time(\(subqueries)[1m:])" }
        expect("10,000 nested subqueries", try await Self.query(server, subqueries), status: 400, errorContains: deep)
        expect("2 MB string", try await Self.query(server, "\"" + String(repeating: "x", count: 2 << 20) + "\""), status: 400,
               errorContains: "query is longer than")
        expect("2 MB regex", try await Self.query(server, "up{job=~\"" + String(repeating: "(a|b)", count: 400_000) + "\"}"), status: 400,
               errorContains: "query is longer than")
        // Swift's backtracking engine took minutes on this; Prometheus answers in milliseconds.
        let exponential = try await Self.query(server,
            #"label_replace(label_replace(vector(1),"y","aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","",""),"x","$1","y","(a|a)*c")"#)
        expect("exponential regex in label_replace", exponential, status: 200)
        let labels = ((exponential.json["data"] as? [String: Any])?["result"] as? [[String: Any]])?.first?["metric"] as? [String: String]
        if labels != ["y": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] { failures.append("label_replace result: \(exponential.body.prefix(300))") }
        expect("exponential regex in a matcher", try await Self.query(server, #"{__name__=~"(e|e)*(t|t)*(c|c)*d_.*",instance=~"(.*)*x"}"#), status: 200)
        expect("invalid regex", try await Self.query(server, #"up{job=~"(a"}"#), status: 400, errorContains: "missing )")
        expect("absurd range", try await Self.query(server, "rate(up[99999999999999y])"), status: 400)
        expect("absurd @", try await Self.query(server, "up @ 1e300"), status: 400)
        expect("absurd subquery step count", try await Self.query(server, "count_over_time(vector(1)[100y:1ms])"), status: 422,
               errorContains: "too many samples")
        let manySelectors = (0..<20_000).map { "match[]=" + Self.encode("up{instance=\"\($0)\"}") }.joined(separator: "&")
        expect("20,000 match[]", try await Self.post(server, "/api/v1/series", form: manySelectors), status: 400, errorContains: "too many match[]")
        expect("20,000 match[] on labels", try await Self.post(server, "/api/v1/labels", form: manySelectors), status: 400, errorContains: "too many match[]")
        expect("invalid UTF-8", try await Self.post(server, "/api/v1/query", form: "query=up%FF%FE"), status: 400, errorContains: "UTF-8")
        expect("bad percent-encoding", try await Self.post(server, "/api/v1/query", form: "query=up%G"), status: 400)
        expect("11 MB body", try await Self.post(server, "/api/v1/query", form: "query=" + String(repeating: "a", count: 11 << 20)), status: 400,
               errorContains: "larger than 10 MiB")
        expect("absurd range query", try await Self.post(server, "/api/v1/query_range", form: "query=up&start=0&end=9e15&step=1"), status: 400,
               errorContains: "11,000 points")
        let (idle, detail) = try await Self.isAliveAndIdle(server)
        #expect(idle, "\(detail)")
        #expect(failures == [])
        #expect(try await server.stop() == 0)
    }

    /// A query that would run for a minute: stopped by `--query.timeout`, and stopped at once when
    /// its client disconnects.
    @Test("runaway queries stop at the timeout and when the client goes away")
    func runawayQueries() async throws {
        let server = try EtcdmonServer(directory: try QueryAPITests.copy("runaway"), arguments: [
            "--query.timeout", "3s", "--query.max-samples", "40000000",
        ])
        try await server.waitUntilReady()
        let runaway = "count_over_time(vector(1)[30d:100ms])"
        let timedOut = try await Self.query(server, runaway)
        #expect(timedOut.status == 503, "\(timedOut.body.prefix(300))")
        #expect(timedOut.error.contains("timed out"))
        #expect(timedOut.elapsed < .seconds(5), "answered after \(timedOut.elapsed)")
        let (idleAfterTimeout, detail) = try await Self.isAliveAndIdle(server)
        #expect(idleAfterTimeout, "\(detail)")

        let patient = try EtcdmonServer(directory: try QueryAPITests.copy("runaway-patient"), arguments: [
            "--query.timeout", "5m", "--query.max-samples", "40000000",
        ])
        try await patient.waitUntilReady()
        let gone = try await Self.query(patient, runaway, maxTime: 1)
        #expect(gone.status == 0, "the client gave up after 1 s")
        try await Task.sleep(for: .milliseconds(500))
        let (idleAfterDisconnect, disconnectDetail) = try await Self.isAliveAndIdle(patient)
        #expect(idleAfterDisconnect, "\(disconnectDetail)")
        let metrics = try await Command.run("/usr/bin/curl", ["-s", "http://\(patient.address)/metrics"]).standardOutput
        #expect(metrics.contains("etcdmon_queries_canceled_total 1"), "\(metrics.split(separator: "\n").filter { $0.contains("quer") })")
        #expect(try await server.stop() == 0)
        #expect(try await patient.stop() == 0)
    }
}

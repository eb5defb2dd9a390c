import Foundation
import Testing
import TestSupport

/// Garbage in, clear errors out: unusable URLs, closed ports and servers that misbehave.
@Suite("Bad endpoints and misbehaving servers", .serialized)
struct BadEndpointTests {
    @Test("malformed --endpoints are usage errors that say what is wrong", arguments: [
        ("ftp://127.0.12.1:21", "unsupported scheme 'ftp'"),
        ("http://127.0.12.1:70000", "invalid port '70000'"),
        ("http://127.0.12.1:2379/v3", "without path"),
        (",,", "no endpoints given"),
    ])
    func malformedEndpoints(endpoints: String, message: String) async throws {
        let result = try await Command.etcdmon(["check", "--endpoints", endpoints])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains(message), "\(result)")
    }

    /// Durations as etcdctl and `serve` take them (`3s`, `500ms`), and plain seconds as before.
    @Test("--timeout, --connect-timeout and --watch take durations", arguments: [
        (["--timeout", "3s"], true), (["--timeout", "500ms"], true), (["--timeout", "1.5"], true), (["--connect-timeout", "1m"], true),
        (["--timeout", "3x"], false), (["--timeout", "0s"], false), (["--timeout", "2h"], false),
    ])
    func durationFlags(arguments: [String], valid: Bool) async throws {
        let result = try await Command.etcdmon(["check", "--endpoints", "http://127.0.12.1:1"] + arguments)
        #expect(result.exitCode == (valid ? 2 : 64), "\(result)")
        if !valid { #expect(result.standardError.contains("timeout"), "\(result)") }
        let watch = try await Command.etcdmon(["status", "--endpoints", "http://127.0.12.1:1", "--watch", "100ms"])
        #expect(watch.exitCode == 64 && watch.standardError.contains("--watch must be between"), "\(watch)")
    }

    @Test func misbehavingServers() async throws {
        let host = "127.0.12.1"
        let base = 18_000 + Int.random(in: 0..<1000) * 5
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/bad_server.py").path, host, String(base)]
        let ready = Pipe()
        server.standardOutput = ready
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { kill(server.processIdentifier, SIGKILL) }
        _ = ready.fileHandleForReading.availableData // blocks until "ready"

        let endpoints = (0..<5).map { "http://\(host):\(base + $0)" } + ["http://\(host):1"]
        let result = try await Command.etcdmon(["check", "--endpoints", endpoints.joined(separator: ","), "--timeout", "4s", "--output", "json"])
        #expect(result.exitCode == 2, "\(result)")
        let json = try result.json()
        #expect(json["verdict"] as? String == "critical")
        let members = try #require(json["members"] as? [[String: Any]])
        #expect(members.count == 6)
        func errors(_ port: Int) -> String {
            let member = members.first { $0["endpoint"] as? String == "http://\(host):\(port)" }
            return (member?["errors"] as? [String])?.joined(separator: " | ") ?? "(none)"
        }
        #expect(errors(base).contains("not valid HTTP") || errors(base).contains("closed the connection"), "\(errors(base))")
        #expect(errors(base + 1).contains("larger than"), "\(errors(base + 1))")
        #expect(errors(base + 2).contains("no answer within 4s"), "\(errors(base + 2))")
        #expect(errors(base + 3).contains("unexpected answer") && errors(base + 3).contains("12x"), "\(errors(base + 3))")
        #expect(errors(base + 4).contains("no answer within 4s"), "\(errors(base + 4))")
        #expect(errors(1).contains("connection refused"), "\(errors(1))")
        // Six broken members, probed in parallel: about one timeout in all (4 s), where probing the two
        // hung ones one after the other would take two (8 s); the margin absorbs a loaded machine.
        #expect(result.elapsed < .seconds(7), "took \(result.elapsed)")
    }
}

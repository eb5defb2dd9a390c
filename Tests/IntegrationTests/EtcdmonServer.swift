import Foundation
import TestSupport

/// An `etcdmon serve` on a random loopback address, stopped with SIGTERM; its log is `directory.log`.
final class EtcdmonServer: Sendable {
    let address: String
    let pid: pid_t
    let directory: String

    /// A random loopback address for a server.
    static func randomAddress() -> String { "127.0.14.\(Int.random(in: 2...250)):\(20_000 + Int.random(in: 0..<1000))" }

    init(directory: String, arguments: [String] = [], address: String = EtcdmonServer.randomAddress()) throws {
        self.directory = directory
        self.address = address
        pid = try Command.spawn(Command.etcdmonBinary, [
            "serve", "--data-dir", directory, "--web.listen-address", address, "--storage.tsdb.retention.time", "100y",
        ] + arguments, standardOutput: directory + ".log", standardError: directory + ".log")
    }

    var log: String { (try? String(contentsOfFile: directory + ".log", encoding: .utf8)) ?? "" }

    /// The log's failed-scrape lines (logged at debug level), for a failing expectation's message.
    var scrapeFailures: String {
        log.split(separator: "\n").filter { $0.contains("scrape failed") }.suffix(20).joined(separator: "\n")
    }

    /// Waits for `/-/ready`; `curl` holds what reaching it takes (`https` with `--cacert`, credentials…).
    func waitUntilReady(scheme: String = "http", curl: [String] = []) async throws {
        for _ in 0..<200 {
            if (try? await Command.run("/usr/bin/curl", ["-sf"] + curl + ["\(scheme)://\(address)/-/ready"]))?.exitCode == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CommandError(message: "etcdmon serve did not become ready at \(address): \(log.suffix(2000))")
    }

    func stop() async throws -> Int32 {
        kill(pid, SIGTERM)
        return try await Command.wait(for: pid)
    }

    /// `GET path` (with form-encoded `parameters`) and the decoded JSON `data`.
    func get(_ path: String, _ parameters: [String: String] = [:]) async throws -> Any {
        var arguments = ["-sG", "http://\(address)\(path)"]
        for (name, value) in parameters { arguments += ["--data-urlencode", "\(name)=\(value)"] }
        let result = try await Command.run("/usr/bin/curl", arguments)
        guard let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any],
              json["status"] as? String == "success", let data = json["data"] else {
            throw CommandError(message: "\(path) \(parameters): \(result.standardOutput.prefix(2000))")
        }
        return data
    }

    /// An instant query's samples as (labels, value).
    func query(_ expression: String) async throws -> [(labels: [String: String], value: Double)] {
        let data = try await get("/api/v1/query", ["query": expression]) as? [String: Any]
        let result = data?["result"] as? [[String: Any]] ?? []
        return result.map { entry in
            let labels = entry["metric"] as? [String: String] ?? [:]
            let value = (entry["value"] as? [Any])?.last as? String
            return (labels, Double(value ?? "") ?? .nan)
        }
    }

    /// Active targets: labels, health, lastError, lastScrape.
    func activeTargets() async throws -> [[String: Any]] {
        let data = try await get("/api/v1/targets", ["state": "active"]) as? [String: Any]
        return data?["activeTargets"] as? [[String: Any]] ?? []
    }

    /// Polls `condition` every 250 ms until it holds or `timeout` passes; returns whether it held.
    func eventually(within timeout: Duration, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await condition()
    }

    /// Whether, within `timeout`, `count` targets of the `up` selector each answered a scrape in the
    /// last 10 s. For tests that need the members' data rather than their health: on a starved CI
    /// machine etcd answers some scrapes past the timeout, so all of them up in the same instant
    /// can take longer than the test's point is worth.
    func eventuallyScraped(_ count: Int, _ selector: String = "up", within timeout: Duration = .seconds(60)) async throws -> Bool {
        try await eventually(within: timeout) { try await query("max_over_time(\(selector)[10s]) == 1").count == count }
    }
}

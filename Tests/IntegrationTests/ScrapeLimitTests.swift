import Foundation
import Testing
import TestSupport

/// `sample_limit`, `label_limit`, `label_name_length_limit`, `label_value_length_limit`,
/// `body_size_limit` and `target_limit` enforced as Prometheus enforces them: the scrape (or, for
/// `target_limit`, every target of the job) fails with Prometheus's reason and `up` 0.
@Suite("Scrape limits", .serialized)
struct ScrapeLimitTests {
    @Test func everyLimitFailsTheScrapeWithItsReason() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("limits")
        let simulation = try SimulatorTests.Simulation(members: 2, restartInterval: "0", directory: directory)
        try await simulation.waitUntilServing(2)
        let one = "['\(simulation.address(0))']"
        let both = "['\(simulation.address(0))', '\(simulation.address(1))']"
        func job(_ name: String, _ limit: String, targets: String) -> String {
            "  - {job_name: \(name), scrape_interval: 1s, scrape_timeout: 900ms, \(limit), static_configs: [{targets: \(targets)}]}\n"
        }
        let config = directory + "/etcdmon.yml"
        var text = "scrape_configs:\n"
        text += job("within", "sample_limit: 100000, label_limit: 30, label_name_length_limit: 100, label_value_length_limit: 1000, target_limit: 2", targets: both)
        text += job("samples", "sample_limit: 10", targets: one)
        text += job("labels", "label_limit: 3", targets: one)
        text += job("names", "label_name_length_limit: 8", targets: one)
        text += job("values", "label_value_length_limit: 10", targets: one)
        text += job("body", "body_size_limit: 1KB", targets: one)
        text += job("targets", "target_limit: 1", targets: both)
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config])
        try await server.waitUntilReady()
        let expected: [String: String] = [
            "samples": "sample limit exceeded",
            "labels": "label_limit exceeded (metric: ",
            "names": "label_name_length_limit exceeded (metric: ",
            "values": "label_value_length_limit exceeded (metric: ",
            "body": "body size limit exceeded",
            "targets": "target_limit exceeded (number of targets: 2, limit: 1)",
        ]
        var errors: [String: [String]] = [:]
        func failsWithItsReason(_ job: String, _ reason: String) -> Bool {
            let found = errors[job] ?? []
            return !found.isEmpty && found.allSatisfy { $0.hasPrefix("down: ") && $0.contains(reason) }
        }
        // Until every target's last scrape shows its own outcome: on a loaded machine (the suites run
        // in parallel) one scrape can miss its 900 ms timeout, and the next shows the limit again.
        let settled = try await server.eventually(within: Duration.seconds(30)) { () async throws -> Bool in
            errors = [:]
            for target in try await server.activeTargets() {
                let job = (target["labels"] as? [String: String])?["job"] ?? "?"
                guard target["lastScrape"] as? String != "0001-01-01T00:00:00Z" else { return false }
                errors[job, default: []].append((target["health"] as? String ?? "") + ": " + (target["lastError"] as? String ?? ""))
            }
            return errors.count == 7 && errors["within"] == ["up: ", "up: "] && expected.allSatisfy { failsWithItsReason($0.key, $0.value) }
        }
        #expect(settled, "\(errors)")
        #expect(errors["within"] == ["up: ", "up: "], "\(errors["within"] ?? [])")
        for (job, reason) in expected {
            #expect(failsWithItsReason(job, reason), "\(job): \(errors[job] ?? [])")
        }
        let up = try await server.query("up")
        #expect(up.filter { $0.value == 1 }.count == 2 && up.filter { $0.value == 1 }.allSatisfy { $0.labels["job"] == "within" }, "\(up)")
        #expect(up.count == 9)
        #expect(try await server.stop() == 0)
        #expect(try await simulation.stop() == 0)
    }
}

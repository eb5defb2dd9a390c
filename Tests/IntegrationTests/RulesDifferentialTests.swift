import Foundation
import Testing
import TestSupport

/// Rules evaluated by a real Prometheus 2.42 and by etcdmon give the same alerts: the same label
/// sets, states, values, and labels and annotations expanded byte for byte from the same templates
/// (the template language, Prometheus's functions, Go's number formatting, error texts).
@Suite("Rules agree with Prometheus", .serialized)
struct RulesDifferentialTests {
    @Test("alert labels and annotations expand byte for byte as in Prometheus")
    func templatesMatchPrometheus() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-rules-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rules = Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/rules/templates.rules.yml").path
        let configuration = directory + "/prometheus.yml"
        try """
        global:
          evaluation_interval: 1s
          external_labels: {monitor: reference}
        rule_files: ['\(rules)']
        """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let externalURL = "http://monitoring.example.com:9090/prom"
        let prometheus = try PrometheusProcess(dataDirectory: directory + "/prometheus", configuration: configuration,
                                               arguments: ["--web.external-url", externalURL, "--web.route-prefix", "/"])
        defer { prometheus.stop() }
        let etcdmon = try EtcdmonServer(directory: directory + "/etcdmon", arguments: [
            "--config.file", configuration, "--web.external-url", externalURL, "--web.route-prefix", "/",
        ])
        defer { kill(etcdmon.pid, SIGTERM) }
        try await etcdmon.waitUntilReady()

        // Both have every alert, and the two-second `for` has fired both Multi alerts.
        func alerts(_ data: [String: Any]) -> [String: [String: Any]] {
            var byKey: [String: [String: Any]] = [:]
            for alert in data["alerts"] as? [[String: Any]] ?? [] {
                let labels = alert["labels"] as? [String: String] ?? [:]
                byKey[labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: ",")] = alert
            }
            return byKey
        }
        func settled(_ byKey: [String: [String: Any]]) -> Bool {
            byKey.count == 8 && byKey.values.allSatisfy { $0["state"] as? String == "firing" }
        }
        var theirs: [String: [String: Any]] = [:]
        var ours: [String: [String: Any]] = [:]
        let deadline = ContinuousClock.now + .seconds(40)
        while ContinuousClock.now < deadline {
            theirs = alerts(try await prometheus.api("/api/v1/alerts", []))
            ours = alerts(try await etcdmon.get("/api/v1/alerts") as? [String: Any] ?? [:])
            if settled(theirs) && settled(ours) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(settled(theirs), "Prometheus: \(theirs.keys.sorted())")
        // A subquery without a step takes global.evaluation_interval (1s here, not the 1m default) in both.
        let time = "1700000000"
        let subquery = "count_over_time(vector(1)[1m:])"
        let theirPoints = try await prometheus.query(subquery, time: time).first?.value
        let ourPoints = try await etcdmon.get("/api/v1/query", ["query": subquery, "time": time]) as? [String: Any]
        let ourValue = ((ourPoints?["result"] as? [[String: Any]])?.first?["value"] as? [Any])?.last as? String
        #expect((Int(theirPoints ?? "") ?? 0) > 50 && ourValue == theirPoints, "\(subquery): etcdmon \(ourValue ?? "-"), Prometheus \(theirPoints ?? "-")")
        #expect(Set(ours.keys) == Set(theirs.keys), "etcdmon \(ours.keys.sorted()) vs Prometheus \(theirs.keys.sorted())")
        for (key, reference) in theirs {
            guard let alert = ours[key] else { continue }
            #expect(alert["state"] as? String == reference["state"] as? String, "\(key)")
            #expect(alert["value"] as? String == reference["value"] as? String, "\(key)")
            let expected = reference["annotations"] as? [String: String] ?? [:]
            let actual = alert["annotations"] as? [String: String] ?? [:]
            for name in Set(expected.keys).union(actual.keys).sorted() {
                #expect(actual[name] == expected[name], "\(key) annotation \(name):\n  etcdmon:    \(actual[name] ?? "<none>")\n  Prometheus: \(expected[name] ?? "<none>")")
            }
        }
    }

    @Test("a reload with a new evaluation_interval changes the default subquery step")
    func reloadChangesSubqueryStep() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-subquery-step-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = directory + "/etcdmon.yml"
        try "global: {evaluation_interval: 1s}\netcd: {alerts: {enabled: false}}\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", configuration])
        defer { kill(server.pid, SIGTERM) }
        try await server.waitUntilReady()
        func points() async throws -> Double? {
            let data = try await server.get("/api/v1/query", ["query": "count_over_time(vector(1)[1m:])", "time": "1700000000"]) as? [String: Any]
            return (((data?["result"] as? [[String: Any]])?.first?["value"] as? [Any])?.last as? String).flatMap(Double.init)
        }
        #expect(try await points() ?? 0 > 50)
        try "global: {evaluation_interval: 30s}\netcd: {alerts: {enabled: false}}\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        kill(server.pid, SIGHUP)
        let changed = try await server.eventually(within: .seconds(10)) { (try await points() ?? 99) <= 3 }
        #expect(changed, "the subquery step did not follow the reloaded evaluation_interval")
    }
}

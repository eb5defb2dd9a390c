import Foundation
import TestSupport

/// A real Prometheus 2.42 on a loopback address, for interoperability tests.
final class PrometheusProcess {
    let address: String
    let process = Process()

    /// Starts Prometheus on `dataDirectory`; with `scrapeSelfEvery` it scrapes its own /metrics;
    /// with `configuration`, it runs that file instead.
    init(dataDirectory: String, scrapeSelfEvery interval: String? = nil, configuration file: String? = nil, arguments extra: [String] = [],
         address: String = "127.0.13.\(Int.random(in: 2...250)):\(19_000 + Int.random(in: 0..<1000))") throws {
        self.address = address
        var configuration = "global: {}\n"
        if let interval {
            configuration = """
            global:
              scrape_interval: \(interval)
            scrape_configs:
              - job_name: prometheus
                static_configs:
                  - targets: ['\(address)']

            """
        }
        let configurationPath = file ?? dataDirectory + ".prometheus.yml"
        if file == nil { try configuration.write(toFile: configurationPath, atomically: true, encoding: .utf8) }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus")
        process.arguments = ["--config.file", configurationPath, "--storage.tsdb.path", dataDirectory, "--web.listen-address", address,
                             "--storage.tsdb.retention.time", "100y", "--log.level", "warn"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// SIGTERM and wait: Prometheus closes its WAL cleanly.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        for _ in 0..<100 where process.isRunning { usleep(100_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs an API query (retrying while Prometheus starts) and returns the decoded `data`.
    func api(_ path: String, _ parameters: [String]) async throws -> [String: Any] {
        for _ in 0..<100 {
            let answer = try await Command.run("/usr/bin/curl", ["-s", "-G", "http://\(address)\(path)"] + parameters.flatMap { ["--data-urlencode", $0] })
            if let json = try? answer.json(), json["status"] as? String == "success", let data = json["data"] as? [String: Any] {
                return data
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CommandError(message: "Prometheus at \(address) did not answer \(path)")
    }

    /// An instant query's vector as (labels, value text).
    func query(_ expression: String, time: String) async throws -> [(labels: [String: String], value: String)] {
        let data = try await api("/api/v1/query", ["query=\(expression)", "time=\(time)"])
        return (data["result"] as? [[String: Any]] ?? []).map {
            ($0["metric"] as? [String: String] ?? [:], (($0["value"] as? [Any])?.last as? String) ?? "")
        }
    }

    /// Every sample of a range-vector query (at `time`, default now), keyed `{sorted labels} timestampMs`
    /// as `tsdb dump` prints them.
    func rangeSamples(_ expression: String, time: String? = nil) async throws -> [String: Double] {
        let data = try await api("/api/v1/query", ["query=\(expression)"] + (time.map { ["time=\($0)"] } ?? []))
        var samples: [String: Double] = [:]
        for series in data["result"] as? [[String: Any]] ?? [] {
            let metric = series["metric"] as? [String: String] ?? [:]
            let labels = "{" + metric.keys.sorted().map { "\($0)=\"\(metric[$0]!)\"" }.joined(separator: ", ") + "}"
            for pair in series["values"] as? [[Any]] ?? [] {
                guard let time = pair[0] as? Double, let text = pair[1] as? String, let value = Double(text) else { continue }
                samples["\(labels) \(Int64((time * 1000).rounded()))"] = value
            }
        }
        return samples
    }
}

import ArgumentParser
import EtcdmonModel
import Foundation
import NIOPosix
import Simulator
import UnixSignals

/// `etcdmon simulate`: serves many etcd members' endpoints from a real capture, for benchmarks and for
/// trying etcdmon without a cluster.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Serve simulated etcd members (metrics, health, version, v3 gateway) on loopback ports.",
        discussion: """
            Members are grouped in clusters of five, as in the reference layout; member i listens on \
            --base-port + i. Each serves a real etcd 3.5.1 /metrics page whose counters grow, histogram \
            buckets fill, gauges wander, and which restarts now and then (counters back to zero). \
            It also answers /health, /livez, /readyz, /version and the gateway's member list, status and \
            alarms, so discovery and probes work. SIGINT or SIGTERM stops it.
            """)

    @Option(help: "How many members to simulate.")
    var members = 5

    @Option(name: .customLong("listen-host"), help: "The loopback address every member listens on.")
    var host = "127.0.30.1"

    @Option(name: .customLong("base-port"), help: "The first member's port; member i listens on base-port + i.")
    var basePort = 20_000

    @Option(name: .customLong("targets-file"), help: "Write the members as Prometheus file_sd JSON to this file.")
    var targetsFile: String?

    @Option(name: .customLong("restart-interval"), help: "Mean time between a member's restarts (0 for never).")
    var restartInterval = "1h"

    @Option(help: "Another /metrics capture (Prometheus text) to serve instead of the built-in etcd 3.5.1 one.")
    var capture: String?

    @Option(help: "Seed for member IDs, busyness and restart times.")
    var seed: UInt64 = 1

    func validate() throws {
        guard members >= 1 else { throw ValidationError("--members must be at least 1") }
        guard (1...65_535).contains(basePort), basePort + members - 1 <= 65_535 else {
            throw ValidationError("--base-port \(basePort) with \(members) members runs past port 65535")
        }
    }

    func run() async throws {
        let interval: Double
        do {
            interval = restartInterval == "0" ? 0 : Double(try PrometheusDuration.milliseconds(restartInterval)) / 1000
        } catch {
            throw ValidationError("--restart-interval: \(error)")
        }
        let template = try capture.map { path in
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw SimulatorError.invalidCapture(source: path, reason: "cannot read the file")
            }
            return try MetricsTemplate(capture: Array(bytes), source: path)
        } ?? MetricsTemplate.builtIn()
        let fleet = SimulatedFleet(template: template, count: members, host: host, basePort: basePort,
                                   restartInterval: interval > 0 ? interval : nil, seed: seed)
        if let targetsFile {
            do {
                try fleet.targetGroupsJSON().write(to: URL(fileURLWithPath: targetsFile), options: .atomic)
            } catch {
                throw SimulatorError.targetsFileNotWritten(path: targetsFile, reason: error.localizedDescription)
            }
        }
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let server = try await SimulatorServer.start(fleet, group: MultiThreadedEventLoopGroup.singleton)
        print("""
            simulating \(members) etcd members in \(fleet.clusters.count) clusters on \(host):\(basePort)-\(basePort + members - 1), \
            \(template.sampleCount) samples each\(targetsFile.map { "; targets in \($0)" } ?? "")
            """)
        fflush(nil)  // the line tells scripts the members are up, even when stdout is a file
        for await _ in signals { break }
        await server.stop()
    }
}

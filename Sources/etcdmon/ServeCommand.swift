import ArgumentParser
import EtcdmonModel
import Foundation
import Logging
import TSDB
import Web

/// `etcdmon serve`: the store and Prometheus's HTTP API. (Scraping joins in a later issue.)
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the local store through Prometheus's HTTP API (/api/v1/...).",
        discussion: "Flags take Prometheus's names. SIGTERM or SIGINT shut down cleanly (WAL closed).")

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .customLong("web.listen-address"), help: "host:port to listen on.")
    var listenAddress = "127.0.0.1:9090"

    @Option(name: .customLong("query.timeout"), help: "Maximum time a query may take.")
    var queryTimeout = "2m"

    @Option(name: .customLong("query.max-samples"), help: "Maximum samples a query may load into memory.")
    var maxSamples = 50_000_000

    @Option(name: .customLong("query.max-concurrency"), help: "Maximum queries evaluated at once.")
    var maxConcurrency = 20

    @Option(name: .customLong("query.lookback-delta"), help: "How far back an instant selector looks for a sample.")
    var lookbackDelta = "5m"

    @Option(name: .customLong("storage.tsdb.retention.time"), help: "How long to keep samples.")
    var retentionTime = "15d"

    @Option(name: .customLong("storage.tsdb.retention.size"), help: "Maximum bytes of storage (0: no limit).")
    var retentionSize: Int64 = 0

    @Option(name: .customLong("log.level"), help: "debug, info, warn or error.")
    var logLevel = "info"

    func run() async throws {
        let (host, port) = try Self.address(listenAddress)
        var limits = QueryLimits()
        var options = StorageOptions()
        do {
            limits.timeout = .milliseconds(try PrometheusDuration.milliseconds(queryTimeout))
            limits.lookbackDelta = try PrometheusDuration.milliseconds(lookbackDelta)
            options.retentionTime = try PrometheusDuration.milliseconds(retentionTime)
        } catch {
            throw ValidationError("\(error)")
        }
        limits.maxSamples = maxSamples
        limits.maxConcurrency = maxConcurrency
        options.retentionSize = retentionSize

        var logger = Logger(label: "etcdmon")
        logger.logLevel = Logger.Level(rawValue: logLevel == "warn" ? "warning" : logLevel) ?? .info
        let storage: Storage
        do { storage = try Storage(directory: data.path, options: options) } catch {
            printError("etcdmon serve: \(error)")
            throw ExitCode(2)
        }
        for warning in storage.warnings { logger.warning("\(warning)") }
        let flags = [
            "storage.tsdb.path": data.path, "web.listen-address": listenAddress, "query.timeout": queryTimeout,
            "query.max-samples": String(maxSamples), "query.max-concurrency": String(maxConcurrency),
            "query.lookback-delta": lookbackDelta, "storage.tsdb.retention.time": retentionTime,
            "storage.tsdb.retention.size": String(retentionSize),
        ]
        let server = APIServer(host: host, port: port, api: PrometheusAPI(storage: storage, limits: limits, flags: flags))
        logger.info("serving Prometheus's API", metadata: ["address": "http://\(host):\(port)", "data": "\(data.path)"])
        try await server.application(logger: logger).runService()
        try storage.close()
        logger.info("stopped; WAL closed")
    }

    /// Splits `host:port` (or `[v6]:port`).
    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else {
            throw ValidationError("--web.listen-address must be host:port, got \(text)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}

import CoreMetrics
import Foundation
import Prometheus
import TSDB

/// etcdmon's own `/metrics`: counters recorded through swift-metrics (scrapes, queries) plus
/// gauges read from the store and the process when scraped.
final class SelfMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let storage: Storage
    private let headSeries: Prometheus.Gauge
    private let headSamples: Prometheus.Gauge
    private let blocks: Prometheus.Gauge
    private let walFailures: Prometheus.Gauge
    private let residentMemory: Prometheus.Gauge
    private let startTime: Prometheus.Gauge

    /// Bootstraps swift-metrics with this registry (once per process).
    init(storage: Storage) {
        self.storage = storage
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        headSeries = registry.makeGauge(name: "etcdmon_tsdb_head_series", help: "Series in the in-memory head.")
        headSamples = registry.makeGauge(name: "etcdmon_tsdb_head_samples_appended_total", help: "Samples appended to the head since start.")
        blocks = registry.makeGauge(name: "etcdmon_tsdb_blocks_loaded", help: "Persisted blocks.")
        walFailures = registry.makeGauge(name: "etcdmon_tsdb_wal_write_failures_total", help: "Commits that failed because the WAL could not be written.")
        residentMemory = registry.makeGauge(name: "process_resident_memory_bytes", help: "Resident memory size in bytes.")
        startTime = registry.makeGauge(name: "process_start_time_seconds", help: "Start time of the process since the epoch, in seconds.")
        startTime.set(Date().timeIntervalSince1970)
    }

    /// The exposition text.
    func render() -> [UInt8] {
        headSeries.set(Double(storage.head.seriesCount))
        headSamples.set(Double(storage.head.statistics.samplesAppended))
        blocks.set(Double(storage.blocks.count))
        walFailures.set(Double(storage.walFailures))
        residentMemory.set(Double(Self.residentBytes()))
        return registry.emitToBuffer()
    }

    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

import CPlatform
import CoreMetrics
import Foundation
import Prometheus
import Synchronization
import TSDB

/// etcdmon's own `/metrics`: counters recorded through swift-metrics (scrapes, queries) plus
/// gauges read from the store and the process when scraped.
final class SelfMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let storage: Storage
    private let headSeries: Prometheus.Gauge
    private let headSamples: Prometheus.Counter
    private let blocks: Prometheus.Gauge
    private let walFailures: Prometheus.Counter
    private let walSegmentsDropped: Prometheus.Counter
    private let cpuSeconds: Prometheus.Counter
    private let residentMemory: Prometheus.Gauge
    private let heapInUse: Prometheus.Gauge
    private let heapFree: Prometheus.Gauge
    private let startTime: Prometheus.Gauge
    /// What the counters above last reported: they advance by the growth since.
    private let reported = Mutex<(samples: Int, walFailures: Int, cpuTicks: Int, walDropped: Int)>((0, 0, 0, 0))

    /// Bootstraps swift-metrics with this registry (once per process).
    init(storage: Storage) {
        self.storage = storage
        var factory = PrometheusMetricsFactory(registry: registry)
        // Alertmanager's buckets for its notification latency.
        factory.durationHistogramBuckets["alertmanager_notification_latency_seconds"] = [1, 5, 10, 15, 20].map { Duration.seconds($0) }
        MetricsSystem.bootstrap(factory)
        headSeries = registry.makeGauge(descriptor: Self.descriptor("etcdmon_tsdb_head_series", "Series in the in-memory head."))
        headSamples = registry.makeCounter(descriptor: Self.descriptor("etcdmon_tsdb_head_samples_appended_total", "Samples appended to the head since start."))
        blocks = registry.makeGauge(descriptor: Self.descriptor("etcdmon_tsdb_blocks_loaded", "Persisted blocks."))
        walFailures = registry.makeCounter(descriptor: Self.descriptor("etcdmon_tsdb_wal_write_failures_total", "Commits that failed because the WAL could not be written."))
        walSegmentsDropped = registry.makeCounter(descriptor: Self.descriptor(
            "etcdmon_tsdb_wal_segments_dropped_total", "WAL segments a remote-write queue had not sent, deleted over the WAL retention limit."))
        cpuSeconds = registry.makeCounter(descriptor: Self.descriptor("process_cpu_seconds_total", "Total user and system CPU time spent in seconds."))
        residentMemory = registry.makeGauge(descriptor: Self.descriptor("process_resident_memory_bytes", "Resident memory size in bytes."))
        heapInUse = registry.makeGauge(descriptor: Self.descriptor("etcdmon_heap_inuse_bytes", "Heap bytes allocated and in use (glibc mallinfo2 uordblks)."))
        heapFree = registry.makeGauge(descriptor: Self.descriptor("etcdmon_heap_free_bytes", "Heap bytes free but kept by the allocator, not returned to the system (mallinfo2 fordblks)."))
        startTime = registry.makeGauge(descriptor: Self.descriptor("process_start_time_seconds", "Start time of the process since the epoch, in seconds."))
        startTime.set(Date().timeIntervalSince1970)
    }

    /// A whole metric name (swift-prometheus would otherwise join namespace, subsystem, name and unit).
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    /// The exposition text.
    func render() -> [UInt8] {
        headSeries.set(Double(storage.head.seriesCount))
        let now = (samples: storage.head.statistics.samplesAppended, walFailures: storage.walFailures, cpuTicks: Self.cpuTicks(),
                   walDropped: storage.walSegmentsDropped)
        reported.withLock { last in
            if now.samples > last.samples { headSamples.increment(by: Int64(now.samples - last.samples)) }
            if now.walFailures > last.walFailures { walFailures.increment(by: Int64(now.walFailures - last.walFailures)) }
            if now.cpuTicks > last.cpuTicks { cpuSeconds.increment(by: Double(now.cpuTicks - last.cpuTicks) / Double(sysconf(Int32(_SC_CLK_TCK)))) }
            if now.walDropped > last.walDropped { walSegmentsDropped.increment(by: Int64(now.walDropped - last.walDropped)) }
            last = (max(now.samples, last.samples), max(now.walFailures, last.walFailures), max(now.cpuTicks, last.cpuTicks),
                    max(now.walDropped, last.walDropped))
        }
        blocks.set(Double(storage.blocks.count))
        residentMemory.set(Double(Self.residentBytes()))
        heapInUse.set(Double(etcdmon_heap_bytes_in_use()))
        heapFree.set(Double(etcdmon_heap_bytes_free()))
        return registry.emitToBuffer()
    }

    /// User plus system CPU time of the process in clock ticks (`/proc/self/stat` fields 14 and 15).
    private static func cpuTicks() -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
        return user + system
    }

    private static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

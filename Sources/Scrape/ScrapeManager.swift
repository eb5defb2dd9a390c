import Config
import EtcdmonModel
import Foundation
import Logging
import Synchronization
import TSDB

/// Runs every scrape job and etcd cluster monitor of a configuration, and swaps to a new
/// configuration on reload (a configuration that fails to apply leaves the running one alone).
public final class ScrapeManager: Sendable {
    private let sink: any SampleSink
    private let logger: Logger
    private let counters = ScrapeCounters()
    private let state = Mutex(State())

    private struct State {
        var jobs: [ScrapeJob] = []
        var monitors: [ClusterMonitor] = []
        var tasks: [Task<Void, Never>] = []
        var configuration = Configuration()
    }

    /// Creates a manager writing to `sink`; `apply` starts work.
    public init(sink: any SampleSink, logger: Logger) {
        self.sink = sink
        self.logger = logger
    }

    /// The configuration in force.
    public var configuration: Configuration { state.withLock { $0.configuration } }

    /// Starts `configuration`'s jobs and monitors, replacing the running ones. Throws (and
    /// changes nothing) when a job cannot be set up, e.g. unreadable TLS files.
    public func apply(_ configuration: Configuration) async throws(ConfigError) {
        var jobs: [ScrapeJob] = []
        for job in configuration.scrapeConfigs {
            jobs.append(try ScrapeJob(config: job, sink: sink, counters: counters, logger: logger))
        }
        var monitors: [ClusterMonitor] = []
        for cluster in configuration.etcdClusters {
            let job = jobs.first { $0.config.etcdCluster == cluster.name }
            monitors.append(try ClusterMonitor(
                config: cluster, sink: sink, logger: logger,
                onTargets: { groups in job?.update(provider: "etcd", groups: groups) }))
        }
        let (oldJobs, oldMonitors, oldTasks) = state.withLock { state in
            defer {
                state.jobs = jobs
                state.monitors = monitors
                state.configuration = configuration
                state.tasks = []
            }
            return (state.jobs, state.monitors, state.tasks)
        }
        for task in oldTasks { task.cancel() }
        for task in oldTasks { await task.value }
        for monitor in oldMonitors { await monitor.stop() }
        // A target the new configuration still names keeps its series alive; the others end
        // (targets found by files or member lists are found again, so they are left alone).
        let newJobs = Set(jobs.map(\.config.jobName))
        let newStatic = Set(jobs.flatMap { ScrapeTarget.build($0.config.staticConfigs, job: $0.config).active.map(\.labels) })
        for job in oldJobs {
            let onlyStatic = job.config.fileSDConfigs.isEmpty && job.config.etcdCluster == nil
            await job.stop { target in !newJobs.contains(target.job) || (onlyStatic && !newStatic.contains(target.labels)) }
        }
        var tasks: [Task<Void, Never>] = []
        for job in jobs {
            job.update(provider: "static", groups: job.config.staticConfigs)
            for (index, fileSD) in job.config.fileSDConfigs.enumerated() {
                let discovery = FileDiscovery(config: fileSD, logger: logger)
                tasks.append(Task { await discovery.run { groups in job.update(provider: "file/\(index)", groups: groups) } })
            }
        }
        for monitor in monitors { tasks.append(Task { await monitor.run() }) }
        state.withLock { $0.tasks = tasks }
        logger.info("configuration applied", metadata: [
            "file": "\(configuration.file)", "jobs": "\(jobs.count)", "etcd_clusters": "\(monitors.count)",
        ])
    }

    /// Stops everything, letting scrapes in flight finish. Series are not marked stale: etcdmon
    /// stopping says nothing about the targets.
    public func shutdown() async {
        let (jobs, monitors, tasks) = state.withLock { state in
            defer { state.jobs = []; state.monitors = []; state.tasks = [] }
            return (state.jobs, state.monitors, state.tasks)
        }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        for monitor in monitors { await monitor.stop() }
        for job in jobs { await job.stop { _ in false } }
    }

    // MARK: - Status for the API

    /// An active target with its state.
    public struct TargetStatus: Sendable {
        public var target: ScrapeTarget
        public var health: TargetHealth
        public var scrapeInterval: Int64
        public var scrapeTimeout: Int64
    }

    /// Every active target, by job then URL.
    public var activeTargets: [TargetStatus] {
        state.withLock { $0.jobs }.flatMap { job in
            job.loops.map {
                TargetStatus(target: $0.target, health: $0.health, scrapeInterval: job.config.scrapeInterval, scrapeTimeout: job.config.scrapeTimeout)
            }
        }
    }

    /// Every etcd cluster of the configuration with its latest probe round (in the configuration's order).
    public var clusters: [ClusterSnapshot] {
        state.withLock { $0.monitors }.map { monitor in
            monitor.latest ?? ClusterSnapshot(name: monitor.config.name, job: monitor.config.jobName, checkedAt: nil, check: nil, reportJSON: nil)
        }
    }

    /// The cluster and name of the member a tracing instance ID names: its name, or its member ID in
    /// hex or decimal (etcd's `--experimental-distributed-tracing-instance-id`), from the latest probes.
    public func member(instance: String) -> (cluster: String, member: String)? {
        let id = UInt64(instance, radix: 16) ?? UInt64(instance)
        for cluster in clusters {
            for report in cluster.check?.reports ?? [] {
                guard let name = report.name else { continue }
                if name == instance || (id != nil && report.memberID == id) { return (cluster.name, name) }
            }
        }
        return nil
    }

    /// A member's `/debug/pprof` answer, by cluster and member name.
    public func pprof(cluster: String, member: String, path: String, timeout: Duration) async throws(ProfileCaptureError)
        -> (endpoint: String, status: Int, body: [UInt8]) {
        guard let monitor = state.withLock({ $0.monitors.first { $0.config.name == cluster } }) else {
            throw ProfileCaptureError("no etcd cluster \"\(cluster)\" is configured")
        }
        return try await monitor.pprof(member: member, path: path, timeout: timeout)
    }

    /// Every dropped target.
    public var droppedTargets: [DroppedTarget] {
        state.withLock { $0.jobs }.flatMap(\.dropped)
    }

    /// Metadata per metric family across all targets (distinct entries per family).
    public func metadata() -> [String: [MetricMetadata]] {
        var result: [String: [MetricMetadata]] = [:]
        for loop in state.withLock({ $0.jobs }).flatMap(\.loops) {
            for (name, entry) in loop.metadata where !(result[name]?.contains(entry) ?? false) {
                result[name, default: []].append(entry)
            }
        }
        return result
    }

    /// Metadata per target: `(target, family, metadata)`, by target then family.
    public func targetMetadata() -> [(target: ScrapeTarget, metric: String, metadata: MetricMetadata)] {
        state.withLock { $0.jobs }.flatMap(\.loops).flatMap { loop in
            loop.metadata.sorted { $0.key < $1.key }.map { (loop.target, $0.key, $0.value) }
        }
    }
}

import Config
import EtcdmonModel
import Logging
import Synchronization
import TSDB

/// One job's targets and loops. Discovery providers (static groups, files, an etcd member list)
/// each hand in their current groups; the job rebuilds its targets and starts or stops loops to
/// match, marking the series of vanished targets stale.
final class ScrapeJob: Sendable {
    let config: ScrapeConfig
    let scraper: HTTPScraper
    private let sink: any SampleSink
    private let counters: ScrapeCounters
    private let logger: Logger
    private let state = Mutex(State())

    private struct State {
        var groups: [String: [TargetGroup]] = [:]
        var loops: [ScrapeTarget: (loop: ScrapeLoop, task: Task<Void, Never>)] = [:]
        var dropped: [DroppedTarget] = []
        var stopped = false
    }

    init(config: ScrapeConfig, sink: any SampleSink, counters: ScrapeCounters, logger: Logger) throws(ConfigError) {
        self.config = config
        scraper = try HTTPScraper(settings: config.http, bodySizeLimit: config.bodySizeLimit)
        self.sink = sink
        self.counters = counters
        var logger = logger
        logger[metadataKey: "job"] = "\(config.jobName)"
        self.logger = logger
    }

    /// Replaces `provider`'s groups and reconciles the running loops.
    func update(provider: String, groups: [TargetGroup]) {
        let removed: [ScrapeLoop] = state.withLock { state in
            guard !state.stopped else { return [] }
            state.groups[provider] = groups
            let all = state.groups.keys.sorted().flatMap { state.groups[$0]! }
            let (active, dropped) = ScrapeTarget.build(all, job: config)
            state.dropped = dropped
            let wanted = Set(active)
            var removed: [ScrapeLoop] = []
            for (target, entry) in state.loops where !wanted.contains(target) {
                removed.append(entry.loop)
                state.loops[target] = nil
            }
            for target in active where state.loops[target] == nil {
                let loop = ScrapeLoop(target: target, job: config, scraper: scraper, sink: sink, counters: counters, logger: logger)
                state.loops[target] = (loop, Task(executorPreference: loop.executor) { await loop.run() })
                logger.info("target added", metadata: ["target": "\(target.url)", "labels": "\(target.labels)"])
            }
            // As Prometheus: past the limit every target of the job is down with the reason, unscraped.
            let overLimit = config.targetLimit > 0 && state.loops.count > config.targetLimit
            let forced = overLimit
                ? ScrapeError(.targetLimit, "target_limit exceeded (number of targets: \(state.loops.count), limit: \(config.targetLimit))") : nil
            if overLimit { logger.warning("\(forced!.message)") }
            for entry in state.loops.values { entry.loop.forcedError.withLock { $0 = forced } }
            return removed
        }
        for loop in removed {
            logger.info("target removed", metadata: ["target": "\(loop.target.url)"])
            loop.stop(markStale: true)
        }
    }

    /// Stops every loop and waits for scrapes in flight; `markStale(target)` says whose series end.
    func stop(markStale: (ScrapeTarget) -> Bool) async {
        let entries = state.withLock { state in
            state.stopped = true
            defer { state.loops = [:] }
            return Array(state.loops.values)
        }
        for entry in entries { entry.loop.stop(markStale: false) }
        for entry in entries { await entry.task.value }
        for entry in entries where markStale(entry.loop.target) { entry.loop.stop(markStale: true) }
        await scraper.shutdown()
    }

    /// The running loops, by target URL.
    var loops: [ScrapeLoop] { state.withLock { $0.loops.values.map(\.loop) }.sorted { $0.target.url < $1.target.url } }

    /// Targets relabelling dropped.
    var dropped: [DroppedTarget] { state.withLock { $0.dropped } }
}

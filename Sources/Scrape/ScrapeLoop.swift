import Config
import EtcdmonModel
import Exposition
import Logging
import NIOCore
import NIOPosix
import Synchronization
import TSDB

/// Scrapes one target on a fixed schedule and appends what it reads: samples with the target's
/// labels, the synthetic `up`/`scrape_*` series, and stale markers for series that went away.
///
/// The schedule has a stable per-target offset within the interval (a hash of the target), so
/// many targets spread out instead of firing together, and a target keeps its phase across restarts.
public final class ScrapeLoop: Sendable {
    /// The target.
    public let target: ScrapeTarget
    private let job: ScrapeConfig
    private let scraper: HTTPScraper
    private let sink: any SampleSink
    private let logger: Logger
    private let counters: ScrapeCounters
    /// Where the loop runs (see `ScrapeExecutor`): its task, timer and target connection share one
    /// event loop. (Swift's `Task.sleep` would wake Dispatch's timer thread and then a worker each time.)
    public let executor: ScrapeExecutor
    private let eventLoop: any EventLoop
    private let state: Mutex<State>

    private struct State {
        var health = TargetHealth()
        var metadata: [String: MetricMetadata] = [:]
        /// Identifies the comment lines `metadata` was decoded from.
        var metadataDigest: Int?
        /// Out of the state while a scrape uses it (the scrape owns it then, so it is not copied).
        var cache = ScrapeCache()
        var stopping = false
        /// The size of the last body fetched, to allocate the next one's buffer at once.
        var lastBodySize = 0
        /// The pending wake-up, cancelled by `stop`.
        var wake: Scheduled<Void>?
    }

    /// Creates a loop; `run()` starts it.
    public init(target: ScrapeTarget, job: ScrapeConfig, scraper: HTTPScraper, sink: any SampleSink,
                counters: ScrapeCounters, logger: Logger) {
        self.target = target
        self.job = job
        self.scraper = scraper
        self.sink = sink
        self.counters = counters
        executor = ScrapeExecutor()
        eventLoop = executor.eventLoop
        var logger = logger
        logger[metadataKey: "target"] = "\(target.url)"
        self.logger = logger
        state = Mutex(State())
    }

    /// The target's health now.
    public var health: TargetHealth { state.withLock { $0.health } }

    /// The metric metadata of the last successful scrape, by family name.
    public var metadata: [String: MetricMetadata] { state.withLock { $0.metadata } }

    /// Scrapes until `stop()`.
    public func run() async {
        let interval = TimeAmount.milliseconds(job.scrapeInterval)
        let now = Timestamp.now()
        let offset = Int64(truncatingIfNeeded: UInt64(truncatingIfNeeded: target.labels.hashValueStable) % UInt64(job.scrapeInterval))
        // `tick` keeps the target's phase; `wake` is when the next scrape starts.
        var tick = NIODeadline.now() + .milliseconds(((offset - now % job.scrapeInterval) % job.scrapeInterval + job.scrapeInterval) % job.scrapeInterval)
        var wake = tick
        while await sleep(until: wake) {
            await scrapeOnce()
            tick = tick + interval
            let finished = NIODeadline.now()
            if tick >= finished {
                wake = tick
            } else {
                // A scrape that overran its slot: the next one starts at once, late (as Go's ticker
                // holds one missed tick), then the phase resumes. Ticks missed beyond that one are
                // skipped rather than bunched.
                wake = finished
                while tick + interval < finished { tick = tick + interval }
            }
        }
    }

    /// Stops the loop after any scrape in flight; with `markStale`, its series get stale markers
    /// (the target went away, as opposed to etcdmon shutting down).
    public func stop(markStale: Bool) {
        let wake = state.withLock { state in
            state.stopping = true
            return state.wake
        }
        wake?.cancel()
        guard markStale else { return }
        let series = state.withLock { $0.cache.drain() }
        var appender = sink.appender()
        let now = Timestamp.now()
        for labels in series + reportSeries() { try? appender.append(labels, timestamp: now, value: StaleMarker.value) }
        _ = try? appender.commit()
    }

    /// Sleeps until `deadline`; `false` once stopping.
    private func sleep(until deadline: NIODeadline) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wake = eventLoop.scheduleTask(deadline: deadline) {}
            // Fires when the timer does or when `stop` cancels it.
            wake.futureResult.whenComplete { _ in continuation.resume() }
            let stopping = state.withLock { state in
                state.wake = wake
                return state.stopping
            }
            if stopping { wake.cancel() }
        }
        return state.withLock { !$0.stopping }
    }

    /// Set when the job has more targets than its `target_limit`: the loop reports this error
    /// instead of scraping.
    let forcedError = Mutex<ScrapeError?>(nil)

    /// One scrape: fetch, parse, append, report, commit.
    public func scrapeOnce() async {
        let clock = ContinuousClock()
        let started = clock.now
        let timestamp = Timestamp.now()
        var appender = sink.appender()
        var (cache, expectedSize) = state.withLock { state in
            defer { state.cache = ScrapeCache() }
            return (state.cache, state.lastBodySize)
        }
        cache.beginScrape()
        var outcome: Result<ScrapeCounts, ScrapeError>
        do throws(ScrapeError) {
            if let forced = forcedError.withLock({ $0 }) { throw forced }
            let body = try await scraper.fetch(
                target.url, timeout: .milliseconds(job.scrapeTimeout), on: eventLoop, expectedSize: expectedSize
            )
            expectedSize = body.size
            outcome = .success(try ingest(body, timestamp: timestamp, cache: &cache, into: &appender))
        } catch {
            appender.rollback()
            outcome = .failure(error)
        }
        let seconds = (clock.now - started).totalSeconds
        let counts = (try? outcome.get()) ?? ScrapeCounts()
        let vanished = cache.endScrape(succeeded: counts.succeeded)
        state.withLock { state in
            state.cache = cache
            state.lastBodySize = expectedSize
        }
        for labels in vanished { try? appender.append(labels, timestamp: timestamp, value: StaleMarker.value) }
        let report = reportSeries()
        let values: [Double] = [
            counts.succeeded ? 1 : 0, seconds, Double(counts.scraped), Double(counts.postRelabel), Double(counts.added),
        ]
        for (labels, value) in zip(report, values) { try? appender.append(labels, timestamp: timestamp, value: value) }
        var storageError: String?
        do { try await appender.commitFromEventLoop() } catch { storageError = "storage: \(error)" }

        if case .failure(let error) = outcome {
            logger.debug("scrape failed", metadata: ["error": "\(error)"])
        }
        counters.recordScrape(succeeded: counts.succeeded, samples: counts.postRelabel, seconds: seconds)
        state.withLock { state in
            state.health.state = counts.succeeded && storageError == nil ? .up : .down
            if case .failure(let error) = outcome { state.health.lastError = error.message } else { state.health.lastError = storageError ?? "" }
            state.health.lastScrape = timestamp
            state.health.lastScrapeDuration = seconds
            state.health.lastSamples = counts.postRelabel
        }
    }

    /// What one scrape read.
    private struct ScrapeCounts {
        var succeeded = false
        var scraped = 0
        var postRelabel = 0
        var added = 0
    }

    private func ingest(
        _ body: HTTPScraper.Body, timestamp: Int64, cache: inout ScrapeCache, into appender: inout BatchAppender
    ) throws(ScrapeError) -> ScrapeCounts {
        var counts = ScrapeCounts()
        // Metadata is decoded again only when the comment lines changed (rarely: a restart, an upgrade).
        var metadataDigest = Hasher()
        let sampleLimit = job.sampleLimit
        let honorTimestamps = job.honorTimestamps
        do {
            try body.withParser { parser in
                // Appends one sample of the series the cache holds at `index`; its labels are read only
                // when the store cannot find the series by reference.
                func append(at index: Int, isNew: Bool) throws(ScrapeError) {
                    guard !cache.isDropped(index) else { return }
                    if isNew { counts.added += 1 }
                    counts.postRelabel += 1
                    if sampleLimit > 0 && counts.postRelabel > sampleLimit {
                        throw ScrapeError(.sampleLimit, "sample limit exceeded (more than \(sampleLimit) samples)")
                    }
                    let explicit = honorTimestamps ? parser.timestamp : nil
                    let reference = cache.reference(at: index)
                    // A rejected sample (out of order, duplicate) is counted by the store; the rest still go in.
                    if let stored = try? appender.append(
                        reference, cache.labels(at: index), timestamp: explicit ?? timestamp, value: parser.value),
                       stored != reference {
                        cache.setReference(stored, at: index)
                    }
                }
                while true {
                    // Most lines repeat the series the last scrape had next: matched as bytes, not parsed.
                    if try cache.withExpectedKey({ key in try parser.nextSample(repeating: key) }) == true {
                        counts.scraped += 1
                        let index = cache.seeExpected(explicitTimestamp: honorTimestamps && parser.timestamp != nil)
                        try append(at: index, isNew: false)
                        continue
                    }
                    guard let entry = try parser.next() else { break }
                    switch entry {
                    case .type, .help, .unit:
                        metadataDigest.combine(bytes: UnsafeRawBufferPointer(parser.lineBytes))
                    case .sample:
                        counts.scraped += 1
                        let explicit = honorTimestamps && parser.timestamp != nil
                        let (index, isNew) = cache.see(parser.seriesBytes, explicitTimestamp: explicit) {
                            seriesLabels(parser.labels())
                        }
                        // A series is checked when its labels are made; a failed scrape empties the
                        // cache, so one over the limits is checked again next time.
                        if isNew, !cache.isDropped(index) { try job.verifyLabelLimits(cache.labels(at: index)) }
                        try append(at: index, isNew: isNew)
                    }
                }
            }
        } catch let error as ScrapeError {
            throw error
        } catch {
            throw ScrapeError(.parse, "invalid exposition (\(body.format)): \(error)")
        }
        counts.succeeded = true
        let digest = metadataDigest.finalize()
        if state.withLock({ $0.metadataDigest }) != digest {
            let metadata = Self.metadata(of: body)
            state.withLock { state in
                state.metadata = metadata
                state.metadataDigest = digest
            }
        }
        return counts
    }

    /// The HELP, TYPE and UNIT of each family in a page that parsed.
    private static func metadata(of body: HTTPScraper.Body) -> [String: MetricMetadata] {
        var metadata: [String: MetricMetadata] = [:]
        try? body.withParser { parser in
            while let entry = try parser.next() {
                switch entry {
                case .type: metadata[parser.metricName, default: MetricMetadata()].type = parser.metricType
                case .help: metadata[parser.metricName, default: MetricMetadata()].help = parser.helpText
                case .unit: metadata[parser.metricName, default: MetricMetadata()].unit = parser.unit
                case .sample: continue
                }
            }
        }
        return metadata
    }

    /// A scraped series' final labels: the target's labels attached (conflicts renamed
    /// `exported_*` unless `honor_labels`), then `metric_relabel_configs`; `nil` when dropped.
    func seriesLabels(_ scraped: Labels) -> Labels? {
        var builder = LabelBuilder(scraped)
        for label in target.labels {
            if job.honorLabels {
                if builder[label.name] == nil { builder[label.name] = label.value }
                continue
            }
            if let existing = builder[label.name] {
                var name = "exported_" + label.name
                while builder[name] != nil { name = "exported_" + name }
                builder[name] = existing
            }
            builder[label.name] = label.value
        }
        return RelabelRule.apply(job.metricRelabelConfigs, to: builder.labels()).map(MetricNameTable.shared.sharingName)
    }

    /// The synthetic series, in the order `scrapeOnce` writes their values.
    private func reportSeries() -> [Labels] {
        ["up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added"]
            .map { name in Labels(target.labels.elements + [Label(Labels.metricName, name)]) }
    }
}

extension ScrapeConfig {
    /// Throws when `labels` break the job's `label_limit`, `label_name_length_limit` or
    /// `label_value_length_limit`, in Prometheus's words.
    func verifyLabelLimits(_ labels: Labels) throws(ScrapeError) {
        guard labelLimit > 0 || labelNameLengthLimit > 0 || labelValueLengthLimit > 0 else { return }
        let metric = String((labels[Labels.metricName] ?? "").prefix(50))
        if labelLimit > 0, labels.count > labelLimit {
            throw ScrapeError(.labelLimit, "label_limit exceeded (metric: \(metric), number of labels: \(labels.count), limit: \(labelLimit))")
        }
        for label in labels {
            if labelNameLengthLimit > 0, label.name.utf8.count > labelNameLengthLimit {
                throw ScrapeError(.labelLimit, "label_name_length_limit exceeded (metric: \(metric), label name: \(label.name.prefix(50)), "
                    + "length: \(label.name.utf8.count), limit: \(labelNameLengthLimit))")
            }
            if labelValueLengthLimit > 0, label.value.utf8.count > labelValueLengthLimit {
                throw ScrapeError(.labelLimit, "label_value_length_limit exceeded (metric: \(metric), label name: \(label.name.prefix(50)), "
                    + "value: \"\(Labels.escape(String(label.value.prefix(50))))\", length: \(label.value.utf8.count), limit: \(labelValueLengthLimit))")
            }
        }
    }
}

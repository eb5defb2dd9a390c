import AsyncHTTPClient
import Config
import CoreMetrics
import EtcdClient
import EtcdmonModel
import Foundation
import Logging
import NIOCore
import Synchronization
import TSDB

/// One `remote_write` queue, fed from the WAL: it follows the segments as they are written, cuts
/// what it reads into batches, splits each batch by series over its shards (so a series' samples
/// stay in order) and sends them as Prometheus's remote-write protocol 0.1.0.
///
/// Nothing is lost and nothing stored twice, whatever the outage or restart: the queue's place in
/// the WAL is kept on disk and moved only once a whole batch is delivered, and the WAL keeps the
/// segments from that place on (`Storage.retainWAL`). Before a batch is sent, its range and shard
/// count are written down; after a restart the same range is read again and cut into the very
/// same requests, so a request delivered before the restart is either taken again as an exact
/// duplicate or refused as out of order by the receiver — never stored twice — and one not
/// delivered is delivered now.
package final class RemoteWriteQueue: Sendable {
    /// What the position file holds: where the next batch starts, and the batch in flight, if any.
    struct Progress: Codable, Equatable {
        var position: WALPosition
        /// The batch being sent: where it ends and how many shards it was split over.
        var batchEnd: WALPosition?
        var batchShards: Int?
    }

    /// The samples of one batch, in WAL order, each with where its series' label bytes are.
    struct Batch {
        var references: [UInt64] = []
        var spans: [(offset: Int, length: Int)] = []
        var timestamps: [Int64] = []
        var values: [Double] = []
        var count: Int { references.count }

        mutating func add(_ reference: UInt64, _ span: (offset: Int, length: Int), _ timestamp: Int64, _ value: Double) {
            references.append(reference)
            spans.append(span)
            timestamps.append(timestamp)
            values.append(value)
        }

        /// The requests, as sample indices: each series in one shard (chosen from its WAL reference,
        /// which a restart keeps), each shard's samples in WAL order cut into requests of at most
        /// `perRequest`. Deterministic: the same batch always splits the same way.
        func requests(shards: Int, perRequest: Int) -> [[[Int]]] {
            var byShard = [[Int]](repeating: [], count: shards)
            for index in references.indices {
                byShard[Int((references[index] &* 0x9E37_79B9_7F4A_7C15) >> 33 % UInt64(shards))].append(index)
            }
            return byShard.map { indices in
                stride(from: 0, to: indices.count, by: perRequest).map { Array(indices[$0..<min($0 + perRequest, indices.count)]) }
            }
        }

        /// One request's body: a `TimeSeries` per sample, as Prometheus's queues send them, its
        /// labels copied from `arena`.
        func body(_ request: [Int], arena: [UInt8]) -> [UInt8] {
            var encoder = WriteRequestEncoder(capacity: request.reduce(0) { $0 + spans[$1].length + 24 })
            arena.withUnsafeBufferPointer { arena in
                for index in request {
                    let span = spans[index]
                    encoder.appendSeries(labelBytes: UnsafeBufferPointer(rebasing: arena[span.offset..<span.offset + span.length]),
                                         timestamps: CollectionOfOne(timestamps[index]), values: CollectionOfOne(values[index]))
                }
            }
            return Snappy.compress(encoder.bytes)
        }
    }

    package let config: RemoteWriteConfig
    private let storage: Storage
    private let progressFile: String
    private let externalLabels: Labels
    private let logger: Logger
    private let client: HTTPClient
    private let authorization: String?
    private let stopping = Atomic<Bool>(false)
    private let dimensions: [(String, String)]
    /// How long to sleep when the WAL has nothing new.
    private let pollInterval: Duration = .milliseconds(500)

    /// A queue for `config`; its position lives in `directory` (created if needed).
    package init(config: RemoteWriteConfig, storage: Storage, directory: String, externalLabels: Labels, logger: Logger) throws {
        self.config = config
        self.storage = storage
        self.externalLabels = externalLabels
        var logger = logger
        logger[metadataKey: "remote_name"] = "\(config.name)"
        logger[metadataKey: "url"] = "\(config.url)"
        self.logger = logger
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        progressFile = directory + "/position.json"
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .milliseconds(config.remoteTimeout), read: .milliseconds(config.remoteTimeout))
        if let tls = config.http.tls { configuration.tlsConfiguration = try EtcdClient.makeTLSConfiguration(tls.files) }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        authorization = try config.http.authorizationHeader()
        dimensions = [("remote_name", config.name), ("url", config.url)]
    }

    /// Takes the queue's place in the WAL (kept from the last run, or the WAL's end for a new queue,
    /// as Prometheus's queues start) and keeps the WAL from there. Called before scraping starts.
    package func prepare() throws {
        let progress = loadProgress()
        if !FileManager.default.fileExists(atPath: progressFile) { try save(progress) }
        storage.retainWAL(config.name, from: progress.position.segment)
    }

    /// Stops after the request in flight; the batch not yet delivered is sent after the next start.
    package func stop() { stopping.store(true, ordering: .relaxed) }

    private var stopped: Bool { stopping.load(ordering: .relaxed) }

    /// Sends until `stop()`.
    /// The WAL stays retained for the queue after it stops (a compaction during shutdown must not
    /// delete what it has not sent); `RemoteWriteManager` releases it when the entry is removed.
    package func run() async {
        do {
            try await loop()
        } catch {
            logger.error("remote write stopped", metadata: ["error": "\(error)"])
        }
        try? await client.shutdown()
    }

    private func loop() async throws {
        var progress = loadProgress()
        storage.retainWAL(config.name, from: progress.position.segment)
        var series = try seriesBefore(progress.position)
        var shards = config.queue.minShards
        Gauge(label: "prometheus_remote_storage_shards", dimensions: dimensions).record(Double(shards))

        // A batch left in flight by the last run: the same range, the same shards, sent again.
        if let end = progress.batchEnd, let count = progress.batchShards {
            var batch = Batch()
            var position = progress.position
            _ = try read(from: &position, until: end, limit: .max, into: &batch, series: &series)
            logger.info("resending the batch in flight at the last stop", metadata: ["samples": "\(batch.count)"])
            guard await send(batch, arena: series.arena, shards: count, replay: true) else { return }
            progress = Progress(position: end)
            try save(progress)
        }

        var batch = Batch()
        var reached = progress.position
        var oldest: ContinuousClock.Instant?
        while !stopped {
            let target = config.queue.maxSamplesPerSend * shards
            let before = batch.count
            let full = try read(from: &reached, until: nil, limit: max(target, config.queue.capacity), into: &batch, series: &series)
            if batch.count > before, oldest == nil { oldest = .now }
            let due = full || batch.count >= config.queue.maxSamplesPerSend
                || (oldest.map { ContinuousClock.now - $0 >= .milliseconds(config.queue.batchSendDeadline) } ?? false)
            guard batch.count > 0, due else {
                if batch.count == 0, reached != progress.position {
                    // Only series records (or dropped samples) read: the place moves on without a send.
                    progress = Progress(position: reached)
                    try save(progress)
                    storage.retainWAL(config.name, from: progress.position.segment)
                }
                if !full { try await Task.sleep(for: pollInterval) }
                continue
            }
            // Shards follow the backlog: more while each batch fills up, fewer once it does not.
            let needed = (batch.count + config.queue.maxSamplesPerSend - 1) / config.queue.maxSamplesPerSend
            shards = full ? min(config.queue.maxShards, max(shards * 2, needed)) : max(config.queue.minShards, min(shards, needed))
            Gauge(label: "prometheus_remote_storage_shards", dimensions: dimensions).record(Double(shards))
            try save(Progress(position: progress.position, batchEnd: reached, batchShards: shards))
            guard await send(batch, arena: series.arena, shards: shards, replay: false) else { return }
            progress = Progress(position: reached)
            try save(progress)
            storage.retainWAL(config.name, from: progress.position.segment)
            batch = Batch()
            oldest = nil
        }
    }

    // MARK: Reading the WAL

    private struct StopReading: Error {}

    /// Reads records from `position` into `batch` until `limit` samples, the end of the WAL written
    /// so far, or `until`; moves `position` past what was read. Returns whether it stopped at the limit.
    private func read(from position: inout WALPosition, until end: WALPosition?, limit: Int, into batch: inout Batch,
                      series: inout EncodedSeries) throws -> Bool {
        let directory = storage.walDirectory
        while true {
            if let end, position >= end { return false }
            let segments = try WALReader.segments(in: directory)
            guard segments.contains(position.segment) else {
                // The segment is gone (over the WAL retention limit) or not yet written.
                if let next = segments.first(where: { $0 > position.segment }) {
                    logger.error("WAL segments this queue had not sent were deleted; their samples are lost",
                                 metadata: ["from": "\(position.segment)", "to": "\(next - 1)"])
                    Counter(label: "prometheus_remote_storage_samples_dropped_total", dimensions: dimensions + [("reason", "wal_deleted")]).increment()
                    position = WALPosition(segment: next, offset: 0)
                    continue
                }
                return false
            }
            var full = false
            var current = position
            do {
                current.offset = try WALReader.readSegment(directory: directory, segment: position.segment, from: position.offset, tail: true) { record, recordEnd in
                    if let end, WALPosition(segment: position.segment, offset: recordEnd) > end { throw StopReading() }
                    try self.take(record, into: &batch, series: &series)
                    current.offset = recordEnd
                    if batch.count >= limit {
                        full = true
                        throw StopReading()
                    }
                }
            } catch is StopReading {}
            position = current
            if full { return true }
            if let end, position >= end { return false }
            // The end of this segment's data: on to the next one if the writer has moved there.
            guard let next = segments.first(where: { $0 > position.segment }) else { return false }
            let size = (try? FileManager.default.attributesOfItem(atPath: WALWriter.segmentPath(directory, position.segment))[.size] as? Int) ?? 0
            if position.offset < size && !Self.onlyPadding(directory: directory, segment: position.segment, from: position.offset) {
                logger.warning("a WAL segment ends in a damaged record; going on with the next", metadata: ["segment": "\(position.segment)"])
            }
            position = WALPosition(segment: next, offset: 0)
        }
    }

    private static func onlyPadding(directory: String, segment: Int, from offset: Int) -> Bool {
        guard let data = FileManager.default.contents(atPath: WALWriter.segmentPath(directory, segment)) else { return true }
        return data.dropFirst(offset).allSatisfy { $0 == 0 }
    }

    /// One WAL record: series remembered (as their outgoing label bytes), samples of sent series batched.
    private func take(_ record: UnsafeRawBufferPointer, into batch: inout Batch, series: inout EncodedSeries) throws {
        switch try WALRecord.decode(record) {
        case .series(let entries):
            for entry in entries { series.define(entry.reference, outgoing(entry.labels)) }
        case .samples(let samples):
            for sample in samples {
                guard let span = series.span(sample.reference) else {
                    let reason = series.knows(sample.reference) ? "dropped_series" : "unknown_series"
                    Counter(label: "prometheus_remote_storage_samples_dropped_total", dimensions: dimensions + [("reason", reason)]).increment()
                    continue
                }
                batch.add(sample.reference, span, sample.timestamp, sample.value)
            }
        case .tombstones, .other:
            break
        }
    }

    /// A series as sent: external labels it lacks added, then `write_relabel_configs`; nil: not sent.
    private func outgoing(_ labels: Labels) -> Labels? {
        // Labels with empty values are no labels (receivers drop them too).
        let own = labels.contains { $0.value.isEmpty } ? Labels(labels.filter { !$0.value.isEmpty }) : labels
        let result = own.addingMissing(externalLabels)
        return config.writeRelabelConfigs.isEmpty ? result : RelabelRule.apply(config.writeRelabelConfigs, to: result)
    }

    /// The series defined before `position`: the latest checkpoint's, then every segment's up to it.
    private func seriesBefore(_ position: WALPosition) throws -> EncodedSeries {
        var series = EncodedSeries()
        func remember(_ record: UnsafeRawBufferPointer) throws {
            guard record.first == 1, case .series(let entries) = try WALRecord.decode(record) else { return }
            for entry in entries { series.define(entry.reference, outgoing(entry.labels)) }
        }
        if let checkpoint = storage.latestCheckpoint {
            try? WALReader.read(directory: checkpoint.path) { try remember($0) }
        }
        for segment in try WALReader.segments(in: storage.walDirectory) where segment <= position.segment {
            _ = try? WALReader.readSegment(directory: storage.walDirectory, segment: segment, from: 0, tail: true) { record, end in
                if segment == position.segment && end > position.offset { throw StopReading() }
                try remember(record)
            }
        }
        return series
    }

    // MARK: Position

    private func loadProgress() -> Progress {
        if let data = FileManager.default.contents(atPath: progressFile), let progress = try? JSONDecoder().decode(Progress.self, from: data) {
            return progress
        }
        // A new queue starts at the WAL's end, as Prometheus's does: what was stored before is not sent.
        let segments = (try? WALReader.segments(in: storage.walDirectory)) ?? []
        guard let last = segments.last else { return Progress(position: WALPosition(segment: 0, offset: 0)) }
        let end = (try? WALReader.readSegment(directory: storage.walDirectory, segment: last, from: 0, tail: true) { _, _ in }) ?? 0
        return Progress(position: WALPosition(segment: last, offset: end))
    }

    private func save(_ progress: Progress) throws {
        let data = try JSONEncoder().encode(progress)
        try DurableFile.write(Array(data), to: progressFile + ".tmp")
        try DurableFile.rename(progressFile + ".tmp", to: progressFile)
    }

    // MARK: Sending

    /// Sends a batch over `shards` concurrent shards; false when stopped before it was all delivered
    /// (it will be sent again after the next start).
    private func send(_ batch: Batch, arena: [UInt8], shards: Int, replay: Bool) async -> Bool {
        let requests = batch.requests(shards: shards, perRequest: config.queue.maxSamplesPerSend)
        return await withTaskGroup(of: Bool.self) { group in
            for shard in requests where !shard.isEmpty {
                group.addTask {
                    for request in shard {
                        let newest = request.map { batch.timestamps[$0] }.max()
                        guard await self.deliver(batch.body(request, arena: arena), samples: request.count, newest: newest, replay: replay) else { return false }
                    }
                    return true
                }
            }
            var delivered = true
            for await result in group { delivered = delivered && result }
            return delivered
        }
    }

    /// One request, retried on 5xx, connection errors and (with `retry_on_http_429`) 429 until it
    /// is delivered; other 4xx drop it. False when stopped first.
    private func deliver(_ body: [UInt8], samples count: Int, newest: Int64?, replay: Bool) async -> Bool {
        var request = HTTPClientRequest(url: config.url)
        request.method = .POST
        request.headers.add(name: "Content-Encoding", value: "snappy")
        request.headers.add(name: "Content-Type", value: "application/x-protobuf")
        request.headers.add(name: "User-Agent", value: "etcdmon/0.1.0")
        request.headers.add(name: "X-Prometheus-Remote-Write-Version", value: "0.1.0")
        for (name, value) in config.headers { request.headers.add(name: name, value: value) }
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        var backoff = config.queue.minBackoff
        while true {
            request.body = .bytes(ByteBuffer(bytes: body))
            let started = ContinuousClock.now
            var retry = true
            var reason = ""
            do {
                let response = try await client.execute(request, timeout: .milliseconds(config.remoteTimeout))
                let text = (try? await response.body.collect(upTo: 4096)).map { String(buffer: $0) } ?? ""
                let status = Int(response.status.code)
                Timer(label: "prometheus_remote_storage_sent_batch_duration_seconds", dimensions: dimensions)
                    .recordNanoseconds(Int64((ContinuousClock.now - started).totalSeconds * 1e9))
                if (200..<300).contains(status) {
                    Counter(label: "prometheus_remote_storage_samples_total", dimensions: dimensions).increment(by: count)
                    Counter(label: "prometheus_remote_storage_bytes_total", dimensions: dimensions).increment(by: body.count)
                    if let newest {
                        Gauge(label: "prometheus_remote_storage_queue_highest_sent_timestamp_seconds", dimensions: dimensions).record(Double(newest) / 1000)
                    }
                    return true
                }
                reason = "server returned HTTP status \(response.status): \(text.trimmingCharacters(in: .whitespacesAndNewlines))"
                retry = status >= 500 || (status == 429 && config.queue.retryOnRateLimit)
            } catch {
                reason = "\(error)"
            }
            guard retry else {
                // Refused for good. After a restart this may be a request already delivered (refused
                // now as out of order), which is no loss.
                if replay {
                    logger.debug("a resent request was refused (delivered before the restart)", metadata: ["reason": "\(reason)"])
                } else {
                    Counter(label: "prometheus_remote_storage_samples_failed_total", dimensions: dimensions).increment(by: count)
                    logger.error("non-recoverable error; dropping the request", metadata: ["samples": "\(count)", "err": "\(reason)"])
                }
                return true
            }
            Counter(label: "prometheus_remote_storage_samples_retried_total", dimensions: dimensions).increment(by: count)
            logger.warning("failed to send; retrying", metadata: ["samples": "\(count)", "err": "\(reason)", "backoff": "\(backoff)ms"])
            let deadline = ContinuousClock.now + .milliseconds(backoff)
            while ContinuousClock.now < deadline {
                if stopped { return false }
                try? await Task.sleep(for: min(.milliseconds(100), deadline - ContinuousClock.now))
            }
            backoff = min(backoff * 2, config.queue.maxBackoff)
        }
    }
}

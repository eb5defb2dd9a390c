import EtcdmonModel
import Foundation
import Synchronization

/// The embedded store: a data directory in Prometheus's layout — blocks, a head in memory, its
/// WAL — behind the `Appender` and `Querier` seams.
///
/// Opening takes the directory's lock, replays the WAL (latest checkpoint, then later segments;
/// a damaged tail is cut off with a warning, everything before it kept) and starts a new WAL
/// segment. `compact()` cuts full ranges of the head into blocks, checkpoints the WAL, merges
/// small blocks into larger ones and applies retention.
public final class Storage: Sendable {
    /// The data directory.
    public let directory: String
    /// The options it was opened with.
    public let options: StorageOptions
    /// The in-memory head.
    public let head: Head
    let state: Mutex<State>
    /// Set while `compact()` runs: it takes `state` to publish a block and cut the WAL, which at
    /// scale is long enough that a commit that must not wait should not try.
    let compacting = Atomic<Bool>(false)
    /// One compaction at a time.
    let compaction = Mutex<Void>(())

    struct State {
        var lock: DirectoryLock?
        var wal: WALWriter?
        var blocks: [Block]
        var warnings: [String]
        var walFailures = 0
        /// The first WAL segment each reader still needs, by reader (`retainWAL`).
        var walReaders: [String: Int] = [:]
        /// Segments deleted although a reader still needed them (over `walRetentionLimit`).
        var walSegmentsDropped = 0
    }

    /// The WAL's directory.
    public var walDirectory: String { directory + "/wal" }

    /// Keeps WAL segments `segment…` through checkpoints for `reader` (a remote-write queue), within
    /// `options.walRetentionLimit`; nil releases them.
    public func retainWAL(_ reader: String, from segment: Int?) {
        state.withLock { $0.walReaders[reader] = segment }
    }

    /// WAL segments deleted while a reader still needed them, since opening.
    public var walSegmentsDropped: Int { state.withLock { $0.walSegmentsDropped } }

    /// The newest WAL checkpoint: its directory and the last segment it stands for.
    public var latestCheckpoint: (path: String, segment: Int)? { WALCheckpoint.latest(in: walDirectory) }

    /// The WAL segment being written.
    public var currentWALSegment: Int? { state.withLock { $0.wal?.segment } }

    /// Things worth telling the operator that did not stop the store (repaired WAL, skipped blocks).
    public var warnings: [String] { state.withLock { $0.warnings } }

    /// Commits that failed because the WAL could not be written (disk full).
    public var walFailures: Int { state.withLock { $0.walFailures } }

    /// Opens (creating if needed) the store in `directory`.
    public init(directory: String, options: StorageOptions = .init()) throws(TSDBError) {
        self.directory = directory
        self.options = options
        let database = try Database(directory: directory)
        let lock = options.readOnly ? nil : try DirectoryLock(directory: directory)
        head = Head(chunkRange: options.blockRange)
        var warnings = database.unreadableBlocks.map { "skipped unreadable block: \($0)" }
        if let newest = database.blocks.map(\.meta.maxTime).max() { head.setMinValidTime(newest) }
        warnings += try Self.replay(into: head, directory: directory + "/wal", repair: !options.readOnly)
        let wal = options.readOnly ? nil : try WALWriter(
            directory: directory + "/wal", compress: options.walCompression, segmentSize: options.walSegmentSize)
        state = Mutex(State(lock: lock, wal: wal, blocks: database.blocks, warnings: warnings))
    }

    /// A new batch; its commit writes the WAL, then the head.
    public func appender() -> BatchAppender {
        BatchAppender(
            admit: { [head] in head.admit($0, $1, pending: $2, timestamp: $3, value: $4) },
            pinLayout: { [head] in head.pinLayout() },
            commitBatch: { [self] batch, waiting throws(TSDBError) in
                guard !batch.isEmpty else { return CommitResult() }
                if !waiting, let result = try state.withLockIfAvailable({ state throws(TSDBError) in try commit(batch, &state) }) {
                    return result
                }
                // Held by another commit: a short wait. Held by compaction: a long one, for callers that may.
                if !waiting && compacting.load(ordering: .relaxed) { return nil }
                return try state.withLock { state throws(TSDBError) in try commit(batch, &state) }
            })
    }

    /// Writes the batch to the WAL, then the head; the caller holds the lock `state` is under.
    private func commit(_ batch: [PendingSample], _ state: inout State) throws(TSDBError) -> CommitResult {
        guard let wal = state.wal else { throw TSDBError.invalidArgument("the store is open read-only") }
        let newSeries = head.unloggedSeries(in: batch)
        var records: [[UInt8]] = []
        if !newSeries.isEmpty { records.append(WALRecord.series(newSeries).encode()) }
        records.append(WALRecord.samples(batch.map { ($0.reference.rawValue, $0.timestamp, $0.value) }).encode())
        do throws(TSDBError) {
            try wal.log(records)
            if options.syncEveryCommit { try wal.sync() }
        } catch {
            head.forgetLogged(newSeries.map(\.labels))
            state.walFailures += 1
            throw error
        }
        return head.commit(batch)
    }

    /// A querier over every block and the head, each select reading them as they are when it runs.
    public func querier() -> any Querier {
        StorageQuerier(storage: self)
    }

    /// The blocks, oldest first.
    public var blocks: [Block] { state.withLock { $0.blocks } }

    /// fsyncs and closes the WAL and releases the directory; the store must not be written afterwards.
    public func close() throws(TSDBError) {
        try state.withLock { state throws(TSDBError) in
            try state.wal?.close()
            state.wal = nil
            state.lock = nil
        }
    }

    // MARK: - WAL replay

    /// Replays the latest checkpoint and the segments after it; returns warnings.
    static func replay(into head: Head, directory: String, repair: Bool) throws(TSDBError) -> [String] {
        guard FileManager.default.fileExists(atPath: directory) else { return [] }
        var warnings: [String] = []
        var unknownReferences = 0
        let checkpoint = WALCheckpoint.latest(in: directory)
        func apply(_ bytes: UnsafeRawBufferPointer) throws {
            switch try WALRecord.decode(bytes) {
            case .series(let entries): for (reference, labels) in entries { head.restoreSeries(reference: reference, labels: labels) }
            case .samples(let entries): unknownReferences += head.restoreSamples(entries)
            case .tombstones(let entries): head.restoreDeletions(entries)
            case .other: break // other kinds are not ours
            }
        }
        do {
            if let checkpoint { try WALReader.read(directory: checkpoint.path, apply) }
            try WALReader.read(directory: directory, from: (checkpoint?.segment ?? -1) + 1, apply)
        } catch let corruption as WALReader.Corruption {
            warnings.append("WAL damaged: \(corruption)")
            if repair { warnings.append(try WALCheckpoint.repair(directory: directory, at: corruption)) }
        } catch let error as DecodeError {
            throw TSDBError.corrupt(path: directory, reason: "undecodable WAL record: \(error)")
        } catch let error as TSDBError {
            throw error
        } catch {
            throw TSDBError.io(path: directory, reason: "\(error)")
        }
        head.endReplay()
        if unknownReferences > 0 { warnings.append("WAL replay skipped \(unknownReferences) samples of unknown series") }
        return warnings
    }

    // MARK: - Compaction and retention

    /// Cuts head ranges into blocks, checkpoints the WAL, merges blocks and applies retention.
    /// Returns the blocks written.
    ///
    /// The store's lock is held only to publish a block and to cut the WAL segment: blocks and
    /// checkpoints are written while commits go on, since at a thousand members writing a range
    /// takes many seconds, and scrapes waiting that long would miss their next ticks.
    @discardableResult
    public func compact(now: Int64 = Timestamp.now()) throws(TSDBError) -> [BlockMeta] {
        try compaction.withLock { _ throws(TSDBError) -> [BlockMeta] in
            compacting.store(true, ordering: .relaxed)
            defer { compacting.store(false, ordering: .relaxed) }
            guard state.withLock({ $0.wal != nil }) else { return [] }
            var written: [BlockMeta] = []
            while let cut = sealOldestRange() {
                let block = try writeBlock(cut)
                if let block { written.append(block.meta) }
                guard let segment = try publish(cut, block: block) else { return written } // closed meanwhile
                let keepFrom = state.withLock { $0.walReaders.values.min() }
                let dropped = try WALCheckpoint.create(
                    directory: directory + "/wal", through: segment, head: head, minTime: cut.end,
                    keepFrom: keepFrom, retentionLimit: options.walRetentionLimit)
                if dropped > 0 {
                    state.withLock { state in
                        state.walSegmentsDropped += dropped
                        state.warnings.append("\(dropped) WAL segment(s) a remote-write queue had not sent were deleted: over the WAL retention limit of \(options.walRetentionLimit) bytes")
                    }
                }
            }
            var blocks = state.withLock { $0.blocks }
            written += try BlockCompactor(directory: directory, blockRange: options.blockRange).compact(&blocks)
            let notes = try Retention(options: options, directory: directory).apply(to: &blocks, now: now)
            state.withLock { state in
                state.blocks = blocks
                state.warnings += notes
            }
            return written
        }
    }

    /// A range of the head on its way into a block: sealed, so the head refuses samples older than
    /// its end, with the chunks it held then.
    struct HeadCut {
        /// Where the range ends (exclusive); its start is a block range before.
        let end: Int64
        /// The head's series with chunks in the range, as sealed.
        let series: [BlockWriter.Series]
    }

    /// Seals the head's oldest block range once the head spans one and a half ranges (as
    /// Prometheus does, keeping the newest half range in memory); `nil` while it does not.
    func sealOldestRange() -> HeadCut? {
        let range = options.blockRange
        guard let span = head.timeRange, span.maxTime - span.minTime > range / 2 * 3 else { return nil }
        let start = span.minTime - ((span.minTime % range) + range) % range
        return HeadCut(end: start + range, series: head.seal(before: start + range))
    }

    /// Writes the sealed range as a block, not yet visible to queries; `nil` when it held no chunks.
    func writeBlock(_ cut: HeadCut) throws(TSDBError) -> Block? {
        guard !cut.series.isEmpty else { return nil }
        let meta = try BlockWriter(directory: directory).write(cut.series)
        return try Block(directory: directory + "/" + meta.ulid)
    }

    /// Makes the block visible, then drops the range from the head, then starts a WAL segment;
    /// returns the last segment a checkpoint may now replace, or `nil` if the store was closed.
    /// A query between the two steps sees the range twice, which merging removes, never not at all.
    func publish(_ cut: HeadCut, block: Block?) throws(TSDBError) -> Int? {
        if let block { state.withLock { $0.blocks.append(block) } }
        head.truncate(before: cut.end)
        return try state.withLock { state throws(TSDBError) -> Int? in
            guard let wal = state.wal else { return nil }
            try wal.cutSegment()
            return wal.segment - 1
        }
    }
}

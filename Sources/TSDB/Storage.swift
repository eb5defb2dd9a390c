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
    /// Set while `compact()` runs (it holds `state` throughout), so a commit that must not wait knows.
    let compacting = Atomic<Bool>(false)

    struct State {
        var lock: DirectoryLock?
        var wal: WALWriter?
        var blocks: [Block]
        var warnings: [String]
        var walFailures = 0
    }

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

    /// A querier over every block and the head, as of now.
    public func querier() -> any Querier {
        let blocks = state.withLock { $0.blocks }
        return MergedQuerier(blocks.map { BlockQuerier(block: $0) } + [head.querier()])
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
            case .tombstones, .other: break // deletion is not supported yet; other kinds are not ours
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
    @discardableResult
    public func compact(now: Int64 = Timestamp.now()) throws(TSDBError) -> [BlockMeta] {
        compacting.store(true, ordering: .relaxed)
        defer { compacting.store(false, ordering: .relaxed) }
        return try state.withLock { state throws(TSDBError) -> [BlockMeta] in
            guard let wal = state.wal else { return [] }
            var written: [BlockMeta] = []
            let range = options.blockRange
            // Prometheus cuts when the head spans 1.5 block ranges, keeping the newest half range in memory.
            while let span = head.timeRange, span.maxTime - span.minTime > range / 2 * 3 {
                let start = span.minTime - ((span.minTime % range) + range) % range
                let end = start + range
                let series = head.chunks(before: end)
                if !series.isEmpty {
                    let meta = try BlockWriter(directory: directory).write(series)
                    written.append(meta)
                    state.blocks.append(try Block(directory: directory + "/" + meta.ulid))
                }
                head.truncate(before: end)
                try wal.cutSegment()
                try WALCheckpoint.create(directory: wal.directory, through: wal.segment - 1, head: head, minTime: end)
            }
            written += try BlockCompactor(directory: directory, blockRange: range).compact(&state.blocks)
            state.warnings += try Retention(options: options, directory: directory).apply(to: &state.blocks, now: now)
            return written
        }
    }
}

import CPlatform
import EtcdmonModel
import Synchronization

/// The in-memory part of the store: the newest samples of every series, compressed into XOR
/// chunks as they arrive (cut as Prometheus's head cuts them). Appenders write into it; queriers
/// read a consistent snapshot, so reads run concurrently with appends.
///
/// Each series has a reference, the ID the WAL knows it by; references replayed from a WAL are
/// kept, so old and new WAL segments always agree.
public final class Head: Sendable {
    /// Counters of what the head has taken and refused.
    public struct Statistics: Sendable, Equatable {
        /// Samples stored.
        public var samplesAppended = 0
        /// Series created.
        public var seriesCreated = 0
        /// Samples refused because the series had a later one.
        public var outOfOrderRejected = 0
        /// Samples refused for a different value at a stored timestamp.
        public var duplicateRejected = 0
        /// Samples refused as older than the newest block (already persisted).
        public var tooOldRejected = 0
    }

    struct Series {
        var labels: Labels
        var reference: UInt64
        var samples: ChunkedSeries
        /// Whether the WAL has this series' record.
        var logged: Bool
    }

    /// What `admit` decided about a sample.
    enum Admission {
        /// Later than anything stored or pending: goes into the batch.
        case accepted
        /// The very sample already stored or pending: accepted silently, not stored twice.
        case repeated
        /// Older than, or conflicting with, what the series holds.
        case refused(AppendError)
    }

    struct State {
        var byLabels: [Labels: Int] = [:]
        /// The head's postings index, as Prometheus's `MemPostings`: for each label name and value,
        /// the slots of the series carrying it, ascending (slots are handed out in order, so a new
        /// series appends). Selects find their series here instead of walking them all.
        var postings = HeadPostings()
        /// Series by WAL reference, only while the WAL is replayed (its sample records name series by
        /// reference); afterwards appends find series by the slot their `SeriesReference` carries, or
        /// by labels once a truncation moved them, so no map per series is kept.
        var replayReferences: [UInt64: Int] = [:]
        /// Series whose record the WAL does not hold yet: while there are none (the steady state of
        /// scraping), a commit need not look through its batch for them.
        var unlogged = 0
        var series: [Series] = []
        var nextReference: UInt64 = 1
        /// Changes whenever series move within `series`, invalidating the slots references carry.
        var generation = 0
        /// Open batches holding samples by reference, by the layout generation they pinned.
        var pins: [Int32: Int] = [:]
        /// Where each truncation since the oldest pinned generation moved series, by the generation
        /// it ended: lets a batch that straddled a truncation find its series without their labels.
        var relocations: [Int32: Relocation] = [:]
        /// Samples before this time belong to blocks already written.
        var minValidTime: Int64 = .min
        var statistics = Statistics()

        /// Sets whether the WAL holds series `index`'s record, keeping `unlogged` in step.
        mutating func setLogged(_ index: Int, _ logged: Bool) {
            guard series[index].logged != logged else { return }
            series[index].logged = logged
            unlogged += logged ? -1 : 1
        }
    }

    /// How one truncation moved series: each old slot's new slot, or (negative, `-1 - i`) the
    /// series it dropped, kept as `dropped[i]` so a pending sample can recreate it.
    struct Relocation {
        var slots: [Int32]
        var dropped: [(reference: UInt64, labels: Labels)]
    }

    /// Held by a batch that appends by reference, from its first such append to its commit or
    /// rollback: while any batch pins a layout generation, truncations record how they move series,
    /// so the batch's references stay resolvable without the labels. Released when dropped, so a
    /// batch that is never committed cannot hold the records forever.
    final class LayoutPin: Sendable {
        /// The layout the batch's references are checked against (`SeriesReference.generation`).
        let generation: Int32
        private let head: Head

        fileprivate init(head: Head, generation: Int32) {
            self.head = head
            self.generation = generation
        }

        deinit { head.unpin(generation) }
    }

    /// Width of the aligned ranges chunks stay within (the block range, 2 h by default).
    public let chunkRange: Int64
    let state = Mutex(State())

    /// An empty head.
    public init(chunkRange: Int64 = 2 * 3_600_000) {
        self.chunkRange = chunkRange
    }

    /// A new batch, committed to memory only (the `Storage` adds the WAL).
    public func appender() -> BatchAppender {
        BatchAppender(
            admit: { [self] in admit($0, $1, pending: $2, timestamp: $3, value: $4) },
            pinLayout: { [self] in pinLayout() },
            commitBatch: { [self] batch, _ throws(TSDBError) in commit(batch) })
    }

    /// Pins the current layout generation for a batch (see `LayoutPin`).
    func pinLayout() -> LayoutPin {
        let generation = state.withLock { state in
            let generation = Int32(truncatingIfNeeded: state.generation)
            state.pins[generation, default: 0] += 1
            return generation
        }
        return LayoutPin(head: self, generation: generation)
    }

    private func unpin(_ generation: Int32) {
        state.withLock { state in
            state.pins[generation, default: 1] -= 1
            if state.pins[generation] == 0 { state.pins[generation] = nil }
            // Relocations from before the oldest pinned generation can no longer be asked for.
            guard !state.relocations.isEmpty else { return }
            let oldest = state.pins.keys.min() ?? .max
            state.relocations = state.relocations.filter { $0.key >= oldest }
        }
    }

    /// A querier over the samples committed when each of its selects runs.
    public func querier() -> HeadQuerier {
        HeadQuerier(head: self)
    }

    /// What the head has taken and refused so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Bytes of encoded chunk data held (for memory accounting).
    public var chunkBytes: Int {
        state.withLock { state in
            var total = 0
            for series in state.series { series.samples.forEachChunk { total += $0.bytes.count } }
            return total
        }
    }

    /// Number of series in the head.
    public var seriesCount: Int { state.withLock { $0.series.count } }

    /// The label sets of every series in the head, and its number of chunks.
    public func seriesLabels() -> (labels: [Labels], chunks: Int) {
        state.withLock { state in
            (state.series.map(\.labels), state.series.reduce(0) { $0 + $1.samples.chunkCount })
        }
    }

    /// The earliest and latest sample time in the head, or `nil` when it holds none.
    public var timeRange: (minTime: Int64, maxTime: Int64)? {
        state.withLock { state in
            var range: (Int64, Int64)?
            for series in state.series {
                guard let first = series.samples.firstChunk, first.count > 0, let last = series.samples.openChunk else { continue }
                range = (min(range?.0 ?? .max, first.minTime), max(range?.1 ?? .min, last.maxTime))
            }
            return range
        }
    }

    /// Finds the series — by `reference` while the head holds it, else by `labels`, created when new, as
    /// Prometheus's appender does (one left empty by a rollback goes at the next truncation) — and decides
    /// whether the sample may follow the latest one stored or `pending` in the caller's batch, counting refusals.
    func admit(
        _ reference: SeriesReference?, _ labels: Labels, pending: (timestamp: Int64, value: Double)?, timestamp: Int64, value: Double
    ) -> (SeriesReference, Admission) {
        state.withLock { state in
            let index = Self.index(of: reference, labels, in: &state, chunkRange: chunkRange)
            let resolved = SeriesReference(rawValue: state.series[index].reference, slot: Int32(truncatingIfNeeded: index),
                                           generation: Int32(truncatingIfNeeded: state.generation))
            let latest = pending ?? state.series[index].samples.latestSample
            switch ChunkedSeries.SampleOrder(timestamp: timestamp, value: value, after: latest) {
            case .later:
                return (resolved, .accepted)
            case .repeated:
                return (resolved, .repeated)
            case .conflicting:
                state.statistics.duplicateRejected += 1
                return (resolved, .refused(.duplicateTimestamp(series: labels, timestamp: timestamp)))
            case .earlier:
                state.statistics.outOfOrderRejected += 1
                return (resolved, .refused(.outOfOrder(series: labels, timestamp: timestamp, latest: latest?.timestamp ?? .min)))
            }
        }
    }

    /// The series of `batch` the WAL does not know yet.
    func unloggedSeries(in batch: [PendingSample]) -> [(reference: UInt64, labels: Labels)] {
        state.withLock { state in
            var result: [(UInt64, Labels)] = []
            guard state.unlogged > 0 else { return result }
            for position in batch.indices {
                let index = Self.index(of: batch, at: position, in: &state, chunkRange: chunkRange)
                if !state.series[index].logged {
                    state.setLogged(index, true) // tentatively; `forgetLogged` undoes it on failure
                    result.append((state.series[index].reference, state.series[index].labels))
                }
            }
            return result
        }
    }

    /// Marks series as not yet in the WAL (their record could not be written).
    func forgetLogged(_ series: [Labels]) {
        state.withLock { state in
            for labels in series { if let index = state.byLabels[labels] { state.setLogged(index, false) } }
        }
    }

    /// The series `reference` names, found without hashing labels; when a truncation moved it since,
    /// the series of `labels` (recreated under the same reference if the truncation dropped it).
    /// `labels` is read only then, so a caller need not retain it on the common path.
    private static func index(
        of reference: SeriesReference?, _ labels: @autoclosure () -> Labels, in state: inout State, chunkRange: Int64
    ) -> Int {
        if let reference, let slot = slot(of: reference, in: state) { return slot }
        return index(of: labels(), in: &state, chunkRange: chunkRange, reference: reference?.rawValue)
    }

    /// The series of the batch sample at `position`: by its labels when it has them, else by its
    /// reference, followed through the truncations since its layout (the reference alone names it
    /// then). Fields are read in place: copying a sample out would retain and release its labels.
    private static func index(of batch: [PendingSample], at position: Int, in state: inout State, chunkRange: Int64) -> Int {
        guard batch[position].labels == nil else {
            return index(of: batch[position].reference, batch[position].labels!, in: &state, chunkRange: chunkRange)
        }
        let reference = batch[position].reference
        var generation = reference.generation
        var current = reference.slot
        while generation != Int32(truncatingIfNeeded: state.generation), let relocation = state.relocations[generation] {
            let moved = relocation.slots[Int(current)]
            if moved < 0 {
                let dropped = relocation.dropped[Int(-1 - moved)]
                return index(of: dropped.labels, in: &state, chunkRange: chunkRange, reference: dropped.reference)
            }
            current = moved
            generation &+= 1
        }
        // The batch's pin kept every relocation since its layout, so the reference is current now.
        guard let index = slot(of: SeriesReference(rawValue: reference.rawValue, slot: current, generation: generation), in: state) else {
            preconditionFailure("series \(reference.rawValue) of a pinned layout is not where its relocations lead")
        }
        return index
    }

    /// Where the series `reference` names sits, if the head's layout has not changed since it was handed out.
    private static func slot(of reference: SeriesReference, in state: State) -> Int? {
        let slot = Int(reference.slot)
        guard reference.generation == Int32(truncatingIfNeeded: state.generation), slot >= 0, slot < state.series.count,
              state.series[slot].reference == reference.rawValue else { return nil }
        return slot
    }

    private static func index(of labels: Labels, in state: inout State, chunkRange: Int64, reference: UInt64?) -> Int {
        if let known = state.byLabels[labels] { return known }
        let reference = reference ?? state.nextReference
        state.nextReference = max(state.nextReference, reference + 1)
        let index = state.series.count
        state.series.append(Series(labels: labels, reference: reference, samples: ChunkedSeries(chunkRange: chunkRange), logged: false))
        state.unlogged += 1
        state.byLabels[labels] = index
        state.postings.add(labels, slot: UInt32(index))
        state.statistics.seriesCreated += 1
        return index
    }

    /// Stores a batch under the lock, re-checking order against what other batches committed.
    func commit(_ batch: [PendingSample]) -> CommitResult {
        state.withLock { state in
            var result = CommitResult()
            for position in batch.indices {
                let index = Self.index(of: batch, at: position, in: &state, chunkRange: chunkRange)
                // Series are created when first appended to; a batch "creates" those it gives a first sample.
                Self.append(batch[position].timestamp, batch[position].value, to: index, in: &state, result: &result)
            }
            return result
        }
    }

    private static func append(_ timestamp: Int64, _ value: Double, to index: Int, in state: inout State, result: inout CommitResult) {
        if timestamp < state.minValidTime {
            state.statistics.tooOldRejected += 1
            result.outOfOrder += 1
            return
        }
        // One in-place access to the series: reading its latest sample first, apart from the append,
        // kept a second reference to the open chunk's bytes through it, which copied them each time.
        let (order, first) = state.series[index].samples.appendIfLater(timestamp: timestamp, value: value)
        switch order {
        case .later:
            result.appended += 1
            if first { result.seriesCreated += 1 }
            state.statistics.samplesAppended += 1
        case .repeated:
            break
        case .conflicting:
            result.duplicates += 1
            state.statistics.duplicateRejected += 1
        case .earlier:
            result.outOfOrder += 1
            state.statistics.outOfOrderRejected += 1
        }
    }

    // MARK: - Replay and truncation (used by `Storage`)

    /// Recreates a series from a WAL series record, keeping its reference.
    func restoreSeries(reference: UInt64, labels: Labels) {
        state.withLock { state in
            let index = Self.index(of: labels, in: &state, chunkRange: chunkRange, reference: reference)
            state.setLogged(index, true)
            state.replayReferences[reference] = index
        }
    }

    /// Re-applies WAL samples; returns how many named an unknown series.
    func restoreSamples(_ samples: [(reference: UInt64, timestamp: Int64, value: Double)]) -> Int {
        state.withLock { state in
            var unknown = 0
            var result = CommitResult()
            for sample in samples {
                guard let index = state.replayReferences[sample.reference] else {
                    unknown += 1
                    continue
                }
                Self.append(sample.timestamp, sample.value, to: index, in: &state, result: &result)
            }
            return unknown
        }
    }

    /// Ends WAL replay: frees the reference map it needed.
    func endReplay() {
        state.withLock { $0.replayReferences = [:] }
    }

    /// Sets the time before which samples are refused (the end of the newest block).
    func setMinValidTime(_ time: Int64) {
        state.withLock { $0.minValidTime = max($0.minValidTime, time) }
    }

    /// Refuses samples older than `end` from now on and returns the series with their chunks that
    /// lie entirely before it: a range sealed for writing as a block while appends go on.
    func seal(before end: Int64) -> [BlockWriter.Series] {
        state.withLock { state in
            state.minValidTime = max(state.minValidTime, end)
            // One array per series sealed, none for the rest: this holds the head's lock.
            return state.series.compactMap { series in
                guard let first = series.samples.firstChunk, first.maxTime < end else { return nil }
                var chunks: [XORChunk] = []
                series.samples.forEachChunk { chunk in
                    if chunk.count > 0 && chunk.maxTime < end { chunks.append(chunk) }
                }
                return chunks.isEmpty ? nil : BlockWriter.Series(labels: series.labels, chunks: chunks)
            }
        }
    }

    /// Drops chunks before `end` (now in a block) and series left empty; refuses older samples from now on.
    func truncate(before end: Int64) {
        state.withLock { state in
            state.minValidTime = max(state.minValidTime, end)
            state.replayReferences = [:]
            // In place: a copy of each series would share its chunk list, and dropping chunks would copy it.
            var emptied = 0
            for index in state.series.indices {
                state.series[index].samples.dropChunks(before: end)
                if state.series[index].samples.isEmpty { emptied += 1 }
            }
            // Slots move only when series go. Usually none do (a cluster keeps its series), and then the
            // layout stands: no index to rebuild (seconds at a million series) and no reference goes stale.
            guard emptied > 0 else { return }
            var kept: [Series] = []
            kept.reserveCapacity(state.series.count - emptied)
            // Only while a batch holds references of an older layout is the move worth recording.
            var relocation = state.pins.isEmpty ? nil : Relocation(slots: [], dropped: [])
            relocation?.slots.reserveCapacity(state.series.count)
            for series in state.series {
                if !series.samples.isEmpty {
                    relocation?.slots.append(Int32(truncatingIfNeeded: kept.count))
                    kept.append(series)
                } else if let droppedCount = relocation?.dropped.count {
                    relocation?.slots.append(Int32(truncatingIfNeeded: -1 - droppedCount))
                    relocation?.dropped.append((series.reference, series.labels))
                }
            }
            state.relocations[Int32(truncatingIfNeeded: state.generation)] = relocation
            state.series = kept
            state.generation += 1
            state.byLabels = [:]
            state.postings = HeadPostings()
            for (index, series) in kept.enumerated() {
                state.byLabels[series.labels] = index
                state.postings.add(series.labels, slot: UInt32(index))
            }
            state.unlogged = kept.count { !$0.logged }
        }
    }

    /// The heap bytes the postings index takes beyond the series themselves, measured by building a
    /// copy of it and reading the heap's size before and after (glibc's `mallinfo2`); `nil` where
    /// the C library cannot tell. Exact only while no other thread allocates: for `etcdmon tsdb
    /// stats`, not for a running server.
    package func measurePostingsBytes() -> Int? {
        let labels = state.withLock { $0.series.map(\.labels) }
        let before = etcdmon_heap_bytes_in_use()
        guard before >= 0 else { return nil }
        var copy = HeadPostings()
        for (slot, labels) in labels.enumerated() { copy.add(labels, slot: UInt32(slot)) }
        let bytes = Int(etcdmon_heap_bytes_in_use() - before)
        withExtendedLifetime(copy) {}
        return bytes
    }

    /// What a WAL checkpoint keeps: every series still in the head, with its WAL reference and its
    /// chunks as of now (values: later appends do not change them).
    func liveSeries() -> [(reference: UInt64, labels: Labels, samples: ChunkedSeries)] {
        state.withLock { state in state.series.map { ($0.reference, $0.labels, $0.samples) } }
    }
}

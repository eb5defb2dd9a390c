import EtcdmonModel
import Synchronization

/// The in-memory part of the store: the newest samples of every series, compressed into XOR
/// chunks as they arrive (cut as Prometheus's head cuts them). Appenders write into it; queriers
/// read a consistent snapshot, so reads run concurrently with appends.
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
    }

    struct State {
        var seriesIndex: [Labels: Int] = [:]
        var series: [Labels] = []
        var samples: [ChunkedSeries] = []
        var statistics = Statistics()
    }

    /// Width of the aligned ranges chunks stay within (the block range, 2 h by default).
    public let chunkRange: Int64
    let state = Mutex(State())

    /// An empty head.
    public init(chunkRange: Int64 = 2 * 3_600_000) {
        self.chunkRange = chunkRange
    }

    /// A new batch.
    public func appender() -> HeadAppender {
        HeadAppender(head: self)
    }

    /// A querier over the samples committed so far.
    public func querier() -> HeadQuerier {
        HeadQuerier(snapshot: state.withLock { ($0.series, $0.samples) })
    }

    /// What the head has taken and refused so far.
    public var statistics: Statistics { state.withLock { $0.statistics } }

    /// Number of series in the head.
    public var seriesCount: Int { state.withLock { $0.series.count } }

    /// The latest committed timestamp of `labels`, if the series exists.
    func latestTimestamp(of labels: Labels) -> (timestamp: Int64, value: Double)? {
        state.withLock { state in
            guard let index = state.seriesIndex[labels], let chunk = state.samples[index].chunks.last, chunk.count > 0 else {
                return nil
            }
            return (chunk.maxTime, chunk.lastValue)
        }
    }

    /// Stores a batch under the lock, re-checking order against what other batches committed.
    func commit(_ batch: [(labels: Labels, timestamp: Int64, value: Double)]) -> CommitResult {
        state.withLock { state in
            var result = CommitResult()
            for sample in batch {
                let index: Int
                if let known = state.seriesIndex[sample.labels] {
                    index = known
                } else {
                    index = state.series.count
                    state.seriesIndex[sample.labels] = index
                    state.series.append(sample.labels)
                    state.samples.append(ChunkedSeries(chunkRange: chunkRange))
                    result.seriesCreated += 1
                }
                if let last = state.samples[index].chunks.last, last.count > 0, sample.timestamp <= last.maxTime {
                    if sample.timestamp == last.maxTime {
                        // The same sample again is accepted silently, as Prometheus does.
                        if last.lastValue.bitPattern != sample.value.bitPattern { result.duplicates += 1 }
                    } else {
                        result.outOfOrder += 1
                    }
                    continue
                }
                state.samples[index].append(timestamp: sample.timestamp, value: sample.value)
                result.appended += 1
            }
            state.statistics.samplesAppended += result.appended
            state.statistics.seriesCreated += result.seriesCreated
            state.statistics.outOfOrderRejected += result.outOfOrder
            state.statistics.duplicateRejected += result.duplicates
            return result
        }
    }

    /// Counts samples an appender refused before commit.
    func countRejected(_ error: AppendError) {
        state.withLock { state in
            switch error {
            case .outOfOrder: state.statistics.outOfOrderRejected += 1
            case .duplicateTimestamp: state.statistics.duplicateRejected += 1
            }
        }
    }
}

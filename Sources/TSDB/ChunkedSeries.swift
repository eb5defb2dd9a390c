/// The samples of one series as a list of XOR chunks, cut where Prometheus's head cuts them, so
/// that blocks etcdmon writes hold the same chunks Prometheus would write for the same samples.
///
/// A chunk is cut at the end of its chunk range (`chunkRange`-aligned), and once a chunk holds a
/// quarter of its target (30 samples) the end is re-estimated so the remaining samples of the
/// range spread evenly over chunks of about 120 samples.
public struct ChunkedSeries: Sendable {
    /// Width of the aligned ranges chunks may not cross (the head's chunk range).
    public let chunkRange: Int64
    /// The chunks, in time order; the last one is open for appends.
    public private(set) var chunks: [XORChunk] = []
    private var nextCut: Int64 = .min

    /// An empty series whose chunks stay within `chunkRange`-aligned ranges.
    public init(chunkRange: Int64) {
        self.chunkRange = chunkRange
    }

    /// The last sample's timestamp, or `nil` when empty.
    public var lastTimestamp: Int64? { chunks.last?.maxTime }

    /// Appends a sample later than the last one.
    public mutating func append(timestamp: Int64, value: Double) {
        if let open = chunks.last {
            if open.count == XORChunk.targetSamples / 4 {
                nextCut = Self.estimatedEnd(start: open.minTime, current: open.maxTime, limit: nextCut)
            }
            if timestamp >= nextCut { cut(at: timestamp) }
        } else {
            cut(at: timestamp)
        }
        chunks[chunks.count - 1].append(timestamp: timestamp, value: value)
    }

    /// Drops the chunks that end before `time` (they were written to a block).
    public mutating func dropChunks(before time: Int64) {
        chunks.removeAll { $0.maxTime < time }
        if chunks.isEmpty { nextCut = .min }
    }

    private mutating func cut(at timestamp: Int64) {
        chunks.append(XORChunk())
        nextCut = Self.rangeEnd(after: timestamp, width: chunkRange)
    }

    /// The end of the aligned range holding `timestamp` (Go's truncating division, as Prometheus).
    static func rangeEnd(after timestamp: Int64, width: Int64) -> Int64 {
        (timestamp / width) * width + width
    }

    /// Where to end a chunk so the rest of the range splits into equal chunks at the current rate.
    static func estimatedEnd(start: Int64, current: Int64, limit: Int64) -> Int64 {
        let chunksLeft = (limit - start) / ((current - start + 1) * 4)
        return chunksLeft <= 1 ? limit : start + (limit - start) / chunksLeft
    }
}

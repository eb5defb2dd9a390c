/// The samples of one series as a list of XOR chunks, cut where Prometheus's head cuts them, so
/// that blocks etcdmon writes hold the same chunks Prometheus would write for the same samples.
///
/// A chunk is cut at the end of its chunk range (`chunkRange`-aligned), and once a chunk holds a
/// quarter of its target (30 samples) the end is re-estimated so the remaining samples of the
/// range spread evenly over chunks of about 120 samples.
public struct ChunkedSeries: Sendable {
    /// Width of the aligned ranges chunks may not cross (the head's chunk range).
    public let chunkRange: Int64
    /// The chunks before the open one, in time order (none, for most of a head's life: no array
    /// is allocated until the first cut).
    private var closed: [XORChunk] = []
    /// The chunk appends go to, held inline rather than as the last element of an array: that
    /// array was an allocation per series for its whole life.
    public private(set) var openChunk: XORChunk?
    private var nextCut: Int64 = .min

    /// An empty series whose chunks stay within `chunkRange`-aligned ranges.
    public init(chunkRange: Int64) {
        self.chunkRange = chunkRange
    }

    /// The chunks, in time order; the last one is open for appends.
    public var chunks: [XORChunk] {
        guard let openChunk else { return closed }
        return closed + [openChunk]
    }

    /// The first chunk, or `nil` when empty.
    public var firstChunk: XORChunk? { closed.first ?? openChunk }

    /// Whether the series holds no chunk.
    public var isEmpty: Bool { openChunk == nil }

    /// How many chunks the series holds.
    public var chunkCount: Int { closed.count + (openChunk == nil ? 0 : 1) }

    /// Calls `body` with each chunk in time order, without building an array of them.
    public func forEachChunk(_ body: (XORChunk) throws -> Void) rethrows {
        for chunk in closed { try body(chunk) }
        if let openChunk { try body(openChunk) }
    }

    /// Appends the samples from `minTime` through `maxTime` to `result`, decoding chunk by chunk in
    /// place (the `chunks` array would be built for every series read).
    func appendSamples(to result: inout StoredSeries, minTime: Int64, maxTime: Int64) throws(TSDBError) {
        var decoded: DecodeError?
        forEachChunk { chunk in
            guard decoded == nil, chunk.count > 0, chunk.minTime <= maxTime, chunk.maxTime >= minTime else { return }
            decoded = chunk.bytes.withUnsafeBytes { buffer in
                do throws(DecodeError) {
                    try result.appendSamples(ofChunk: buffer, minTime: minTime, maxTime: maxTime)
                    return nil
                } catch {
                    return error
                }
            }
        }
        // The head wrote these bytes itself: failing to decode them is a bug, reported as such.
        if let decoded { throw TSDBError.corrupt(path: "head", reason: "chunk of \(result.labels): \(decoded)") }
    }

    /// The last sample, or `nil` when empty. (Read in place: binding the open chunk to a constant
    /// would copy it, retaining its bytes, on every append.)
    public var latestSample: (timestamp: Int64, value: Double)? {
        guard let count = openChunk?.count, count > 0 else { return nil }
        return (openChunk!.maxTime, openChunk!.lastValue)
    }

    /// Where a sample falls against a series' latest one: the one rule both the head's admission of
    /// a sample and its commit apply.
    public enum SampleOrder: Equatable, Sendable {
        /// Later than the latest sample, or the series has none: may be stored.
        case later
        /// The latest sample again: accepted, nothing to store (as Prometheus does).
        case repeated
        /// A different value at the latest sample's timestamp: refused.
        case conflicting
        /// Earlier than the latest sample: refused.
        case earlier

        /// The order of the sample at `timestamp` with `value` after `latest`.
        public init(timestamp: Int64, value: Double, after latest: (timestamp: Int64, value: Double)?) {
            guard let latest, timestamp <= latest.timestamp else {
                self = .later
                return
            }
            if timestamp < latest.timestamp {
                self = .earlier
            } else {
                self = latest.value.bitPattern == value.bitPattern ? .repeated : .conflicting
            }
        }
    }

    /// Appends the sample if it is later than the latest one; returns its order, and whether the
    /// series was empty before (checked and appended in one access, so the open chunk is not copied).
    public mutating func appendIfLater(timestamp: Int64, value: Double) -> (order: SampleOrder, first: Bool) {
        let latest = latestSample
        let order = SampleOrder(timestamp: timestamp, value: value, after: latest)
        if order == .later { append(timestamp: timestamp, value: value) }
        return (order, latest == nil)
    }

    /// Appends a sample later than the last one.
    public mutating func append(timestamp: Int64, value: Double) {
        // The open chunk is read in place: bound to a constant, its copy would hold a second
        // reference to the chunk's bytes through the append, which then copied them every time.
        if let count = openChunk?.count {
            if count == XORChunk.targetSamples / 4 {
                nextCut = Self.estimatedEnd(start: openChunk!.minTime, current: openChunk!.maxTime, limit: nextCut)
            }
            if timestamp >= nextCut { cut(at: timestamp) }
        } else {
            cut(at: timestamp)
        }
        openChunk!.append(timestamp: timestamp, value: value)
    }

    /// Drops the chunks that end before `time` (they were written to a block).
    public mutating func dropChunks(before time: Int64) {
        closed.removeAll { $0.maxTime < time }
        // The open chunk is the newest: when it goes, every chunk has gone.
        if let openChunk, openChunk.maxTime < time {
            self.openChunk = nil
            nextCut = .min
        }
    }

    private mutating func cut(at timestamp: Int64) {
        if var full = openChunk {
            full.shrinkToFit()
            closed.append(full)
        }
        openChunk = XORChunk()
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

/// Where a chunk lives and which time range it covers, as a block's index records it.
public struct ChunkMeta: Sendable, Equatable {
    /// `segment index << 32 | byte offset` in the block's `chunks/` files (segment 0 is `000001`).
    public var reference: UInt64
    /// Timestamp of the chunk's first sample.
    public var minTime: Int64
    /// Timestamp of the chunk's last sample (inclusive).
    public var maxTime: Int64

    /// Creates a chunk reference.
    public init(reference: UInt64, minTime: Int64, maxTime: Int64) {
        self.reference = reference
        self.minTime = minTime
        self.maxTime = maxTime
    }

    /// Whether the chunk may hold samples in `[mint, maxt]`.
    public func overlaps(minTime mint: Int64, maxTime maxt: Int64) -> Bool {
        minTime <= maxt && mint <= maxTime
    }
}

/// A block's `meta.json`, field for field as Prometheus writes it.
public struct BlockMeta: Codable, Sendable, Equatable {
    /// Counts of what the block holds.
    public struct Stats: Codable, Sendable, Equatable {
        public var numSamples: UInt64
        public var numSeries: UInt64
        public var numChunks: UInt64
        public var numTombstones: UInt64?

        public init(numSamples: UInt64, numSeries: UInt64, numChunks: UInt64) {
            self.numSamples = numSamples
            self.numSeries = numSeries
            self.numChunks = numChunks
        }
    }

    /// Which blocks this one was compacted from.
    public struct Compaction: Codable, Sendable, Equatable {
        /// 1 for a block cut from the head, +1 per compaction.
        public var level: Int
        /// The level-1 blocks whose data this block holds.
        public var sources: [String]
        /// The direct parents, for compacted blocks.
        public var parents: [Parent]?
        /// Set by Prometheus when a compaction failed.
        public var failed: Bool?
        /// Set by Prometheus when the block is marked for deletion.
        public var deletable: Bool?

        public init(level: Int, sources: [String], parents: [Parent]? = nil) {
            self.level = level
            self.sources = sources
            self.parents = parents
        }
    }

    /// A parent block of a compacted block.
    public struct Parent: Codable, Sendable, Equatable {
        public var ulid: String
        public var minTime: Int64
        public var maxTime: Int64
    }

    /// The block's ID and directory name.
    public var ulid: String
    /// The first sample's timestamp (inclusive).
    public var minTime: Int64
    /// One past the last sample's timestamp (exclusive).
    public var maxTime: Int64
    /// Counts.
    public var stats: Stats
    /// Compaction history.
    public var compaction: Compaction
    /// Always 1.
    public var version: Int

    public init(ulid: String, minTime: Int64, maxTime: Int64, stats: Stats, compaction: Compaction, version: Int = 1) {
        self.ulid = ulid
        self.minTime = minTime
        self.maxTime = maxTime
        self.stats = stats
        self.compaction = compaction
        self.version = version
    }
}

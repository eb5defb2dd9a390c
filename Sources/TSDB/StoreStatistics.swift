import EtcdmonModel

/// What `etcdmon tsdb stats` reports, like `promtool tsdb analyze`: totals, blocks, and where
/// the series come from (top metric names and label pairs by series count).
public struct StoreStatistics: Sendable {
    /// One block's line.
    public struct BlockSummary: Sendable {
        public var meta: BlockMeta
        public var bytes: Int64
    }

    /// Distinct series across all blocks and the head.
    public var series = 0
    /// Series in the head (replayed from the WAL).
    public var headSeries = 0
    /// Samples in the head.
    public var headSamples = 0
    /// Samples across all blocks (the head's are in `headSamples`).
    public var samples: UInt64 = 0
    /// Chunks across all blocks.
    public var chunks: UInt64 = 0
    /// Bytes of all blocks on disk.
    public var bytes: Int64 = 0
    /// The blocks, oldest first.
    public var blocks: [BlockSummary] = []
    /// Metric names with the most series, most first.
    public var topMetricNames: [(name: String, series: Int)] = []
    /// Label pairs in the most series, most first.
    public var topLabelPairs: [(pair: String, series: Int)] = []
    /// Label names with the most distinct values, most first.
    public var topLabelNamesByValues: [(name: String, values: Int)] = []

    /// Computes the statistics of `storage`, listing `top` entries in each ranking.
    public init(_ storage: Storage, top: Int = 10) throws(TSDBError) {
        var seen = Set<Labels>()
        var metricNames: [String: Int] = [:]
        var pairs: [String: Int] = [:]
        var valuesPerName: [String: Set<String>] = [:]
        func count(_ labels: Labels) {
            guard seen.insert(labels).inserted else { return }
            metricNames[labels.name, default: 0] += 1
            for label in labels {
                pairs["\(label.name)=\(label.value)", default: 0] += 1
                valuesPerName[label.name, default: []].insert(label.value)
            }
        }
        for block in storage.blocks {
            let bytes = Database.directorySize(block.directory)
            blocks.append(BlockSummary(meta: block.meta, bytes: bytes))
            samples += block.meta.stats.numSamples
            chunks += block.meta.stats.numChunks
            self.bytes += bytes
            for id in try block.index.allPostings() { count(try block.index.series(id).labels) }
        }
        for series in try storage.head.querier().select([], minTime: .min, maxTime: .max) {
            headSeries += 1
            headSamples += series.timestamps.count
            count(series.labels)
        }
        series = seen.count
        func ranked<Key: Comparable>(_ counts: [Key: Int]) -> [(Key, Int)] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top).map { ($0.key, $0.value) }
        }
        topMetricNames = ranked(metricNames).map { (name: $0.0, series: $0.1) }
        topLabelPairs = ranked(pairs).map { (pair: $0.0, series: $0.1) }
        topLabelNamesByValues = ranked(valuesPerName.mapValues(\.count)).map { (name: $0.0, values: $0.1) }
    }
}

import TSDB

/// What a backfill did: counts, time span, blocks written, what it skipped and why.
public struct BackfillSummary: Sendable {
    /// Samples written.
    public var samples = 0
    /// Distinct series written.
    public var series = 0
    /// The first sample's timestamp (ms), if any.
    public var minTime: Int64?
    /// The last sample's timestamp (ms), if any.
    public var maxTime: Int64?
    /// The blocks written.
    public var blocks: [BlockMeta] = []
    /// Bytes of the written blocks on disk.
    public var bytesOnDisk: Int64 = 0
    /// Skipped samples or lines by reason.
    public var skipped: [String: Int] = [:]
    /// The first problems, each with its line number.
    public var problems: [String] = []

    /// An empty summary.
    public init() {}

    /// Skipped samples and lines in all.
    public var skippedTotal: Int { skipped.values.reduce(0, +) }
}

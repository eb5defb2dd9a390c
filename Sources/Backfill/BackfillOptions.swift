/// How `OpenMetricsBackfill` cuts and validates.
public struct BackfillOptions: Sendable {
    /// Width of each block in milliseconds; blocks are aligned to multiples of it (Prometheus's
    /// default for backfill: 2 h).
    public var blockDuration: Int64
    /// Stop at the first malformed line or rejected sample instead of reporting it and going on.
    public var strict: Bool
    /// How many individual problems the summary lists (all are counted).
    public var reportedProblemLimit: Int

    /// Creates options.
    public init(blockDuration: Int64 = 2 * 3_600_000, strict: Bool = false, reportedProblemLimit: Int = 20) {
        self.blockDuration = blockDuration
        self.strict = strict
        self.reportedProblemLimit = reportedProblemLimit
    }

    /// Options for a largest block width of `maximum`, rounded down as promtool rounds it to one of
    /// Prometheus's compaction ranges (2 h × 3ⁿ: 2 h, 6 h, 18 h, 54 h, …), so that the blocks line
    /// up with the ones compaction would make (and match promtool's byte for byte).
    public init(maxBlockDuration maximum: Int64, strict: Bool = false) {
        let base: Int64 = 2 * 3_600_000
        var duration = base
        var next = base
        for _ in 0..<9 {
            next *= 3
            if next > maximum { break }
            duration = next
        }
        self.init(blockDuration: duration, strict: strict)
    }
}

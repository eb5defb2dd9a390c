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
}

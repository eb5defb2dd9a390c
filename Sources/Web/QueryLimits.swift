/// Bounds on what one query may cost, named after Prometheus's `--query.*` flags.
public struct QueryLimits: Sendable {
    /// `--query.timeout`: a query running longer is answered with a timeout error.
    public var timeout: Duration = .seconds(120)
    /// `--query.max-samples`: samples a query may load into memory.
    public var maxSamples = 50_000_000
    /// `--query.max-concurrency`: queries evaluated at once; more wait.
    public var maxConcurrency = 20
    /// `--query.lookback-delta`.
    public var lookbackDelta: Int64 = 5 * 60_000
    /// The step of a subquery that gives none (`[20m:]`): `global.evaluation_interval`, as in
    /// Prometheus; shared with `serve`'s reload, which changes it with the configuration.
    public var defaultSubqueryStep = SubqueryStep(60_000)
    /// Points per series a range query may return.
    public var maxPointsPerSeries: Int64 = 11_000
    /// How long a query may run on the thread that received it before it is moved to the query
    /// thread pool (see `QueryPlacement`).
    public var inPlaceSlice: Duration = .milliseconds(5)

    public init() {}
}

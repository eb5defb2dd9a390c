import ClusterProbe

/// One etcd cluster as its monitor last saw it: the probe round's reports and diagnosis (findings
/// with advice), for the API and the dashboard.
public struct ClusterSnapshot: Sendable {
    /// The cluster's name (the `cluster` label of its series).
    public var name: String
    /// The job its members are scraped under.
    public var job: String
    /// When the round ended (milliseconds since the epoch), nil before the first round.
    public var checkedAt: Int64?
    /// The round's result, nil before the first round.
    public var check: ClusterCheck?
    /// The round as `etcdmon check --output json` prints it (compact), encoded once when the round
    /// ends rather than for every reader.
    public var reportJSON: [UInt8]?
}

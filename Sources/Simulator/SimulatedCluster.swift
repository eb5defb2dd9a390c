/// One simulated etcd cluster: its ID and members. The first member is the leader.
public struct SimulatedCluster: Sendable {
    /// Position of the cluster in the fleet; its name is `c<index>`.
    public var index: Int
    /// The cluster ID in the gateway's response headers.
    public var id: UInt64
    /// The members, in member-list order.
    public var members: [MemberIdentity]

    /// The cluster name used as the `cluster` label in the targets file.
    public var name: String { "c\(index)" }
}

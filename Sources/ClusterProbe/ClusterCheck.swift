import ClusterInsight
import EtcdClient

/// The outcome of probing a cluster once: what each member said, the member list, the verdict.
public struct ClusterCheck: Sendable {
    /// One report per probed endpoint, in a stable order (by name, then endpoint).
    public var reports: [MemberReport]
    /// The member list, from the first member that answered it.
    public var membership: [ClusterMember]?
    /// The verdict.
    public var diagnosis: Diagnosis
    /// Notes on how the endpoints were found (discovery, unusable client URLs).
    public var notes: [String]
    /// Wall time the whole check took.
    public var elapsed: Duration

    /// Creates a check result.
    public init(reports: [MemberReport], membership: [ClusterMember]?, diagnosis: Diagnosis, notes: [String], elapsed: Duration) {
        self.reports = reports
        self.membership = membership
        self.diagnosis = diagnosis
        self.notes = notes
        self.elapsed = elapsed
    }
}

/// A member as the cluster's own member list describes it.
public struct ClusterMember: Sendable, Equatable {
    /// The member ID.
    public var id: UInt64
    /// The member name; empty when added but never started.
    public var name: String
    /// The member's client URLs.
    public var clientURLs: [String]
    /// Learners do not vote.
    public var isLearner: Bool

    /// Creates a member.
    public init(id: UInt64, name: String, clientURLs: [String], isLearner: Bool = false) {
        self.id = id
        self.name = name
        self.clientURLs = clientURLs
        self.isLearner = isLearner
    }
}

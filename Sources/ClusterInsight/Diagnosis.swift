/// The verdict on a cluster: quorum arithmetic, the leader, and what is wrong.
public struct Diagnosis: Sendable, Equatable {
    /// Healthy, degraded or critical; decides the exit status.
    public var health: ClusterHealth
    /// The cluster ID the members agree on (the majority's, if they do not).
    public var clusterID: UInt64?
    /// Voting members (learners excluded), from the member list when one was obtained.
    public var votingMembers: Int
    /// Voting members that are healthy.
    public var healthyVotingMembers: Int
    /// Members needed for a quorum: ⌊voting / 2⌋ + 1.
    public var quorumSize: Int
    /// How many more voting members may fail before quorum is lost (0 when already lost).
    public var failuresTolerated: Int
    /// The leader the members agree on, when there is one.
    public var leader: Leader?
    /// Everything found, most severe first.
    public var findings: [Finding]

    /// The elected leader.
    public struct Leader: Sendable, Equatable {
        /// Its member ID.
        public var id: UInt64
        /// Its name, or its ID in hex when the name is unknown.
        public var name: String
        /// Its client URL, when known.
        public var endpoint: String?

        /// Creates a leader description.
        public init(id: UInt64, name: String, endpoint: String?) {
            self.id = id
            self.name = name
            self.endpoint = endpoint
        }
    }

    /// `true` when quorum holds (enough healthy voters).
    public var hasQuorum: Bool { healthyVotingMembers >= quorumSize }

    /// Creates a diagnosis.
    public init(health: ClusterHealth, clusterID: UInt64?, votingMembers: Int, healthyVotingMembers: Int,
                quorumSize: Int, failuresTolerated: Int, leader: Leader?, findings: [Finding]) {
        self.health = health
        self.clusterID = clusterID
        self.votingMembers = votingMembers
        self.healthyVotingMembers = healthyVotingMembers
        self.quorumSize = quorumSize
        self.failuresTolerated = failuresTolerated
        self.leader = leader
        self.findings = findings
    }
}

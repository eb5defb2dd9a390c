import NIOConcurrencyHelpers

/// One simulated etcd member: where it sits in its cluster, and its life, which now and then includes a
/// restart (its counters start again from zero and `process_start_time_seconds` moves).
public final class SimulatedMember: Sendable {
    /// The member's identity.
    public let identity: MemberIdentity
    /// The cluster the member belongs to.
    public let cluster: SimulatedCluster
    /// The member IDs its metrics name: itself first, then its peers, as many as the template has slots.
    let labelIDs: [String]
    private let rateFactor: Double
    private let phase: Double
    private let restartInterval: Double?
    private let life: NIOLockedValueBox<Life>

    private struct Life {
        var startTime: Double
        var restarted = false
        var nextRestart: Double
        var generator: SplitMix64
    }

    /// `restartInterval` is the mean time between restarts in seconds (`nil`: never); `seed` makes the
    /// member's busyness, gauge phase and restart times reproducible.
    init(identity: MemberIdentity, cluster: SimulatedCluster, labelSlots: Int, restartInterval: Double?, seed: UInt64, now: Double) {
        self.identity = identity
        self.cluster = cluster
        self.restartInterval = restartInterval
        var generator = SplitMix64(seed: seed)
        rateFactor = 0.5 + generator.nextUnit()
        phase = generator.nextUnit()
        let peers = cluster.members.filter { $0.id != identity.id }.map(\.hexID)
        var ids = [identity.hexID] + peers
        // A smaller last cluster still fills the capture's peer slots, with IDs of members it lacks.
        while ids.count < labelSlots { ids.append(MemberIdentity.hex(seed &* UInt64(ids.count + 1) | 1)) }
        labelIDs = Array(ids.prefix(max(labelSlots, 1)))
        // Members have been up for a while when the simulation starts, each for a different time.
        let interval = restartInterval ?? 3600
        let startTime = now - interval * generator.nextUnit()
        let nextRestart = now + interval * (0.5 + generator.nextUnit())
        life = NIOLockedValueBox(Life(startTime: startTime, nextRestart: nextRestart, generator: generator))
    }

    /// Whether this member leads its cluster.
    public var isLeader: Bool { cluster.members.first?.id == identity.id }

    /// The member's state at `now` (seconds since the epoch), applying any restart that has come due.
    func clock(now: Double) -> MemberClock {
        let (startTime, restarted) = life.withLockedValue { life in
            if let interval = restartInterval {
                while now >= life.nextRestart {
                    life.startTime = life.nextRestart
                    life.restarted = true
                    life.nextRestart += interval * (0.5 + life.generator.nextUnit())
                }
            }
            return (life.startTime, life.restarted)
        }
        return MemberClock(now: now, startTime: startTime, restarted: restarted, rateFactor: rateFactor, phase: phase, isLeader: isLeader)
    }
}

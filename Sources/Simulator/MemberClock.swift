/// Where one simulated member is in its life at the moment it is rendered.
struct MemberClock: Sendable {
    /// Wall-clock time, in seconds since the epoch.
    var now: Double
    /// When the member (last) started, in seconds since the epoch.
    var startTime: Double
    /// Whether the member has restarted since the simulation began: its counters then start again from zero
    /// rather than from the capture's values.
    var restarted: Bool
    /// How busy this member is relative to the capture (0.5…1.5), so members differ.
    var rateFactor: Double
    /// This member's offset into gauge cycles (0…1), so gauges do not move in lockstep.
    var phase: Double
    /// Whether this member is its cluster's leader.
    var isLeader: Bool

    var uptime: Double { max(0, now - startTime) }
}

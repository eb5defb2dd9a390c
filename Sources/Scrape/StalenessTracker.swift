import EtcdmonModel

/// Remembers the series one round (a scrape, a probe round) wrote, so the next round can mark
/// those that vanished as stale — Prometheus's staleness, shared by scrape loops and probes.
struct StalenessTracker: Sendable {
    private var previous: Set<Labels> = []

    /// Records this round's series; returns last round's series missing from it.
    mutating func advance(to current: Set<Labels>) -> [Labels] {
        defer { previous = current }
        return previous.subtracting(current).sorted()
    }

    /// Every series of the last round (all go stale when their source goes away); forgets them.
    mutating func drain() -> [Labels] {
        defer { previous = [] }
        return previous.sorted()
    }
}

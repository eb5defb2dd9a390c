import EtcdmonModel
import TSDB

/// What a scrape loop remembers about its target's series from one scrape to the next, as Prometheus's
/// scrape cache does: the final labels (relabelling runs once per series, not once per sample), the
/// storage reference (appends skip hashing labels), and the scrape that last exposed each series
/// (series that stop appearing get stale markers).
///
/// Targets write their series in the same order every time, so the cache offers the series that followed
/// the previous one last time (`withExpectedKey`) for the parser to match as bytes; only other lines are
/// looked up by their text.
struct ScrapeCache {
    struct Entry {
        /// The series text exactly as the target wrote it (`name{labels}`).
        let key: String
        /// Labels after target labels and metric relabelling; `nil` when relabelling dropped the series.
        let labels: Labels?
        var reference: SeriesReference?
        var lastSeen: Int
        /// Series exposed with their own timestamps get no stale markers, as in Prometheus.
        var explicitTimestamp: Bool
        /// Where the series came in the last scrape's order.
        var position: Int
    }

    private var entries: [Entry] = []
    private var byKey: [String: Int] = [:]
    /// Entry indexes in the order the last scrape exposed them, and this scrape's so far.
    private var order: [Int] = []
    private var nextOrder: [Int] = []
    /// Where in `order` the next series is expected.
    private var cursor = 0
    private var iteration = 0

    /// Starts a scrape: series seen from now on count as exposed by it.
    mutating func beginScrape() {
        iteration += 1
        cursor = 0
        nextOrder.removeAll(keepingCapacity: true)
    }

    /// The entry for the series written as `bytes`, marked as exposed by this scrape; `makeLabels` runs
    /// only for a series the cache does not know. The index is valid until `endScrape`.
    mutating func see(
        _ bytes: UnsafeBufferPointer<UInt8>, explicitTimestamp: Bool, makeLabels: () -> Labels?
    ) -> (index: Int, labels: Labels?, reference: SeriesReference?, isNew: Bool) {
        let key = String(decoding: bytes, as: UTF8.self)
        if let known = byKey[key] {
            cursor = entries[known].position + 1 // back in step after a line was added or removed
            markSeen(known, explicitTimestamp: explicitTimestamp)
            return (known, entries[known].labels, entries[known].reference, false)
        }
        let index = entries.count
        entries.append(Entry(key: key, labels: makeLabels(), reference: nil, lastSeen: 0, explicitTimestamp: false, position: -1))
        byKey[key] = index
        markSeen(index, explicitTimestamp: explicitTimestamp)
        return (index, entries[index].labels, nil, true)
    }

    /// Calls `body` with the bytes of the series expected next — the one that followed the previous
    /// series in the last scrape — or returns `nil` when there is none.
    mutating func withExpectedKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard cursor < order.count else { return nil }
        var key = entries[order[cursor]].key
        return try key.withUTF8(body)
    }

    /// Marks the expected series (the one `withExpectedKey` offered, which the page repeated) as exposed.
    mutating func seeExpected(explicitTimestamp: Bool) -> (index: Int, labels: Labels?, reference: SeriesReference?) {
        let index = order[cursor]
        cursor += 1
        markSeen(index, explicitTimestamp: explicitTimestamp)
        return (index, entries[index].labels, entries[index].reference)
    }

    /// Records that this scrape exposed the entry at `index`, in this place of the page.
    private mutating func markSeen(_ index: Int, explicitTimestamp: Bool) {
        entries[index].lastSeen = iteration
        entries[index].explicitTimestamp = explicitTimestamp
        nextOrder.append(index)
    }

    /// Remembers the storage reference of the entry at `index`.
    mutating func setReference(_ reference: SeriesReference, at index: Int) {
        entries[index].reference = reference
    }

    /// Ends the scrape: series it did not expose (all of them when it failed) leave the cache, and those
    /// that were stored without their own timestamps are returned, to be marked stale.
    mutating func endScrape(succeeded: Bool) -> [Labels] {
        guard succeeded else { return drain() }
        var vanished: [Labels] = []
        if entries.contains(where: { $0.lastSeen != iteration }) {
            // Rare (a target stopped exposing something): rebuild without the vanished series.
            var kept: [Entry] = []
            var renumbered = [Int](repeating: -1, count: entries.count)
            for (index, entry) in entries.enumerated() {
                if entry.lastSeen == iteration {
                    renumbered[index] = kept.count
                    kept.append(entry)
                } else if !entry.explicitTimestamp, let labels = entry.labels {
                    vanished.append(labels)
                }
            }
            entries = kept
            byKey = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1.key, $0) })
            nextOrder = nextOrder.map { renumbered[$0] }
        }
        swap(&order, &nextOrder)
        for (position, index) in order.enumerated() { entries[index].position = position }
        return vanished
    }

    /// Forgets every series; returns those to mark stale (the target went away or could not be scraped).
    mutating func drain() -> [Labels] {
        defer {
            entries.removeAll(keepingCapacity: true)
            byKey.removeAll(keepingCapacity: true)
            order.removeAll(keepingCapacity: true)
            nextOrder.removeAll(keepingCapacity: true)
        }
        return entries.compactMap { $0.explicitTimestamp ? nil : $0.labels }
    }
}

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
    /// What the cache knows of one series, all plain values: the hot path reads and writes entries
    /// without touching a reference count (the labels live apart, in `labels`).
    ///
    /// Fields are laid out widest first, so an entry takes 40 bytes rather than 48.
    struct Entry {
        var reference: SeriesReference?
        /// Where the series text exactly as the target wrote it (`name{labels}`) sits in `keyBytes`.
        var keyStart: UInt32
        let keyLength: UInt32
        /// The scrape that last exposed the series (a count that wraps: only equality matters).
        var lastSeen: UInt32
        /// Where the series came in the last scrape's order.
        var position: Int32
        /// Whether metric relabelling dropped the series (it is then not stored).
        let isDropped: Bool
        /// Series exposed with their own timestamps get no stale markers, as in Prometheus.
        var explicitTimestamp: Bool
    }

    private var entries: [Entry] = []
    /// Each entry's labels after target labels and metric relabelling (`nil` when dropped), read only
    /// when the store needs them: for a new series, or one its reference no longer finds.
    private var labels: [Labels?] = []
    /// Every entry's series text, back to back: one allocation per target rather than a string
    /// (and its header) per series.
    private var keyBytes: [UInt8] = []
    /// Entries by series text, for lines that are not the one expected. Built on the first such
    /// line and dropped after a scrape that needed none, so a target whose page keeps its order
    /// (nearly all) holds no index at all. (Built only when there are entries, so empty means unbuilt.)
    private var byKey: [String: Int] = [:]
    /// Whether this scrape looked a line up in `byKey`.
    private var lookedUp = false
    /// Entry indexes in the order the last scrape exposed them, and this scrape's so far (32 bits: a
    /// target exposes far fewer than 2³¹ series, and these are kept per series).
    private var order: [Int32] = []
    private var nextOrder: [Int32] = []
    /// Where in `order` the next series is expected.
    private var cursor = 0
    private var iteration: UInt32 = 0

    /// Starts a scrape: series seen from now on count as exposed by it.
    mutating func beginScrape() {
        iteration &+= 1
        cursor = 0
        lookedUp = false
        nextOrder.removeAll(keepingCapacity: true)
    }

    /// The entry for the series written as `bytes`, marked as exposed by this scrape; `makeLabels` runs
    /// only for a series the cache does not know. The index is valid until `endScrape`.
    mutating func see(
        _ bytes: UnsafeBufferPointer<UInt8>, explicitTimestamp: Bool, makeLabels: () -> Labels?
    ) -> (index: Int, isNew: Bool) {
        // Before the first scrape ends there is nothing to look up: every series is new. (A page that
        // repeats a series then gets two entries for it; the store refuses the second sample.)
        var key: String?
        if !order.isEmpty {
            buildIndexIfNeeded()
            lookedUp = true
            let text = String(decoding: bytes, as: UTF8.self)
            if let known = byKey[text] {
                cursor = Int(entries[known].position) + 1 // back in step after a line was added or removed
                markSeen(known, explicitTimestamp: explicitTimestamp)
                return (known, false)
            }
            key = text
        }
        let index = entries.count
        let made = makeLabels()
        entries.append(Entry(
            reference: nil, keyStart: UInt32(keyBytes.count), keyLength: UInt32(bytes.count), lastSeen: iteration &- 1,
            position: -1, isDropped: made == nil, explicitTimestamp: false))
        labels.append(made)
        keyBytes.append(contentsOf: bytes)
        if let key { byKey[key] = index }
        markSeen(index, explicitTimestamp: explicitTimestamp)
        return (index, true)
    }

    /// Whether metric relabelling dropped the series at `index`.
    func isDropped(_ index: Int) -> Bool { entries[index].isDropped }

    /// The storage reference of the series at `index`, once it has one.
    func reference(at index: Int) -> SeriesReference? { entries[index].reference }

    /// The final labels of the series at `index`, which relabelling kept.
    func labels(at index: Int) -> Labels {
        guard let labels = labels[index] else { preconditionFailure("series \(index) was dropped by relabelling") }
        return labels
    }

    /// Calls `body` with the bytes of the series expected next — the one that followed the previous
    /// series in the last scrape — or returns `nil` when there is none.
    mutating func withExpectedKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result? {
        guard cursor < order.count else { return nil }
        let index = Int(order[cursor])
        let start = Int(entries[index].keyStart)
        let end = start + Int(entries[index].keyLength)
        return try keyBytes.withUnsafeBufferPointer { all in try body(UnsafeBufferPointer(rebasing: all[start..<end])) }
    }

    private mutating func buildIndexIfNeeded() {
        guard byKey.isEmpty else { return }
        byKey.reserveCapacity(entries.count)
        keyBytes.withUnsafeBufferPointer { all in
            for (index, entry) in entries.enumerated() {
                let text = String(decoding: all[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyLength)], as: UTF8.self)
                if byKey[text] == nil { byKey[text] = index }
            }
        }
    }

    /// Marks the expected series (the one `withExpectedKey` offered, which the page repeated) as
    /// exposed; returns its index.
    mutating func seeExpected(explicitTimestamp: Bool) -> Int {
        let index = Int(order[cursor])
        cursor += 1
        markSeen(index, explicitTimestamp: explicitTimestamp)
        return index
    }

    /// Records that this scrape exposed the entry at `index`, in this place of the page.
    private mutating func markSeen(_ index: Int, explicitTimestamp: Bool) {
        entries[index].lastSeen = iteration
        entries[index].explicitTimestamp = explicitTimestamp
        nextOrder.append(Int32(index))
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
            var keptLabels: [Labels?] = []
            var keptBytes: [UInt8] = []
            var renumbered = [Int32](repeating: -1, count: entries.count)
            for (index, entry) in entries.enumerated() {
                if entry.lastSeen == iteration {
                    renumbered[index] = Int32(kept.count)
                    var moved = entry
                    moved.keyStart = UInt32(keptBytes.count)
                    kept.append(moved)
                    keptLabels.append(labels[index])
                    keptBytes.append(contentsOf: keyBytes[Int(entry.keyStart)..<Int(entry.keyStart + entry.keyLength)])
                } else if !entry.explicitTimestamp, let labels = labels[index] {
                    vanished.append(labels)
                }
            }
            if !vanished.isEmpty {
                // A page that repeated a series in its first scrape left two entries for it: the
                // one no longer matched is not a vanished series while its twin is still exposed.
                let exposed = Set(keptLabels.compactMap { $0 })
                vanished.removeAll { exposed.contains($0) }
            }
            entries = kept
            labels = keptLabels
            keyBytes = keptBytes
            byKey = [:]
            nextOrder = nextOrder.map { renumbered[Int($0)] }
        } else if !lookedUp {
            byKey = [:]
        }
        if keyBytes.capacity > keyBytes.count + keyBytes.count / 8 {
            keyBytes = [UInt8](unsafeUninitializedCapacity: keyBytes.count) { buffer, initialized in
                initialized = buffer.initialize(fromContentsOf: keyBytes)
            }
        }
        swap(&order, &nextOrder)
        for (position, index) in order.enumerated() { entries[Int(index)].position = Int32(position) }
        return vanished
    }

    /// Forgets every series; returns those to mark stale (the target went away or could not be scraped).
    mutating func drain() -> [Labels] {
        defer {
            entries.removeAll(keepingCapacity: true)
            labels.removeAll(keepingCapacity: true)
            keyBytes.removeAll(keepingCapacity: true)
            byKey = [:]
            order.removeAll(keepingCapacity: true)
            nextOrder.removeAll(keepingCapacity: true)
        }
        return entries.indices.compactMap { entries[$0].explicitTimestamp ? nil : labels[$0] }
    }
}

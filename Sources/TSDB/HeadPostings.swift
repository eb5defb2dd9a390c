import EtcdmonModel

/// The head's inverted index (Prometheus's `MemPostings`): label name → value → the slots of the
/// series with that label, ascending. Kept current as series are created (appended: slots grow)
/// and rebuilt when a truncation moves slots.
struct HeadPostings {
    private(set) var byName: [String: [String: [UInt32]]] = [:]

    /// Indexes a new series; `slot` is above every slot indexed so far.
    mutating func add(_ labels: Labels, slot: UInt32) {
        for label in labels {
            byName[label.name, default: [:]][label.value, default: []].append(slot)
        }
    }

    /// The slots of the series `matchers` select among `count` series, ascending, with
    /// Prometheus's `PostingsForMatchers` semantics: a matcher that cannot match the empty value
    /// intersects the union of its values' lists (equality is one lookup, a set of literals a few);
    /// one that can (`!=`, `=~".*"`, `=""`, `!~`) keeps series without the label and subtracts
    /// those whose value it rejects.
    func slots(for matchers: [LabelMatcher], count: Int) -> [UInt32] {
        var result: [UInt32]?
        var subtractions: [[UInt32]] = []
        // Equality first: its list is one lookup and usually the shortest, so later intersections are cheap.
        for matcher in matchers.sorted(by: { ($0.kind == .equal ? 0 : 1) < ($1.kind == .equal ? 0 : 1) }) {
            let values = byName[matcher.name]
            if matcher.matches("") {
                guard let values else { continue }
                let rejected = values.compactMap { matcher.matches($0.key) ? nil : $0.value }
                if !rejected.isEmpty { subtractions.append(Postings.union(rejected)) }
                continue
            }
            guard let values else { return [] }
            let list: [UInt32]
            if matcher.kind == .equal {
                list = values[matcher.value] ?? []
            } else if let literals = matcher.literalAlternatives {
                list = Postings.union(literals.compactMap { values[$0] })
            } else {
                list = Postings.union(values.compactMap { matcher.matches($0.key) ? $0.value : nil })
            }
            result = result.map { Postings.intersect($0, list) } ?? list
            if result?.isEmpty == true { return [] }
        }
        var slots = result ?? Array(0..<UInt32(count))
        for list in subtractions { slots = Postings.subtract(slots, list) }
        return slots
    }

    /// Every label name, in byte order.
    var names: [String] { byName.keys.sortedByBytes() }

    /// Every value of label `name`, in byte order.
    func values(of name: String) -> [String] { byName[name]?.keys.sortedByBytes() ?? [] }
}

import EtcdmonModel

/// A `Querier` over one block: matchers become postings-list operations on the index, as in
/// Prometheus — a matcher that cannot match the empty value intersects the union of its values'
/// lists; one that can (`!=`, `=~".*"`, `=""`) subtracts the series that have the label with a
/// value it rejects.
public struct BlockQuerier: Querier {
    /// The block read.
    public let block: Block

    /// Creates a querier over `block`.
    public init(block: Block) { self.block = block }

    /// Series IDs matching all matchers.
    func postings(for matchers: [LabelMatcher]) throws(TSDBError) -> [UInt32] {
        let index = block.index
        var result: [UInt32]? = nil
        var subtractions: [[UInt32]] = []
        for matcher in matchers {
            if matcher.matches("") {
                // Series lacking the label match; remove those whose value is rejected.
                subtractions.append(try index.postings(name: matcher.name) { !matcher.matches($0) })
            } else {
                let list: [UInt32]
                if matcher.kind == .equal {
                    list = try index.postings(name: matcher.name, value: matcher.value)
                } else if let literals = matcher.literalAlternatives {
                    var lists: [[UInt32]] = []
                    for literal in literals { lists.append(try index.postings(name: matcher.name, value: literal)) }
                    list = Postings.union(lists)
                } else {
                    list = try index.postings(name: matcher.name) { matcher.matches($0) }
                }
                result = result.map { Postings.intersect($0, list) } ?? list
            }
        }
        var ids: [UInt32]
        if let result { ids = result } else { ids = try index.allPostings() }
        for list in subtractions { ids = Postings.subtract(ids, list) }
        return ids
    }

    /// A block's postings are in label order: the answer is sorted either way.
    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        guard minTime <= block.meta.maxTime - 1, maxTime >= block.meta.minTime else { return [] }
        var output: [StoredSeries] = []
        for id in try postings(for: matchers) {
            let (labels, metas) = try block.index.series(id)
            var series = StoredSeries(labels: labels)
            for meta in metas where meta.overlaps(minTime: minTime, maxTime: maxTime) {
                try block.appendSamples(of: meta, to: &series, minTime: minTime, maxTime: maxTime)
            }
            if let deleted = block.tombstones.deleted(UInt64(id)) { series.removeSamples(in: deleted) }
            if !series.timestamps.isEmpty { output.append(series) }
        }
        return output
    }

    public func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        guard !matchers.isEmpty else { return block.index.labelNames() }
        var names = Set<String>()
        for id in try postings(for: matchers) {
            for label in try block.index.series(id).labels { names.insert(label.name) }
        }
        return names.sortedByBytes()
    }

    public func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        guard !matchers.isEmpty else { return block.index.labelValues(name) }
        var values = Set<String>()
        for id in try postings(for: matchers) {
            if let value = try block.index.series(id).labels[name] { values.insert(value) }
        }
        return values.sortedByBytes()
    }
}

import EtcdmonModel

/// Combines queriers over disjoint time ranges (blocks, later the head): series with equal labels
/// are concatenated in time order, duplicate timestamps keep the first sample.
public struct MergedQuerier: Querier {
    /// The queriers, oldest data first.
    public let queriers: [any Querier]

    /// Creates a querier over `queriers`, given oldest first.
    public init(_ queriers: [any Querier]) { self.queriers = queriers }

    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        var merged: [StoredSeries] = []
        for querier in queriers {
            merged = Self.merge(merged, try querier.select(matchers, minTime: minTime, maxTime: maxTime, sorted: sorted))
        }
        // Sorted when asked: each querier's answer is, and so is a merge of two.
        return merged
    }

    /// Merges two lists; a series in both gets `newer`'s samples after `older`'s last. Where both
    /// have series the result is in label order; otherwise it is the non-empty one as it came.
    static func merge(_ older: [StoredSeries], _ newer: [StoredSeries]) -> [StoredSeries] {
        guard !newer.isEmpty else { return older }
        guard !older.isEmpty else { return newer }
        let older = older.sortedByLabels()
        let newer = newer.sortedByLabels()
        var output: [StoredSeries] = []
        output.reserveCapacity(max(older.count, newer.count))
        var (i, j) = (0, 0)
        while i < older.count && j < newer.count {
            if older[i].labels == newer[j].labels {
                var series = older[i]
                series.appendSamples(after: newer[j])
                output.append(series)
                i += 1
                j += 1
            } else if older[i].labels < newer[j].labels {
                output.append(older[i])
                i += 1
            } else {
                output.append(newer[j])
                j += 1
            }
        }
        output.append(contentsOf: older[i...])
        output.append(contentsOf: newer[j...])
        return output
    }

    public func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        var names = Set<String>()
        for querier in queriers { names.formUnion(try querier.labelNames(matchers)) }
        return names.sortedByBytes()
    }

    public func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        var values = Set<String>()
        for querier in queriers { values.formUnion(try querier.labelValues(name, matchers)) }
        return values.sortedByBytes()
    }
}

extension [StoredSeries] {
    /// Whether the series are in label order (a block's postings already are).
    func isSorted() -> Bool {
        indices.dropFirst().allSatisfy { self[$0 - 1].labels < self[$0].labels }
    }

    /// The series in label order. Sorts positions, then moves each series once: sorting the series
    /// themselves retains and releases three buffers at every move, which was most of the time of
    /// a select of 200,000 head series.
    func sortedByLabels() -> [StoredSeries] {
        if isSorted() { return self }
        let order = withUnsafeBufferPointer { series in
            [Int](series.indices).sorted { series[$0].labels < series[$1].labels }
        }
        return order.map { self[$0] }
    }
}

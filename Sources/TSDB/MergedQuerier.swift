import EtcdmonModel

/// Combines queriers over disjoint time ranges (blocks, later the head): series with equal labels
/// are concatenated in time order, duplicate timestamps keep the first sample.
public struct MergedQuerier: Querier {
    /// The queriers, oldest data first.
    public let queriers: [any Querier]

    /// Creates a querier over `queriers`, given oldest first.
    public init(_ queriers: [any Querier]) { self.queriers = queriers }

    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> [StoredSeries] {
        var merged: [Labels: StoredSeries] = [:]
        for querier in queriers {
            for series in try querier.select(matchers, minTime: minTime, maxTime: maxTime) {
                guard var existing = merged[series.labels] else {
                    merged[series.labels] = series
                    continue
                }
                for (time, value) in zip(series.timestamps, series.values) where time > (existing.timestamps.last ?? .min) {
                    existing.timestamps.append(time)
                    existing.values.append(value)
                }
                merged[series.labels] = existing
            }
        }
        return merged.values.sorted { $0.labels < $1.labels }
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

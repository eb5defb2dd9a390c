import EtcdmonModel

/// A `Querier` over a snapshot of the head: the series and chunks committed when it was taken.
/// Chunks are values, so later appends never change what this querier sees.
public struct HeadQuerier: Querier {
    private let series: [Labels]
    private let samples: [ChunkedSeries]

    init(snapshot: [(Labels, ChunkedSeries)]) {
        series = snapshot.map(\.0)
        samples = snapshot.map(\.1)
    }

    private func matching(_ matchers: [LabelMatcher]) -> [Int] {
        series.indices.filter { index in
            matchers.allSatisfy { $0.matches(series[index][$0.name] ?? "") }
        }
    }

    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> [StoredSeries] {
        var output: [StoredSeries] = []
        for index in matching(matchers) {
            var result = StoredSeries(labels: series[index])
            try samples[index].appendSamples(to: &result, minTime: minTime, maxTime: maxTime)
            if !result.timestamps.isEmpty { output.append(result) }
        }
        return output.sorted { $0.labels < $1.labels }
    }

    public func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        var names = Set<String>()
        for index in matching(matchers) { for label in series[index] { names.insert(label.name) } }
        return names.sortedByBytes()
    }

    public func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        var values = Set<String>()
        for index in matching(matchers) { if let value = series[index][name] { values.insert(value) } }
        return values.sortedByBytes()
    }
}

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
            var decoded: DecodeError?
            // Chunk by chunk in place: the `chunks` array would be built for every series selected.
            samples[index].forEachChunk { chunk in
                guard decoded == nil, chunk.count > 0, chunk.minTime <= maxTime, chunk.maxTime >= minTime else { return }
                decoded = chunk.bytes.withUnsafeBytes { buffer in
                    do throws(DecodeError) {
                        try result.appendSamples(ofChunk: buffer, minTime: minTime, maxTime: maxTime)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            // The head wrote these bytes itself: failing to decode them is a bug, reported as such.
            if let decoded { throw TSDBError.corrupt(path: "head", reason: "chunk of \(series[index]): \(decoded)") }
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

import EtcdmonModel

/// A `Querier` over the head. Each select finds its series through the head's postings and takes,
/// under the head's lock, only those series' chunks (values: appends made afterwards do not change
/// them); decoding happens after the lock is released. Nothing is copied when the querier is made,
/// so a query costs what it selects, not what the head holds.
public struct HeadQuerier: Querier {
    let head: Head

    /// The labels and chunks of the series `matchers` select, as they are now.
    private func take(_ matchers: [LabelMatcher]) -> [(labels: Labels, samples: ChunkedSeries)] {
        head.state.withLock { state in
            state.postings.slots(for: matchers, count: state.series.count).map { slot in
                let series = state.series[Int(slot)]
                return (series.labels, series.samples)
            }
        }
    }

    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> [StoredSeries] {
        var output: [StoredSeries] = []
        for (labels, samples) in take(matchers) {
            var result = StoredSeries(labels: labels)
            try samples.appendSamples(to: &result, minTime: minTime, maxTime: maxTime)
            if !result.timestamps.isEmpty { output.append(result) }
        }
        // Slots are in creation order; a select answers in label order.
        return output.sorted { $0.labels < $1.labels }
    }

    public func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        if matchers.isEmpty { return head.state.withLock { $0.postings.names } }
        var names = Set<String>()
        for (labels, _) in take(matchers) { for label in labels { names.insert(label.name) } }
        return names.sortedByBytes()
    }

    public func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        if matchers.isEmpty { return head.state.withLock { $0.postings.values(of: name) } }
        var values = Set<String>()
        for (labels, _) in take(matchers) { if let value = labels[name] { values.insert(value) } }
        return values.sortedByBytes()
    }
}

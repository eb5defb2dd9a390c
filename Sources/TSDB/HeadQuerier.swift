import EtcdmonModel

/// A `Querier` over the head. Each select finds its series through the head's postings and takes,
/// under the head's lock, only those series' chunks (values: appends made afterwards do not change
/// them); decoding happens after the lock is released. Nothing is copied when the querier is made,
/// so a query costs what it selects, not what the head holds.
public struct HeadQuerier: Querier {
    let head: Head

    /// Series taken per hold of the head's lock: a select of a million series must not keep a
    /// scrape's commit waiting for all of them (about 50 ms at 1,000 members), only for one batch.
    static let takeBatch = 8192

    /// The labels and chunks of the series `matchers` select, as they are now.
    private func take(_ matchers: [LabelMatcher]) -> [(labels: Labels, samples: ChunkedSeries)] {
        while true {
            let (slots, generation) = head.state.withLock { state in
                (state.postings.slots(for: matchers, count: state.series.count), state.generation)
            }
            if let taken = take(slots, generation: generation) { return taken }
        }
    }

    /// The series at `slots`, taken a batch per hold of the lock; `nil` when a truncation moved
    /// slots in between (the remaining ones may name other series, so the caller starts over).
    private func take(_ slots: [UInt32], generation: Int) -> [(labels: Labels, samples: ChunkedSeries)]? {
        var taken: [(labels: Labels, samples: ChunkedSeries)] = []
        taken.reserveCapacity(slots.count)
        var start = 0
        while start < slots.count {
            let end = min(start + Self.takeBatch, slots.count)
            let unmoved = head.state.withLock { state in
                guard state.generation == generation else { return false }
                for slot in slots[start..<end] {
                    let series = state.series[Int(slot)]
                    taken.append((series.labels, series.samples))
                }
                return true
            }
            guard unmoved else { return nil }
            start = end
        }
        return taken
    }

    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        var output: [StoredSeries] = []
        for (labels, samples) in take(matchers) {
            var result = StoredSeries(labels: labels)
            try samples.appendSamples(to: &result, minTime: minTime, maxTime: maxTime)
            if !result.timestamps.isEmpty { output.append(result) }
        }
        // Slots are in creation order.
        return sorted ? output.sortedByLabels() : output
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

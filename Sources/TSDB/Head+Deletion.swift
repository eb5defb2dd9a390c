import EtcdmonModel

extension Head {
    /// The references of the series matching `matchers` that have samples from `minTime` through
    /// `maxTime`.
    func references(matching matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) -> [UInt64] {
        state.withLock { state in
            state.series.compactMap { series in
                guard matchers.allSatisfy({ $0.matches(series.labels[$0.name] ?? "") }),
                      let first = series.samples.firstChunk, let latest = series.samples.latestSample,
                      first.minTime <= maxTime, latest.timestamp >= minTime else { return nil }
                return series.reference
            }
        }
    }

    /// Removes the samples from `minTime` through `maxTime` of the series with these references
    /// (rewriting their chunks: the head keeps no tombstones, so nothing deleted is ever read,
    /// written into a block or checkpointed again).
    func deleteSamples(of references: [UInt64], minTime: Int64, maxTime: Int64) {
        let wanted = Set(references)
        state.withLock { state in
            for index in state.series.indices where wanted.contains(state.series[index].reference) {
                Self.deleteSamples(at: index, minTime: minTime, maxTime: maxTime, in: &state, chunkRange: chunkRange)
            }
        }
    }

    /// Replays a WAL tombstones record onto the samples replayed so far, as the deletion was applied
    /// when it was logged.
    func restoreDeletions(_ entries: [(reference: UInt64, minTime: Int64, maxTime: Int64)]) {
        state.withLock { state in
            for entry in entries {
                guard let index = state.replayReferences[entry.reference] else { continue }
                Self.deleteSamples(at: index, minTime: entry.minTime, maxTime: entry.maxTime, in: &state, chunkRange: chunkRange)
            }
        }
    }

    private static func deleteSamples(at index: Int, minTime: Int64, maxTime: Int64, in state: inout State, chunkRange: Int64) {
        var decoded = StoredSeries(labels: state.series[index].labels)
        // The head's own chunks: they decode, or appending would have failed.
        try? state.series[index].samples.appendSamples(to: &decoded, minTime: .min, maxTime: .max)
        guard decoded.timestamps.contains(where: { $0 >= minTime && $0 <= maxTime }) else { return }
        decoded.removeSamples(in: [DeletedRange(minTime: minTime, maxTime: maxTime)])
        var rebuilt = ChunkedSeries(chunkRange: chunkRange)
        for (time, value) in zip(decoded.timestamps, decoded.values) { rebuilt.append(timestamp: time, value: value) }
        state.series[index].samples = rebuilt
    }
}

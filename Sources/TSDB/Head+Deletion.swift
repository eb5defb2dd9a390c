import EtcdmonModel

/// A deletion from one head series: where it sits, its WAL reference, and the range to delete,
/// clamped to the samples it has (as Prometheus's head clamps it).
struct HeadDeletion {
    let index: Int
    let reference: UInt64
    let range: DeletedRange
}

extension Head {
    /// What deleting the samples of the series matching `matchers` (found through the postings, as a
    /// select finds them) from `minTime` through `maxTime` takes, series by series. Each range ends at
    /// the series' latest sample, so samples appended after this call (always later) are out of it.
    func deletions(matching matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) -> [HeadDeletion] {
        state.withLock { state in
            state.postings.slots(for: matchers, count: state.series.count).compactMap { slot in
                let index = Int(slot)
                let series = state.series[index]
                guard let first = series.samples.firstChunk, first.count > 0, let latest = series.samples.latestSample else { return nil }
                let range = DeletedRange(minTime: max(minTime, first.minTime), maxTime: min(maxTime, latest.timestamp))
                return range.minTime <= range.maxTime ? HeadDeletion(index: index, reference: series.reference, range: range) : nil
            }
        }
    }

    /// Removes the samples in each deletion's range, one series at a time under the head's lock
    /// (rewriting its chunks: the head keeps no tombstones, so nothing deleted is ever read, written
    /// into a block or checkpointed again). The caller keeps compaction out, so slots do not move.
    func apply(_ deletions: [HeadDeletion]) {
        for deletion in deletions {
            state.withLock { state in
                guard deletion.index < state.series.count, state.series[deletion.index].reference == deletion.reference else { return }
                Self.deleteSamples(at: deletion.index, in: deletion.range, state: &state, chunkRange: chunkRange)
            }
        }
    }

    /// Replays a WAL tombstones record onto the samples replayed so far, as the deletion was applied
    /// when it was logged.
    func restoreDeletions(_ entries: [(reference: UInt64, minTime: Int64, maxTime: Int64)]) {
        state.withLock { state in
            for entry in entries {
                guard let index = state.replayReferences[entry.reference], entry.minTime <= entry.maxTime else { continue }
                Self.deleteSamples(at: index, in: DeletedRange(minTime: entry.minTime, maxTime: entry.maxTime), state: &state, chunkRange: chunkRange)
            }
        }
    }

    private static func deleteSamples(at index: Int, in range: DeletedRange, state: inout State, chunkRange: Int64) {
        var decoded = StoredSeries(labels: state.series[index].labels)
        // The head's own chunks: they decode, or appending would have failed.
        try? state.series[index].samples.appendSamples(to: &decoded, minTime: .min, maxTime: .max)
        guard decoded.timestamps.contains(where: range.contains) else { return }
        decoded.removeSamples(in: [range])
        var rebuilt = ChunkedSeries(chunkRange: chunkRange)
        for (time, value) in zip(decoded.timestamps, decoded.values) { rebuilt.append(timestamp: time, value: value) }
        state.series[index].samples = rebuilt
    }
}

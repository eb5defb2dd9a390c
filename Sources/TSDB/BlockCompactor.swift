import EtcdmonModel
import Foundation

/// Merges adjacent blocks into larger ones at Prometheus's level ranges (each three times the
/// previous: 6 h, 18 h, 54 h … for 2 h blocks), once a range is complete — the newest block
/// starts after it — so queries over long spans open few blocks.
struct BlockCompactor {
    let directory: String
    let blockRange: Int64
    /// The largest range compacted into (Prometheus caps blocks at 31 days or a tenth of retention).
    var maxRange: Int64 = 31 * 24 * 3_600_000

    /// The level ranges above the block range.
    var ranges: [Int64] {
        var result: [Int64] = []
        var range = blockRange * 3
        while range <= maxRange {
            result.append(range)
            range *= 3
        }
        return result
    }

    /// Compacts `blocks` in place; returns the metas of the blocks written.
    func compact(_ blocks: inout [Block]) throws(TSDBError) -> [BlockMeta] {
        var written: [BlockMeta] = []
        for range in ranges {
            guard let newestStart = blocks.map(\.meta.minTime).max() else { break }
            var groups: [Int64: [Block]] = [:]
            for block in blocks {
                let start = block.meta.minTime - ((block.meta.minTime % range) + range) % range
                guard block.meta.maxTime <= start + range else { continue } // already spans more
                groups[start, default: []].append(block)
            }
            for start in groups.keys.sorted() {
                let group = groups[start]!
                guard group.count >= 2, start + range <= newestStart else { continue }
                let meta = try merge(group, range: range)
                written.append(meta)
                let merged = Set(group.map(\.directory))
                blocks.removeAll { merged.contains($0.directory) }
                blocks.append(try Block(directory: directory + "/" + meta.ulid))
                for old in group { Self.delete(old.directory) }
            }
            blocks.sort { $0.meta.minTime < $1.meta.minTime }
        }
        return written
    }

    private func merge(_ group: [Block], range: Int64) throws(TSDBError) -> BlockMeta {
        let sorted = group.sorted { $0.meta.minTime < $1.meta.minTime }
        let querier = MergedQuerier(sorted.map { BlockQuerier(block: $0) })
        var series: [BlockWriter.Series] = []
        for stored in try querier.select([], minTime: .min, maxTime: .max) {
            var chunked = ChunkedSeries(chunkRange: range)
            for (time, value) in zip(stored.timestamps, stored.values) { chunked.append(timestamp: time, value: value) }
            series.append(BlockWriter.Series(labels: stored.labels, chunks: chunked.chunks))
        }
        let level = (sorted.map(\.meta.compaction.level).max() ?? 1) + 1
        let sources = Array(Set(sorted.flatMap(\.meta.compaction.sources))).sorted()
        let parents = sorted.map { BlockMeta.Parent(ulid: $0.meta.ulid, minTime: $0.meta.minTime, maxTime: $0.meta.maxTime) }
        return try BlockWriter(directory: directory).write(series, level: level, sources: sources, parents: parents)
    }

    /// Removes a block directory: renamed first, so a crash never leaves half a block under a block's name.
    static func delete(_ path: String) {
        let doomed = path + ".tmp-for-deletion"
        if (try? DurableFile.rename(path, to: doomed)) != nil {
            try? FileManager.default.removeItem(atPath: doomed)
        }
    }
}

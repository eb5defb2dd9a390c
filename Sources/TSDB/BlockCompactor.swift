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
                let merged = Set(group.map(\.directory))
                blocks.removeAll { merged.contains($0.directory) }
                if let meta {
                    written.append(meta)
                    blocks.append(try Block(directory: directory + "/" + meta.ulid))
                }
                for old in group { Self.delete(old.directory) }
            }
            blocks.sort { $0.meta.minTime < $1.meta.minTime }
        }
        return written
    }

    /// Merges `group` into one block, one series at a time: decoding the whole group at once took
    /// 16 bytes per sample (33 GB for a 6 h range at a thousand members). A series' chunks are
    /// copied as they are when they follow each other in time, as Prometheus does; where its
    /// blocks overlap (backfilled data), its samples are merged and cut into chunks again.
    /// `nil` when nothing is left of the group (all of it deleted). A block rewritten alone (to drop
    /// its deleted samples) keeps its compaction level.
    func merge(_ group: [Block], range: Int64) throws(TSDBError) -> BlockMeta? {
        let sorted = group.sorted { $0.meta.minTime < $1.meta.minTime }
        var cursors: [SeriesCursor] = []
        for block in sorted { cursors.append(try SeriesCursor(block: block)) }
        var builder = try BlockWriter.Builder(directory: directory)
        var series = 0
        while let labels = cursors.compactMap(\.current?.labels).min() {
            var parts: [Part] = []
            for index in cursors.indices where cursors[index].current?.labels == labels {
                let block = cursors[index].block
                parts.append(Part(block: block, chunks: cursors[index].current!.chunks, deleted: block.tombstones.deleted(UInt64(cursors[index].id))))
                try cursors[index].advance()
            }
            if try add(labels, parts, to: &builder, range: range) { series += 1 }
        }
        // Everything was deleted: no block.
        guard series > 0 else {
            builder.abandon()
            return nil
        }
        let level = (sorted.map(\.meta.compaction.level).max() ?? 1) + (sorted.count > 1 ? 1 : 0)
        let sources = Array(Set(sorted.flatMap(\.meta.compaction.sources))).sorted()
        let parents = sorted.map { BlockMeta.Parent(ulid: $0.meta.ulid, minTime: $0.meta.minTime, maxTime: $0.meta.maxTime) }
        return try builder.finish(level: level, sources: sources, parents: parents)
    }

    /// One block's part of a series: its chunks and its deleted ranges.
    private struct Part {
        let block: Block
        let chunks: [ChunkMeta]
        let deleted: [DeletedRange]?
    }

    /// Adds one series, given as its chunks in each block (oldest block first), to the merged block;
    /// false when deletions left it no sample.
    private func add(_ labels: Labels, _ parts: [Part], to builder: inout BlockWriter.Builder, range: Int64) throws(TSDBError) -> Bool {
        // Deleted samples are dropped here: a series with deletions is decoded and cut again.
        var follows = parts.allSatisfy { $0.deleted == nil }
        var last = Int64.min
        for part in parts {
            for chunk in part.chunks {
                if chunk.minTime <= last { follows = false }
                last = chunk.maxTime
            }
        }
        if follows {
            for part in parts {
                for chunk in part.chunks {
                    let data = try part.block.xorChunk(chunk)
                    let samples: Int
                    do {
                        samples = try XORIterator(data).count // the chunk's header, nothing decoded
                    } catch {
                        throw TSDBError.corrupt(path: part.block.directory + "/chunks", reason: "chunk \(chunk.reference) of \(labels): \(error)")
                    }
                    try builder.addChunk(data, minTime: chunk.minTime, maxTime: chunk.maxTime, samples: samples)
                }
            }
        } else {
            var merged = StoredSeries(labels: labels)
            for part in parts {
                var samples = StoredSeries(labels: labels)
                for chunk in part.chunks { try part.block.appendSamples(of: chunk, to: &samples, minTime: .min, maxTime: .max) }
                if let deleted = part.deleted { samples.removeSamples(in: deleted) }
                merged.appendSamples(after: samples) // as `MergedQuerier` reads overlapping blocks
            }
            guard !merged.timestamps.isEmpty else { return false }
            var chunked = ChunkedSeries(chunkRange: range)
            for (time, value) in zip(merged.timestamps, merged.values) { chunked.append(timestamp: time, value: value) }
            for chunk in chunked.chunks where chunk.count > 0 {
                try builder.addChunk(chunk.bytes, minTime: chunk.minTime, maxTime: chunk.maxTime, samples: chunk.count)
            }
        }
        try builder.endSeries(labels)
        return true
    }

    /// One block's series in label order (its index numbers them in that order), read one at a time.
    private struct SeriesCursor {
        let block: Block
        private let ids: [UInt32]
        private var position = 0
        /// The ID of the series under the cursor.
        var id: UInt32 { ids[position] }
        /// The series under the cursor, or `nil` past the last.
        private(set) var current: (labels: Labels, chunks: [ChunkMeta])?

        init(block: Block) throws(TSDBError) {
            self.block = block
            ids = try block.index.allPostings()
            current = try ids.isEmpty ? nil : block.index.series(ids[0])
        }

        mutating func advance() throws(TSDBError) {
            position += 1
            current = position < ids.count ? try block.index.series(ids[position]) : nil
        }
    }

    /// Removes a block directory: renamed first, so a crash never leaves half a block under a block's name.
    static func delete(_ path: String) {
        let doomed = path + ".tmp-for-deletion"
        if (try? DurableFile.rename(path, to: doomed)) != nil {
            try? FileManager.default.removeItem(atPath: doomed)
        }
    }
}

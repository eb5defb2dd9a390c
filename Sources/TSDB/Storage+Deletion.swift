import EtcdmonModel

extension Storage {
    /// Deletes the samples of the series matching `matchers` from `minTime` through `maxTime`, as
    /// Prometheus's `delete_series`: blocks get tombstones (the samples stay in their chunks, unread,
    /// until `cleanTombstones()` or a merge rewrites the block); the head drops them, after a WAL
    /// tombstones record (ranges clamped to each series' samples, as Prometheus writes them) that
    /// makes a restart drop them again. The store's lock is held only to publish a block and to log
    /// the record: scrapes go on meanwhile. Returns how many series lost samples.
    @discardableResult
    public func delete(matching matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> Int {
        guard minTime <= maxTime else { return 0 }
        // No compaction meanwhile: it would merge a block being given tombstones, or move head slots.
        return try compaction.withLock { _ throws(TSDBError) -> Int in
            var deleted = 0
            for block in blocks where block.meta.minTime <= maxTime && block.meta.maxTime > minTime {
                deleted += try addTombstones(to: block, matching: matchers, minTime: minTime, maxTime: maxTime)
            }
            let deletions = head.deletions(matching: matchers, minTime: minTime, maxTime: maxTime)
            guard !deletions.isEmpty else { return deleted }
            try state.withLock { state throws(TSDBError) in
                guard let wal = state.wal else { throw TSDBError.invalidArgument("the store is open read-only") }
                try wal.log([WALRecord.tombstones(deletions.map { ($0.reference, $0.range.minTime, $0.range.maxTime) }).encode()])
                try wal.sync()
            }
            head.apply(deletions)
            return deleted + deletions.count
        }
    }

    /// Writes `block`'s tombstones with the new ranges and publishes the reopened block at once (so a
    /// later failure leaves no tombstone on disk that queries ignore); returns the series affected.
    private func addTombstones(to block: Block, matching matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> Int {
        var tombstones = block.tombstones
        let range = DeletedRange(minTime: max(minTime, block.meta.minTime), maxTime: min(maxTime, block.meta.maxTime - 1))
        var affected = 0
        for id in try BlockQuerier(block: block).postings(for: matchers) {
            let chunks = try block.index.series(id).chunks
            guard chunks.contains(where: { $0.overlaps(minTime: range.minTime, maxTime: range.maxTime) }) else { continue }
            tombstones.add(UInt64(id), range)
            affected += 1
        }
        guard tombstones != block.tombstones else { return 0 }
        try DurableFile.replace(tombstones.encode(), at: block.directory + "/tombstones")
        var meta = block.meta
        meta.stats.numTombstones = UInt64(tombstones.count)
        try DurableFile.replace(BlockMeta.encodeJSON(meta), at: block.directory + "/meta.json")
        let reopened = try Block(directory: block.directory)
        state.withLock { state in state.blocks = state.blocks.map { $0.directory == block.directory ? reopened : $0 } }
        return affected
    }

    /// Rewrites every block with tombstones without its deleted samples (Prometheus's
    /// `clean_tombstones`); a block left with nothing is removed. Returns the blocks written.
    @discardableResult
    public func cleanTombstones() throws(TSDBError) -> [BlockMeta] {
        try compaction.withLock { _ throws(TSDBError) -> [BlockMeta] in
            var written: [BlockMeta] = []
            let compactor = BlockCompactor(directory: directory, blockRange: options.blockRange)
            for block in blocks where !block.tombstones.isEmpty {
                let meta = try compactor.merge([block], range: options.blockRange)
                let replacement = try meta.map { (meta) throws(TSDBError) in try Block(directory: directory + "/" + meta.ulid) }
                // Swapped in one step: a query sees the old block or the new one, never both or neither.
                state.withLock { state in
                    state.blocks.removeAll { $0.directory == block.directory }
                    if let replacement { state.blocks.append(replacement) }
                    state.blocks.sort { $0.meta.minTime < $1.meta.minTime }
                }
                BlockCompactor.delete(block.directory)
                if let meta { written.append(meta) }
            }
            return written
        }
    }
}

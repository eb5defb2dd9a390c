/// Deletes the oldest blocks beyond the retention time or size, as Prometheus's
/// `--storage.tsdb.retention.time` and `--storage.tsdb.retention.size` do.
struct Retention {
    let options: StorageOptions
    let directory: String

    /// Removes expired blocks from `blocks` and from disk; returns what it did, for the log.
    func apply(to blocks: inout [Block], now: Int64) throws(TSDBError) -> [String] {
        var notes: [String] = []
        blocks.sort { $0.meta.minTime < $1.meta.minTime }
        if options.retentionTime > 0, let newest = blocks.map(\.meta.maxTime).max() {
            while let oldest = blocks.first, newest - oldest.meta.maxTime > options.retentionTime {
                notes.append("retention: deleted block \(oldest.meta.ulid) (older than \(options.retentionTime / 1000)s)")
                BlockCompactor.delete(oldest.directory)
                blocks.removeFirst()
            }
        }
        if options.retentionSize > 0 {
            var sizes = blocks.map { Database.directorySize($0.directory) }
            let walBytes = Database.directorySize(directory + "/wal")
            while !blocks.isEmpty, sizes.reduce(0, +) + walBytes > options.retentionSize {
                notes.append("retention: deleted block \(blocks[0].meta.ulid) (store over \(options.retentionSize) bytes)")
                BlockCompactor.delete(blocks[0].directory)
                blocks.removeFirst()
                sizes.removeFirst()
            }
        }
        return notes
    }
}

import Foundation

extension Storage {
    /// Writes a consistent copy of the store into `directory` (created; it must not exist), as
    /// Prometheus's admin snapshot does: each block hard-linked (instant, no extra space while the
    /// original lives), and unless `withHead` is false the head's samples written as one more block,
    /// so the copy opens as a data directory in etcdmon, Prometheus or promtool. Compaction waits
    /// meanwhile, so no block is merged away half linked. Returns the ULIDs of the blocks in the copy.
    public func snapshot(into directory: String, withHead: Bool) throws(TSDBError) -> [String] {
        try compaction.withLock { _ throws(TSDBError) -> [String] in
            let manager = FileManager.default
            try TSDBError.wrap(path: directory) {
                guard !manager.fileExists(atPath: directory) else { throw CocoaError(.fileWriteFileExists) }
                // An empty WAL too: promtool's `tsdb dump` and read-only opens expect one.
                try manager.createDirectory(atPath: directory + "/wal", withIntermediateDirectories: true)
            }
            var written: [String] = []
            for block in blocks {
                let name = (block.directory as NSString).lastPathComponent
                try Self.link(block.directory, into: directory + "/" + name)
                written.append(name)
            }
            if withHead {
                let series = head.liveSeries().map { BlockWriter.Series(labels: $0.labels, chunks: $0.samples.chunks) }
                if series.contains(where: { $0.chunks.contains { $0.count > 0 } }) {
                    written.append(try BlockWriter(directory: directory).write(series).ulid)
                }
            }
            return written
        }
    }

    /// Recreates the tree under `source` at `target` with every file hard-linked.
    private static func link(_ source: String, into target: String) throws(TSDBError) {
        let manager = FileManager.default
        try TSDBError.wrap(path: target) {
            try manager.createDirectory(atPath: target, withIntermediateDirectories: true)
            for entry in try manager.contentsOfDirectory(atPath: source) {
                var isDirectory: ObjCBool = false
                _ = manager.fileExists(atPath: source + "/" + entry, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    try link(source + "/" + entry, into: target + "/" + entry)
                } else {
                    try manager.linkItem(atPath: source + "/" + entry, toPath: target + "/" + entry)
                }
            }
        }
    }
}

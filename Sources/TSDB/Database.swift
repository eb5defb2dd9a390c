import Foundation

/// A data directory in Prometheus's layout, opened for reading: every complete block (a ULID-named
/// directory with a `meta.json`), oldest first. Leftovers of interrupted block writes
/// (`*.tmp-for-creation`) are removed; a block that fails validation is reported, not read.
public final class Database: Sendable {
    /// The data directory.
    public let directory: String
    /// The readable blocks, by minimum time.
    public let blocks: [Block]
    /// Blocks that could not be opened, with the reason.
    public let unreadableBlocks: [TSDBError]

    /// Opens `directory`, creating it (with an empty `wal/`, as Prometheus expects) when absent.
    public init(directory: String) throws(TSDBError) {
        self.directory = directory
        let manager = FileManager.default
        try TSDBError.wrap(path: directory) {
            try manager.createDirectory(atPath: directory + "/wal", withIntermediateDirectories: true)
        }
        let entries = try TSDBError.wrap(path: directory) { try manager.contentsOfDirectory(atPath: directory) }
        var blocks: [Block] = []
        var failures: [TSDBError] = []
        for entry in entries.sorted() {
            let path = directory + "/" + entry
            if entry.hasSuffix(".tmp-for-creation") || entry.hasSuffix(".tmp-for-deletion") {
                try? manager.removeItem(atPath: path)
                continue
            }
            guard ULID(entry) != nil, manager.fileExists(atPath: path + "/meta.json") else { continue }
            do {
                blocks.append(try Block(directory: path))
            } catch {
                failures.append(error)
            }
        }
        self.blocks = blocks.sorted { $0.meta.minTime < $1.meta.minTime }
        unreadableBlocks = failures
    }

    /// A querier over every block.
    public func querier() -> any Querier {
        MergedQuerier(blocks.map { BlockQuerier(block: $0) })
    }

    /// Total bytes of the block directories on disk.
    public func blockBytes() -> Int64 {
        blocks.reduce(0) { $0 + Self.directorySize($1.directory) }
    }

    /// Bytes of all regular files under `path`.
    public static func directorySize(_ path: String) -> Int64 {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        while let relative = enumerator.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + relative)
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
            }
        }
        return total
    }
}

import EtcdmonModel
import Foundation

/// Writes one immutable block directory — `chunks/`, `index`, `tombstones`, `meta.json` — into a
/// temporary directory, fsyncs everything, then renames it into place, so a crash leaves either
/// no block or a complete one (a leftover `*.tmp-for-creation` is removed on open).
public struct BlockWriter {
    /// One series of the block: its labels and its chunks in time order.
    public struct Series {
        /// The series' labels.
        public var labels: Labels
        /// Its chunks, in time order, not overlapping.
        public var chunks: [XORChunk]

        public init(labels: Labels, chunks: [XORChunk]) {
            self.labels = labels
            self.chunks = chunks
        }
    }

    /// The data directory the block goes into.
    public let directory: String

    /// Creates a writer for blocks in `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes `series` (any order; empty series are skipped) as a level-1 block and returns its meta.
    @discardableResult
    public func write(
        _ series: [Series], level: Int = 1, sources: [String]? = nil, parents: [BlockMeta.Parent]? = nil
    ) throws(TSDBError) -> BlockMeta {
        let nonEmpty = series.filter { $0.chunks.contains { $0.count > 0 } }.sorted { $0.labels < $1.labels }
        guard !nonEmpty.isEmpty else { throw TSDBError.invalidArgument("a block needs at least one sample") }
        var builder = try Builder(directory: directory)
        for item in nonEmpty {
            for chunk in item.chunks where chunk.count > 0 {
                try builder.addChunk(chunk.bytes, minTime: chunk.minTime, maxTime: chunk.maxTime, samples: chunk.count)
            }
            try builder.endSeries(item.labels)
        }
        return try builder.finish(level: level, sources: sources, parents: parents)
    }

    /// A block written series by series in label order: only the index entries are held until the
    /// end, so a block larger than memory (a merge of several) can be written.
    struct Builder {
        private let ulid = ULID()
        private let final: String
        private let temporary: String
        private var chunkWriter: ChunkSegmentWriter
        private var entries: [IndexWriter.Entry] = []
        private var pending: [ChunkMeta] = []
        private var minTime = Int64.max
        private var maxTime = Int64.min
        private var samples: UInt64 = 0
        private var chunkCount: UInt64 = 0

        /// Starts a block in a temporary directory under `directory`.
        init(directory: String) throws(TSDBError) {
            final = directory + "/" + ulid.description
            temporary = final + ".tmp-for-creation"
            try TSDBError.wrap(path: temporary) { [temporary] in
                try? FileManager.default.removeItem(atPath: temporary)
                try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            }
            chunkWriter = try ChunkSegmentWriter(directory: temporary + "/chunks")
        }

        /// Adds an encoded XOR chunk to the series being written (chunks in time order).
        mutating func addChunk(_ data: some Collection<UInt8>, minTime: Int64, maxTime: Int64, samples count: Int) throws(TSDBError) {
            pending.append(ChunkMeta(reference: try chunkWriter.append(data), minTime: minTime, maxTime: maxTime))
            self.minTime = min(self.minTime, minTime)
            self.maxTime = max(self.maxTime, maxTime)
            samples += UInt64(count)
            chunkCount += 1
        }

        /// Gives the block up: nothing of it stays on disk.
        mutating func abandon() {
            try? chunkWriter.flush()
            try? FileManager.default.removeItem(atPath: temporary)
        }

        /// Ends the series the chunks added since the last call belong to; one without chunks is left out.
        mutating func endSeries(_ labels: Labels) throws(TSDBError) {
            guard !pending.isEmpty else { return }
            if let previous = entries.last?.labels {
                guard labels != previous else { throw TSDBError.invalidArgument("series \(labels) appears twice in one block") }
                guard previous < labels else { throw TSDBError.invalidArgument("series \(labels) comes after \(previous) in label order") }
            }
            entries.append(IndexWriter.Entry(labels: labels, chunks: pending))
            pending = []
        }

        /// Writes the index, tombstones and meta, fsyncs, and renames the block into place.
        mutating func finish(level: Int, sources: [String]?, parents: [BlockMeta.Parent]?) throws(TSDBError) -> BlockMeta {
            guard !entries.isEmpty else { throw TSDBError.invalidArgument("a block needs at least one sample") }
            try chunkWriter.flush()
            try DurableFile.write(IndexWriter.encode(entries), to: temporary + "/index")
            try DurableFile.write(Tombstones.emptyFile, to: temporary + "/tombstones")
            let meta = BlockMeta(
                ulid: ulid.description, minTime: minTime, maxTime: maxTime + 1,
                stats: .init(numSamples: samples, numSeries: UInt64(entries.count), numChunks: chunkCount),
                compaction: .init(level: level, sources: sources ?? [ulid.description], parents: parents))
            try DurableFile.write(BlockMeta.encodeJSON(meta), to: temporary + "/meta.json")
            try DurableFile.syncDirectory(temporary + "/chunks")
            try DurableFile.syncDirectory(temporary)
            try DurableFile.rename(temporary, to: final)
            return meta
        }
    }
}

extension BlockMeta {
    /// The JSON exactly as Prometheus writes it (Go's `json.MarshalIndent` with a tab, fields in
    /// its order, empty optional fields left out), so block directories differ only in their ULIDs.
    /// ULIDs are base32 and numbers are integers: nothing needs escaping.
    static func encodeJSON(_ meta: BlockMeta) -> [UInt8] {
        var lines = ["{", "\t\"ulid\": \"\(meta.ulid)\",", "\t\"minTime\": \(meta.minTime),", "\t\"maxTime\": \(meta.maxTime),"]
        lines += ["\t\"stats\": {", "\t\t\"numSamples\": \(meta.stats.numSamples),", "\t\t\"numSeries\": \(meta.stats.numSeries),"]
        if let tombstones = meta.stats.numTombstones, tombstones > 0 {
            lines += ["\t\t\"numChunks\": \(meta.stats.numChunks),", "\t\t\"numTombstones\": \(tombstones)"]
        } else {
            lines.append("\t\t\"numChunks\": \(meta.stats.numChunks)")
        }
        lines += ["\t},", "\t\"compaction\": {", "\t\t\"level\": \(meta.compaction.level),", "\t\t\"sources\": ["]
        lines += meta.compaction.sources.enumerated().map { "\t\t\t\"\($0.element)\"" + ($0.offset < meta.compaction.sources.count - 1 ? "," : "") }
        if let parents = meta.compaction.parents, !parents.isEmpty {
            lines += ["\t\t],", "\t\t\"parents\": ["]
            for (position, parent) in parents.enumerated() {
                lines += ["\t\t\t{", "\t\t\t\t\"ulid\": \"\(parent.ulid)\",", "\t\t\t\t\"minTime\": \(parent.minTime),",
                          "\t\t\t\t\"maxTime\": \(parent.maxTime)", "\t\t\t}" + (position < parents.count - 1 ? "," : "")]
            }
            lines.append("\t\t]")
        } else {
            lines.append("\t\t]")
        }
        lines += ["\t},", "\t\"version\": \(meta.version)", "}"]
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// Reads and validates a `meta.json`.
    static func read(path: String) throws(TSDBError) -> BlockMeta {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TSDBError.system(path: path, operation: "read", errno: errno)
        }
        let meta: BlockMeta
        do {
            meta = try JSONDecoder().decode(BlockMeta.self, from: data)
        } catch {
            throw TSDBError.corrupt(path: path, reason: "not a block meta.json: \(error)")
        }
        guard meta.version == 1 else {
            throw TSDBError.unsupported(path: path, reason: "block meta version \(meta.version) (etcdmon reads version 1)")
        }
        return meta
    }
}

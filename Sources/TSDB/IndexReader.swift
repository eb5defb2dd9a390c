import EtcdmonModel
import Synchronization

/// Reads an index file (format v2) lazily from a mapped file: the table of contents, symbol
/// table and postings offset table are loaded on open and checked against their CRCs; series and
/// postings lists are decoded on demand.
public final class IndexReader: Sendable {
    private let file: MappedFile
    private let symbols: [String]
    /// name → (values sorted, postings offsets in the same order).
    private let postingsTable: [String: (values: [String], offsets: [Int])]
    private let allPostingsOffset: Int
    /// Series entries already read and verified: a block never changes, and dashboards read the
    /// same series again and again.
    private let seriesCache = Mutex<[UInt32: (labels: Labels, chunks: [ChunkMeta])]>([:])

    /// Opens and validates the index at `path`.
    public init(path: String) throws(TSDBError) {
        let file = try MappedFile(path: path)
        self.file = file
        let bytes = file.bytes
        func corrupt(_ reason: String) -> TSDBError { .corrupt(path: path, reason: reason) }
        do {
            var header = ByteReader(bytes)
            guard bytes.count >= 5 + 52 else { throw corrupt("file of \(bytes.count) bytes is too short for an index") }
            guard try header.bigEndian32() == IndexWriter.magic else { throw corrupt("bad magic number") }
            let version = try header.byte()
            guard version == 2 else {
                throw TSDBError.unsupported(path: path, reason: "index format version \(version) (etcdmon reads version 2)")
            }

            var toc = ByteReader(bytes, offset: bytes.count - 52)
            var references: [Int] = []
            for _ in 0..<6 { references.append(Int(clamping: try toc.bigEndian64())) }
            let tocChecksum = try toc.bigEndian32()
            guard CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 52)..<(bytes.count - 4)])) == tocChecksum else {
                throw corrupt("table of contents checksum mismatch")
            }
            guard references.allSatisfy({ $0 >= 0 && $0 < bytes.count }) else { throw corrupt("table of contents points outside the file") }

            var symbolReader = try Self.section(bytes, at: references[0], path: path)
            let symbolCount = Int(try symbolReader.bigEndian32())
            guard symbolCount <= symbolReader.remaining else { throw corrupt("symbol table claims \(symbolCount) symbols") }
            var symbols: [String] = []
            symbols.reserveCapacity(symbolCount)
            for _ in 0..<symbolCount { symbols.append(try symbolReader.uvarintString()) }
            self.symbols = symbols

            var table: [String: (values: [String], offsets: [Int])] = [:]
            var allPostings = -1
            if references[5] != 0 {
                var reader = try Self.section(bytes, at: references[5], path: path)
                let entries = Int(try reader.bigEndian32())
                for _ in 0..<entries {
                    guard try reader.uvarint() == 2 else { throw corrupt("postings offset entry without 2 strings") }
                    let name = try reader.uvarintString()
                    let value = try reader.uvarintString()
                    let offset = Int(clamping: try reader.uvarint())
                    if name.isEmpty && value.isEmpty {
                        allPostings = offset
                    } else {
                        table[name, default: ([], [])].values.append(value)
                        table[name, default: ([], [])].offsets.append(offset)
                    }
                }
            }
            postingsTable = table
            allPostingsOffset = allPostings
        } catch let error as DecodeError {
            throw corrupt(error.description)
        } catch let error as TSDBError {
            throw error
        } catch {
            throw corrupt("\(error)")
        }
    }

    /// A reader over a `len | body | CRC` section's body, after checking the CRC.
    static func section(_ bytes: UnsafeRawBufferPointer, at offset: Int, path: String) throws -> ByteReader {
        var reader = ByteReader(bytes, offset: offset)
        let length = Int(try reader.bigEndian32())
        let body = try reader.slice(length)
        let checksum = try reader.bigEndian32()
        guard CRC32C.checksum(body) == checksum else {
            throw TSDBError.corrupt(path: path, reason: "checksum mismatch in section at byte \(offset)")
        }
        return ByteReader(bytes, offset: offset + 4).limited(to: offset + 4 + length)
    }

    /// Every label name, sorted.
    public func labelNames() -> [String] {
        postingsTable.keys.sortedByBytes()
    }

    /// Every value of `name`, sorted.
    public func labelValues(_ name: String) -> [String] {
        postingsTable[name]?.values ?? []
    }

    /// The IDs of all series, sorted.
    public func allPostings() throws(TSDBError) -> [UInt32] {
        guard allPostingsOffset >= 0 else { return [] }
        return try postings(at: allPostingsOffset)
    }

    /// The IDs of the series with `name="value"`, sorted.
    public func postings(name: String, value: String) throws(TSDBError) -> [UInt32] {
        guard let entry = postingsTable[name], let position = Self.find(value, in: entry.values) else { return [] }
        return try postings(at: entry.offsets[position])
    }

    /// The IDs of the series whose `name` has a value satisfying `predicate`, sorted.
    public func postings(name: String, where predicate: (String) -> Bool) throws(TSDBError) -> [UInt32] {
        guard let entry = postingsTable[name] else { return [] }
        var lists: [[UInt32]] = []
        for (value, offset) in zip(entry.values, entry.offsets) where predicate(value) {
            lists.append(try postings(at: offset))
        }
        return Postings.union(lists)
    }

    private static func find(_ value: String, in values: [String]) -> Int? {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] == value { return middle }
            if values[middle].utf8.lexicographicallyPrecedes(value.utf8) { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func postings(at offset: Int) throws(TSDBError) -> [UInt32] {
        do {
            var reader = try Self.section(file.bytes, at: offset, path: file.path)
            let count = Int(try reader.bigEndian32())
            guard count * 4 <= reader.remaining else {
                throw TSDBError.corrupt(path: file.path, reason: "postings list at byte \(offset) claims \(count) entries")
            }
            var ids: [UInt32] = []
            ids.reserveCapacity(count)
            for _ in 0..<count { ids.append(try reader.bigEndian32()) }
            return ids
        } catch let error as TSDBError {
            throw error
        } catch {
            throw TSDBError.corrupt(path: file.path, reason: "postings at byte \(offset): \(error)")
        }
    }

    /// The labels and chunk references of series `id`.
    public func series(_ id: UInt32) throws(TSDBError) -> (labels: Labels, chunks: [ChunkMeta]) {
        if let cached = seriesCache.withLock({ $0[id] }) { return cached }
        let entry = try readSeries(id)
        seriesCache.withLock { $0[id] = entry }
        return entry
    }

    private func readSeries(_ id: UInt32) throws(TSDBError) -> (labels: Labels, chunks: [ChunkMeta]) {
        let offset = Int(id) * 16
        do {
            var reader = ByteReader(file.bytes, offset: offset)
            let length = Int(try reader.uvarint())
            let bodyStart = reader.offset
            let body = try reader.slice(length)
            guard CRC32C.checksum(body) == (try reader.bigEndian32()) else {
                throw TSDBError.corrupt(path: file.path, reason: "checksum mismatch in series \(id)")
            }
            var entry = ByteReader(file.bytes, offset: bodyStart).limited(to: bodyStart + length)
            let labelCount = Int(try entry.uvarint())
            var labels: [Label] = []
            labels.reserveCapacity(labelCount)
            for _ in 0..<labelCount {
                let name = Int(try entry.uvarint())
                let value = Int(try entry.uvarint())
                guard name < symbols.count, value < symbols.count else {
                    throw TSDBError.corrupt(path: file.path, reason: "series \(id) references a missing symbol")
                }
                labels.append(Label(symbols[name], symbols[value]))
            }
            let chunkCount = Int(try entry.uvarint())
            var chunks: [ChunkMeta] = []
            chunks.reserveCapacity(min(chunkCount, 4096))
            for position in 0..<chunkCount {
                if position == 0 {
                    let minTime = try entry.varint()
                    let maxTime = minTime &+ Int64(bitPattern: try entry.uvarint())
                    chunks.append(ChunkMeta(reference: try entry.uvarint(), minTime: minTime, maxTime: maxTime))
                } else {
                    let previous = chunks[position - 1]
                    let minTime = previous.maxTime &+ Int64(bitPattern: try entry.uvarint())
                    let maxTime = minTime &+ Int64(bitPattern: try entry.uvarint())
                    let reference = UInt64(bitPattern: Int64(bitPattern: previous.reference) &+ (try entry.varint()))
                    chunks.append(ChunkMeta(reference: reference, minTime: minTime, maxTime: maxTime))
                }
            }
            return (Labels(labels), chunks)
        } catch let error as TSDBError {
            throw error
        } catch {
            throw TSDBError.corrupt(path: file.path, reason: "series \(id): \(error)")
        }
    }
}

extension ByteReader {
    /// The same reader, seeing only bytes before `end`.
    func limited(to end: Int) -> ByteReader {
        ByteReader(UnsafeRawBufferPointer(rebasing: bytes[..<min(end, bytes.count)]), offset: offset)
    }
}

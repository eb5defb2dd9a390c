import Foundation

/// Reads a Prometheus WAL directory (or checkpoint): segments in order, fragments reassembled,
/// CRCs checked, Snappy-compressed records decompressed.
///
/// A damaged record stops the reading with its position; `WAL.repair` then cuts the WAL there,
/// keeping everything before it.
public struct WALReader {
    /// Where a WAL stops being readable.
    public struct Corruption: Error, Sendable, CustomStringConvertible {
        /// The segment holding the damage.
        public var segment: Int
        /// Byte offset in that segment of the first record that could not be read.
        public var offset: Int
        /// What was wrong.
        public var reason: String
        /// The segment's path.
        public var path: String

        public var description: String { "\(path): corrupt WAL record at byte \(offset): \(reason)" }
    }

    /// The segment numbers in `directory`, ascending.
    public static func segments(in directory: String) throws(TSDBError) -> [Int] {
        let names = try TSDBError.wrap(path: directory) { try FileManager.default.contentsOfDirectory(atPath: directory) }
        return names.compactMap { name in name.count == 8 && name.allSatisfy(\.isNumber) ? Int(name) : nil }.sorted()
    }

    /// Calls `body` with every record of segments `from...` in `directory`, in order.
    /// Throws `Corruption` at the first unreadable record (a torn tail after a crash included).
    public static func read(
        directory: String, from first: Int = 0, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        for segment in try segments(in: directory) where segment >= first {
            let path = WALWriter.segmentPath(directory, segment)
            let file = try MappedFile(path: path)
            try readSegment(file, segment: segment, body)
        }
    }

    static func readSegment(_ file: MappedFile, segment: Int, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        _ = try readSegment(file, segment: segment, from: 0, tail: false) { record, _ in try body(record) }
    }

    /// Reads the records of segment `segment` of `directory` from byte `offset` (a record boundary,
    /// as an earlier call returned it): `body` gets each record and the offset just past it. With
    /// `tail`, a record cut off at the end is one the writer is still writing, not damage: the
    /// reading stops before it. Returns the offset of the first record not read.
    public static func readSegment(
        directory: String, segment: Int, from offset: Int, tail: Bool, _ body: (UnsafeRawBufferPointer, _ end: Int) throws -> Void
    ) throws -> Int {
        let file = try MappedFile(path: WALWriter.segmentPath(directory, segment))
        return try readSegment(file, segment: segment, from: offset, tail: tail, body)
    }

    static func readSegment(
        _ file: MappedFile, segment: Int, from offset: Int, tail: Bool, _ body: (UnsafeRawBufferPointer, _ end: Int) throws -> Void
    ) throws -> Int {
        let bytes = file.bytes
        let pageSize = WALWriter.pageSize
        var position = min(offset, bytes.count)
        var pending: [UInt8] = []
        var pendingStart = 0
        var pendingCompressed = false
        var inRecord = false
        // A damaged fragment invalidates the whole record it belongs to.
        func corrupt(_ at: Int, _ reason: String) -> Corruption {
            Corruption(segment: segment, offset: inRecord ? pendingStart : at, reason: reason, path: file.path)
        }
        while position < bytes.count {
            let inPage = position % pageSize
            if pageSize - inPage < WALWriter.headerSize {
                position += pageSize - inPage
                continue
            }
            let type = bytes[position]
            if type == 0 {
                // Padding: the rest of the page must be zero.
                let end = min(bytes.count, position + pageSize - inPage)
                if let nonZero = (position..<end).first(where: { bytes[$0] != 0 }) {
                    throw corrupt(nonZero, "non-zero byte in page padding")
                }
                position = end
                continue
            }
            guard bytes.count - position >= WALWriter.headerSize else {
                if tail { return inRecord ? pendingStart : position }
                throw corrupt(position, "record header cut off at end of segment")
            }
            let kind = type & 0x07
            let compressed = type & WALWriter.snappyFlag != 0
            guard (1...4).contains(kind), type & ~0x0F == 0 else { throw corrupt(position, "unknown fragment type \(type)") }
            let length = Int(bytes[position + 1]) << 8 | Int(bytes[position + 2])
            let crc = UInt32(bytes[position + 3]) << 24 | UInt32(bytes[position + 4]) << 16
                | UInt32(bytes[position + 5]) << 8 | UInt32(bytes[position + 6])
            let dataStart = position + WALWriter.headerSize
            guard inPage + WALWriter.headerSize + length <= pageSize else { throw corrupt(position, "fragment crosses a page boundary") }
            guard dataStart + length <= bytes.count else {
                if tail { return inRecord ? pendingStart : position }
                throw corrupt(position, "fragment cut off at end of segment (torn write)")
            }
            let data = UnsafeRawBufferPointer(rebasing: bytes[dataStart..<dataStart + length])
            guard CRC32C.checksum(data) == crc else { throw corrupt(position, "checksum mismatch") }
            switch kind {
            case 1, 2:
                guard !inRecord else { throw corrupt(position, "new record before the last one ended") }
                pendingStart = position
                pending = Array(data)
                pendingCompressed = compressed
                inRecord = kind == 2
            default:
                guard inRecord else { throw corrupt(position, "record continuation without a start") }
                pending.append(contentsOf: data)
                inRecord = kind == 3
            }
            position = dataStart + length
            if !inRecord {
                if pendingCompressed {
                    let decompressed: [UInt8]
                    do { decompressed = try pending.withUnsafeBytes { buffer throws(DecodeError) in try Snappy.decompress(buffer) } } catch {
                        throw corrupt(pendingStart, "\(error)")
                    }
                    try decompressed.withUnsafeBytes { try body($0, position) }
                } else {
                    try pending.withUnsafeBytes { try body($0, position) }
                }
                pending.removeAll(keepingCapacity: true)
                pendingStart = 0
            }
        }
        if inRecord {
            if tail { return pendingStart }
            throw Corruption(segment: segment, offset: pendingStart, reason: "last record incomplete (torn write)", path: file.path)
        }
        return position
    }
}

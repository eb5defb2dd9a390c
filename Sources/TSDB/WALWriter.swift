import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends records to a WAL directory in Prometheus's format: segment files `00000000`,
/// `00000001`, … of 32 KiB pages; each record is written as one or more fragments
/// `type(1) | length(2, BE) | CRC-32C(4, BE) | data`, where the type says full, first, middle or
/// last and bit 3 marks Snappy compression. A fragment never crosses a page, a record never crosses
/// a segment, and a page with fewer than 7 bytes left is padded with zeros.
///
/// Durability policy: `log` writes the records to the file (a crash of etcdmon loses nothing
/// written); `sync` fsyncs, which a power loss needs. The storage syncs once per commit batch
/// when asked to, and always when cutting a segment or closing.
public final class WALWriter {
    static let pageSize = 32 * 1024
    static let headerSize = 7
    /// Prometheus's segment size, 128 MiB.
    public static let defaultSegmentSize = 128 * 1024 * 1024
    static let snappyFlag: UInt8 = 0x08

    /// The WAL directory.
    public let directory: String
    /// Compress records with Snappy (Prometheus's default).
    public let compress: Bool
    private let segmentSize: Int
    /// The segment being written.
    public private(set) var segment: Int
    private var descriptor: Int32 = -1
    private var page = [UInt8](repeating: 0, count: WALWriter.pageSize)
    private var pageAllocated = 0
    private var pageFlushed = 0
    private var donePages = 0

    /// Opens the WAL for appending in a new segment after the last existing one.
    public init(directory: String, compress: Bool = true, segmentSize: Int = WALWriter.defaultSegmentSize) throws(TSDBError) {
        self.directory = directory
        self.compress = compress
        self.segmentSize = max(segmentSize, 2 * Self.pageSize)
        try TSDBError.wrap(path: directory) { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        segment = (try WALReader.segments(in: directory).last.map { $0 + 1 }) ?? 0
        try openSegment()
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    /// Path of segment `index` in `directory`.
    package static func segmentPath(_ directory: String, _ index: Int) -> String {
        let number = String(index)
        return directory + "/" + String(repeating: "0", count: max(0, 8 - number.count)) + number
    }

    private func openSegment() throws(TSDBError) {
        let path = Self.segmentPath(directory, segment)
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TSDBError.system(path: path, operation: "create WAL segment", errno: errno) }
        try DurableFile.syncDirectory(directory)
        pageAllocated = 0
        pageFlushed = 0
        donePages = 0
    }

    /// Pads the open page, fsyncs and closes the segment, and starts the next one.
    public func cutSegment() throws(TSDBError) {
        if pageAllocated > 0 { try flushPage(clear: true) }
        try sync()
        Glibc.close(descriptor)
        descriptor = -1
        segment += 1
        try openSegment()
    }

    /// Appends records; they are in the file (not yet fsynced) when this returns. On failure (a
    /// full disk) the segment is cut back to where it was, so the WAL never holds part of a batch
    /// and a later `log` goes on cleanly.
    public func log(_ records: [[UInt8]]) throws(TSDBError) {
        let startSegment = segment
        let startOffset = off_t(donePages * Self.pageSize + pageFlushed)
        let startPage = (allocated: pageAllocated, flushed: pageFlushed, done: donePages, bytes: Array(page[..<pageAllocated]))
        do {
            try append(records)
        } catch {
            let offset: off_t = segment == startSegment ? startOffset : 0
            _ = ftruncate(descriptor, offset)
            _ = lseek(descriptor, offset, SEEK_SET)
            if segment == startSegment {
                pageAllocated = startPage.allocated
                pageFlushed = startPage.flushed
                donePages = startPage.done
                page.replaceSubrange(0..<startPage.bytes.count, with: startPage.bytes)
            } else {
                pageAllocated = 0
                pageFlushed = 0
                donePages = 0
            }
            throw error
        }
    }

    private func append(_ records: [[UInt8]]) throws(TSDBError) {
        for record in records {
            let data = compress ? Snappy.compress(record) : record
            let pagesPerSegment = segmentSize / Self.pageSize
            let left = (Self.pageSize - pageAllocated - Self.headerSize)
                + (Self.pageSize - Self.headerSize) * (pagesPerSegment - donePages - 1)
            if data.count > left { try cutSegment() }
            var offset = 0
            var first = true
            repeat {
                let room = Self.pageSize - pageAllocated - Self.headerSize
                let length = min(data.count - offset, room)
                let isLast = offset + length == data.count
                var type: UInt8 = first ? (isLast ? 1 : 2) : (isLast ? 4 : 3)
                if compress { type |= Self.snappyFlag }
                let crc = data.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
                page[pageAllocated] = type
                page[pageAllocated + 1] = UInt8(length >> 8)
                page[pageAllocated + 2] = UInt8(length & 0xFF)
                page[pageAllocated + 3] = UInt8(truncatingIfNeeded: crc >> 24)
                page[pageAllocated + 4] = UInt8(truncatingIfNeeded: crc >> 16)
                page[pageAllocated + 5] = UInt8(truncatingIfNeeded: crc >> 8)
                page[pageAllocated + 6] = UInt8(truncatingIfNeeded: crc)
                page.withUnsafeMutableBytes { target in
                    data.withUnsafeBytes { source in
                        target.baseAddress!.advanced(by: pageAllocated + Self.headerSize)
                            .copyMemory(from: source.baseAddress!.advanced(by: offset), byteCount: length)
                    }
                }
                pageAllocated += Self.headerSize + length
                offset += length
                first = false
                if Self.pageSize - pageAllocated < Self.headerSize { try flushPage(clear: true) }
            } while offset < data.count
        }
        if pageAllocated > pageFlushed { try flushPage(clear: false) }
    }

    /// Writes the unwritten part of the page; with `clear`, pads it to its end and starts a new page.
    private func flushPage(clear: Bool) throws(TSDBError) {
        let end = clear ? Self.pageSize : pageAllocated
        if clear {
            for index in pageAllocated..<Self.pageSize { page[index] = 0 }
        }
        var position = pageFlushed
        while position < end {
            let written = page.withUnsafeBytes { write(descriptor, $0.baseAddress! + position, end - position) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                throw TSDBError.system(path: Self.segmentPath(directory, segment), operation: "write", errno: code)
            }
            position += written
        }
        pageFlushed = end
        if clear {
            pageAllocated = 0
            pageFlushed = 0
            donePages += 1
        }
    }

    /// fsyncs the open segment.
    public func sync() throws(TSDBError) {
        guard fsync(descriptor) == 0 else {
            throw TSDBError.system(path: Self.segmentPath(directory, segment), operation: "fsync", errno: errno)
        }
    }

    /// fsyncs and closes; the writer must not be used afterwards.
    public func close() throws(TSDBError) {
        guard descriptor >= 0 else { return }
        try sync()
        Glibc.close(descriptor)
        descriptor = -1
    }
}

import Foundation

/// Writes a block's `chunks/` directory: segment files `000001`, `000002`, … each starting with
/// the magic `0x85BD40DD`, version 1 and three bytes of padding, then chunks as
/// `uvarint(length) | encoding byte | data | CRC-32C(encoding + data)`. A segment is closed
/// before it would pass `segmentSize` (Prometheus: 512 MiB).
struct ChunkSegmentWriter {
    static let magic: UInt32 = 0x85BD_40DD
    static let headerSize = 8
    static let defaultSegmentSize = 512 * 1024 * 1024

    /// Bytes buffered before they are appended to the segment's file: a block's chunks stream to
    /// disk instead of being held until their segment is full (512 MiB each).
    static let defaultBufferSize = 1 << 20

    let directory: String
    let segmentSize: Int
    let bufferSize: Int
    private var buffer: ByteWriter
    private var segmentIndex = 0
    /// The open segment's length so far, written and buffered.
    private var segmentLength = 0
    private(set) var bytesWritten = 0

    init(directory: String, segmentSize: Int = defaultSegmentSize, bufferSize: Int = defaultBufferSize) throws(TSDBError) {
        self.directory = directory
        self.segmentSize = segmentSize
        self.bufferSize = bufferSize
        buffer = ByteWriter(capacity: bufferSize)
        try TSDBError.wrap(path: directory) { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        startSegment()
    }

    private var segmentPath: String { directory + "/" + ChunkSegmentWriter.segmentName(segmentIndex) }

    private mutating func startSegment() {
        buffer.putBigEndian32(Self.magic)
        buffer.putByte(1)
        buffer.putBytes([0, 0, 0])
        segmentLength = Self.headerSize
    }

    /// Appends one chunk and returns its reference.
    mutating func append(_ data: some Collection<UInt8>, encoding: UInt8 = XORChunk.encoding) throws(TSDBError) -> UInt64 {
        let needed = 10 + 1 + data.count + 4
        if segmentLength + needed > segmentSize && segmentLength > Self.headerSize {
            try flush()
            segmentIndex += 1
            startSegment()
        }
        let offset = segmentLength
        let before = buffer.count
        buffer.putUvarint(UInt64(data.count))
        let checksumStart = buffer.count
        buffer.putByte(encoding)
        buffer.putBytes(data)
        buffer.putChecksum(from: checksumStart)
        segmentLength += buffer.count - before
        if buffer.count >= bufferSize { try writeBuffer(sync: false) }
        return UInt64(segmentIndex) << 32 | UInt64(offset)
    }

    /// Writes the rest of the open segment to disk and fsyncs it.
    mutating func flush() throws(TSDBError) {
        try writeBuffer(sync: true)
    }

    private mutating func writeBuffer(sync: Bool) throws(TSDBError) {
        try DurableFile.append(buffer.bytes, to: segmentPath, sync: sync)
        bytesWritten += buffer.count
        buffer.bytes.removeAll(keepingCapacity: true)
    }

    /// `000001` for segment 0.
    static func segmentName(_ index: Int) -> String {
        let number = String(index + 1)
        return String(repeating: "0", count: max(0, 6 - number.count)) + number
    }
}

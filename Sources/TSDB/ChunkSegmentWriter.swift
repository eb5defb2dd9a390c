import Foundation

/// Writes a block's `chunks/` directory: segment files `000001`, `000002`, … each starting with
/// the magic `0x85BD40DD`, version 1 and three bytes of padding, then chunks as
/// `uvarint(length) | encoding byte | data | CRC-32C(encoding + data)`. A segment is closed
/// before it would pass `segmentSize` (Prometheus: 512 MiB).
struct ChunkSegmentWriter {
    static let magic: UInt32 = 0x85BD_40DD
    static let headerSize = 8
    static let defaultSegmentSize = 512 * 1024 * 1024

    let directory: String
    let segmentSize: Int
    private var segment = ByteWriter()
    private var segmentIndex = 0
    private(set) var bytesWritten = 0

    init(directory: String, segmentSize: Int = defaultSegmentSize) throws(TSDBError) {
        self.directory = directory
        self.segmentSize = segmentSize
        try TSDBError.wrap(path: directory) { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        startSegment()
    }

    private mutating func startSegment() {
        segment = ByteWriter(capacity: 1 << 20)
        segment.putBigEndian32(Self.magic)
        segment.putByte(1)
        segment.putBytes([0, 0, 0])
    }

    /// Appends one chunk and returns its reference.
    mutating func append(_ data: some Collection<UInt8>, encoding: UInt8 = XORChunk.encoding) throws(TSDBError) -> UInt64 {
        let needed = 10 + 1 + data.count + 4
        if segment.count + needed > segmentSize && segment.count > Self.headerSize {
            try flush()
            segmentIndex += 1
            startSegment()
        }
        let offset = segment.count
        segment.putUvarint(UInt64(data.count))
        let checksumStart = segment.count
        segment.putByte(encoding)
        segment.putBytes(data)
        segment.putChecksum(from: checksumStart)
        return UInt64(segmentIndex) << 32 | UInt64(offset)
    }

    /// Writes the open segment to disk (fsynced).
    mutating func flush() throws(TSDBError) {
        let path = directory + "/" + ChunkSegmentWriter.segmentName(segmentIndex)
        try DurableFile.write(segment.bytes, to: path)
        bytesWritten += segment.count
    }

    /// `000001` for segment 0.
    static func segmentName(_ index: Int) -> String {
        let number = String(index + 1)
        return String(repeating: "0", count: max(0, 6 - number.count)) + number
    }
}

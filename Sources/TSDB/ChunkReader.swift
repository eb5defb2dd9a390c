import Foundation

/// Reads chunks by reference from a block's mapped `chunks/` segment files, checking each
/// chunk's CRC before handing out its bytes.
public final class ChunkReader: Sendable {
    private let segments: [MappedFile]

    /// Maps every segment file in `directory` (named `000001`, `000002`, …).
    public init(directory: String) throws(TSDBError) {
        let names = try TSDBError.wrap(path: directory) { try FileManager.default.contentsOfDirectory(atPath: directory) }
            .filter { $0.count == 6 && $0.allSatisfy(\.isNumber) }.sorted()
        var segments: [MappedFile] = []
        for (position, name) in names.enumerated() {
            guard name == ChunkSegmentWriter.segmentName(position) else {
                throw TSDBError.corrupt(path: directory + "/" + name, reason: "chunk segments are not numbered consecutively")
            }
            let file = try MappedFile(path: directory + "/" + name)
            var reader = ByteReader(file.bytes)
            let magic: UInt32
            do { magic = try reader.bigEndian32() } catch {
                throw TSDBError.corrupt(path: file.path, reason: "too short for a chunk segment header")
            }
            guard magic == ChunkSegmentWriter.magic else { throw TSDBError.corrupt(path: file.path, reason: "bad magic number") }
            segments.append(file)
        }
        self.segments = segments
    }

    /// The encoding and data of the chunk at `reference`; the bytes live as long as the reader.
    public func chunk(_ reference: UInt64) throws(TSDBError) -> (encoding: UInt8, data: UnsafeRawBufferPointer) {
        let segment = Int(reference >> 32)
        let offset = Int(reference & 0xFFFF_FFFF)
        guard segment < segments.count else {
            throw TSDBError.corrupt(path: "chunks", reason: "chunk reference \(reference) names missing segment \(segment + 1)")
        }
        let file = segments[segment]
        do {
            var reader = ByteReader(file.bytes, offset: offset)
            let length = Int(try reader.uvarint())
            let checked = try reader.slice(length + 1)
            let checksum = try reader.bigEndian32()
            guard CRC32C.checksum(checked) == checksum else {
                throw TSDBError.corrupt(path: file.path, reason: "checksum mismatch in chunk at byte \(offset)")
            }
            return (checked[0], UnsafeRawBufferPointer(rebasing: checked[1...]))
        } catch let error as TSDBError {
            throw error
        } catch {
            throw TSDBError.corrupt(path: file.path, reason: "chunk at byte \(offset): \(error)")
        }
    }
}

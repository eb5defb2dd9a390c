import Testing
@testable import TSDB

@Suite("Checksums and integer encodings")
struct EncodingTests {
    @Test("CRC-32C matches the standard check values")
    func crc32c() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        // Slicing-by-8 and the byte loop agree at every split point.
        let bytes = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for split in 0...bytes.count {
            let first = bytes.withUnsafeBytes { CRC32C.update(0, UnsafeRawBufferPointer(rebasing: $0[..<split])) }
            let whole = bytes.withUnsafeBytes { CRC32C.update(first, UnsafeRawBufferPointer(rebasing: $0[split...])) }
            #expect(whole == CRC32C.checksum(bytes))
        }
    }

    @Test("varints round-trip and use Go's byte layout")
    func varints() throws {
        var writer = ByteWriter()
        writer.putUvarint(300)
        #expect(writer.bytes == [0xAC, 0x02])
        writer = ByteWriter()
        writer.putVarint(-1)
        #expect(writer.bytes == [0x01])
        let values: [Int64] = [0, 1, -1, 63, -64, 64, 1 << 40, -(1 << 40), .max, .min]
        writer = ByteWriter()
        for value in values {
            writer.putVarint(value)
            writer.putUvarint(UInt64(bitPattern: value))
        }
        let decoded = writer.bytes.withUnsafeBytes { buffer -> [Int64]? in
            var reader = ByteReader(buffer)
            var out: [Int64] = []
            do {
                for _ in values {
                    out.append(try reader.varint())
                    out.append(Int64(bitPattern: try reader.uvarint()))
                }
            } catch { return nil }
            return reader.remaining == 0 ? out : nil
        }
        #expect(decoded == values.flatMap { [$0, $0] })
    }

    @Test("truncated and overlong varints are errors, not crashes")
    func badVarints() {
        [UInt8]([0x80, 0x80]).withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            #expect(throws: DecodeError.self) { try reader.uvarint() }
        }
        [UInt8](repeating: 0xFF, count: 11).withUnsafeBytes { buffer in
            var reader = ByteReader(buffer)
            #expect(throws: DecodeError.self) { try reader.uvarint() }
        }
    }
}

/// Reads bits most-significant first; running past the end is an error, not a crash.
struct BitReader {
    let bytes: UnsafeRawBufferPointer
    /// The next bit to read, counted from the start of `bytes`.
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, byteOffset: Int = 0) {
        self.bytes = bytes
        position = byteOffset * 8
    }

    var bitsLeft: Int { bytes.count * 8 - position }

    @inline(__always)
    mutating func readBit() throws(DecodeError) -> Bool {
        guard position < bytes.count * 8 else { throw DecodeError(offset: position / 8, reason: "chunk ends early") }
        let byte = bytes[position >> 3]
        let bit = (byte >> UInt8(7 - (position & 7))) & 1
        position += 1
        return bit == 1
    }

    @inline(__always)
    mutating func readBits(_ count: Int) throws(DecodeError) -> UInt64 {
        guard count <= bitsLeft else { throw DecodeError(offset: position / 8, reason: "chunk ends early") }
        let byteIndex = position >> 3
        let bitInByte = position & 7
        // Fast path: the bits lie within one 8-byte big-endian load.
        if count > 0, count + bitInByte <= 64, byteIndex + 8 <= bytes.count {
            let word = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: byteIndex, as: UInt64.self))
            position += count
            return (word << UInt64(bitInByte)) >> UInt64(64 - count)
        }
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let bitInByte = position & 7
            let available = 8 - bitInByte
            let take = min(available, remaining)
            let byte = UInt64(bytes[position >> 3])
            let part = (byte >> UInt64(available - take)) & ((1 << UInt64(take)) - 1)
            result = take == 64 ? part : (result << UInt64(take)) | part
            position += take
            remaining -= take
        }
        return result
    }

    mutating func readByte() throws(DecodeError) -> UInt8 {
        UInt8(try readBits(8))
    }

    mutating func readUvarint() throws(DecodeError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        for _ in 0..<10 {
            let byte = try readByte()
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw DecodeError(offset: position / 8, reason: "varint longer than 10 bytes in chunk")
    }

    mutating func readVarint() throws(DecodeError) -> Int64 {
        let raw = try readUvarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }
}

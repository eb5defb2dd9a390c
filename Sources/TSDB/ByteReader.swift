/// Reads the encodings `ByteWriter` writes from memory the caller keeps alive (an mmap-ed file or
/// an array). Every read is bounds-checked and reports where it failed, so a truncated or corrupt
/// file becomes an error, never a crash.
public struct ByteReader {
    /// The bytes being read.
    public let bytes: UnsafeRawBufferPointer
    /// The position of the next read.
    public var offset: Int

    /// Creates a reader positioned at `offset`.
    public init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    /// Bytes left to read.
    public var remaining: Int { bytes.count - offset }

    private func check(_ size: Int, _ what: String) throws(DecodeError) {
        guard size >= 0, offset >= 0, offset <= bytes.count, bytes.count - offset >= size else {
            throw DecodeError(offset: offset, reason: "truncated \(what): need \(size) bytes, \(max(0, bytes.count - offset)) left")
        }
    }

    /// Reads one byte.
    public mutating func byte() throws(DecodeError) -> UInt8 {
        try check(1, "byte")
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads a big-endian 32-bit integer.
    public mutating func bigEndian32() throws(DecodeError) -> UInt32 {
        try check(4, "32-bit integer")
        defer { offset += 4 }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// Reads a big-endian 64-bit integer.
    public mutating func bigEndian64() throws(DecodeError) -> UInt64 {
        let high = try bigEndian32()
        return UInt64(high) << 32 | UInt64(try bigEndian32())
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes.
    public mutating func uvarint() throws(DecodeError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else {
                throw DecodeError(offset: offset, reason: "truncated varint")
            }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw DecodeError(offset: offset - 1, reason: "varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { throw DecodeError(offset: offset, reason: "varint longer than 10 bytes") }
        }
    }

    /// Reads a zig-zag signed varint.
    public mutating func varint() throws(DecodeError) -> Int64 {
        let raw = try uvarint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads `count` raw bytes.
    public mutating func slice(_ count: Int) throws(DecodeError) -> UnsafeRawBufferPointer {
        try check(count, "field of \(count) bytes")
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    /// Reads a uvarint-length-prefixed UTF-8 string.
    public mutating func uvarintString() throws(DecodeError) -> String {
        let length = try uvarint()
        guard length <= UInt64(remaining) else {
            throw DecodeError(offset: offset, reason: "string of \(length) bytes runs past the end")
        }
        return String(decoding: try slice(Int(length)), as: UTF8.self)
    }

    /// Skips `count` bytes.
    public mutating func skip(_ count: Int) throws(DecodeError) {
        try check(count, "skip")
        offset += count
    }
}

/// A decoding failure at a byte offset; `TSDBError` adds the file.
public struct DecodeError: Error, Sendable, CustomStringConvertible {
    /// Where in the buffer the failure was found.
    public var offset: Int
    /// What was wrong.
    public var reason: String

    /// Creates an error.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "at byte \(offset): \(reason)" }
}

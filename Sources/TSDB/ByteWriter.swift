/// Appends the binary encodings Prometheus's TSDB files use: big-endian fixed-width integers,
/// LEB128 varints (Go's `binary.PutUvarint`/`PutVarint`, zig-zag for signed) and
/// length-prefixed strings.
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The number of bytes written.
    public var count: Int { bytes.count }

    /// Appends one byte.
    public mutating func putByte(_ value: UInt8) { bytes.append(value) }

    /// Appends raw bytes.
    public mutating func putBytes(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// Appends a big-endian 32-bit integer.
    public mutating func putBigEndian32(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends a big-endian 64-bit integer.
    public mutating func putBigEndian64(_ value: UInt64) {
        putBigEndian32(UInt32(truncatingIfNeeded: value >> 32))
        putBigEndian32(UInt32(truncatingIfNeeded: value))
    }

    /// Appends an unsigned LEB128 varint.
    public mutating func putUvarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Appends a signed varint (zig-zag encoded, as Go's `binary.PutVarint`).
    public mutating func putVarint(_ value: Int64) {
        putUvarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Appends a string as its uvarint byte length followed by its UTF-8 bytes.
    public mutating func putUvarintString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            putUvarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Overwrites four bytes at `offset` with a big-endian 32-bit integer (for length placeholders).
    public mutating func setBigEndian32(_ value: UInt32, at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value >> 24)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value)
    }

    /// Appends zero bytes until `count` is a multiple of `alignment`.
    public mutating func pad(to alignment: Int) {
        let remainder = bytes.count % alignment
        if remainder != 0 { bytes.append(contentsOf: repeatElement(0, count: alignment - remainder)) }
    }

    /// Appends the CRC-32C of the bytes from `start` to the end.
    public mutating func putChecksum(from start: Int) {
        let crc = bytes.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        putBigEndian32(crc)
    }
}

/// Writes bits most-significant first into bytes, with exactly the byte layout of Prometheus's
/// `bstream`: whole bytes go through `writeByte`, which always leaves a fresh trailing byte, so a
/// chunk may end in an empty byte where Prometheus's does — and etcdmon's chunk files come out
/// byte-identical to Prometheus's for the same samples.
struct BitWriter: Sendable {
    /// The bytes written; the last one may be partly filled.
    var bytes: [UInt8]
    /// How many low bits of the last byte are still free (0: a new byte is needed).
    var freeBits: UInt8 = 0

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            appendByte(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= 1 << UInt8(freeBits) }
    }

    /// Writes 8 bits: the high part fills the last byte, the low part starts a new one.
    mutating func writeByte(_ byte: UInt8) {
        if freeBits == 0 {
            appendByte(0)
            freeBits = 8
        }
        bytes[bytes.count - 1] |= byte >> UInt8(8 - freeBits)
        appendByte(freeBits == 8 ? 0 : byte << UInt8(freeBits))
    }

    /// Releases the unused capacity (a chunk that will not grow again).
    mutating func shrinkToFit() {
        guard bytes.capacity > bytes.count else { return }
        bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// Appends a byte, growing the storage by a quarter (16 bytes at least) rather than doubling it:
    /// the head holds an open chunk per series, and doubling left about a third of their bytes unused.
    private mutating func appendByte(_ byte: UInt8) {
        if bytes.count == bytes.capacity { bytes.reserveCapacity(bytes.count + max(16, bytes.count / 4)) }
        bytes.append(byte)
    }

    /// Writes the low `count` bits of `value`, highest first: whole bytes, then single bits.
    mutating func writeBits(_ value: UInt64, count: Int) {
        guard count > 0 else { return }
        var remaining = count
        var shifted = value << UInt64(64 - count)
        while remaining >= 8 {
            writeByte(UInt8(shifted >> 56))
            shifted <<= 8
            remaining -= 8
        }
        while remaining > 0 {
            writeBit(shifted >> 63 == 1)
            shifted <<= 1
            remaining -= 1
        }
    }
}

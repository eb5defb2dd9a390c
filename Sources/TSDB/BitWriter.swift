/// Writes bits most-significant first into bytes, as Prometheus's `bstream` does.
struct BitWriter: Sendable {
    /// The bytes written; the last one may be partly filled.
    var bytes: [UInt8]
    /// How many low bits of the last byte are still free (0 when a new byte is needed).
    var freeBits: Int = 0

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            bytes.append(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= 1 << UInt8(freeBits) }
    }

    /// Writes the low `count` bits of `value`, highest first.
    mutating func writeBits(_ value: UInt64, count: Int) {
        var remaining = count
        var value = count == 64 ? value : value & ((1 << UInt64(count)) - 1)
        while remaining > 0 {
            if freeBits == 0 {
                bytes.append(0)
                freeBits = 8
            }
            let take = min(freeBits, remaining)
            let shift = remaining - take
            let part = UInt8(truncatingIfNeeded: value >> UInt64(shift))
            bytes[bytes.count - 1] |= part << UInt8(freeBits - take)
            freeBits -= take
            remaining -= take
            if shift < 64 { value &= shift == 0 ? 0 : (1 << UInt64(shift)) - 1 }
        }
    }

    /// Writes whole bytes (the varints of a chunk's first samples go through the bit stream too).
    mutating func writeByte(_ byte: UInt8) {
        writeBits(UInt64(byte), count: 8)
    }
}

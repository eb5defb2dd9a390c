/// A chunk of float samples in Prometheus's XOR encoding (Gorilla): a big-endian 16-bit sample
/// count, then a bit stream — the first timestamp as a varint and value as 64 raw bits, the second
/// timestamp as a uvarint delta, then delta-of-delta timestamps in 1/14/17/20/64-bit buckets and
/// values XOR-ed with their predecessor, reusing the previous window of meaningful bits when
/// the new one fits inside it.
///
/// Appending is in timestamp order; the caller rejects out-of-order samples before this point.
public struct XORChunk: Sendable {
    /// Prometheus's encoding byte for XOR chunks in chunk files.
    public static let encoding: UInt8 = 1
    /// Samples per chunk before a new one is cut, as Prometheus's head does.
    public static let targetSamples = 120

    // Laid out widest first, so the head's open chunk of every series takes 48 bytes, not 64.
    /// Timestamp of the first sample (milliseconds).
    public private(set) var minTime: Int64 = .max
    /// Timestamp of the last sample (milliseconds).
    public private(set) var maxTime: Int64 = .min
    private var lastValueBits: UInt64 = 0
    private var lastDelta: Int64 = 0
    private var stream = BitWriter(bytes: [0, 0])
    /// The count header is 16 bits; chunks are cut long before that.
    private var storedCount: UInt16 = 0
    private var leading: UInt8 = 0xFF
    private var trailing: UInt8 = 0

    /// Number of samples appended.
    public var count: Int { Int(storedCount) }

    /// The last sample's value.
    public var lastValue: Double { Double(bitPattern: lastValueBits) }

    /// An empty chunk.
    public init() {}

    /// The encoded bytes, count header included (what a chunk file stores after the encoding byte).
    public var bytes: [UInt8] { stream.bytes }

    /// Releases the bytes reserved for appends (the chunk is closed).
    mutating func shrinkToFit() { stream.shrinkToFit() }

    /// Appends a sample whose timestamp is later than the last one's.
    public mutating func append(timestamp: Int64, value: Double) {
        let valueBits = value.bitPattern
        switch count {
        case 0:
            var writer = ByteWriter()
            writer.putVarint(timestamp)
            for byte in writer.bytes { stream.writeByte(byte) }
            stream.writeBits(valueBits, count: 64)
            minTime = timestamp
        case 1:
            let delta = timestamp - maxTime
            var writer = ByteWriter()
            writer.putUvarint(UInt64(bitPattern: delta))
            for byte in writer.bytes { stream.writeByte(byte) }
            writeValue(valueBits)
            lastDelta = delta
        default:
            let delta = timestamp - maxTime
            let deltaOfDelta = delta &- lastDelta
            if deltaOfDelta == 0 {
                stream.writeBit(false)
            } else if Self.fits(deltaOfDelta, bits: 14) {
                stream.writeBits(0b10, count: 2)
                stream.writeBits(UInt64(bitPattern: deltaOfDelta), count: 14)
            } else if Self.fits(deltaOfDelta, bits: 17) {
                stream.writeBits(0b110, count: 3)
                stream.writeBits(UInt64(bitPattern: deltaOfDelta), count: 17)
            } else if Self.fits(deltaOfDelta, bits: 20) {
                stream.writeBits(0b1110, count: 4)
                stream.writeBits(UInt64(bitPattern: deltaOfDelta), count: 20)
            } else {
                stream.writeBits(0b1111, count: 4)
                stream.writeBits(UInt64(bitPattern: deltaOfDelta), count: 64)
            }
            writeValue(valueBits)
            lastDelta = delta
        }
        maxTime = timestamp
        lastValueBits = valueBits
        storedCount &+= 1
        stream.bytes[0] = UInt8(truncatingIfNeeded: storedCount >> 8)
        stream.bytes[1] = UInt8(truncatingIfNeeded: storedCount)
    }

    /// Prometheus's bucket test: a range that is one wider on the positive side.
    static func fits(_ value: Int64, bits: Int64) -> Bool {
        -((1 << (bits - 1)) - 1) <= value && value <= 1 << (bits - 1)
    }

    private mutating func writeValue(_ valueBits: UInt64) {
        let xor = valueBits ^ lastValueBits
        if xor == 0 {
            stream.writeBit(false)
            return
        }
        stream.writeBit(true)
        var newLeading = UInt8(xor.leadingZeroBitCount)
        let newTrailing = UInt8(xor.trailingZeroBitCount)
        if newLeading >= 32 { newLeading = 31 } // the count has only five bits
        if leading != 0xFF && newLeading >= leading && newTrailing >= trailing {
            stream.writeBit(false)
            stream.writeBits(xor >> UInt64(trailing), count: 64 - Int(leading) - Int(trailing))
            return
        }
        leading = newLeading
        trailing = newTrailing
        stream.writeBit(true)
        stream.writeBits(UInt64(newLeading), count: 5)
        let significant = 64 - Int(newLeading) - Int(newTrailing)
        stream.writeBits(UInt64(significant), count: 6) // 64 wraps to 0, read back as 64
        stream.writeBits(xor >> UInt64(newTrailing), count: significant)
    }
}

/// Decodes an XOR chunk (see `XORChunk`) sample by sample from memory the caller keeps alive.
/// A corrupt chunk ends iteration with an error; it never reads out of bounds.
public struct XORIterator {
    private var reader: BitReader
    /// Samples the chunk header announces.
    public let count: Int
    private var read = 0
    /// The current sample's timestamp.
    public private(set) var timestamp: Int64 = 0
    /// The current sample's value.
    public private(set) var value: Double = 0
    private var valueBits: UInt64 = 0
    private var delta: Int64 = 0
    private var leading: UInt8 = 0
    private var trailing: UInt8 = 0

    /// Starts iterating the chunk `bytes` (count header first).
    public init(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) {
        guard bytes.count >= 2 else { throw DecodeError(offset: 0, reason: "chunk shorter than its 2-byte header") }
        count = Int(bytes[0]) << 8 | Int(bytes[1])
        reader = BitReader(bytes, byteOffset: 2)
    }

    /// Advances to the next sample; `false` after the last one.
    public mutating func next() throws(DecodeError) -> Bool {
        guard read < count else { return false }
        switch read {
        case 0:
            timestamp = try reader.readVarint()
            valueBits = try reader.readBits(64)
        case 1:
            delta = Int64(bitPattern: try reader.readUvarint())
            timestamp &+= delta
            try readValue()
        default:
            var prefix = 0
            for _ in 0..<4 {
                guard try reader.readBit() else { break }
                prefix += 1
            }
            let width: Int
            switch prefix {
            case 0: width = 0
            case 1: width = 14
            case 2: width = 17
            case 3: width = 20
            default: width = 64
            }
            var deltaOfDelta: Int64 = 0
            if width == 64 {
                deltaOfDelta = Int64(bitPattern: try reader.readBits(64))
            } else if width > 0 {
                var bits = Int64(try reader.readBits(width))
                if bits > 1 << (width - 1) { bits -= 1 << width } // undo the two's complement window
                deltaOfDelta = bits
            }
            delta &+= deltaOfDelta
            timestamp &+= delta
            try readValue()
        }
        value = Double(bitPattern: valueBits)
        read += 1
        return true
    }

    @inline(__always)
    private mutating func readValue() throws(DecodeError) {
        guard try reader.readBit() else { return }
        if try reader.readBit() {
            leading = UInt8(try reader.readBits(5))
            var significant = UInt8(try reader.readBits(6))
            if significant == 0 { significant = 64 }
            guard Int(leading) + Int(significant) <= 64 else {
                throw DecodeError(offset: reader.position / 8, reason: "XOR window of \(leading)+\(significant) bits exceeds 64")
            }
            trailing = 64 - leading - significant
        }
        let significant = 64 - Int(leading) - Int(trailing)
        let bits = try reader.readBits(significant)
        valueBits ^= bits << UInt64(trailing)
    }
}

extension StoredSeries {
    /// Appends the samples of an XOR chunk that fall in `[minTime, maxTime]`.
    mutating func appendSamples(ofChunk bytes: UnsafeRawBufferPointer, minTime: Int64, maxTime: Int64) throws(DecodeError) {
        var iterator = try XORIterator(bytes)
        timestamps.reserveCapacity(timestamps.count + iterator.count)
        values.reserveCapacity(values.count + iterator.count)
        while try iterator.next() {
            if iterator.timestamp < minTime { continue }
            if iterator.timestamp > maxTime { break }
            timestamps.append(iterator.timestamp)
            values.append(iterator.value)
        }
    }
}

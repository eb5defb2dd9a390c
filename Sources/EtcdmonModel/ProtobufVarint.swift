/// Protobuf's base-128 varint, for the messages and frames written by hand (`google.rpc.Status`,
/// remote write's requests, remote read's streamed frames).
package enum ProtobufVarint {
    /// Appends `value` as a varint: seven bits a byte, low first, the high bit set on all but the last.
    package static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// The bytes `value` takes as a varint.
    package static func length(_ value: UInt64) -> Int { value < 0x80 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7 }

    /// `value` (a length: not negative) as a varint.
    package static func encode(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        append(UInt64(value), to: &bytes)
        return bytes
    }
}

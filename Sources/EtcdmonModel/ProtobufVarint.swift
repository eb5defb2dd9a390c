/// Protobuf's base-128 varint, for the few messages and frames written by hand (`google.rpc.Status`,
/// remote read's streamed frames).
package enum ProtobufVarint {
    /// `value` as a varint: seven bits a byte, low first, the high bit set on all but the last.
    package static func encode(_ value: Int) -> [UInt8] {
        var value = UInt64(UInt(bitPattern: value)), bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
        return bytes
    }
}

import CSnappy

/// Snappy block compression (not the framed format), as Prometheus's WAL and remote-write use it,
/// through Debian's libsnappy.
public enum Snappy {
    /// Compresses `input`.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var length = snappy_max_compressed_length(input.count)
        var output = [UInt8](repeating: 0, count: length)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                source.withMemoryRebound(to: CChar.self) { source in
                    target.withMemoryRebound(to: CChar.self) { target in
                        snappy_compress(source.baseAddress, source.count, target.baseAddress, &length)
                    }
                }
            }
        }
        // Compression of in-memory bytes into a buffer of the maximum size cannot fail.
        precondition(status == SNAPPY_OK, "snappy_compress failed with a buffer of the maximum size")
        output.removeSubrange(length...)
        return output
    }

    /// Decompresses `input` (an array); as the buffer form.
    public static func decompress(_ input: [UInt8], maxLength: Int = 1 << 30) throws(DecodeError) -> [UInt8] {
        try input.withUnsafeBytes { raw in Result { () throws(DecodeError) in try decompress(raw, maxLength: maxLength) } }.get()
    }

    /// Decompresses `input`; throws when it is not valid Snappy data or would inflate beyond
    /// `maxLength` (checked from the length header, before anything is allocated).
    public static func decompress(_ input: UnsafeRawBufferPointer, maxLength: Int = 1 << 30) throws(DecodeError) -> [UInt8] {
        let source = input.bindMemory(to: CChar.self)
        var length = 0
        guard snappy_uncompressed_length(source.baseAddress, source.count, &length) == SNAPPY_OK else {
            throw DecodeError(offset: 0, reason: "not valid Snappy data (bad length header)")
        }
        guard length <= maxLength else {
            throw DecodeError(offset: 0, reason: "Snappy data inflating to \(length) bytes, over the limit of \(maxLength)")
        }
        var output = [UInt8](repeating: 0, count: length)
        let status = output.withUnsafeMutableBufferPointer { target in
            target.withMemoryRebound(to: CChar.self) { target in
                snappy_uncompress(source.baseAddress, source.count, target.baseAddress, &length)
            }
        }
        guard status == SNAPPY_OK else { throw DecodeError(offset: 0, reason: "not valid Snappy data") }
        output.removeSubrange(length...)
        return output
    }
}

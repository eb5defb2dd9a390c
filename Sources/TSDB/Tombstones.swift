/// A block's `tombstones` file: magic `0x0130BA30`, format version 1, deletion intervals as
/// `uvarint(series) varint(mint) varint(maxt)`, then a CRC-32C of the intervals.
enum Tombstones {
    static let magic: UInt32 = 0x0130_BA30

    /// The file of a block with no deletions.
    static var emptyFile: [UInt8] {
        var writer = ByteWriter()
        writer.putBigEndian32(magic)
        writer.putByte(1)
        writer.putBigEndian32(CRC32C.checksum([UInt8]()))
        return writer.bytes
    }
}

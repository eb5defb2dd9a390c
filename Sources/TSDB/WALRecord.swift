import EtcdmonModel

/// The records of Prometheus's WAL (`tsdb/record`) that etcdmon writes and reads. Others
/// (exemplars, metadata, native histograms) are skipped on replay.
public enum WALRecord: Sendable, Equatable {
    /// New series: head reference and labels. Written before any sample of the series.
    case series([(reference: UInt64, labels: Labels)])
    /// Float samples by series reference.
    case samples([(reference: UInt64, timestamp: Int64, value: Double)])
    /// Deletion intervals by series reference.
    case tombstones([(reference: UInt64, minTime: Int64, maxTime: Int64)])
    /// A record type etcdmon does not use (kept as its type byte).
    case other(UInt8)

    static let seriesType: UInt8 = 1
    static let samplesType: UInt8 = 2
    static let tombstonesType: UInt8 = 3

    /// The record's bytes.
    public func encode() -> [UInt8] {
        var writer = ByteWriter()
        switch self {
        case .series(let entries):
            writer.putByte(Self.seriesType)
            for (reference, labels) in entries {
                writer.putBigEndian64(reference)
                writer.putUvarint(UInt64(labels.count))
                for label in labels {
                    writer.putUvarintString(label.name)
                    writer.putUvarintString(label.value)
                }
            }
        case .samples(let entries):
            writer.putByte(Self.samplesType)
            guard let first = entries.first else { break }
            writer.putBigEndian64(first.reference)
            writer.putBigEndian64(UInt64(bitPattern: first.timestamp))
            for entry in entries {
                writer.putVarint(Int64(bitPattern: entry.reference &- first.reference))
                writer.putVarint(entry.timestamp &- first.timestamp)
                writer.putBigEndian64(entry.value.bitPattern)
            }
        case .tombstones(let entries):
            writer.putByte(Self.tombstonesType)
            // As Prometheus's record encoder: a big-endian reference, then the range, per entry.
            for entry in entries {
                writer.putBigEndian64(entry.reference)
                writer.putVarint(entry.minTime)
                writer.putVarint(entry.maxTime)
            }
        case .other(let type):
            writer.putByte(type)
        }
        return writer.bytes
    }

    /// Decodes a record.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> WALRecord {
        var reader = ByteReader(bytes)
        let type = try reader.byte()
        switch type {
        case seriesType:
            var entries: [(UInt64, Labels)] = []
            while reader.remaining > 0 {
                let reference = try reader.bigEndian64()
                let count = try reader.uvarint()
                guard count <= UInt64(reader.remaining) else { throw DecodeError(offset: reader.offset, reason: "label count \(count) too large") }
                var labels: [Label] = []
                for _ in 0..<count { labels.append(Label(try reader.uvarintString(), try reader.uvarintString())) }
                entries.append((reference, Labels(labels)))
            }
            return .series(entries)
        case samplesType:
            var entries: [(UInt64, Int64, Double)] = []
            guard reader.remaining > 0 else { return .samples([]) }
            let baseReference = try reader.bigEndian64()
            let baseTime = Int64(bitPattern: try reader.bigEndian64())
            while reader.remaining > 0 {
                let reference = UInt64(bitPattern: Int64(bitPattern: baseReference) &+ (try reader.varint()))
                let time = baseTime &+ (try reader.varint())
                let value = Double(bitPattern: try reader.bigEndian64())
                entries.append((reference, time, value))
            }
            return .samples(entries)
        case tombstonesType:
            var entries: [(UInt64, Int64, Int64)] = []
            while reader.remaining > 0 {
                entries.append((try reader.bigEndian64(), try reader.varint(), try reader.varint()))
            }
            return .tombstones(entries)
        default:
            return .other(type)
        }
    }

    public static func == (lhs: WALRecord, rhs: WALRecord) -> Bool {
        lhs.encode() == rhs.encode()
    }
}

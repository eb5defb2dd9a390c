import Foundation

/// A closed time range of deleted samples, `[minTime, maxTime]` in milliseconds.
public struct DeletedRange: Sendable, Equatable {
    public var minTime: Int64
    public var maxTime: Int64

    public init(minTime: Int64, maxTime: Int64) {
        self.minTime = minTime
        self.maxTime = maxTime
    }

    func contains(_ time: Int64) -> Bool { time >= minTime && time <= maxTime }
}

/// Deleted time ranges by series reference: a block's `tombstones` file, as Prometheus writes it —
/// magic `0x0130BA30`, format version 1, each range as `uvarint(series) varint(mint) varint(maxt)`,
/// then a CRC-32C of the ranges (the version byte left out, as in Prometheus).
public struct Tombstones: Sendable, Equatable {
    static let magic: UInt32 = 0x0130_BA30
    static let version: UInt8 = 1

    /// Each series' ranges, sorted, neither overlapping nor adjacent.
    private(set) var ranges: [UInt64: [DeletedRange]] = [:]

    public init() {}

    /// No deletions.
    public var isEmpty: Bool { ranges.isEmpty }

    /// How many ranges there are (`meta.json`'s `numTombstones`).
    public var count: Int { ranges.values.reduce(0) { $0 + $1.count } }

    /// The deleted ranges of `series`, if any.
    public func deleted(_ series: UInt64) -> [DeletedRange]? { ranges[series] }

    /// Adds a range, merged with those it overlaps or touches (times are whole milliseconds).
    public mutating func add(_ series: UInt64, _ range: DeletedRange) {
        ranges[series] = Self.merged((ranges[series] ?? []) + [range])
    }

    /// `ranges` sorted, with overlapping and touching ones joined: O(n log n), however they come.
    static func merged(_ ranges: [DeletedRange]) -> [DeletedRange] {
        var result: [DeletedRange] = []
        for range in ranges.sorted(by: { $0.minTime < $1.minTime }) {
            if let last = result.last, range.minTime <= last.maxTime || range.minTime &- 1 == last.maxTime {
                result[result.count - 1].maxTime = max(last.maxTime, range.maxTime)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The file's bytes.
    func encode() -> [UInt8] {
        var writer = ByteWriter()
        writer.putBigEndian32(Self.magic)
        writer.putByte(Self.version)
        let start = writer.bytes.count
        for series in ranges.keys.sorted() {
            for range in ranges[series]! {
                writer.putUvarint(series)
                writer.putVarint(range.minTime)
                writer.putVarint(range.maxTime)
            }
        }
        writer.putBigEndian32(CRC32C.checksum(Array(writer.bytes[start...])))
        return writer.bytes
    }

    /// The file of a block with no deletions.
    static var emptyFile: [UInt8] { Tombstones().encode() }

    /// Reads a block's `tombstones` file; a missing file means no deletions.
    static func read(path: String) throws(TSDBError) -> Tombstones {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw TSDBError.io(path: path, reason: "cannot read") }
            return Tombstones()
        }
        let bytes = [UInt8](data)
        do {
            return try bytes.withUnsafeBytes { raw in try decode(raw) }
        } catch {
            throw TSDBError.corrupt(path: path, reason: "\(error)")
        }
    }

    /// Decodes a whole file.
    public static func decode(_ raw: UnsafeRawBufferPointer) throws -> Tombstones {
        guard raw.count >= 9 else { throw DecodeError(offset: 0, reason: "\(raw.count) bytes: shorter than a header and checksum") }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 4)]))
        guard try reader.bigEndian32() == magic else { throw DecodeError(offset: 0, reason: "bad magic number") }
        guard try reader.byte() == version else { throw DecodeError(offset: 4, reason: "unknown format version") }
        var tail = ByteReader(raw, offset: raw.count - 4)
        guard try tail.bigEndian32() == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[5..<(raw.count - 4)])) else {
            throw DecodeError(offset: raw.count - 4, reason: "checksum mismatch")
        }
        var collected: [UInt64: [DeletedRange]] = [:]
        while reader.remaining > 0 {
            let series = try reader.uvarint()
            let range = DeletedRange(minTime: try reader.varint(), maxTime: try reader.varint())
            guard range.minTime <= range.maxTime else { throw DecodeError(offset: reader.offset, reason: "range ends before it starts") }
            collected[series, default: []].append(range)
        }
        var tombstones = Tombstones()
        tombstones.ranges = collected.mapValues(merged)
        return tombstones
    }
}

extension StoredSeries {
    /// Drops the samples inside `ranges` (sorted, as `Tombstones` keeps them).
    mutating func removeSamples(in ranges: [DeletedRange]) {
        var keptTimes: [Int64] = []
        var keptValues: [Double] = []
        keptTimes.reserveCapacity(timestamps.count)
        keptValues.reserveCapacity(values.count)
        for (time, value) in zip(timestamps, values) where !ranges.contains(where: { $0.contains(time) }) {
            keptTimes.append(time)
            keptValues.append(value)
        }
        timestamps = keptTimes
        values = keptValues
    }
}

import EtcdmonModel
import Foundation
import Testing
@testable import TSDB

@Suite("Write-ahead log")
struct WALTests {
    func readAll(_ directory: String) throws -> [WALRecord] {
        var records: [WALRecord] = []
        try WALReader.read(directory: directory) { records.append(try WALRecord.decode($0)) }
        return records
    }

    static func records(count: Int, seed: UInt64) -> [WALRecord] {
        var output: [WALRecord] = []
        for index in 0..<count {
            let labels = Labels(["__name__": "metric_\(index)", "instance": String(repeating: "x", count: Int(seed % 7) + index % 50)])
            output.append(.series([(UInt64(index + 1), labels)]))
            // Some records are larger than a page, to force first/middle/last fragments.
            let samples = (0..<(index % 10 == 0 ? 4000 : 20)).map { (UInt64(index + 1), Int64($0) * 15_000 - 7, Double($0) * 0.5) }
            output.append(.samples(samples))
        }
        output.append(.tombstones([(1, 0, 100)]))
        return output
    }

    @Test("records round-trip through pages and segments, compressed or not", arguments: [false, true])
    func roundTrip(compress: Bool) throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = Self.records(count: 120, seed: compress ? 3 : 5)
        let writer = try WALWriter(directory: directory, compress: compress, segmentSize: 4 * WALWriter.pageSize)
        for batch in stride(from: 0, to: records.count, by: 7) {
            try writer.log(records[batch..<min(batch + 7, records.count)].map { $0.encode() })
        }
        try writer.close()
        #expect(try WALReader.segments(in: directory).count > 2, "small segments force cuts")
        #expect(try readAll(directory) == records)
        // Every segment but the last is whole pages.
        for segment in try WALReader.segments(in: directory).dropLast() {
            let size = try FileManager.default.attributesOfItem(atPath: WALWriter.segmentPath(directory, segment))[.size] as? Int
            #expect((size ?? 1) % WALWriter.pageSize == 0)
        }
    }

    @Test("a new writer continues in a new segment after the existing ones")
    func reopen() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try WALWriter(directory: directory)
        try first.log([WALRecord.samples([(1, 1000, 1)]).encode()])
        try first.close()
        let second = try WALWriter(directory: directory)
        try second.log([WALRecord.samples([(1, 2000, 2)]).encode()])
        try second.close()
        #expect(try WALReader.segments(in: directory) == [0, 1])
        #expect(try readAll(directory) == [.samples([(1, 1000, 1)]), .samples([(1, 2000, 2)])])
    }

    @Test("a torn or damaged tail is found at the first bad record; what precedes it reads")
    func tornTail() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let records = Self.records(count: 30, seed: 1)
        let writer = try WALWriter(directory: directory, compress: false)
        try writer.log(records.map { $0.encode() })
        try writer.close()
        let path = WALWriter.segmentPath(directory, 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))

        // Cut at every 997th byte: reading stops with a Corruption whose offset is a record start,
        // and the records before it are exactly a prefix of what was written.
        for cut in stride(from: 1, to: whole.count - 1, by: 997) {
            try whole.prefix(cut).write(to: URL(fileURLWithPath: path))
            var read: [WALRecord] = []
            var corruption: WALReader.Corruption?
            do {
                try WALReader.read(directory: directory) { read.append(try WALRecord.decode($0)) }
            } catch let error as WALReader.Corruption {
                corruption = error
            }
            #expect(read == Array(records.prefix(read.count)), "cut at \(cut)")
            if let corruption { #expect(corruption.offset <= cut) }
        }

        // A flipped byte inside a record is a checksum error at that record.
        var damaged = whole
        damaged[40_000] ^= 0x55
        try damaged.write(to: URL(fileURLWithPath: path))
        #expect(throws: WALReader.Corruption.self) { try readAll(directory) }
    }
}

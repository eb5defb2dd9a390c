import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import TSDB

@Suite("Blocks: write, read back, select")
struct BlockTests {
    /// A fresh directory under the system temp dir, removed by the caller.
    static func temporaryDirectory() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-tsdb-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Series `requests_total{instance, code}` over 300 samples each at 15 s, with distinct values.
    static func fixtureSeries() -> [StoredSeries] {
        var output: [StoredSeries] = []
        for instance in ["a:1", "b:2", "c:3"] {
            for code in ["200", "500", ""] {
                var labels = [Label("__name__", "requests_total"), Label("instance", instance)]
                if !code.isEmpty { labels.append(Label("code", code)) }
                var series = StoredSeries(labels: Labels(labels))
                for step in 0..<300 {
                    series.timestamps.append(1_700_000_000_000 + Int64(step) * 15_000)
                    series.values.append(Double(step * 10 + instance.count) + (code == "500" ? 0.5 : 0))
                }
                output.append(series)
            }
        }
        output.append(StoredSeries(labels: Labels(["__name__": "up", "instance": "a:1"]), timestamps: [1_700_000_000_000], values: [1]))
        return output
    }

    static func write(_ series: [StoredSeries], into directory: String) throws -> BlockMeta {
        let input = series.map { item -> BlockWriter.Series in
            var chunks: [XORChunk] = []
            for (time, value) in zip(item.timestamps, item.values) {
                if chunks.isEmpty || chunks[chunks.count - 1].count >= XORChunk.targetSamples { chunks.append(XORChunk()) }
                chunks[chunks.count - 1].append(timestamp: time, value: value)
            }
            return BlockWriter.Series(labels: item.labels, chunks: chunks)
        }
        return try BlockWriter(directory: directory).write(input.reversed())
    }

    @Test("chunks stream into segment files, each within its size and each chunk read back intact")
    func chunkSegments() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var writer = try ChunkSegmentWriter(directory: directory, segmentSize: 64 * 1024, bufferSize: 4096)
        var generator = SeededGenerator(seed: 7)
        var written: [(reference: UInt64, data: [UInt8])] = []
        for _ in 0..<2000 {
            let data = (0..<Int.random(in: 10...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            written.append((try writer.append(data), data))
        }
        try writer.flush()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.count == Set(written.map { $0.reference >> 32 }).count && files.count >= 3, "\(files)")
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: directory + "/" + file)[.size] as? Int ?? 0
            #expect(size <= 64 * 1024, "\(file): \(size) bytes")
        }
        let reader = try ChunkReader(directory: directory)
        for (reference, data) in written {
            let (encoding, read) = try reader.chunk(reference)
            #expect(encoding == XORChunk.encoding && Array(read) == data)
        }
    }

    @Test("every sample comes back, series sorted by labels, meta counts right")
    func roundTrip() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let series = Self.fixtureSeries()
        let meta = try Self.write(series, into: directory)
        #expect(meta.stats.numSeries == 10)
        #expect(meta.stats.numSamples == 2701)
        #expect(meta.stats.numChunks == 9 * 3 + 1)
        #expect(meta.minTime == 1_700_000_000_000)
        #expect(meta.maxTime == 1_700_000_000_000 + 299 * 15_000 + 1)

        let database = try Database(directory: directory)
        #expect(database.blocks.count == 1)
        let all = try database.querier().select([], minTime: .min, maxTime: .max)
        #expect(all == series.sorted { $0.labels < $1.labels })
        #expect(FileManager.default.fileExists(atPath: directory + "/wal"))
    }

    @Test("matchers select as Prometheus does, including the empty-value rules")
    func matchers() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.write(Self.fixtureSeries(), into: directory)
        let querier = try Database(directory: directory).querier()
        func select(_ matchers: [LabelMatcher]) throws -> [String] {
            try querier.select(matchers, minTime: .min, maxTime: .max).map(\.labels.description)
        }
        let name = try LabelMatcher(.equal, "__name__", "requests_total")
        #expect(try select([name]).count == 9)
        #expect(try select([name, LabelMatcher(.equal, "code", "500")]).count == 3)
        // `code=""` selects series without the label.
        #expect(try select([name, LabelMatcher(.equal, "code", "")]) == [
            "requests_total{instance=\"a:1\"}", "requests_total{instance=\"b:2\"}", "requests_total{instance=\"c:3\"}",
        ])
        // `!=` keeps series lacking the label.
        #expect(try select([name, LabelMatcher(.notEqual, "code", "500")]).count == 6)
        // Anchored: "5" alone does not match "500".
        #expect(try select([LabelMatcher(.regexMatch, "code", "5")]).isEmpty)
        #expect(try select([LabelMatcher(.regexMatch, "code", "5.*")]).count == 3)
        #expect(try select([LabelMatcher(.regexMatch, "instance", "a:1|c:3"), name]).count == 6)
        #expect(try select([LabelMatcher(.regexMatch, "instance", "[ab]:\\d")]).count == 7)
        #expect(try select([name, LabelMatcher(.regexNoMatch, "code", "2..|5..")]).count == 3)
        #expect(try select([LabelMatcher(.regexMatch, "code", ".*")]).count == 10)
        #expect(try select([LabelMatcher(.regexMatch, "code", ".+")]).count == 6)
        #expect(try select([LabelMatcher(.equal, "nope", "x")]).isEmpty)
        #expect(try querier.labelNames([]) == ["__name__", "code", "instance"])
        #expect(try querier.labelValues("code", []) == ["200", "500"])
        #expect(try querier.labelValues("instance", [LabelMatcher(.equal, "__name__", "up")]) == ["a:1"])
    }

    @Test("time ranges are inclusive and cut inside chunks")
    func timeRange() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.write(Self.fixtureSeries(), into: directory)
        let querier = try Database(directory: directory).querier()
        let start: Int64 = 1_700_000_000_000 + 100 * 15_000
        let result = try querier.select([LabelMatcher(.equal, "code", "200")], minTime: start, maxTime: start + 30_000)
        #expect(result.count == 3)
        #expect(result.allSatisfy { $0.timestamps == [start, start + 15_000, start + 30_000] })
        #expect(try querier.select([], minTime: 0, maxTime: 1000).isEmpty)
    }

    @Test("a damaged index or chunk is a clear error naming the file")
    func corruption() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let meta = try Self.write(Self.fixtureSeries(), into: directory)
        let block = directory + "/" + meta.ulid

        // Flip a byte inside the first chunk's data: opening works, reading that chunk fails.
        let chunkPath = block + "/chunks/000001"
        var chunkBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: chunkPath)))
        chunkBytes[20] ^= 0xFF
        try Data(chunkBytes).write(to: URL(fileURLWithPath: chunkPath))
        let damaged = try Database(directory: directory)
        #expect(throws: TSDBError.self) { try damaged.querier().select([], minTime: .min, maxTime: .max) }
        do {
            _ = try damaged.querier().select([], minTime: .min, maxTime: .max)
        } catch {
            #expect(error.description.contains("000001"), "\(error)")
            #expect(error.description.contains("checksum"), "\(error)")
        }

        // An index with a damaged table of contents is reported and the block left unread.
        let indexPath = block + "/index"
        var indexBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexPath)))
        indexBytes[indexBytes.count - 10] ^= 0x01
        try Data(indexBytes).write(to: URL(fileURLWithPath: indexPath))
        let reopened = try Database(directory: directory)
        #expect(reopened.blocks.isEmpty)
        #expect(reopened.unreadableBlocks.count == 1)
        #expect(reopened.unreadableBlocks.first?.description.contains(indexPath) == true)

        // An index of a format version we do not read says so.
        indexBytes[indexBytes.count - 10] ^= 0x01
        indexBytes[4] = 3
        try Data(indexBytes).write(to: URL(fileURLWithPath: indexPath))
        let unsupported = try Database(directory: directory)
        #expect(unsupported.unreadableBlocks.first?.description.contains("index format version 3") == true)
    }

    @Test("a block of an unknown meta version is reported and skipped, the others read")
    func unknownMetaVersion() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let good = try Self.write(Self.fixtureSeries(), into: directory)
        let other = try Self.write([StoredSeries(labels: Labels(["__name__": "x"]), timestamps: [1], values: [1])], into: directory)
        let metaPath = directory + "/" + other.ulid + "/meta.json"
        let text = try String(contentsOfFile: metaPath, encoding: .utf8).replacingOccurrences(of: "\"version\": 1", with: "\"version\": 7")
        try text.write(toFile: metaPath, atomically: true, encoding: .utf8)
        let database = try Database(directory: directory)
        #expect(database.blocks.map(\.meta.ulid) == [good.ulid])
        #expect(database.unreadableBlocks.first?.description.contains("block meta version 7") == true)
        #expect(database.unreadableBlocks.first?.description.contains(metaPath) == true)
    }

    @Test("leftovers of an interrupted block write are removed, not read")
    func interruptedWrite() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let leftover = directory + "/01ARZ3NDEKTSV4RRFFQ69G5FAV.tmp-for-creation"
        try FileManager.default.createDirectory(atPath: leftover + "/chunks", withIntermediateDirectories: true)
        let database = try Database(directory: directory)
        #expect(database.blocks.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}

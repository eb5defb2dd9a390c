import EtcdmonModel
import Foundation
import SwiftProtobuf
import Testing
import TestSupport
@testable import Remote
@testable import TSDB

@Suite("Remote write and read: requests, batches, the WAL's live tail")
struct RemoteProtocolTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-remote-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func series(_ name: String, _ instance: String, _ samples: [(Int64, Double)]) -> RemoteWriteRequest.Series {
        RemoteWriteRequest.Series(labels: Labels([Label("__name__", name), Label("instance", instance)]),
                                  timestamps: samples.map(\.0), values: samples.map(\.1))
    }

    @Test("a write request round-trips; bad ones are refused with Prometheus's status and the reason")
    func writeRequests() throws {
        let sent = [Self.series("up", "a", [(1000, 1), (2000, 0)]), Self.series("etcd_server_has_leader", "b", [(1000, 1)])]
        let read = try RemoteWriteRequest(snappy: RemoteWriteRequest.encode(sent))
        #expect(read.series.map(\.labels) == sent.map(\.labels))
        #expect(read.series.map(\.timestamps) == sent.map(\.timestamps) && read.series.map(\.values) == sent.map(\.values))
        #expect(read.sampleCount == 3)

        func refusal(_ body: [UInt8]) -> RemoteError? {
            do { _ = try RemoteWriteRequest(snappy: body); return nil } catch { return error }
        }
        #expect(refusal([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])?.status == 400)
        #expect(refusal(Snappy.compress([0xFF, 0xFF, 0xFF]))?.message.contains("not a prometheus.WriteRequest") == true)
        var nameless = Prometheus_WriteRequest()
        var timeseries = Prometheus_TimeSeries()
        var label = Prometheus_Label()
        (label.name, label.value) = ("job", "x")
        timeseries.labels = [label, label]
        nameless.timeseries = [timeseries]
        #expect(refusal(Snappy.compress(try nameless.serializedBytes()))?.message.contains("given twice") == true)
        timeseries.labels = [label]
        nameless.timeseries = [timeseries]
        #expect(refusal(Snappy.compress(try nameless.serializedBytes()))?.message.contains("no metric name") == true)
        // A Snappy header announcing 2 GiB is refused before anything is allocated.
        #expect(refusal([0x80, 0x80, 0x80, 0x80, 0x08, 0x00])?.message.contains("over the limit") == true)
    }

    @Test("into a store: samples appended; an out-of-order sample rolls the whole request back with a 400")
    func appendToStore() throws {
        let storage = try Storage(directory: try Self.temporaryDirectory())
        defer { try? storage.close() }
        try RemoteWriteRequest(snappy: RemoteWriteRequest.encode([Self.series("up", "a", [(1000, 1), (2000, 1)])])).append(to: storage)
        let late = try RemoteWriteRequest(snappy: RemoteWriteRequest.encode([
            Self.series("fresh", "a", [(3000, 5)]), Self.series("up", "a", [(1500, 1)]),
        ]))
        do {
            try late.append(to: storage)
            Issue.record("an out-of-order sample was taken")
        } catch {
            #expect(error.status == 400 && error.message.contains("out-of-order"))
        }
        let stored = try storage.querier().select([.equal("instance", "a")], minTime: 0, maxTime: 10_000)
        #expect(stored.map { $0.labels["__name__"] } == ["up"], "the request's other series rolled back too")
        #expect(stored.first?.timestamps == [1000, 2000])
        // The latest sample again, same value: taken as a duplicate, not stored twice.
        try RemoteWriteRequest(snappy: RemoteWriteRequest.encode([Self.series("up", "a", [(2000, 1)])])).append(to: storage)
        #expect(try storage.querier().select([.equal("instance", "a")], minTime: 0, maxTime: 10_000).first?.timestamps == [1000, 2000])
    }

    @Test("a batch splits the same way every time: series whole per shard, in order, at most max_samples_per_send a request")
    func batchSplitting() throws {
        var series = EncodedSeries()
        var batch = RemoteWriteQueue.Batch()
        func labels(_ reference: UInt64) -> Labels { Labels([Label("__name__", "m"), Label("s", "\(reference)")]) }
        for reference in 0..<40 { series.define(UInt64(reference), labels(UInt64(reference))) }
        for round in 0..<7 {
            for reference in 0..<40 {
                batch.add(UInt64(reference), series.span(UInt64(reference))!, Int64(round * 1000) + (round == 6 ? 1 << 40 : 0), Double(round))
            }
        }
        let first = batch.requests(shards: 3, perRequest: 50)
        #expect(first == batch.requests(shards: 3, perRequest: 50))
        let sizes = first.flatMap { $0 }.map(\.count)
        #expect(sizes.allSatisfy { $0 <= 50 } && sizes.reduce(0, +) == 280)
        // A series lives in one shard only, its samples in WAL (time) order across that shard's requests.
        var shardOf: [UInt64: Int] = [:]
        for (shard, requests) in first.enumerated() {
            let indices = requests.flatMap { $0 }
            #expect(indices == indices.sorted())
            for index in indices {
                #expect(shardOf[batch.references[index], default: shard] == shard)
                shardOf[batch.references[index]] = shard
            }
        }
        #expect(Set(shardOf.values).count == 3, "40 series spread over the three shards")
        // A request's body is a WriteRequest holding its samples, one TimeSeries each.
        let request = try #require(first.first?.first)
        let decoded = try RemoteWriteRequest(snappy: batch.body(request, arena: series.arena))
        #expect(decoded.series.count == request.count)
        #expect(decoded.series.map(\.labels) == request.map { labels(batch.references[$0]) })
        #expect(decoded.series.map(\.timestamps) == request.map { [batch.timestamps[$0]] } && decoded.series.map(\.values) == request.map { [batch.values[$0]] })
        // A series relabelled away is known but has no bytes.
        series.define(99, nil)
        #expect(series.knows(99) && series.span(99) == nil && !series.knows(98))
    }

    @Test("the WAL's live tail: a record cut off at the end is read once it is whole, from the offset returned")
    func liveTail() throws {
        let directory = try Self.temporaryDirectory()
        let writer = try WALWriter(directory: directory, compress: true)
        try writer.log([WALRecord.series([(1, Labels([Label("__name__", "up")]))]).encode()])
        try writer.log([WALRecord.samples([(1, 1000, 1)]).encode()])
        try writer.sync()
        var records: [WALRecord] = []
        let end = try WALReader.readSegment(directory: directory, segment: 0, from: 0, tail: true) { record, _ in records.append(try WALRecord.decode(record)) }
        #expect(records.count == 2)
        // A record half written: the reading stops before it, at the same offset.
        let path = directory + "/00000000"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try writer.log([WALRecord.samples([(1, 2000, 2)]).encode()])
        try writer.sync()
        let grown = try Data(contentsOf: URL(fileURLWithPath: path))
        try grown.prefix(whole.count + 5).write(to: URL(fileURLWithPath: path))
        var more: [WALRecord] = []
        #expect(try WALReader.readSegment(directory: directory, segment: 0, from: end, tail: true) { record, _ in more.append(try WALRecord.decode(record)) } == end)
        #expect(more.isEmpty)
        #expect(throws: (any Error).self) { _ = try WALReader.readSegment(directory: directory, segment: 0, from: end, tail: false) { _, _ in } }
        // Written whole: read from where the last reading stopped.
        try grown.write(to: URL(fileURLWithPath: path))
        _ = try WALReader.readSegment(directory: directory, segment: 0, from: end, tail: true) { record, _ in more.append(try WALRecord.decode(record)) }
        #expect(more == [.samples([(1, 2000, 2)])])
        try writer.close()
    }

    @Test("remote read: samples with external labels, an external-label matcher, streamed XOR chunks with CRCs")
    func remoteRead() throws {
        let storage = try Storage(directory: try Self.temporaryDirectory())
        defer { try? storage.close() }
        try RemoteWriteRequest(snappy: RemoteWriteRequest.encode([
            Self.series("up", "a", (0..<300).map { (Int64($0) * 1000, Double($0)) }),
            Self.series("up", "b", [(5000, 7)]),
        ])).append(to: storage)
        func request(_ types: [Prometheus_ReadRequest.ResponseType], matchers: [(Prometheus_LabelMatcher.TypeEnum, String, String)]) throws -> [UInt8] {
            var query = Prometheus_Query()
            query.startTimestampMs = 0
            query.endTimestampMs = 400_000
            query.matchers = matchers.map { kind, name, value in
                var matcher = Prometheus_LabelMatcher()
                (matcher.type, matcher.name, matcher.value) = (kind, name, value)
                return matcher
            }
            var read = Prometheus_ReadRequest()
            read.queries = [query]
            read.acceptedResponseTypes = types
            return Snappy.compress(try read.serializedBytes())
        }
        let external = Labels([Label("replica", "r1")])
        let samples = try RemoteRead.answer(try request([], matchers: [(.eq, "__name__", "up"), (.eq, "replica", "r1")]),
                                            querier: storage.querier(), externalLabels: external)
        #expect(samples.contentType == "application/x-protobuf" && samples.contentEncoding == "snappy")
        let decoded = try Prometheus_ReadResponse(serializedBytes: try samples.body.withUnsafeBytes { try Snappy.decompress($0) })
        let series = decoded.results.first?.timeseries ?? []
        #expect(series.count == 2)
        #expect(series.allSatisfy { $0.labels.contains { $0.name == "replica" && $0.value == "r1" } })
        #expect(series.first?.samples.count == 300 && series.first?.samples.last?.value == 299)

        let streamed = try RemoteRead.answer(try request([.streamedXorChunks, .samples], matchers: [(.re, "instance", "a")]),
                                             querier: storage.querier(), externalLabels: external)
        #expect(streamed.contentType.hasPrefix("application/x-streamed-protobuf") && streamed.contentEncoding == nil)
        var offset = 0
        var timestamps: [Int64] = []
        while offset < streamed.body.count {
            var length = 0, shift = 0
            while true {
                let byte = streamed.body[offset]
                offset += 1
                length |= Int(byte & 0x7F) << shift
                shift += 7
                if byte < 0x80 { break }
            }
            let crc = streamed.body[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let message = Array(streamed.body[offset + 4..<offset + 4 + length])
            #expect(CRC32C.checksum(message) == crc)
            offset += 4 + length
            let frame = try Prometheus_ChunkedReadResponse(serializedBytes: message)
            for chunk in frame.chunkedSeries.flatMap(\.chunks) {
                #expect(chunk.type == .xor)
                try Array(chunk.data).withUnsafeBytes { bytes in
                    var iterator = try XORIterator(bytes)
                    while try iterator.next() { timestamps.append(iterator.timestamp) }
                }
            }
        }
        #expect(timestamps == (0..<300).map { Int64($0) * 1000 }, "every sample, in order, in chunks of at most 120")
        #expect(throws: RemoteError.self) {
            _ = try RemoteRead.answer(try request([.UNRECOGNIZED(7)], matchers: []), querier: storage.querier(), externalLabels: external)
        }
    }
}

@Suite("WAL segments kept for remote-write queues")
struct WALRetentionTests {
    /// A store with small blocks and segments, holding `commits` batches of 100 series.
    static func store(limit: Int64) throws -> Storage {
        var options = StorageOptions()
        options.blockRange = 10_000
        options.walSegmentSize = 64 * 1024
        options.walRetentionLimit = limit
        let storage = try Storage(directory: try RemoteProtocolTests.temporaryDirectory(), options: options)
        for commit in 0..<300 {
            var appender = storage.appender()
            for series in 0..<100 {
                try appender.append(Labels([Label("__name__", "m"), Label("s", "\(series)")]), timestamp: Int64(commit) * 100, value: Double(commit))
            }
            _ = try appender.commit()
            if commit % 40 == 39 { try storage.state.withLock { state throws(TSDBError) in try state.wal?.cutSegment() } }
        }
        return storage
    }

    @Test("a checkpoint keeps the segments a queue still needs, and deletes them once released")
    func kept() throws {
        let storage = try Self.store(limit: 1 << 30)
        defer { try? storage.close() }
        let before = try WALReader.segments(in: storage.walDirectory)
        #expect(before.count >= 5)
        storage.retainWAL("queue", from: before[1])
        try storage.compact()
        let after = try WALReader.segments(in: storage.walDirectory)
        #expect(storage.latestCheckpoint != nil)
        #expect(Set(before.dropFirst()).isSubset(of: Set(after)) && !after.contains(before[0]), "\(before) → \(after)")
        storage.retainWAL("queue", from: nil)
        for step in 300..<420 {
            var appender = storage.appender()
            try appender.append(Labels([Label("__name__", "m"), Label("s", "0")]), timestamp: Int64(step) * 100, value: 1)
            _ = try appender.commit()
        }
        try storage.compact()
        #expect(try WALReader.segments(in: storage.walDirectory).allSatisfy { $0 > before[1] })
        #expect(storage.walSegmentsDropped == 0)
    }

    @Test("beyond the retention limit the oldest needed segments go, counted and told")
    func limited() throws {
        let storage = try Self.store(limit: 100 * 1024)
        defer { try? storage.close() }
        let before = try WALReader.segments(in: storage.walDirectory)
        storage.retainWAL("queue", from: before[0])
        try storage.compact()
        #expect(storage.walSegmentsDropped > 0)
        #expect(storage.warnings.contains { $0.contains("remote-write queue had not sent") })
    }
}

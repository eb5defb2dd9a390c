import EtcdmonModel
import Foundation
import Testing
@testable import TSDB

@Suite("Storage: WAL replay, lock, head cutting, compaction, retention")
struct StorageTests {
    static let start: Int64 = 1_700_000_000_000 - 1_700_000_000_000 % 7_200_000

    /// Appends `hours` of 15 s samples for `series` series, one batch per step.
    static func fill(_ storage: Storage, series: Int = 20, from: Int64 = start, hours: Double) throws {
        var appender = storage.appender()
        let steps = Int(hours * 240)
        for step in 0..<steps {
            let time = from + Int64(step) * 15_000
            for index in 0..<series {
                try appender.append(Labels(["__name__": "m", "i": String(index)]), timestamp: time, value: Double(step * 100 + index))
            }
            try appender.commit()
        }
    }

    static func all(_ storage: Storage) throws -> [StoredSeries] {
        try storage.querier().select([], minTime: .min, maxTime: .max)
    }

    @Test("committed samples survive a reopen through the WAL; a second opener is refused")
    func replayAndLock() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var storage: Storage? = try Storage(directory: directory)
        try Self.fill(storage!, hours: 0.5)
        #expect(throws: TSDBError.self) { try Storage(directory: directory) }
        do {
            _ = try Storage(directory: directory)
        } catch {
            #expect(error.description.contains("in use by another process"))
            #expect(error.description.contains("pid \(getpid())"))
        }
        let before = try Self.all(storage!)
        try storage!.close()
        storage = nil
        let reopened = try Storage(directory: directory)
        #expect(try Self.all(reopened) == before)
        #expect(before.count == 20 && before[0].timestamps.count == 120)
        #expect(reopened.warnings.isEmpty)
        // Appends go on after the replayed data, and the same sample again is accepted.
        var appender = reopened.appender()
        try appender.append(before[0].labels, timestamp: before[0].timestamps.last!, value: before[0].values.last!)
        #expect(throws: AppendError.self) { try appender.append(before[0].labels, timestamp: 0, value: 1) }
    }

    @Test("a commit that must not wait hands its batch back while compaction holds the store, and stores it later")
    func commitUnlessBusy() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try Storage(directory: directory)
        var appender = storage.appender()
        try appender.append(Labels(["__name__": "m"]), timestamp: Self.start, value: 1)
        storage.compacting.store(true, ordering: .relaxed)
        let during = try storage.state.withLock { _ in try appender.commitUnlessBusy() }
        storage.compacting.store(false, ordering: .relaxed)
        #expect(during == nil)
        #expect(try Self.all(storage).isEmpty)
        #expect(try appender.commitUnlessBusy()?.appended == 1, "the batch was kept for the later commit")
        #expect(try Self.all(storage).map(\.timestamps) == [[Self.start]])
    }

    @Test("the head is cut into 2 h blocks, the WAL checkpointed, and nothing is lost or doubled")
    func headCutting() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var storage: Storage? = try Storage(directory: directory, options: { var o = StorageOptions(); o.walSegmentSize = 64 * 1024; return o }())
        try Self.fill(storage!, hours: 7)
        let before = try Self.all(storage!)
        let written = try storage!.compact(now: Self.start + 7 * 3_600_000)
        #expect(written.count >= 2)
        #expect(written.allSatisfy { $0.maxTime - $0.minTime <= 7_200_000 })
        #expect(try Self.all(storage!) == before)
        let walEntries = try FileManager.default.contentsOfDirectory(atPath: directory + "/wal")
        #expect(walEntries.contains { $0.hasPrefix("checkpoint.") }, "\(walEntries)")
        try storage!.close()
        storage = nil
        let reopened = try Storage(directory: directory)
        #expect(try Self.all(reopened) == before)
        #expect(reopened.warnings.isEmpty, "\(reopened.warnings)")
        // Samples older than the blocks are refused at commit.
        var appender = reopened.appender()
        try appender.append(Labels(["__name__": "new"]), timestamp: Self.start, value: 1)
        #expect(try appender.commit().outOfOrder == 1)
    }

    @Test("commits go on between compaction's steps: none is lost or doubled, in the store or after a reopen")
    func commitsDuringCompaction() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var storage: Storage? = try Storage(directory: directory)
        try Self.fill(storage!, series: 3, hours: 3.5)
        let store = storage!
        var next = Self.start + 840 * 15_000
        func commit(_ name: String, at time: Int64) throws -> CommitResult {
            var appender = store.appender()
            try appender.append(Labels(["__name__": "m", "i": name]), timestamp: time, value: Double(time))
            return try appender.commit()
        }

        let cut = try #require(store.sealOldestRange())
        #expect(cut.end == Self.start + 7_200_000 && cut.series.count == 3)
        #expect(try commit("0", at: next).appended == 1, "sealed, the head still takes new samples")
        #expect(try commit("late", at: cut.end - 1).outOfOrder == 1, "but none inside the sealed range")
        let block = try #require(try store.writeBlock(cut))
        #expect(try commit("1", at: next).appended == 1, "a commit while the block is written")
        #expect(store.blocks.isEmpty, "the block is not visible before it is published")
        let segment = try #require(try store.publish(cut, block: block))
        #expect(store.blocks.map(\.meta.ulid) == [block.meta.ulid])
        next += 15_000
        #expect(try commit("new", at: next).appended == 1, "a new series between the WAL cut and the checkpoint")
        try WALCheckpoint.create(directory: directory + "/wal", through: segment, head: store.head, minTime: cut.end)
        #expect(try commit("0", at: next).appended == 1, "a commit after the checkpoint")

        let stored = try Self.all(store)
        #expect(stored.map { $0.labels["i"] } == ["0", "1", "2", "new"])
        #expect(stored.map(\.timestamps.count) == [842, 841, 840, 1], "every sample once, the late one refused")
        #expect(stored.allSatisfy { zip($0.timestamps, $0.timestamps.dropFirst()).allSatisfy { $0 < $1 } })
        try store.close()
        storage = nil
        let reopened = try Storage(directory: directory)
        #expect(try Self.all(reopened) == stored, "the block, the checkpoint and the segment after it hold the same")
        #expect(reopened.warnings.isEmpty, "\(reopened.warnings)")
    }

    @Test("a torn WAL tail is cut off with a warning and everything before it kept")
    func tornWAL() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var storage: Storage? = try Storage(directory: directory)
        try Self.fill(storage!, hours: 0.25)
        try storage!.close()
        storage = nil
        let segment = WALWriter.segmentPath(directory + "/wal", try WALReader.segments(in: directory + "/wal").last!)
        let size = try FileManager.default.attributesOfItem(atPath: segment)[.size] as! Int
        #expect(truncate(segment, off_t(size - 5)) == 0)
        let reopened = try Storage(directory: directory)
        #expect(reopened.warnings.contains { $0.contains("WAL damaged") }, "\(reopened.warnings)")
        #expect(reopened.warnings.contains { $0.contains("WAL repaired") }, "\(reopened.warnings)")
        let series = try Self.all(reopened)
        #expect(series.count == 20)
        let counts = Set(series.map(\.timestamps.count))
        #expect(counts.allSatisfy { $0 >= 59 && $0 <= 60 }, "only the last batch may be lost: \(counts)")
    }

    @Test("complete 6 h ranges of 2 h blocks are merged; retention deletes what is too old")
    func compactionAndRetention() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var options = StorageOptions()
        options.retentionTime = 0
        let storage = try Storage(directory: directory, options: options)
        try Self.fill(storage, series: 5, hours: 15)
        let before = try Self.all(storage)
        try storage.compact(now: Self.start + 15 * 3_600_000)
        let levels = storage.blocks.map(\.meta.compaction.level)
        #expect(levels.contains { $0 >= 2 }, "\(storage.blocks.map { ($0.meta.minTime, $0.meta.maxTime, $0.meta.compaction.level) })")
        let merged = try #require(storage.blocks.first { $0.meta.compaction.level >= 2 })
        #expect((merged.meta.compaction.parents?.count ?? 0) >= 2)
        #expect(merged.meta.compaction.sources.count >= 3)
        // A merged block stays within one aligned level range (6 h or 18 h here).
        let width = merged.meta.compaction.level == 2 ? Int64(6 * 3_600_000) : Int64(18 * 3_600_000)
        #expect(merged.meta.minTime / width == (merged.meta.maxTime - 1) / width)
        #expect(try Self.all(storage) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(names.filter { ULID($0) != nil }.count == storage.blocks.count, "parents deleted: \(names)")

        var retention = StorageOptions()
        retention.retentionTime = 3 * 3_600_000
        try storage.close()
        let again = try Storage(directory: directory, options: retention)
        let oldest = again.blocks.first!.meta.minTime
        try again.compact(now: Self.start + 15 * 3_600_000)
        #expect(again.blocks.first!.meta.minTime > oldest)
        #expect(again.warnings.contains { $0.hasPrefix("retention: deleted block") })
    }

    @Test("overlapping blocks merge series by series: the older block keeps a shared time, later samples follow; the rest is copied")
    func overlappingMerge() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hour: Int64 = 3_600_000
        let base: Int64 = 1_700_000_000_000 - 1_700_000_000_000 % (6 * hour)
        func block(_ series: [(Labels, [(Int64, Double)])]) throws -> Block {
            let meta = try BlockWriter(directory: directory).write(series.map { labels, samples in
                var chunk = XORChunk()
                for (time, value) in samples { chunk.append(timestamp: base + time, value: value) }
                return BlockWriter.Series(labels: labels, chunks: [chunk])
            })
            return try Block(directory: directory + "/" + meta.ulid)
        }
        let a = Labels(["__name__": "m", "i": "a"])
        let b = Labels(["__name__": "m", "i": "b"])
        let older = try block([(a, [(0, 1), (hour, 2), (2 * hour, 3)]), (b, [(hour / 2, 10)])])
        let backfilled = try block([(a, [(hour, 99), (3 * hour, 4)])])
        let after = try block([(a, [(7 * hour, 5)])]) // completes the first 6 h range
        var blocks = [older, backfilled, after]
        let written = try BlockCompactor(directory: directory, blockRange: 2 * hour).compact(&blocks)

        #expect(written.count == 1 && blocks.count == 2)
        let merged = try #require(blocks.first { $0.meta.ulid == written.first?.ulid })
        #expect(merged.meta.stats.numSamples == 5 && merged.meta.stats.numSeries == 2)
        #expect(merged.meta.compaction.level == 2 && merged.meta.compaction.parents?.count == 2)
        let series = try BlockQuerier(block: merged).select([], minTime: .min, maxTime: .max)
        #expect(series.map(\.labels) == [a, b])
        #expect(series.first?.timestamps == [0, hour, 2 * hour, 3 * hour].map { base + $0 })
        #expect(series.first?.values == [1, 2, 3, 4])
        #expect(series.last?.values == [10])
        #expect(!FileManager.default.fileExists(atPath: older.directory) && !FileManager.default.fileExists(atPath: backfilled.directory))
    }
}

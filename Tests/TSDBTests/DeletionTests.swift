import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import TSDB

/// `delete_series` and `clean_tombstones` on the store: tombstones in blocks in Prometheus's format
/// (promtool reads them and leaves the same samples out), deletions from the head that a restart
/// does not undo, and blocks rewritten without what was deleted.
@Suite("Deletion: tombstones, head deletion, clean_tombstones")
struct DeletionTests {
    static let start = StorageTests.start

    /// The samples of series `i` as (time, value), per etcdmon.
    static func samples(_ storage: Storage, _ i: String) throws -> [Int64] {
        try storage.querier().select([LabelMatcher(.equal, "i", i)], minTime: .min, maxTime: .max).first?.timestamps ?? []
    }

    /// The timestamps promtool's `tsdb dump` prints for series `i` (it reads blocks, tombstones and the WAL).
    static func promtoolTimestamps(_ directory: String, _ i: String) async throws -> [Int64] {
        let dump = try await Command.run("/usr/bin/promtool", ["tsdb", "dump", directory], timeout: .seconds(120))
        #expect(dump.exitCode == 0, "\(dump.standardError)")
        return dump.standardOutput.split(separator: "\n").filter { $0.contains("i=\"\(i)\"") }
            .compactMap { $0.split(separator: " ").last.flatMap { Int64($0) } }.sorted()
    }

    @Test("a deletion spanning blocks and the head: gone from queries, from promtool's dump, and after a restart")
    func deleteAcrossBlocksAndHead() async throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var storage: Storage? = try Storage(directory: directory)
        try StorageTests.fill(storage!, series: 5, hours: 5)
        try storage!.compact(now: Self.start + 5 * 3_600_000)
        #expect(storage!.blocks.count >= 1)
        let before = try Self.samples(storage!, "3")
        let from = Self.start + 3_600_000, through = Self.start + 4 * 3_600_000 + 30 * 60_000 // into the head
        let deleted = try storage!.delete(matching: [LabelMatcher(.equal, "i", "3")], minTime: from, maxTime: through)
        #expect(deleted >= 2, "a block and the head")
        let expected = before.filter { $0 < from || $0 > through }
        #expect(try Self.samples(storage!, "3") == expected)
        #expect(try Self.samples(storage!, "2").count == before.count, "other series untouched")

        // The block's tombstones file is Prometheus's: promtool leaves the deleted samples out.
        let withTombstones = storage!.blocks.filter { !$0.tombstones.isEmpty }
        #expect(!withTombstones.isEmpty)
        for block in withTombstones {
            #expect(try Tombstones.read(path: block.directory + "/tombstones") == block.tombstones)
            #expect(block.meta.stats.numTombstones == UInt64(block.tombstones.count))
        }
        try storage!.close()
        storage = nil
        #expect(try await Self.promtoolTimestamps(directory, "3") == expected)

        // A restart reads the tombstones and replays the WAL's deletion record.
        storage = try Storage(directory: directory)
        #expect(try Self.samples(storage!, "3") == expected)

        // clean_tombstones rewrites the blocks without the deleted samples.
        let rewritten = try storage!.cleanTombstones()
        #expect(!rewritten.isEmpty)
        #expect(storage!.blocks.allSatisfy { $0.tombstones.isEmpty })
        #expect(try Self.samples(storage!, "3") == expected)
        for block in withTombstones { #expect(!FileManager.default.fileExists(atPath: block.directory)) }
        try storage!.close()
        #expect(try await Self.promtoolTimestamps(directory, "3") == expected)
        let list = try await Command.run("/usr/bin/promtool", ["tsdb", "list", directory])
        #expect(list.exitCode == 0, "\(list.standardError)")
    }

    @Test("deleting everything of a block's only series leaves no block behind after clean_tombstones")
    func cleanRemovesEmptyBlocks() throws {
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try Storage(directory: directory)
        try StorageTests.fill(storage, series: 1, hours: 5)
        try storage.compact(now: Self.start + 5 * 3_600_000)
        let blocks = storage.blocks.count
        #expect(blocks >= 1)
        try storage.delete(matching: [LabelMatcher(.equal, "__name__", "m")], minTime: .min / 2, maxTime: Self.start + 4 * 3_600_000 - 1)
        #expect(try storage.cleanTombstones().isEmpty, "nothing left to write")
        #expect(storage.blocks.isEmpty)
        #expect(try Self.samples(storage, "0").allSatisfy { $0 >= Self.start + 4 * 3_600_000 })
    }

    @Test("tombstone ranges merge as Prometheus's do; a damaged file is refused with the reason")
    func tombstonesFile() throws {
        var tombstones = Tombstones()
        tombstones.add(7, DeletedRange(minTime: 10, maxTime: 20))
        tombstones.add(7, DeletedRange(minTime: 30, maxTime: 40))
        tombstones.add(7, DeletedRange(minTime: 21, maxTime: 29)) // touches both: one range
        tombstones.add(9, DeletedRange(minTime: .min, maxTime: .max))
        #expect(tombstones.deleted(7) == [DeletedRange(minTime: 10, maxTime: 40)])
        #expect(tombstones.count == 2)
        let directory = BlockTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/tombstones"
        var bytes = tombstones.encode()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try Tombstones.read(path: path) == tombstones)
        bytes[6] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect {
            try Tombstones.read(path: path)
        } throws: { error in
            "\(error)".contains("checksum mismatch")
        }
        #expect(try Tombstones.read(path: directory + "/absent").isEmpty)
    }
}

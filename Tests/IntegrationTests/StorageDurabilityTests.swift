import Foundation
import Testing
import TestSupport

/// The store under crashes, a full disk, and a real Prometheus reading its WAL (and it reading
/// Prometheus's), driven through the built `etcdmon` binary.
@Suite("Storage durability and WAL interoperability", .serialized)
struct StorageDurabilityTests {
    static let start: Int64 = 1_700_000_000_000
    static let step: Int64 = 60_000

    static func temporaryDirectory(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-\(name)-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Parses `etcdmon tsdb dump` into series → [(timestamp, value)].
    static func dump(_ directory: String) async throws -> (series: [String: [(Int64, Double)]], result: CommandResult) {
        let result = try await Command.etcdmon(["tsdb", "dump", "--data-dir", directory], timeout: .seconds(120))
        var series: [String: [(Int64, Double)]] = [:]
        for sample in DumpSample.parse(result.standardOutput) { series[sample.series, default: []].append((sample.timestamp, sample.value)) }
        return (series, result)
    }

    /// Checks that the dump holds, for each of `seriesCount` series, exactly batches 0...last (and maybe last + 1).
    /// Values are checked for batches up to `valuesThrough` (a resumed writer numbers its batches from 0 again).
    static func expectBatches(
        _ series: [String: [(Int64, Double)]], seriesCount: Int, through last: Int, valuesThrough: Int? = nil, context: String
    ) {
        #expect(series.count == seriesCount, "\(context): \(series.count) series")
        for (name, samples) in series {
            let index = Int(name.split(separator: "\"")[3])!
            let batches = samples.map { Int(($0.0 - start) / step) }
            let expected = Array(0...last)
            #expect(Array(batches.prefix(last + 1)) == expected, "\(context): \(name) has \(batches.count) batches, committed \(last + 1)")
            #expect(batches.count <= last + 2, "\(context): \(name) has batches beyond the uncommitted one")
            let checked = samples.filter { Int(($0.0 - start) / step) <= (valuesThrough ?? last + 1) }
            #expect(checked.allSatisfy { $0.1 == Double(Int(($0.0 - start) / step) * 1000 + index) }, "\(context): values of \(name)")
        }
    }

    @Test("SIGKILL at random moments: every fsynced batch survives, nothing is corrupt", arguments: 0..<20)
    func crash(run: Int) async throws {
        let directory = Self.temporaryDirectory("crash")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var generator = SeededGenerator(seed: UInt64(run) &* 7919 &+ 17)
        let writer = try Command.spawn(Command.etcdmonBinary, [
            "tsdb", "write-synthetic", "--data-dir", directory, "--series", "20", "--sync",
            "--compact-every", String(Int.random(in: 20...200, using: &generator)),
        ], standardOutput: output)
        // The kill lands at a random moment after the first commit (a busy machine may be slow to start the writer).
        for _ in 0..<600 {
            if ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("committed ") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(Int.random(in: 0...1000, using: &generator)))
        kill(writer, SIGKILL)
        #expect(try await Command.wait(for: writer) == 128 + SIGKILL, "the writer was still running when killed")

        let printed = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        let committed = printed.compactMap { $0.hasPrefix("committed ") ? Int($0.dropFirst(10)) : nil }
        let last = try #require(committed.last, "the writer committed nothing before the kill (run \(run))")
        let (series, result) = try await Self.dump(directory)
        #expect(result.exitCode == 0, "\(result.standardError)")
        Self.expectBatches(series, seriesCount: 20, through: last, context: "run \(run)")

        // promtool reads the blocks; the store opens for writing again and goes on.
        let list = try await Command.run("/usr/bin/promtool", ["tsdb", "list", directory])
        #expect(list.exitCode == 0, "\(list)")
        let resumed = try await Command.etcdmon([
            "tsdb", "write-synthetic", "--data-dir", directory, "--series", "20", "--batches", "3",
            "--start", String(Self.start + Int64(last + 10) * Self.step),
        ])
        #expect(resumed.exitCode == 0, "\(resumed)")
    }

    @Test("a second process on the same data directory is refused, naming the holder")
    func secondProcessRefused() async throws {
        let directory = Self.temporaryDirectory("locked")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "-out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let first = try Command.spawn(Command.etcdmonBinary, ["tsdb", "write-synthetic", "--data-dir", directory, "--series", "5"], standardOutput: output)
        defer { kill(first, SIGKILL) }
        for _ in 0..<200 where ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").isEmpty {
            try await Task.sleep(for: .milliseconds(20))
        }
        let second = try await Command.etcdmon(["tsdb", "write-synthetic", "--data-dir", directory, "--batches", "1"])
        #expect(second.exitCode != 0)
        #expect(second.standardError.contains("in use by another process (pid \(first))"), "\(second)")
        // Readers do not need the lock.
        let reader = try await Command.etcdmon(["tsdb", "stats", "--data-dir", directory])
        #expect(reader.exitCode == 0, "\(reader)")
        kill(first, SIGKILL)
        try await Command.wait(for: first)
    }

    @Test("a full disk fails appends clearly, keeps what was committed, and appends resume when space returns")
    func diskFull() async throws {
        let mountPoint = Self.temporaryDirectory("tmpfs")
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let mount = try await Command.run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint])
        try #require(mount.exitCode == 0, "this test needs root to mount a small tmpfs: \(mount)")
        defer { _ = try? Command.spawn("/bin/umount", ["-l", mountPoint]) }
        let filler = mountPoint + "/filler"
        FileManager.default.createFile(atPath: filler, contents: Data(count: 3 * 1024 * 1024))
        let directory = mountPoint + "/data"

        let full = try await Command.etcdmon(["tsdb", "write-synthetic", "--data-dir", directory, "--series", "200"], timeout: .seconds(120))
        #expect(full.exitCode != 0)
        #expect(full.standardError.contains("No space left on device"), "\(full.standardError)")
        #expect(full.standardError.contains(directory + "/wal/"), "names the file: \(full.standardError)")
        let committed = full.standardOutput.split(separator: "\n").compactMap { Int($0.dropFirst(10)) }
        let last = try #require(committed.last)
        #expect(last > 10)
        let (series, result) = try await Self.dump(directory)
        #expect(result.exitCode == 0, "\(result.standardError)")
        Self.expectBatches(series, seriesCount: 200, through: last, context: "after disk full")

        try FileManager.default.removeItem(atPath: filler)
        let resumed = try await Command.etcdmon([
            "tsdb", "write-synthetic", "--data-dir", directory, "--series", "200", "--batches", "5",
            "--start", String(Self.start + Int64(last + 1) * Self.step),
        ])
        #expect(resumed.exitCode == 0, "\(resumed)")
        let (after, _) = try await Self.dump(directory)
        Self.expectBatches(after, seriesCount: 200, through: last + 5, valuesThrough: last, context: "after space returned")
        _ = try await Command.run("/bin/umount", [mountPoint])
    }

    @Test("a real Prometheus 2.42 replays etcdmon's WAL, checkpoint and blocks")
    func prometheusReadsEtcdmonWAL() async throws {
        let directory = Self.temporaryDirectory("wal-for-prometheus")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try await Command.etcdmon([
            "tsdb", "write-synthetic", "--data-dir", directory, "--series", "50", "--batches", "500", "--compact-every", "50",
        ])
        #expect(written.exitCode == 0, "\(written)")
        let walEntries = try FileManager.default.contentsOfDirectory(atPath: directory + "/wal")
        #expect(walEntries.contains { $0.hasPrefix("checkpoint.") }, "\(walEntries)")
        try FileManager.default.removeItem(atPath: directory + "/lock")

        let prometheus = try PrometheusProcess(dataDirectory: directory)
        defer { prometheus.stop() }
        let time = String(Double(Self.start + 500 * Self.step) / 1000)
        let total = try await prometheus.query("sum(count_over_time(synthetic_value[1y]))", time: time)
        #expect(total.first?.value == "25000", "\(total)")
        let one = try await prometheus.query("synthetic_value{series=\"7\"}", time: String(Double(Self.start + 499 * Self.step) / 1000))
        #expect(one.first?.value == "499007", "\(one)")
    }

    @Test("etcdmon reads the WAL a real Prometheus wrote (Snappy-compressed) sample for sample")
    func etcdmonReadsPrometheusWAL() async throws {
        let directory = Self.temporaryDirectory("prometheus-wal")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let prometheus = try PrometheusProcess(dataDirectory: directory, scrapeSelfEvery: "1s")
        // Let it scrape itself a few times (its first scrape waits for its start-up).
        var served: [String: Double] = [:]
        for _ in 0..<40 {
            try await Task.sleep(for: .seconds(1))
            served = try await prometheus.rangeSamples("{__name__=~\".+\"}[1h]")
            if served.count > 1000 { break }
        }
        prometheus.stop()
        #expect(served.count > 1000, "Prometheus scraped itself: \(served.count) samples")

        let result = try await Command.etcdmon(["tsdb", "dump", "--data-dir", directory], timeout: .seconds(120))
        #expect(result.exitCode == 0, "\(result.standardError)")
        let ours = DumpSample.keyed(result.standardOutput)
        let missing = served.filter { key, value in ours[key].map { $0 != value && !($0.isNaN && value.isNaN) } ?? true }
        #expect(missing.isEmpty, "\(missing.count) of \(served.count) samples differ or are missing, e.g. \(missing.first.map { "\($0)" } ?? "")")
    }
}

import Foundation
import Testing
import TestSupport

/// The data directory is Prometheus's TSDB format, both ways: promtool and a real Prometheus 2.42
/// read what `etcdmon import` writes, and etcdmon reads what promtool writes — checked sample for
/// sample against the generated input.
@Suite("Storage interoperability with promtool and Prometheus", .serialized)
struct StorageInteropTests {
    static let promtool = "/usr/bin/promtool"

    /// A 1-hour, 3-member generated etcd data set (OpenMetrics with timestamps), made once.
    static let input: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-interop-input.om").path
        if !FileManager.default.fileExists(atPath: path) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", Fixtures.url("tools/gen_openmetrics.py").path,
                                 "--members", "3", "--hours", "1", "-o", path + ".partial"]
            process.standardError = FileHandle.nullDevice
            try? process.run()
            process.waitUntilExit()
            try? FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
        }
        return path
    }()

    static func temporaryDirectory(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-\(name)-\(UUID().uuidString.prefix(8))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("promtool lists and dumps etcdmon's blocks exactly as the blocks it writes itself")
    func promtoolReadsEtcdmonBlocks() async throws {
        let ours = Self.temporaryDirectory("ours")
        let theirs = Self.temporaryDirectory("theirs")
        defer {
            try? FileManager.default.removeItem(atPath: ours)
            try? FileManager.default.removeItem(atPath: theirs)
        }
        let imported = try await Command.etcdmon(["import", "openmetrics", Self.input, "--data-dir", ours], timeout: .seconds(300))
        #expect(imported.exitCode == 0, "\(imported)")
        #expect(imported.standardOutput.contains("samples of"), "\(imported)")

        let created = try await Command.run(Self.promtool, ["tsdb", "create-blocks-from", "openmetrics", Self.input, theirs], timeout: .seconds(300))
        #expect(created.exitCode == 0, "\(created)")
        try FileManager.default.createDirectory(atPath: theirs + "/wal", withIntermediateDirectories: true)

        // Same samples, series and chunks per `promtool tsdb list`.
        func listing(_ directory: String) async throws -> [[String]] {
            let list = try await Command.run(Self.promtool, ["tsdb", "list", directory])
            #expect(list.exitCode == 0, "\(list)")
            return list.standardOutput.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
        }
        let ourBlocks = try await listing(ours)
        let theirBlocks = try await listing(theirs)
        #expect(ourBlocks.count == theirBlocks.count)
        for (our, their) in zip(ourBlocks, theirBlocks) {
            #expect(Array(our[1...3]) == Array(their[1...3]), "time range")
            #expect(Array(our[4...6]) == Array(their[4...6]), "samples, chunks, series")
        }

        // Byte for byte: the same chunks, index and tombstones; meta.json differs only in the ULIDs.
        for (our, their) in zip(ourBlocks, theirBlocks) {
            for file in ["chunks/000001", "index", "tombstones"] {
                let ourBytes = FileManager.default.contents(atPath: "\(ours)/\(our[0])/\(file)")
                let theirBytes = FileManager.default.contents(atPath: "\(theirs)/\(their[0])/\(file)")
                #expect(ourBytes != nil && ourBytes == theirBytes, "\(file) of block \(our[0]) differs from promtool's")
            }
            let ourMeta = try String(contentsOfFile: "\(ours)/\(our[0])/meta.json", encoding: .utf8).replacingOccurrences(of: our[0], with: "ULID")
            let theirMeta = try String(contentsOfFile: "\(theirs)/\(their[0])/meta.json", encoding: .utf8).replacingOccurrences(of: their[0], with: "ULID")
            #expect(ourMeta == theirMeta)
        }

        // promtool's dump of our blocks is identical, line for line, to its dump of its own.
        let ourDump = try await Command.run(Self.promtool, ["tsdb", "dump", ours], timeout: .seconds(300))
        let theirDump = try await Command.run(Self.promtool, ["tsdb", "dump", theirs], timeout: .seconds(300))
        #expect(ourDump.exitCode == 0 && theirDump.exitCode == 0)
        #expect(ourDump.standardOutput.split(separator: "\n").count > 100_000)
        #expect(ourDump.standardOutput == theirDump.standardOutput)

        // And promtool's analysis agrees on the series.
        let analysis = try await Command.run(Self.promtool, ["tsdb", "analyze", ours])
        #expect(analysis.exitCode == 0, "\(analysis)")
        #expect(analysis.standardOutput.contains("Series: 522"), "\(analysis.standardOutput.prefix(300))")
    }

    @Test("etcdmon reads every sample of blocks promtool wrote")
    func etcdmonReadsPromtoolBlocks() async throws {
        let theirs = Self.temporaryDirectory("theirs")
        defer { try? FileManager.default.removeItem(atPath: theirs) }
        let created = try await Command.run(Self.promtool, ["tsdb", "create-blocks-from", "openmetrics", Self.input, theirs], timeout: .seconds(300))
        #expect(created.exitCode == 0, "\(created)")
        let ours = try await Command.etcdmon(["tsdb", "dump", "--data-dir", theirs], timeout: .seconds(300))
        #expect(ours.exitCode == 0, "\(ours.standardError)")
        let reference = try await Command.run(Self.promtool, ["tsdb", "dump", theirs], timeout: .seconds(300))
        let ourSamples = DumpSample.keyed(ours.standardOutput)
        let theirSamples = DumpSample.keyed(reference.standardOutput)
        #expect(theirSamples.count > 100_000)
        #expect(ourSamples.count == theirSamples.count)
        let mismatches = theirSamples.filter { key, value in
            guard let ours = ourSamples[key] else { return true }
            return ours.bitPattern != value.bitPattern && !(ours.isNaN && value.isNaN)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) samples differ, e.g. \(mismatches.first.map { "\($0)" } ?? "")")

        let stats = try await Command.etcdmon(["tsdb", "stats", "--data-dir", theirs])
        #expect(stats.exitCode == 0)
        #expect(stats.standardOutput.contains("series: 522"), "\(stats.standardOutput)")
    }

    @Test("a real Prometheus 2.42 serves the samples etcdmon imported")
    func prometheusServesEtcdmonData() async throws {
        let ours = Self.temporaryDirectory("prom-data")
        defer { try? FileManager.default.removeItem(atPath: ours) }
        let imported = try await Command.etcdmon(["import", "openmetrics", Self.input, "--data-dir", ours, "--quiet"], timeout: .seconds(300))
        #expect(imported.exitCode == 0, "\(imported)")
        let expected = DumpSample.keyed(try await Command.etcdmon(["tsdb", "dump", "--data-dir", ours], timeout: .seconds(300)).standardOutput)

        let prometheus = try PrometheusProcess(dataDirectory: ours)
        defer { prometheus.stop() }
        // All series over the whole hour, as one range-vector query at the last sample's time.
        let lastTime = expected.keys.compactMap { Int64($0.split(separator: " ").last ?? "") }.max() ?? 0
        let served = try await prometheus.rangeSamples("{__name__=~\".+\"}[2h]", time: String(Double(lastTime) / 1000))
        #expect(served.count == expected.count)
        let differing = expected.filter { key, value in served[key].map { $0 != value && !($0.isNaN && value.isNaN) } ?? true }
        #expect(differing.isEmpty, "\(differing.count) samples differ, e.g. \(differing.first.map { "\($0)" } ?? "")")
    }

    @Test("malformed lines and out-of-order samples are reported with line numbers; --strict stops")
    func badInput() async throws {
        let directory = Self.temporaryDirectory("bad-import")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/input.om"
        try """
        # TYPE up gauge
        up{instance="a"} 1 1700000000
        up{instance="a"} 1 1700000015
        up{instance="a"} 0 1700000010
        up{instance="a"} 1 1700000015
        up{instance="a" 1 1700000030
        up{instance="b"} 1
        up{instance="a"} 1 1700000045
        # EOF

        """.write(toFile: file, atomically: true, encoding: .utf8)
        let data = directory + "/data"
        let lenient = try await Command.etcdmon(["import", "openmetrics", file, "--data-dir", data])
        #expect(lenient.exitCode == 1, "\(lenient)")
        #expect(lenient.standardOutput.contains("imported 3 samples of 1 series"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("1 duplicate timestamp"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("1 out of order"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("1 no timestamp"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("line 6:"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("line 4:"), "\(lenient.standardOutput)")

        let strict = try await Command.etcdmon(["import", "openmetrics", file, "--data-dir", directory + "/strict", "--strict"])
        #expect(strict.exitCode == 2)
        #expect(strict.standardError.contains("input.om:4"), "\(strict)")

        let missing = try await Command.etcdmon(["import", "openmetrics", directory + "/nope.om", "--data-dir", data])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("nope.om"), "\(missing)")
    }
}

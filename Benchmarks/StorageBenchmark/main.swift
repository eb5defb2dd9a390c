// Storage benchmark: backfills an OpenMetrics file with the same code `etcdmon import` runs, then
// times selecting one series over the whole span from the written blocks.
// Prints samples/s, bytes/sample and select latency; scripts/bench-storage.sh compares with promtool.
//
// Usage: etcdmon-bench-storage FILE DATA_DIR [--max-block-duration MS]
//        etcdmon-bench-storage --ingest DATA_DIR
import Backfill
import EtcdmonModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TSDB

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: etcdmon-bench-storage FILE DATA_DIR [--max-block-duration MS]\n".utf8))
    exit(64)
}
var blockDuration: Int64 = 2 * 3_600_000
if let flag = arguments.firstIndex(of: "--max-block-duration"), flag + 1 < arguments.count, let value = Int64(arguments[flag + 1]) {
    blockDuration = value
}
let clock = ContinuousClock()

/// Resident set size from /proc/self/statm (pages × 4 KiB).
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 : 0
}
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let ingestOnly = arguments.contains("--ingest")
if !ingestOnly {
    var summary = BackfillSummary()
    let importTime = try clock.measure {
        summary = try OpenMetricsBackfill(path: arguments[1], dataDirectory: arguments[2],
                                          options: BackfillOptions(maxBlockDuration: blockDuration)).run()
    }
    print(String(format: "import: %d samples, %d series, %d blocks in %.2f s = %.0f samples/s; %.3f bytes/sample on disk",
                 summary.samples, summary.series, summary.blocks.count, seconds(importTime),
                 Double(summary.samples) / seconds(importTime), Double(summary.bytesOnDisk) / Double(max(1, summary.samples))))

    let database = try Database(directory: arguments[2])
    let querier = database.querier()
    let matchers = [try LabelMatcher(.equal, "__name__", "etcd_server_has_leader"),
                    try LabelMatcher(.equal, "instance", "127.0.10.1:2379")]
    var points = 0
    let rounds = 200
    let selectTime = try clock.measure {
        for _ in 0..<rounds {
            points = try querier.select(matchers, minTime: .min, maxTime: .max).reduce(0) { $0 + $1.timestamps.count }
        }
    }
    print(String(format: "select one series over the whole span (%d samples): %.3f ms", points, seconds(selectTime) * 1000 / Double(rounds)))

}

// With --ingest (run in a fresh process, so the memory figure is the head's alone): ingest through
// the Appender, an etcd-shaped workload (1,400 series a member, 5 members, one batch per member
// scrape, 15 s apart), as the scrape loop will drive it.
guard ingestOnly else { exit(0) }
let members = 5
let seriesPerMember = 1_400
let scrapes = 240
let seriesLabels: [[Labels]] = (0..<members).map { member in
    (0..<seriesPerMember).map { series in
        Labels(["__name__": "etcd_metric_\(series / 10)", "instance": "127.0.10.\(member):2379", "job": "etcd",
                "le": String(series % 10)])
    }
}
/// Drives the workload through appenders from `makeAppender`; returns samples stored and seconds.
func ingest(_ makeAppender: () -> BatchAppender) throws -> (Int, Double) {
    var appended = 0
    let elapsed = try clock.measure {
        for scrape in 0..<scrapes {
            for member in 0..<members {
                var appender = makeAppender()
                let time = 1_700_000_000_000 + Int64(scrape) * 15_000 + Int64(member) * 7
                for (index, labels) in seriesLabels[member].enumerated() {
                    try appender.append(labels, timestamp: time, value: Double(scrape * (index % 7)) + 0.25 * Double(index % 3))
                }
                appended += try appender.commit().appended
            }
        }
    }
    return (appended, seconds(elapsed))
}

let heapBefore = residentBytes()
let head = Head()
let (appended, ingestSeconds) = try ingest { head.appender() }
print(String(format: "ingest via Appender: %d samples into %d series in %.2f s = %.0f samples/s",
             appended, head.seriesCount, ingestSeconds, Double(appended) / ingestSeconds))

let heapAfter = residentBytes()
let encoded = head.chunkBytes
print(String(format: "head memory: %.0f bytes per series beyond its %.0f chunk bytes (RSS grew %d bytes for %d series)",
             Double(Int(heapAfter) - Int(heapBefore) - encoded) / Double(head.seriesCount),
             Double(encoded) / Double(head.seriesCount), Int(heapAfter) - Int(heapBefore), head.seriesCount))

// The same workload through the Storage: WAL (Snappy) first, then the head; no fsync per commit.
let storageDirectory = arguments[2] + "-ingest"
try? FileManager.default.removeItem(atPath: storageDirectory)
let storage = try Storage(directory: storageDirectory)
let (storedCount, storageSeconds) = try ingest { storage.appender() }
try storage.close()
print(String(format: "ingest via Storage (WAL + head): %d samples in %.2f s = %.0f samples/s; WAL %d bytes",
             storedCount, storageSeconds, Double(storedCount) / storageSeconds,
             Database.directorySize(storageDirectory + "/wal")))
try? FileManager.default.removeItem(atPath: storageDirectory)

import ArgumentParser
import EtcdmonModel
import Foundation
import TSDB

/// `etcdmon tsdb`: inspect a data directory.
struct TSDBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tsdb",
        abstract: "Inspect the local store (Prometheus TSDB layout).",
        subcommands: [TSDBStatsCommand.self, TSDBDumpCommand.self, TSDBWriteSyntheticCommand.self])
}

/// Opens a data directory read-only — blocks and the WAL, without taking the lock, so it works
/// beside a running etcdmon or Prometheus — reporting problems on stderr.
func openForReading(_ options: DataDirectoryOptions) throws -> Storage {
    guard FileManager.default.fileExists(atPath: options.path) else {
        throw ValidationError("data directory \(options.path) does not exist")
    }
    var storageOptions = StorageOptions()
    storageOptions.readOnly = true
    let storage: Storage
    do { storage = try Storage(directory: options.path, options: storageOptions) } catch {
        printError("etcdmon: \(error)")
        throw ExitCode(2)
    }
    for warning in storage.warnings { printError("warning: \(warning)") }
    return storage
}

/// `etcdmon tsdb stats`: what `promtool tsdb analyze` and `list` tell, in one report.
struct TSDBStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Series, samples, blocks, bytes per sample and the largest metrics.")

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "How many entries each ranking lists.")
    var top = 10

    func run() throws {
        let statistics: StoreStatistics
        let storage = try openForReading(data)
        do { statistics = try StoreStatistics(storage, top: top) } catch {
            printError("etcdmon tsdb stats: \(error)")
            throw ExitCode(2)
        }
        let perSample = statistics.samples > 0 ? Double(statistics.bytes) / Double(statistics.samples) : 0
        print("series: \(statistics.series)")
        print("samples: \(statistics.samples)")
        print("chunks: \(statistics.chunks)")
        print("blocks: \(statistics.blocks.count), \(statistics.bytes) bytes on disk, \(String(format: "%.2f", perSample)) bytes/sample")
        print("head (from the WAL): \(statistics.headSeries) series, \(statistics.headSamples) samples")
        if statistics.headSeries > 0, let bytes = storage.head.measurePostingsBytes() {
            print("head postings index: \(bytes) bytes on the heap, \(bytes / statistics.headSeries) per series")
        }
        if !statistics.blocks.isEmpty {
            print("\nBLOCK ULID                  MIN TIME                  MAX TIME                  DURATION    SAMPLES  CHUNKS  SERIES  BYTES")
            for block in statistics.blocks {
                let meta = block.meta
                print([meta.ulid, TimeFormatting.time(meta.minTime), TimeFormatting.time(meta.maxTime),
                       TimeFormatting.duration(meta.maxTime - meta.minTime), String(meta.stats.numSamples),
                       String(meta.stats.numChunks), String(meta.stats.numSeries), String(block.bytes)].joined(separator: "  "))
            }
        }
        print("\nmetric names with the most series:")
        for entry in statistics.topMetricNames { print("  \(entry.series) \(entry.name)") }
        print("\nlabel pairs in the most series:")
        for entry in statistics.topLabelPairs { print("  \(entry.series) \(entry.pair)") }
        print("\nlabel names with the most values:")
        for entry in statistics.topLabelNamesByValues { print("  \(entry.values) \(entry.name)") }
    }
}

/// `etcdmon tsdb dump`: every sample, one per line, as `promtool tsdb dump` prints them.
struct TSDBDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print every sample as `{labels} value timestamp`.")

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .customLong("min-time"), help: "First timestamp to print (milliseconds).")
    var minTime: Int64 = .min

    @Option(name: .customLong("max-time"), help: "Last timestamp to print (milliseconds).")
    var maxTime: Int64 = .max

    func run() throws {
        let storage = try openForReading(data)
        var output = ""
        do {
            for series in try storage.querier().select([], minTime: minTime, maxTime: maxTime) {
                let labels = "{" + series.labels.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ", ") + "}"
                for (time, value) in zip(series.timestamps, series.values) {
                    output += "\(labels) \(value) \(time)\n"
                    if output.utf8.count > 1 << 20 {
                        print(output, terminator: "")
                        output = ""
                    }
                }
            }
        } catch {
            printError("etcdmon tsdb dump: \(error)")
            throw ExitCode(2)
        }
        print(output, terminator: "")
    }
}

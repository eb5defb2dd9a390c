import ArgumentParser
import EtcdmonModel
import Foundation
import TSDB

/// `etcdmon tsdb write-synthetic`: drives the store's write path with generated samples, for the
/// crash tests (which SIGKILL it mid-write) and for trying the store out. Not a user command.
struct TSDBWriteSyntheticCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-synthetic",
        abstract: "Append generated samples through the store's write path (testing aid).",
        discussion: """
        Batch b holds one sample per series at start + b * step, value b * 1000 + series. After each \
        commit (and its fsync with --sync) it prints 'committed b'. With --compact-every N it cuts and \
        compacts blocks every N batches.
        """,
        shouldDisplay: false)

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "Series per batch.")
    var series = 50

    @Option(help: "Batches to write; 0 writes until killed.")
    var batches = 0

    @Option(help: "Milliseconds between batches' timestamps.")
    var step: Int64 = 60_000

    @Option(help: "Timestamp of batch 0 (milliseconds).")
    var start: Int64 = 1_700_000_000_000

    @Flag(help: "fsync the WAL on every commit.")
    var sync = false

    @Option(name: .customLong("compact-every"), help: "Cut and compact blocks every N batches (0: never).")
    var compactEvery = 0

    func run() throws {
        var options = StorageOptions()
        options.syncEveryCommit = sync
        options.retentionTime = 0
        let storage: Storage
        do { storage = try Storage(directory: data.path, options: options) } catch {
            printError("etcdmon: \(error)")
            throw ExitCode(2)
        }
        for warning in storage.warnings { printError("warning: \(warning)") }
        let labels = (0..<series).map { Labels(["__name__": "synthetic_value", "series": String($0)]) }
        var appender = storage.appender()
        var batch = 0
        while batches == 0 || batch < batches {
            let time = start + Int64(batch) * step
            for (index, series) in labels.enumerated() {
                try appender.append(series, timestamp: time, value: Double(batch * 1000 + index))
            }
            try appender.commit()
            let line = Array("committed \(batch)\n".utf8)
            _ = line.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            batch += 1
            if compactEvery > 0 && batch % compactEvery == 0 { try storage.compact(now: time) }
        }
        try storage.close()
    }
}

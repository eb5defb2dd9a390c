import ArgumentParser
import Backfill
import EtcdmonModel
import Foundation
import TSDB

/// `etcdmon import`: bring existing data into the store.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Backfill data into the local store.",
        subcommands: [OpenMetricsImportCommand.self])
}

/// `etcdmon import openmetrics FILE`: what `promtool tsdb create-blocks-from openmetrics` does.
struct OpenMetricsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openmetrics",
        abstract: "Backfill an OpenMetrics file with timestamps into blocks.",
        discussion: """
        Each series' samples must be in time order; out-of-order and duplicate samples and malformed \
        lines are reported with line numbers and skipped (or stop the import with --strict). \
        Exit status: 0 all imported, 1 some samples or lines skipped, 2 nothing could be imported.
        """)

    @Argument(help: "The OpenMetrics file (timestamps required, ending in '# EOF').")
    var file: String

    @OptionGroup var data: DataDirectoryOptions

    @Option(name: .customLong("max-block-duration"), help: "Largest block width (e.g. 24h); rounded down to 2h × 3ⁿ and aligned, as promtool does.")
    var maxBlockDuration: String = "2h"

    @Flag(help: "Stop at the first malformed line or rejected sample.")
    var strict = false

    @Flag(name: .customLong("quiet"), help: "No progress bar.")
    var quiet = false

    func run() throws {
        let duration: Int64
        do { duration = try PrometheusDuration.milliseconds(maxBlockDuration) } catch {
            throw ValidationError("--max-block-duration: \(error)")
        }
        guard duration >= 60_000 else { throw ValidationError("--max-block-duration must be at least 1m") }
        let backfill = OpenMetricsBackfill(
            path: file, dataDirectory: data.path, options: BackfillOptions(maxBlockDuration: duration, strict: strict))
        let bar = (!quiet && isatty(STDERR_FILENO) == 1) ? ProgressBar(label: "importing") : nil
        let summary: BackfillSummary
        do {
            _ = try Database(directory: data.path) // creates the layout and clears leftovers
            summary = try backfill.run(progress: bar.map { bar in { bar.update($0) } })
        } catch {
            bar?.finish()
            printError("etcdmon import: \(error)")
            throw ExitCode(2)
        }
        bar?.finish()
        print(Self.describe(summary))
        if summary.samples == 0 { throw ExitCode(2) }
        if summary.skippedTotal > 0 { throw ExitCode(1) }
    }

    static func describe(_ summary: BackfillSummary) -> String {
        var lines = ["imported \(summary.samples) samples of \(summary.series) series into \(summary.blocks.count) block(s)"]
        if let minTime = summary.minTime, let maxTime = summary.maxTime {
            lines.append("time span: \(TimeFormatting.time(minTime)) .. \(TimeFormatting.time(maxTime)) (\(TimeFormatting.duration(maxTime - minTime)))")
        }
        let perSample = summary.samples > 0 ? Double(summary.bytesOnDisk) / Double(summary.samples) : 0
        lines.append("on disk: \(summary.bytesOnDisk) bytes (\(String(format: "%.2f", perSample)) bytes/sample)")
        for block in summary.blocks {
            lines.append("  block \(block.ulid)  \(TimeFormatting.time(block.minTime)) .. \(TimeFormatting.time(block.maxTime - 1))  \(block.stats.numSeries) series  \(block.stats.numSamples) samples")
        }
        if summary.skippedTotal > 0 {
            let reasons = summary.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            lines.append("skipped: \(reasons)")
            lines += summary.problems.map { "  " + $0 }
            if summary.problems.count < summary.skippedTotal {
                lines.append("  … and \(summary.skippedTotal - summary.problems.count) more")
            }
        }
        return lines.joined(separator: "\n")
    }
}

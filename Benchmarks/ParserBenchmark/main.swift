// Exposition parser throughput: parses one /metrics payload many times and prints MB/s and
// samples/s. Two passes: `scan` (what a scrape loop does for series it already knows: value and
// the raw series bytes, no strings) and `labels` (builds every sample's label set, the cost of a
// first scrape). Allocations per sample are measured by scripts/bench-parser.sh under valgrind.
//
// Usage: etcdmon-bench-parser FILE [--iterations N] [--mode scan|labels|both]
import Exposition
import Foundation

struct Options {
    var path = ""
    var iterations = 2000
    var modes = ["scan", "labels"]

    init(_ arguments: [String]) {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--iterations": iterations = Int(rest.popFirst() ?? "") ?? iterations
            case "--mode":
                let mode = rest.popFirst() ?? "both"
                modes = mode == "both" ? ["scan", "labels"] : [mode]
            default: path = argument
            }
        }
    }
}

/// Parses `bytes` once; returns the number of samples and a checksum so the work is not elided.
func parseOnce(_ bytes: [UInt8], buildLabels: Bool) throws -> (samples: Int, checksum: Double) {
    try ExpositionParser.withParser(bytes, format: .prometheusText) { parser in
        var samples = 0
        var checksum = 0.0
        while let entry = try parser.next() {
            guard entry == .sample else { continue }
            samples += 1
            checksum += parser.value.isFinite ? parser.value : 0
            if buildLabels {
                checksum += Double(parser.labels().count)
            } else {
                checksum += Double(parser.seriesBytes.count)
            }
        }
        return (samples, checksum)
    }
}

let options = Options(CommandLine.arguments)
guard !options.path.isEmpty, let data = FileManager.default.contents(atPath: options.path) else {
    FileHandle.standardError.write(Data("usage: etcdmon-bench-parser FILE [--iterations N] [--mode scan|labels|both]\n".utf8))
    exit(64)
}
let bytes = [UInt8](data)
let clock = ContinuousClock()
for mode in options.modes {
    let buildLabels = mode == "labels"
    var samples = 0
    var checksum = 0.0
    _ = try parseOnce(bytes, buildLabels: buildLabels) // warm-up
    let elapsed = try clock.measure {
        for _ in 0..<options.iterations {
            let result = try parseOnce(bytes, buildLabels: buildLabels)
            samples += result.samples
            checksum += result.checksum
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let megabytes = Double(bytes.count * options.iterations) / 1_000_000
    print(String(
        format: "%-6@ %8.1f MB/s  %6.2f M samples/s  %7.1f ns/sample  (%d bytes x %d, checksum %.0f)",
        mode as NSString, megabytes / seconds, Double(samples) / seconds / 1e6, seconds * 1e9 / Double(samples),
        bytes.count, options.iterations, checksum))
}

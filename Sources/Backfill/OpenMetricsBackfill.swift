import EtcdmonModel
import Exposition
import TSDB

/// Backfills an OpenMetrics file whose samples carry timestamps — the input promtool's
/// `tsdb create-blocks-from openmetrics` takes — into blocks of a data directory.
///
/// Samples are compressed into XOR chunks as they are read (one chunk per 120 samples, cut at
/// block boundaries), so memory stays near the size of the output. Each series must come in
/// time order: an out-of-order or duplicate-timestamp sample is skipped and counted, never
/// silently dropped. Malformed lines are reported with their line number and skipped, or stop
/// the import with `strict`.
public struct OpenMetricsBackfill {
    /// The input file.
    public let path: String
    /// The data directory the blocks go into.
    public let dataDirectory: String
    /// Cutting and validation options.
    public let options: BackfillOptions

    /// Creates a backfill of `path` into `dataDirectory`.
    public init(path: String, dataDirectory: String, options: BackfillOptions = .init()) {
        self.path = path
        self.dataDirectory = dataDirectory
        self.options = options
    }

    /// A series being filled: its samples per block, chunked as Prometheus's head chunks them.
    private struct SeriesBuffer {
        var labels: Labels
        var lastTime: Int64 = .min
        var blocks: [(start: Int64, series: ChunkedSeries)] = []
    }

    /// Runs the import; `progress` is called with the fraction of the input read, now and then.
    public func run(progress: ((Double) -> Void)? = nil) throws(BackfillError) -> BackfillSummary {
        let file: MappedFile
        do { file = try MappedFile(path: path) } catch { throw .input(path: path, reason: error.description) }
        var summary = BackfillSummary()
        var buffers: [SeriesBuffer] = []
        var byBytes: [[UInt8]: Int] = [:]
        var byLabels: [Labels: Int] = [:]
        let duration = options.blockDuration
        guard duration > 0 else { throw .input(path: path, reason: "block duration must be positive") }

        func skip(_ reason: String, line: Int, detail: String) throws(BackfillError) {
            if options.strict { throw .strict(path: path, line: line, reason: detail) }
            summary.skipped[reason, default: 0] += 1
            if summary.problems.count < options.reportedProblemLimit {
                summary.problems.append("line \(line): \(detail)")
            }
        }

        do {
            try ExpositionParser.withParser(file.bytes, format: .openMetrics) { (parser: inout ExpositionParser) in
                var nextProgress = 0
                while true {
                    let entry: ExpositionEntry?
                    do throws(ExpositionError) {
                        entry = try parser.next()
                    } catch {
                        try skip("malformed line", line: error.line, detail: error.description)
                        parser.skipToNextLine()
                        continue
                    }
                    guard let entry else { break }
                    let line = parser.currentLine
                    guard entry == .sample else { continue }
                    let position = parser.seriesBytes.baseAddress.map { $0 - file.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) } ?? 0
                    if position >= nextProgress, let progress {
                        progress(Double(position) / Double(max(1, file.bytes.count)))
                        nextProgress = position + file.bytes.count / 100
                    }
                    guard let time = parser.timestamp else {
                        try skip("no timestamp", line: line, detail: "sample of \(parser.metricName) has no timestamp")
                        continue
                    }
                    let key = Array(parser.seriesBytes)
                    let index: Int
                    if let known = byBytes[key] {
                        index = known
                    } else {
                        let labels = Labels(parser.labels().filter { !$0.value.isEmpty })
                        if let known = byLabels[labels] {
                            index = known
                        } else {
                            index = buffers.count
                            buffers.append(SeriesBuffer(labels: labels))
                            byLabels[labels] = index
                        }
                        byBytes[key] = index
                    }
                    guard time > buffers[index].lastTime else {
                        let reason = time == buffers[index].lastTime ? "duplicate timestamp" : "out of order"
                        try skip(reason, line: line, detail: "\(reason) sample for \(buffers[index].labels) at \(time)")
                        continue
                    }
                    let blockStart = time - ((time % duration) + duration) % duration
                    buffers[index].lastTime = time
                    if buffers[index].blocks.last?.start != blockStart {
                        // Like promtool, each block is filled by a head whose chunk range is twice the block.
                        buffers[index].blocks.append((blockStart, ChunkedSeries(chunkRange: 2 * duration)))
                    }
                    buffers[index].blocks[buffers[index].blocks.count - 1].series.append(timestamp: time, value: parser.value)
                    summary.samples += 1
                    summary.minTime = min(summary.minTime ?? time, time)
                    summary.maxTime = max(summary.maxTime ?? time, time)
                }
            }
        } catch let error as BackfillError {
            throw error
        } catch {
            throw .input(path: path, reason: "\(error)")
        }
        progress?(1)

        // One block per aligned range that has data.
        var ranges: [Int64: [BlockWriter.Series]] = [:]
        for buffer in buffers {
            for (blockStart, series) in buffer.blocks {
                ranges[blockStart, default: []].append(BlockWriter.Series(labels: buffer.labels, chunks: series.chunks))
            }
        }
        summary.series = buffers.filter { !$0.blocks.isEmpty }.count
        let writer = BlockWriter(directory: dataDirectory)
        do {
            for blockStart in ranges.keys.sorted() {
                let meta = try writer.write(ranges[blockStart]!)
                summary.blocks.append(meta)
                summary.bytesOnDisk += Database.directorySize(dataDirectory + "/" + meta.ulid)
            }
        } catch {
            throw .storage(error)
        }
        return summary
    }
}

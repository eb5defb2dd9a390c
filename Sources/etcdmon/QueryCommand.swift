import ArgumentParser
import EtcdmonModel
import Foundation
import PromQL
import TSDB
import Web

/// `etcdmon query EXPR`: evaluate PromQL against a data directory, as Prometheus would.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Evaluate a PromQL expression over the local store.",
        discussion: "Instant at --time (default now), or a range with --start, --end and --step. Exit status 1 on a query error.")

    @Argument(help: "The PromQL expression.")
    var expression: String

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "Evaluation time: Unix seconds or RFC 3339 (instant query).")
    var time: String?

    @Option(help: "Range start: Unix seconds or RFC 3339.")
    var start: String?

    @Option(help: "Range end: Unix seconds or RFC 3339.")
    var end: String?

    @Option(help: "Range step: a duration (15s) or seconds.")
    var step: String?

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: OutputFormat = .table

    func run() throws {
        let parsed: PromQL.Expression
        do { parsed = try Parser.parse(expression) } catch {
            printError("etcdmon query: \(error)")
            throw ExitCode(1)
        }
        let storage = try openForReading(data)
        let value: QueryValue
        do {
            if start != nil || end != nil || step != nil {
                guard let start, let end, let step else { throw ValidationError("a range query needs --start, --end and --step") }
                let stepMilliseconds: Int64
                if let seconds = Double(step) { stepMilliseconds = Int64(seconds * 1000) } else {
                    stepMilliseconds = try PrometheusDuration.milliseconds(step)
                }
                value = try Engine().range(parsed, start: try Self.time(start), end: try Self.time(end), step: stepMilliseconds, querier: storage.querier())
            } else {
                value = try Engine().instant(parsed, at: try time.map(Self.time) ?? Timestamp.now(), querier: storage.querier())
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            printError("etcdmon query: \(error)")
            throw ExitCode(1)
        }
        switch output {
        case .json: print(PrometheusAPI.json(value))
        case .table: print(Self.table(value), terminator: "")
        }
    }

    static func time(_ text: String) throws -> Int64 {
        if let seconds = Double(text) { return Int64((seconds * 1000).rounded()) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        throw ValidationError("cannot parse \"\(text)\" as a time (Unix seconds or RFC 3339)")
    }

    /// promtool's text form: `{labels} => value @[seconds]`.
    static func table(_ value: QueryValue) -> String {
        func seconds(_ milliseconds: Int64) -> String { String(format: "%.3f", Double(milliseconds) / 1000) }
        switch value {
        case .scalar(let number, let time): return "scalar: \(PrometheusAPI.format(number)) @[\(seconds(time))]\n"
        case .string(let text, let time): return "string: \(text) @[\(seconds(time))]\n"
        case .vector(let samples):
            return samples.map { "\($0.labels) => \(PrometheusAPI.format($0.value)) @[\(seconds($0.timestamp))]\n" }.joined()
        case .matrix(let series):
            return series.map { item in
                "\(item.labels) =>\n" + zip(item.values, item.timestamps).map { "\(PrometheusAPI.format($0)) @[\(seconds($1))]\n" }.joined()
            }.joined()
        }
    }
}

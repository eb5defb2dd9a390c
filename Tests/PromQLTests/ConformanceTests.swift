import EtcdmonModel
import Foundation
import Testing
import TestSupport
import TSDB
@testable import PromQL

/// An in-memory store for test scripts: loads may add samples in any order.
final class MemoryQuerier: Querier, @unchecked Sendable {
    // Only mutated while a script loads, never during a query; tests run one script per instance.
    var series: [Labels: [(Int64, Double)]] = [:]

    func add(_ labels: Labels, _ time: Int64, _ value: Double) {
        series[labels, default: []].append((time, value))
    }

    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> [StoredSeries] {
        series.compactMap { labels, points in
            guard matchers.allSatisfy({ $0.matches(labels[$0.name] ?? "") }) else { return nil }
            let sorted = points.sorted { $0.0 < $1.0 }.filter { $0.0 >= minTime && $0.0 <= maxTime }
            guard !sorted.isEmpty else { return nil }
            return StoredSeries(labels: labels, timestamps: sorted.map(\.0), values: sorted.map(\.1))
        }.sorted { $0.labels < $1.labels }
    }

    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { [] }
    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { [] }
}

/// Runs Prometheus's own PromQL test scripts (format in `../shared/conformance/promqltest/README.md`).
struct ScriptRunner {
    struct Outcome {
        var passed = 0
        var failed: [String] = []
        var skipped: [String] = []
    }

    static func labels(_ text: Substring) throws -> Labels {
        if text == "{}" { return .empty }
        guard case .vectorSelector(let selector) = try Parser.parse(String(text)) else { throw ParseError(line: 0, column: 0, message: "not a series: \(text)") }
        return Labels(selector.matchers.map { Label($0.name, $0.value) })
    }

    /// Splits `name{a="b"} rest` into the series text and the rest.
    static func splitSeries(_ line: Substring) -> (Substring, Substring) {
        if let brace = line.firstIndex(of: "{"), line[..<brace].allSatisfy({ !$0.isWhitespace }) {
            var inQuote = false
            var index = brace
            while index < line.endIndex {
                let character = line[index]
                if character == "\"" && (index == line.startIndex || line[line.index(before: index)] != "\\") { inQuote.toggle() }
                if character == "}" && !inQuote { break }
                index = line.index(after: index)
            }
            let end = index < line.endIndex ? line.index(after: index) : index
            return (line[..<end], line[end...].drop { $0.isWhitespace })
        }
        let end = line.firstIndex(where: \.isWhitespace) ?? line.endIndex
        return (line[..<end], line[end...].drop { $0.isWhitespace })
    }

    /// Expands `1+2x3 _ stale …` into values (nil = gap).
    static func expand(_ items: Substring) throws -> [Double?] {
        var output: [Double?] = []
        for item in items.split(whereSeparator: \.isWhitespace) {
            if item == "_" { output.append(nil); continue }
            if item == "stale" { output.append(Double(bitPattern: 0x7FF0_0000_0000_0002)); continue }
            // `0x10` is zero repeated, not hexadecimal.
            if !item.contains("x"), let value = number(item) { output.append(value); continue }
            guard let x = item.lastIndex(of: "x"), let count = Int(item[item.index(after: x)...]) else {
                throw ParseError(line: 0, column: 0, message: "bad value item \(item)")
            }
            let head = item[..<x]
            if head == "_" { output += Array(repeating: nil, count: count + 1); continue }
            // a+b or a-b, where a may carry its own sign.
            var splitAt: Substring.Index?
            var index = head.index(after: head.startIndex)
            while index < head.endIndex {
                if (head[index] == "+" || head[index] == "-") && head[head.index(before: index)] != "e" { splitAt = index }
                index = head.index(after: index)
            }
            let start: Double
            var delta = 0.0
            if let splitAt {
                guard let a = number(head[..<splitAt]), let b = number(head[head.index(after: splitAt)...]) else {
                    throw ParseError(line: 0, column: 0, message: "bad value item \(item)")
                }
                start = a
                delta = head[splitAt] == "+" ? b : -b
            } else {
                guard let a = number(head) else { throw ParseError(line: 0, column: 0, message: "bad value item \(item)") }
                start = a
            }
            for step in 0...count { output.append(start + Double(step) * delta) }
        }
        return output
    }

    static func number(_ text: Substring) -> Double? {
        switch text.lowercased() {
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default: return Double(text)
        }
    }

    static func almostEqual(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN && b.isNaN { return true }
        if a == b { return true }
        let difference = abs(a - b)
        let minNormal = Double(bitPattern: 0x0010_0000_0000_0000)
        if a == 0 || b == 0 || difference < minNormal { return difference < 1e-6 * minNormal }
        return difference / (abs(a) + abs(b)) < 1e-6
    }

    static func run(_ text: String, file: String) -> Outcome {
        var outcome = Outcome()
        var querier = MemoryQuerier()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            var block: [String] = []
            // `clear` stands alone; a block also ends where the next command starts.
            func isCommand(_ text: String) -> Bool {
                let word = text.split(separator: " ").first?.lowercased() ?? ""
                return word == "clear" || word.hasPrefix("load") || word.hasPrefix("eval")
            }
            while !line.lowercased().hasPrefix("clear"), index < lines.count, !lines[index].isEmpty, !lines[index].hasPrefix("#"),
                  !isCommand(lines[index]) {
                block.append(lines[index])
                index += 1
            }
            let place = "\(file):\(index - block.count)"
            let words = line.split(separator: " ", maxSplits: 1)
            switch words.first?.lowercased() {
            case "clear":
                querier = MemoryQuerier()
            case "load":
                guard words.count > 1, let step = try? PrometheusDuration.milliseconds(String(words[1])) else { continue }
                for entry in block where !entry.contains("{{") {
                    let (seriesText, valuesText) = splitSeries(Substring(entry))
                    guard let labels = try? labels(seriesText), let values = try? expand(valuesText) else {
                        outcome.failed.append("\(place): cannot load \(entry)")
                        continue
                    }
                    for (position, value) in values.enumerated() {
                        if let value { querier.add(labels, Int64(position) * step, value) }
                    }
                }
            default:
                guard line.hasPrefix("eval") else { continue }
                evaluate(line, expected: block, querier: querier, place: place, into: &outcome)
            }
        }
        return outcome
    }

    static func evaluate(_ line: String, expected: [String], querier: MemoryQuerier, place: String, into outcome: inout Outcome) {
        let mustFail = line.hasPrefix("eval_fail")
        let ordered = line.hasPrefix("eval_ordered")
        guard let atRange = line.range(of: " at ") else { return }
        let afterAt = line[atRange.upperBound...]
        guard let space = afterAt.firstIndex(of: " "), let time = try? PrometheusDuration.milliseconds(String(afterAt[..<space])) else {
            outcome.failed.append("\(place): bad eval line")
            return
        }
        let source = String(afterAt[afterAt.index(after: space)...])
        if expected.contains(where: { $0.contains("{{") }) {
            outcome.skipped.append("\(place): native histogram expectations")
            return
        }
        let result: QueryValue
        do {
            result = try Engine().instant(try Parser.parse(source), at: time, querier: querier)
        } catch {
            if mustFail { outcome.passed += 1 } else { outcome.failed.append("\(place): \(source): \(error)") }
            return
        }
        if mustFail {
            outcome.failed.append("\(place): \(source): expected an error")
            return
        }
        switch result {
        case .scalar(let value, _):
            guard expected.count == 1, let want = number(Substring(expected[0])), almostEqual(value, want) else {
                outcome.failed.append("\(place): \(source): got scalar \(value), want \(expected)")
                return
            }
            outcome.passed += 1
        case .vector(let samples):
            var wanted: [(Labels, Double)] = []
            for entry in expected {
                let (seriesText, valueText) = splitSeries(Substring(entry))
                guard let labels = try? labels(seriesText), let value = number(valueText.split(separator: " ").first ?? "") else {
                    outcome.skipped.append("\(place): unreadable expectation \(entry)")
                    return
                }
                wanted.append((labels, value))
            }
            var problems: [String] = []
            if samples.count != wanted.count { problems.append("got \(samples.count) series, want \(wanted.count)") }
            for (position, (labels, value)) in wanted.enumerated() {
                guard let found = samples.firstIndex(where: { $0.labels == labels }) else {
                    problems.append("missing \(labels)")
                    continue
                }
                if !almostEqual(samples[found].value, value) { problems.append("\(labels): got \(samples[found].value), want \(value)") }
                if ordered && found != position { problems.append("\(labels) at position \(found), want \(position)") }
            }
            if problems.isEmpty {
                outcome.passed += 1
            } else {
                outcome.failed.append("\(place): \(source): " + problems.prefix(3).joined(separator: "; "))
            }
        case .matrix:
            outcome.skipped.append("\(place): range-vector result comparison not implemented in the runner")
        case .string:
            outcome.skipped.append("\(place): string result")
        }
    }
}

@Suite("PromQL conformance: Prometheus's own test scripts")
struct ConformanceTests {
    /// Runs every script in `directory`, printing counts per file and in all.
    static func runAll(_ directory: String, label: String) throws -> ScriptRunner.Outcome {
        var total = ScriptRunner.Outcome()
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).filter({ $0.hasSuffix(".test") }).sorted() {
            let outcome = ScriptRunner.run(try String(contentsOfFile: directory + "/" + file, encoding: .utf8), file: file)
            print("promqltest \(label) \(file): \(outcome.passed) passed, \(outcome.failed.count) failed, \(outcome.skipped.count) skipped")
            total.passed += outcome.passed
            total.failed += outcome.failed
            total.skipped += outcome.skipped
        }
        print("promqltest \(label) total: \(total.passed) passed, \(total.failed.count) failed, \(total.skipped.count) skipped")
        return total
    }

    @Test("v2.42.0 scripts: every eval passes")
    func prometheus242() throws {
        let total = try Self.runAll(Fixtures.url("conformance/promqltest/v2.42.0").path, label: "v2.42.0")
        for failure in total.failed.prefix(40) { print("  FAIL \(failure)") }
        #expect(total.failed.isEmpty)
        #expect(total.skipped.isEmpty)
        #expect(total.passed >= ConformanceTests.minimumPassing, "\(total.passed) passing, fewer than the recorded \(ConformanceTests.minimumPassing)")
    }

    /// Every `eval` of the v2.42.0 scripts; fewer would mean cases stopped being read.
    static let minimumPassing = 566

    @Test("v3.14 scripts run too: counts printed (native histograms and 3.x semantics are not targeted yet)")
    func prometheus314() throws {
        let total = try Self.runAll(Fixtures.url("conformance/promqltest").path, label: "v3.14")
        #expect(total.passed > 0)
    }
}

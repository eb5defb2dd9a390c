import EtcdmonModel
import Testing
import TestSupport
import TSDB
@testable import PromQL

/// Deep nesting of every kind is refused with a parse error that names the limit, and nesting up
/// to the limit parses, prints, evaluates and is freed without exhausting the stack.
@Suite("PromQL nesting and size limits")
struct NestingLimitTests {
    /// Expressions nesting `depth` levels, by kind.
    static let shapes: [(name: String, build: @Sendable (Int) -> String)] = [
        ("parentheses", { String(repeating: "(", count: $0 - 1) + "1" + String(repeating: ")", count: $0 - 1) }),
        ("unary minus", { String(repeating: "-", count: $0 - 1) + "vector(1)" }),
        ("left-associative sum", { Array(repeating: "1", count: $0).joined(separator: " + ") }),
        ("right-associative power", { Array(repeating: "1", count: $0).joined(separator: " ^ ") }),
        ("vector sum", { "vector(1)" + String(repeating: " + vector(1)", count: $0 - 2) }),
        ("calls", { String(repeating: "abs(", count: $0 - 2) + "vector(1)" + String(repeating: ")", count: $0 - 2) }),
        ("aggregations", { String(repeating: "sum(", count: $0 - 2) + "vector(1)" + String(repeating: ")", count: $0 - 2) }),
        ("subqueries", { depth in
            var expression = "vector(1)"
            for _ in 0..<depth / 2 { expression = "max_over_time(\(expression)[1m:10s])" }
            return expression
        }),
    ]

    /// On a thread with room for the limit, so that the limit itself is what refuses.
    @Test("nesting past the limit is a parse error naming it", arguments: [Parser.maximumDepth + 1, 20_000, 200_000])
    func refusedPastTheLimit(depth: Int) async {
        let failures = await onThread(stackSize: 64 << 20) { () -> [String] in
            Self.shapes.compactMap { shape -> String? in
                let source = shape.build(depth)
                do throws(ParseError) {
                    _ = try Parser.parse(source)
                    return "\(shape.name) at depth \(depth) parsed"
                } catch {
                    let tooLong = source.utf8.count > Parser.maximumLength
                    let expected = tooLong ? "query is longer than" : "expression nests deeper than \(Parser.maximumDepth) levels"
                    return error.message.hasPrefix(expected) ? nil : "\(shape.name): \(error)"
                }
            }
        }
        #expect(failures == [])
    }

    /// At the limit, on a thread with room for it: a debug build's frames take about 15 KiB a level.
    @Test("nesting up to the limit parses, prints, reparses and evaluates")
    func acceptedUpToTheLimit() async {
        let failures = await onThread(stackSize: 64 << 20) { () -> [String] in
            var failures: [String] = []
            for shape in Self.shapes {
                do {
                    let expression = try Parser.parse(shape.build(Parser.maximumDepth - 1))
                    if try Parser.parse(expression.description) != expression { failures.append("\(shape.name): reparsed differently") }
                    switch try Engine().instant(expression, at: 60_000, querier: EmptyQuerier()) {
                    case .scalar(let number, _) where number.isFinite: break
                    case .vector(let samples) where samples.count == 1: break
                    case let value: failures.append("\(shape.name): \(value)")
                    }
                    _ = try Engine().range(expression, start: 0, end: 60_000, step: 30_000, querier: EmptyQuerier())
                } catch {
                    failures.append("\(shape.name): \(error)")
                }
            }
            return failures
        }
        #expect(failures == [])
    }

    /// On a small stack the same expressions are refused by the stack guard, not by a crash: the
    /// parser, or the evaluator when an expression parsed on a larger stack is evaluated there.
    @Test("a thread's stack too small for the limit refuses deep expressions with an error")
    func smallStackRefuses() async throws {
        let deep = try await onThread(stackSize: 64 << 20) { () -> Result<Expression, ParseError> in
            Result { () throws(ParseError) in try Parser.parse(Self.shapes[0].build(Parser.maximumDepth - 1)) }
        }.get()
        let outcomes = await onThread(stackSize: 1 << 20) { () -> [String] in
            var outcomes: [String] = []
            for shape in Self.shapes {
                do throws(ParseError) {
                    _ = try Parser.parse(shape.build(Parser.maximumDepth - 1))
                    outcomes.append("parsed")
                } catch {
                    outcomes.append("\(error)")
                }
            }
            do throws(EvaluationError) {
                _ = try Engine().instant(deep, at: 0, querier: EmptyQuerier())
                outcomes.append("evaluated")
            } catch {
                outcomes.append(error.message)
            }
            return outcomes
        }
        #expect(outcomes.contains { $0.contains("parse error: expression nests too deeply for this thread's stack") })
        #expect(outcomes.last == "expression nests too deeply to evaluate on this thread's stack")
    }

    @Test("a query longer than the limit is refused before lexing")
    func lengthLimit() {
        let long = "up{a=\"" + String(repeating: "x", count: Parser.maximumLength) + "\"}"
        #expect(throws: ParseError.self) { try Parser.parse(long) }
        do { _ = try Parser.parse(long) } catch { #expect(error.message.hasPrefix("query is longer than")) }
    }
}

/// A store with no series.
struct EmptyQuerier: Querier {
    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] { [] }
    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { [] }
    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { [] }
}

import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import PromQL

@Suite("PromQL parser")
struct ParserTests {
    /// Every `eval` expression of Prometheus 2.42's own test scripts, with file and line.
    static let conformanceExpressions: [(place: String, expression: String, mustFail: Bool)] = {
        let directory = Fixtures.url("conformance/promqltest/v2.42.0").path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".test") }.sorted()
        var output: [(String, String, Bool)] = []
        for file in files {
            let text = (try? String(contentsOfFile: directory + "/" + file, encoding: .utf8)) ?? ""
            for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = rawLine.trimmingCharacters(in: .whitespaces)
                guard line.hasPrefix("eval"), let atRange = line.range(of: " at ") else { continue }
                let afterAt = line[atRange.upperBound...]
                guard let space = afterAt.firstIndex(of: " ") else { continue }
                output.append(("\(file):\(number + 1)", String(afterAt[afterAt.index(after: space)...]), line.hasPrefix("eval_fail")))
            }
        }
        return output
    }()

    @Test("every expression Prometheus 2.42's test scripts evaluate parses, and prints back to itself")
    func conformanceExpressionsParse() throws {
        #expect(Self.conformanceExpressions.count > 500)
        var failures: [String] = []
        for (place, source, mustFail) in Self.conformanceExpressions where !mustFail {
            do {
                let expression = try Parser.parse(source)
                let printed = expression.description
                let reparsed = try Parser.parse(printed)
                if reparsed != expression { failures.append("\(place): \(printed) reparses as \(reparsed)") }
            } catch {
                failures.append("\(place): \(source): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures:\n\(failures.prefix(20).joined(separator: "\n"))")
    }

    func parse(_ source: String) throws -> String { try Parser.parse(source).description }

    /// The expression without its parentheses, to compare groupings.
    func bare(_ source: String) throws -> String { try Self.stripped(Parser.parse(source)).description }

    static func stripped(_ expression: PromQL.Expression) -> PromQL.Expression {
        switch expression {
        case .parenthesized(let inner): stripped(inner)
        case .unaryMinus(let inner): .unaryMinus(stripped(inner))
        case .binary(let op, let left, let right, let returnBool, let matching):
            .binary(op, stripped(left), stripped(right), returnBool: returnBool, matching: matching)
        default: expression
        }
    }

    /// Renders with explicit parentheses around every binary operation, to show the tree's shape.
    static func shapeOf(_ expression: PromQL.Expression) -> String {
        switch expression {
        case .parenthesized(let inner): shapeOf(inner)
        case .unaryMinus(let inner): "-" + shapeOf(inner)
        case .binary(let op, let left, let right, _, _): "(\(shapeOf(left)) \(op.rawValue) \(shapeOf(right)))"
        default: expression.description
        }
    }

    func shape(_ source: String) throws -> String { Self.shapeOf(try Parser.parse(source)) }

    @Test("precedence and associativity follow Prometheus")
    func precedence() throws {
        #expect(try Parser.parse("1 + 2 * 3") == .binary(.add, .number(1), .binary(.multiply, .number(2), .number(3), returnBool: false, matching: nil), returnBool: false, matching: nil))
        // ^ is right-associative, the rest left-associative.
        #expect(try shape("2 ^ 3 ^ 2") == "(2 ^ (3 ^ 2))")
        #expect(try shape("a - b - c") == "((a - b) - c)")
        // Unary minus binds looser than ^ and tighter than *.
        #expect(try Parser.parse("-2 ^ 2") == .unaryMinus(.binary(.power, .number(2), .number(2), returnBool: false, matching: nil)))
        #expect(try shape("-a * b") == "(-a * b)")
        #expect(try shape("-a ^ b") == "-(a ^ b)")
        #expect(try shape("a or b and c unless d") == "(a or ((b and c) unless d))")
        #expect(try shape("a > b + 1") == "(a > (b + 1))")
        #expect(try shape("a + b atan2 c") == "(a + (b atan2 c))")
        #expect(try shape("a / b * c % d") == "(((a / b) * c) % d)")
        #expect(try bare("((a + b))") == "a + b")
        #expect(try Parser.parse("-1") == .number(-1))
    }

    @Test("selectors, ranges, offsets, @, subqueries and matching clauses")
    func constructs() throws {
        #expect(try parse("foo{job=\"a\",instance!~'b.*',}") == "foo{job=\"a\", instance!~\"b.*\"}")
        #expect(try parse("{__name__=~\"up|down\"}[5m] offset -1h30m") == "{__name__=~\"up|down\"}[5m] offset -1h30m")
        #expect(try parse("foo @ 1609746000 offset 5m") == "foo @ 1609746000 offset 5m")
        #expect(try parse("rate(foo[5m] @ start())") == "rate(foo[5m] @ start())")
        #expect(try parse("max_over_time(rate(x[1m])[1h:5m] offset 10m)") == "max_over_time(rate(x[1m])[1h:5m] offset 10m)")
        #expect(try parse("min_over_time(x[30m:])") == "min_over_time(x[30m:])")
        #expect(try parse("SUM BY (job) (x)") == "sum by (job) (x)")
        #expect(try parse("sum(x) without (a,b,)") == "sum without (a, b) (x)")
        #expect(try parse("topk(3, x)") == "topk (3, x)")
        #expect(try parse("count_values(\"v\", x)") == "count_values (\"v\", x)")
        #expect(try parse("a * on(x) group_left(y) b") == "a * on (x) group_left (y) b")
        #expect(try parse("a == bool ignoring(z) b") == "a == bool ignoring (z) b")
        #expect(try parse("a and on() b") == "a and on () b")
        #expect(try parse("0x1F + 1e3 + Inf - NaN") == "31 + 1000 + +Inf - NaN")
        #expect(try parse("label_join(x, \"d\", \",\", \"a\", \"b\", \"c\")") == "label_join(x, \"d\", \",\", \"a\", \"b\", \"c\")")
        #expect(try parse("round(x)") == "round(x)")
        #expect(try parse("hour()") == "hour()")
        #expect(try parse("x # a comment\n+ y") == "x + y")
        #expect(try parse("\"a\\tb\\u00e9\"") == "\"a\\tbé\"")
        #expect(try parse("`raw\\n`") == "\"raw\\\\n\"")
    }

    @Test("bad input: a clear error with line and column", arguments: [
        ("sum(rate(foo[5m])", "1:18: parse error: unclosed left parenthesis"),
        ("foo{a=\"b\"", "1:10: parse error: unexpected end of input in label matching, expected \",\" or \"}\""),
        ("rate(foo)", "1:1: parse error: expected type range vector in call to function \"rate\", got instant vector"),
        ("nosuchfn(x)", "1:1: parse error: unknown function with name \"nosuchfn\""),
        ("foo[5]", "1:5: parse error: unexpected number in a range: expected a duration with a unit, such as 5m"),
        ("1 > 2", "1:3: parse error: comparisons between scalars must use BOOL modifier"),
        ("foo{a=~\"(\"}", "1:5: parse error: invalid regular expression"),
        ("{}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("{a=\"\"}", "1:1: parse error: vector selector must contain at least one non-empty matcher"),
        ("foo + ", "1:7: parse error: unexpected end of input"),
        ("sum(x) by (a) by (b)", "1:15: parse error: unexpected identifier \"by\" after a complete expression"),
        ("x and 1", "1:3: parse error: set operator \"and\" not allowed in binary scalar expression"),
        ("a + on(b) group_left(b) c", "1:3: parse error: label \"b\" must not occur in ON and GROUP clause at once"),
        ("a and on(x) group_left c", "1:3: parse error: no grouping allowed for \"and\" operation"),
        ("1 + bool 2", "1:3: parse error: bool modifier can only be used on comparison operators"),
        ("(foo) offset 5m", "1:7: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery"),
        ("foo offset 1m offset 2m", "1:15: parse error: offset may not be set multiple times"),
        ("foo[5m][1h:]", "1:8: parse error: subquery is only allowed on instant vector, got range vector instead"),
        ("(foo)[5m]", "1:6: parse error: ranges only allowed for vector selectors"),
        ("foo[0s]", "1:5: parse error: duration must be greater than 0"),
        ("\"unterminated", "1:1: parse error: unterminated quoted string"),
        ("foo !> bar", "1:5: parse error: unexpected character after '!': expected '=' or '~'"),
        ("5m", "1:1: parse error: unexpected duration: a duration is only allowed in [range], after offset, or as a subquery step"),
        ("-\"a\"", "1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"string\""),
        ("topk(x)", "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1"),
        ("label_replace(x, \"a\")", "1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 2"),
        ("x\n  + sum", "2:8: parse error: unexpected end of input after aggregation \"sum\": expected \"(\" or a grouping clause"),
        ("", "1:1: parse error: no expression found in input"),
    ])
    func errors(source: String, expected: String) {
        do {
            let expression = try Parser.parse(source)
            Issue.record("\(source) parsed as \(expression)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(source): \(error.description)")
        }
    }

    @Test("random token soup never crashes or hangs the parser")
    func fuzz() {
        let pieces = ["foo", "sum", "rate", "by", "(", ")", "{", "}", "[", "]", "5m", ":", ",", "=", "=~", "\"a\"", "1", "-", "+", "*",
                      "^", "offset", "@", "bool", "on", "group_left", "and", "or", " ", "\n", "'", "`", "#", "!", "==", "0x", "1e",
                      "start()", "topk", "label_replace", "é", "\\", "[1h:]", "without"]
        var generator = SeededGenerator(seed: 42)
        var parsed = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...12, using: &generator)
            let source = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if (try? Parser.parse(source)) != nil { parsed += 1 }
        }
        #expect(parsed > 0, "some random inputs are valid PromQL")
    }
}

import EtcdmonModel
import PromQL

/// The expanding notation of promtool's `input_series` (PromQL's `load` syntax): `1 2 3`,
/// `1+2x3` (1, 3, 5, 7), `0-1x2`, `5x3` (four fives), `_` and `_x3` (missing samples), `stale`,
/// `Inf`, `NaN`; and series written as selectors with equality matchers (`up{job="etcd"}`).
public enum SeriesNotation {
    /// One value of a series: a number, or none (`_`).
    public enum Value: Sendable, Equatable {
        case sample(Double)
        case omitted
    }

    /// Most values one line may expand to.
    public static let maximumValues = 10_000_000

    /// The values `text` describes, in order.
    public static func values(_ text: String) throws(RuleError) -> [Value] {
        var output: [Value] = []
        for item in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
            let item = String(item)
            var base = item
            var count: Int?
            if let x = item.lastIndex(of: "x"), x != item.startIndex, item[item.index(after: x)...].allSatisfy(\.isNumber),
               item.index(after: x) != item.endIndex {
                base = String(item[..<x])
                count = Int(item[item.index(after: x)...])
                guard count != nil else { throw RuleError("invalid repetition in series values: \(item)") }
            }
            if base == "_" {
                output += Array(repeating: .omitted, count: count ?? 1)
            } else if let count {
                // `a+bxN` or `a-bxN`: a, then N steps of b; `axN`: N + 1 copies of a.
                let (start, step) = try split(base, item: item)
                var value = start
                output.append(.sample(value))
                for _ in 0..<count {
                    value += step
                    output.append(.sample(value))
                    guard output.count <= maximumValues else { throw RuleError("series expands to more than \(maximumValues) values") }
                }
            } else {
                output.append(.sample(try number(base, item: item)))
            }
            guard output.count <= maximumValues else { throw RuleError("series expands to more than \(maximumValues) values") }
        }
        return output
    }

    /// `a+b` or `a-b` (a step), or a plain `a` (step 0).
    private static func split(_ text: String, item: String) throws(RuleError) -> (Double, Double) {
        let characters = Array(text)
        // The operator is a sign after the first character that does not follow an exponent's `e`.
        for index in characters.indices.dropFirst() where characters[index] == "+" || characters[index] == "-" {
            let previous = characters[index - 1]
            if previous == "e" || previous == "E" { continue }
            let start = try number(String(characters[..<index]), item: item)
            let step = try number(String(characters[(index + 1)...]), item: item)
            return (start, characters[index] == "-" ? -step : step)
        }
        return (try number(text, item: item), 0)
    }

    private static func number(_ text: String, item: String) throws(RuleError) -> Double {
        switch text.lowercased() {
        case "stale": return StaleMarker.value
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan": return .nan
        default:
            guard let value = Double(text) else { throw RuleError("bad number or duration syntax in series values: \"\(item)\"") }
            return value
        }
    }

    /// The labels of a series written as a selector of equality matchers.
    public static func labels(_ text: String) throws(RuleError) -> Labels {
        if text.filter({ !$0.isWhitespace }) == "{}" { return .empty }
        let expression: Expression
        do { expression = try Parser.parse(text) } catch { throw RuleError("invalid series \(text): \(error)") }
        guard case .vectorSelector(let selector) = expression, selector.offset == 0, selector.at == nil else {
            throw RuleError("invalid series \(text): not a metric with labels")
        }
        var labels: [Label] = []
        for matcher in selector.matchers {
            guard matcher.kind == .equal else { throw RuleError("invalid series \(text): only = matchers describe a series") }
            if !matcher.value.isEmpty { labels.append(Label(matcher.name, matcher.value)) }
        }
        return Labels(labels)
    }
}

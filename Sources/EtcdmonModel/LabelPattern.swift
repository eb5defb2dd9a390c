/// A fully anchored regular expression over label values, with Prometheus's fast paths: a pattern
/// that is a plain literal or an alternation of literals (`a|b|c`) compares strings instead of
/// running the regex engine, and `.*` matches everything without looking.
public struct LabelPattern: Sendable {
    private enum Strategy: Sendable {
        case anything
        case literals(Set<String>)
        case prefix(String)
        case regex(CompiledRegex)
    }

    /// The source as given.
    public let source: String
    private let strategy: Strategy

    /// The literal strings the pattern matches, when it is a pure literal alternation.
    public var literals: [String]? {
        if case .literals(let values) = strategy { return values.sorted() }
        return nil
    }

    /// Compiles `source`; throws with the reason when it is not a valid regular expression.
    public init(_ source: String) throws(LabelPatternError) {
        self.source = source
        if source == ".*" {
            strategy = .anything
            return
        }
        let special = Set("\\^$.|?*+()[]{}")
        if !source.contains(where: { special.contains($0) }) {
            strategy = .literals([source])
            return
        }
        let alternatives = source.split(separator: "|", omittingEmptySubsequences: false)
        if alternatives.count > 1, alternatives.allSatisfy({ !$0.contains(where: { special.contains($0) }) }) {
            strategy = .literals(Set(alternatives.map(String.init)))
            return
        }
        if source.hasSuffix(".*") {
            let head = source.dropLast(2)
            if !head.isEmpty, !head.contains(where: { special.contains($0) }) {
                strategy = .prefix(String(head))
                return
            }
        }
        do {
            strategy = .regex(CompiledRegex(try Regex("(?:" + source + ")")))
        } catch {
            throw LabelPatternError(pattern: source, reason: "\(error)")
        }
    }

    /// Whether the whole of `value` matches.
    public func matches(_ value: String) -> Bool {
        switch strategy {
        case .anything: true
        case .literals(let values): values.contains(value)
        case .prefix(let prefix): value.hasPrefix(prefix)
        case .regex(let compiled): (try? compiled.regex.wholeMatch(in: value)) != nil
        }
    }
}

/// A regular expression that does not compile.
public struct LabelPatternError: Error, Sendable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// Why it was rejected.
    public var reason: String

    public var description: String { "invalid regular expression \"\(pattern)\": \(reason)" }
}

/// Holds a compiled regex. `Regex<AnyRegexOutput>` is not `Sendable` only because its match
/// output may carry non-Sendable captures; matching itself is thread-safe (`Regex` is `Sendable`
/// for Sendable outputs) and this type exposes only whole-match tests.
final class CompiledRegex: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
    init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
}

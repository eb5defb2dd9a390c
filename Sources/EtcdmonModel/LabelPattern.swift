import Synchronization

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
        if let cached = Self.compiled.withLock({ $0[source] }) {
            strategy = .regex(cached)
            return
        }
        do {
            let compiled = CompiledRegex(try Regex("(?:" + source + ")"))
            // Dashboards send the same selectors again and again; compiling a Regex costs more than the query.
            Self.compiled.withLock { cache in
                if cache.count >= 1024 { cache.removeAll(keepingCapacity: true) }
                cache[source] = compiled
            }
            strategy = .regex(compiled)
        } catch {
            throw LabelPatternError(pattern: source, reason: "\(error)")
        }
    }

    /// Compiled regular expressions by source, shared by every query and scrape of the process.
    private static let compiled = Mutex<[String: CompiledRegex]>([:])

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

extension LabelPattern {
    /// When the whole of `value` matches, `template` with `$1`, `${1}`, `$name`, `${name}` replaced
    /// by the match's groups (`$$` is a literal `$`), as Go's `Regexp.Expand` does for relabelling;
    /// `nil` when it does not match. Unknown or unmatched groups expand to nothing.
    public func expand(_ template: String, matching value: String) -> String? {
        let groups: (String) -> String
        switch strategy {
        case .regex(let compiled):
            guard let match = try? compiled.regex.wholeMatch(in: value) else { return nil }
            let output = match.output
            groups = { name in
                if let index = Int(name) {
                    guard index >= 0, index < output.count else { return "" }
                    return output[index].substring.map(String.init) ?? ""
                }
                return output[name]?.substring.map(String.init) ?? ""
            }
        default:
            guard matches(value) else { return nil }
            groups = { $0 == "0" ? value : "" }
        }
        return Self.expand(template, groups: groups)
    }

    private static func expand(_ template: String, groups: (String) -> String) -> String {
        var result = ""
        var rest = Substring(template)
        func isNameCharacter(_ c: Character) -> Bool { c == "_" || c.isASCII && (c.isLetter || c.isNumber) }
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
            } else if rest.first == "{", let close = rest.firstIndex(of: "}"),
                      case let name = rest[rest.index(after: rest.startIndex)..<close],
                      !name.isEmpty, name.allSatisfy(isNameCharacter) {
                result += groups(String(name))
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix(while: isNameCharacter)
                if name.isEmpty {
                    result += "$" // malformed: Go keeps the '$' as text
                } else {
                    result += groups(String(name))
                    rest = rest.dropFirst(name.count)
                }
            }
        }
        return result + rest
    }
}

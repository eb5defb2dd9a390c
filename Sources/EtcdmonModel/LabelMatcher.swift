/// A condition on one label, as PromQL selectors and the storage `Querier` take it:
/// `name="v"`, `name!="v"`, `name=~"re"`, `name!~"re"`.
///
/// Regular expressions are fully anchored, as in Prometheus: `=~"a|b"` matches exactly `a` or `b`.
/// An absent label has the empty value, so `name=""` selects series without `name`.
public struct LabelMatcher: Sendable, CustomStringConvertible {
    /// The comparison.
    public enum Kind: String, Sendable {
        case equal = "="
        case notEqual = "!="
        case regexMatch = "=~"
        case regexNoMatch = "!~"
    }

    /// The label name.
    public let name: String
    /// The comparison.
    public let kind: Kind
    /// The value or the regular expression's source.
    public let value: String
    private let pattern: LabelPattern?

    /// Creates a matcher; throws for a regular expression that does not compile.
    public init(_ kind: Kind, _ name: String, _ value: String) throws(LabelPatternError) {
        self.kind = kind
        self.name = name
        self.value = value
        switch kind {
        case .equal, .notEqual: pattern = nil
        case .regexMatch, .regexNoMatch: pattern = try LabelPattern(value)
        }
    }

    /// `name="value"`, which cannot fail.
    public static func equal(_ name: String, _ value: String) -> LabelMatcher {
        LabelMatcher(name: name, value: value)
    }

    private init(name: String, value: String) {
        (kind, self.name, self.value, pattern) = (.equal, name, value, nil)
    }

    /// Whether a label value (empty when the label is absent) satisfies the matcher.
    public func matches(_ candidate: String) -> Bool {
        switch kind {
        case .equal: candidate == value
        case .notEqual: candidate != value
        case .regexMatch: pattern!.matches(candidate)
        case .regexNoMatch: !pattern!.matches(candidate)
        }
    }

    /// For `=~`, the exact values the pattern can match when it is a literal alternation
    /// (`a|b|c`), so an index can look them up instead of scanning every value.
    public var literalAlternatives: [String]? { kind == .regexMatch ? pattern?.literals : nil }

    public var description: String { "\(name)\(kind.rawValue)\"\(Labels.escape(value))\"" }
}

import EtcdmonModel

/// The type an expression evaluates to.
public enum ValueType: String, Sendable, Equatable {
    case scalar
    case vector = "instant vector"
    case matrix = "range vector"
    case string
}

/// The time an `@` modifier pins a selector to.
public enum AtModifier: Sendable, Equatable {
    /// `@ <unix seconds>`, kept in milliseconds.
    case timestamp(Int64)
    /// `@ start()`.
    case start
    /// `@ end()`.
    case end
}

/// `foo{a="b"}`: the series to select, where in time, with which offset.
public struct VectorSelector: Sendable, Equatable {
    /// The metric name as written, if any (also present among `matchers`).
    public var name: String?
    /// Every matcher, the name's included.
    public var matchers: [LabelMatcher] { didSet { matchersKey = Self.key(matchers) } }
    /// `offset` in milliseconds (negative for a negative offset).
    public var offset: Int64 = 0
    /// `@` modifier, if any.
    public var at: AtModifier?
    /// The matchers as one canonical string: selectors with the same matchers read the same
    /// series. Kept up to date here so evaluation never rebuilds it per step.
    public private(set) var matchersKey: String

    /// Creates a selector.
    public init(name: String?, matchers: [LabelMatcher], offset: Int64 = 0, at: AtModifier? = nil) {
        self.name = name
        self.matchers = matchers
        self.offset = offset
        self.at = at
        matchersKey = Self.key(matchers)
    }

    private static func key(_ matchers: [LabelMatcher]) -> String {
        matchers.map(\.description).sorted().joined(separator: ",")
    }

    public static func == (lhs: VectorSelector, rhs: VectorSelector) -> Bool {
        lhs.name == rhs.name && lhs.offset == rhs.offset && lhs.at == rhs.at && lhs.matchersKey == rhs.matchersKey
    }
}

/// How the two sides of a binary operation between vectors are matched.
public struct VectorMatching: Sendable, Equatable {
    /// Which side may have many series per match.
    public enum Cardinality: Sendable, Equatable {
        case oneToOne, manyToOne, oneToMany, manyToMany
    }

    public var cardinality: Cardinality = .oneToOne
    /// `on(...)` labels (when `on` is true) or `ignoring(...)` labels.
    public var labels: [String] = []
    /// `true` for `on`, `false` for `ignoring` (or no clause).
    public var on = false
    /// Labels to copy from the "one" side (`group_left(...)`/`group_right(...)`).
    public var include: [String] = []
    /// Whether an `on`/`ignoring` clause was written.
    public var explicit = false
}

/// Binary operators, by precedence (lowest first: `or`; highest: `^`).
public enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
    case or, and, unless
    case equal = "==", notEqual = "!=", greater = ">", less = "<", greaterOrEqual = ">=", lessOrEqual = "<="
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", modulo = "%", atan2
    case power = "^"

    /// Higher binds tighter.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and, .unless: 2
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual: 3
        case .add, .subtract: 4
        case .multiply, .divide, .modulo, .atan2: 5
        case .power: 6
        }
    }

    /// Comparison operators filter (or, with `bool`, return 0/1).
    public var isComparison: Bool { precedence == 3 }
    /// `and`, `or`, `unless`.
    public var isSetOperator: Bool { self == .and || self == .or || self == .unless }
}

/// Aggregation operators.
public enum AggregationOperator: String, Sendable, Equatable, CaseIterable {
    case sum, avg, count, min, max, group, stddev, stdvar, topk, bottomk, quantile
    case countValues = "count_values"

    /// The type of the parameter written before the expression, if the operator takes one.
    public var parameterType: ValueType? {
        switch self {
        case .topk, .bottomk, .quantile: .scalar
        case .countValues: .string
        default: nil
        }
    }
}

/// The expression a subquery evaluates, in a box of its own: evaluation keeps each subquery's
/// results by the box's identity, which costs nothing to look up, where a key printed from the
/// expression would cost time proportional to its size at every step (cubic in nested subqueries).
public final class SubqueryInner: Sendable {
    /// The inner expression.
    public let expression: Expression

    /// Boxes `expression`.
    public init(_ expression: Expression) { self.expression = expression }
}

/// A PromQL expression.
public indirect enum Expression: Sendable, Equatable {
    case number(Double)
    case string(String)
    case vectorSelector(VectorSelector)
    /// `selector[range]`, range in milliseconds.
    case matrixSelector(VectorSelector, range: Int64)
    /// `expr[range:step]`; step nil uses the evaluation interval. Offset and `@` apply to the subquery.
    case subquery(SubqueryInner, range: Int64, step: Int64?, offset: Int64, at: AtModifier?)
    case parenthesized(Expression)
    case unaryMinus(Expression)
    case binary(BinaryOperator, Expression, Expression, returnBool: Bool, matching: VectorMatching?)
    case aggregate(AggregationOperator, Expression, parameter: Expression?, grouping: [String], without: Bool)
    case call(Function, [Expression])

    /// What the expression evaluates to.
    public var type: ValueType {
        switch self {
        case .number: .scalar
        case .string: .string
        case .vectorSelector: .vector
        case .matrixSelector, .subquery: .matrix
        case .parenthesized(let inner), .unaryMinus(let inner): inner.type
        case .binary(_, let lhs, let rhs, _, _): lhs.type == .scalar && rhs.type == .scalar ? .scalar : .vector
        case .aggregate: .vector
        case .call(let function, _): function.returnType
        }
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.description == rhs.description
    }
}

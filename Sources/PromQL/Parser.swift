import EtcdmonModel

/// Parses PromQL (Prometheus 2.42's grammar, floats) into an `Expression`, checking types as
/// Prometheus does. Errors carry the line and column and say what was expected.
///
/// Input is bounded: an expression may nest at most `maximumDepth` levels (parentheses, calls,
/// unary operators, and each operator of a binary chain, which nests its left side one level
/// deeper), so neither parsing nor anything that walks the tree afterwards (type checks,
/// evaluation, printing, freeing) can exhaust a thread's stack.
public struct Parser {
    /// The deepest expression tree accepted.
    public static let maximumDepth = 1_000
    /// The longest query accepted, in bytes.
    public static let maximumLength = 1 << 20

    private let lexer: Lexer
    private var tokens: [Token] = []
    private var position = 0
    /// Nested calls of `parseExpression` in progress.
    private var depth = 0

    /// A parsed expression with the height of its tree.
    private struct Node {
        var expression: Expression
        var height: Int
    }

    /// Parses `source`.
    public static func parse(_ source: String) throws(ParseError) -> Expression {
        guard source.utf8.count <= maximumLength else {
            throw ParseError(line: 1, column: 1, message: "query is longer than \(maximumLength) bytes (\(source.utf8.count) bytes)")
        }
        var parser = Parser(lexer: Lexer(source))
        parser.tokens = try parser.lexer.tokens()
        guard parser.tokens.count > 1 else { throw parser.lexer.error("no expression found in input", at: 0) }
        let expression = try parser.parseExpression(minimumPrecedence: 0).expression
        guard case .end = parser.current.kind else {
            throw parser.error("unexpected \(parser.describe(parser.current)) after a complete expression")
        }
        return expression
    }

    private init(lexer: Lexer) { self.lexer = lexer }

    // MARK: - Tokens

    private var current: Token { tokens[position] }
    private var next: Token { tokens[min(position + 1, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func error(_ message: String, at token: Token? = nil) -> ParseError {
        let token = token ?? current
        // Prometheus's lexer reports a parenthesis still open at the end of input before the parser
        // can report anything about that end.
        if token.kind == .end, tokens.reduce(0, { $0 + ($1.kind == .leftParen ? 1 : $1.kind == .rightParen ? -1 : 0) }) > 0 {
            return lexer.error("unclosed left parenthesis", at: token.offset)
        }
        return lexer.error(message, at: token.offset)
    }

    private func tooDeep(at token: Token? = nil) -> ParseError {
        error("expression nests deeper than \(Self.maximumDepth) levels", at: token)
    }

    /// `expression` as a node one level above its deepest child; throws when that is too deep.
    private func node(_ expression: Expression, over children: Int..., at token: Token) throws(ParseError) -> Node {
        let height = (children.max() ?? 0) + 1
        guard height <= Self.maximumDepth else { throw tooDeep(at: token) }
        return Node(expression: expression, height: height)
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: "end of input"
        case .identifier(let text): "identifier \"\(text)\""
        case .number(let value): "number \"\(value)\""
        case .duration: "duration"
        case .string(let text): "string \"\(text)\""
        default: "\"\(lexerText(token))\""
        }
    }

    private func lexerText(_ token: Token) -> String {
        switch token.kind {
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .comma: ","
        case .colon: ":"
        case .at: "@"
        case .assign: "="
        case .equal: "=="
        case .notEqual: "!="
        case .regexMatch: "=~"
        case .regexNoMatch: "!~"
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .plus: "+"
        case .minus: "-"
        case .multiply: "*"
        case .divide: "/"
        case .modulo: "%"
        case .power: "^"
        default: "?"
        }
    }

    private mutating func expect(_ kind: Token.Kind, _ what: String) throws(ParseError) {
        guard current.kind == kind else { throw error("unexpected \(describe(current)) \(what)") }
        _ = advance()
    }

    // MARK: - Binary expressions

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .plus: .add
        case .minus: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .modulo: .modulo
        case .power: .power
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .identifier:
            switch token.keyword {
            case "and": .and
            case "or": .or
            case "unless": .unless
            case "atan2": .atan2
            default: nil
            }
        default: nil
        }
    }

    private mutating func parseExpression(minimumPrecedence: Int) throws(ParseError) -> Node {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw tooDeep() }
        guard StackGuard.hasRoom else { throw error("expression nests too deeply for this thread's stack (\(depth) levels)") }
        var left = try parseUnary()
        while let op = binaryOperator(current), op.precedence >= minimumPrecedence {
            let operatorToken = advance()
            var returnBool = false
            if current.keyword == "bool" {
                _ = advance()
                returnBool = true
            }
            var matching = VectorMatching()
            if let keyword = current.keyword, keyword == "on" || keyword == "ignoring" {
                _ = advance()
                matching.on = keyword == "on"
                matching.explicit = true
                matching.labels = try parseLabelList("in \(keyword)(…)")
            }
            if let keyword = current.keyword, keyword == "group_left" || keyword == "group_right" {
                _ = advance()
                matching.cardinality = keyword == "group_left" ? .manyToOne : .oneToMany
                if current.kind == .leftParen { matching.include = try parseLabelList("in \(keyword)(…)") }
            }
            // `^` is right-associative; the others left-associative.
            let right = try parseExpression(minimumPrecedence: op == .power ? op.precedence : op.precedence + 1)
            let binary = try checkedBinary(op, left.expression, right.expression, returnBool: returnBool, matching: matching, at: operatorToken)
            left = try node(binary, over: left.height, right.height, at: operatorToken)
        }
        return left
    }

    private func checkedBinary(
        _ op: BinaryOperator, _ left: Expression, _ right: Expression, returnBool: Bool, matching: VectorMatching, at token: Token
    ) throws(ParseError) -> Expression {
        var matching = matching
        if returnBool && !op.isComparison { throw error("bool modifier can only be used on comparison operators", at: token) }
        let (leftType, rightType) = (left.type, right.type)
        for type in [leftType, rightType] where type != .scalar && type != .vector {
            throw error("binary expression must contain only scalar and instant vector types", at: token)
        }
        if op.isComparison && !returnBool && leftType == .scalar && rightType == .scalar {
            throw error("comparisons between scalars must use BOOL modifier", at: token)
        }
        if matching.on, let label = matching.labels.first(where: { matching.include.contains($0) }) {
            throw error("label \"\(label)\" must not occur in ON and GROUP clause at once", at: token)
        }
        if (leftType == .scalar || rightType == .scalar) && op.isSetOperator {
            throw error("set operator \"\(op.rawValue)\" not allowed in binary scalar expression", at: token)
        }
        if leftType != .vector || rightType != .vector {
            if !matching.labels.isEmpty || matching.cardinality != .oneToOne {
                throw error("vector matching only allowed between instant vectors", at: token)
            }
            return .binary(op, left, right, returnBool: returnBool, matching: nil)
        }
        if op.isSetOperator {
            if matching.cardinality == .manyToOne || matching.cardinality == .oneToMany {
                throw error("no grouping allowed for \"\(op.rawValue)\" operation", at: token)
            }
            matching.cardinality = .manyToMany
        }
        return .binary(op, left, right, returnBool: returnBool, matching: matching)
    }

    private mutating func parseUnary() throws(ParseError) -> Node {
        if current.kind == .minus || current.kind == .plus {
            let token = advance()
            // Unary operators bind tighter than `*` but looser than `^`: -2^2 is -(2^2).
            let operand = try parseExpression(minimumPrecedence: BinaryOperator.power.precedence)
            guard operand.expression.type == .scalar || operand.expression.type == .vector else {
                throw error("unary expression only allowed on expressions of type scalar or instant vector, got \"\(operand.expression.type.rawValue)\"", at: token)
            }
            if token.kind == .plus { return operand }
            if case .number(let value) = operand.expression { return Node(expression: .number(-value), height: 1) }
            return try node(.unaryMinus(operand.expression), over: operand.height, at: token)
        }
        return try parsePostfix(try parsePrimary())
    }

    // MARK: - Postfix: ranges, subqueries, offset, @

    private mutating func parsePostfix(_ node: Node) throws(ParseError) -> Node {
        var expression = node.expression
        var height = node.height
        while true {
            switch current.kind {
            case .leftBracket:
                let bracket = advance()
                let range = try parseDuration("in a range")
                if current.kind == .colon {
                    _ = advance()
                    var step: Int64?
                    if case .duration = current.kind { step = try parseDuration("as subquery step") }
                    try expect(.rightBracket, "in a subquery: expected \"]\"")
                    guard expression.type == .vector else {
                        throw error("subquery is only allowed on instant vector, got \(expression.type.rawValue) instead", at: bracket)
                    }
                    let subquery = try self.node(.subquery(SubqueryInner(expression), range: range, step: step, offset: 0, at: nil), over: height, at: bracket)
                    (expression, height) = (subquery.expression, subquery.height)
                } else {
                    try expect(.rightBracket, "in a range: expected \"]\" or \":\"")
                    guard case .vectorSelector(let selector) = expression else {
                        throw error("ranges only allowed for vector selectors", at: bracket)
                    }
                    guard selector.offset == 0 && selector.at == nil else {
                        throw error("no offset or @ modifiers allowed before range", at: bracket)
                    }
                    expression = .matrixSelector(selector, range: range)
                }
            case .identifier where current.keyword == "offset":
                let token = advance()
                var sign: Int64 = 1
                if current.kind == .minus { _ = advance(); sign = -1 } else if current.kind == .plus { _ = advance() }
                let offset = sign * (try parseDuration("after offset"))
                expression = try applyOffset(offset, to: expression, at: token)
            case .at:
                let token = advance()
                expression = try applyAt(try parseAtValue(), to: expression, at: token)
            default:
                return Node(expression: expression, height: height)
            }
        }
    }

    private func applyOffset(_ offset: Int64, to expression: Expression, at token: Token) throws(ParseError) -> Expression {
        switch expression {
        case .vectorSelector(var selector):
            guard selector.offset == 0 else { throw error("offset may not be set multiple times", at: token) }
            selector.offset = offset
            return .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            guard selector.offset == 0 else { throw error("offset may not be set multiple times", at: token) }
            selector.offset = offset
            return .matrixSelector(selector, range: range)
        case .subquery(let inner, let range, let step, let existing, let at):
            guard existing == 0 else { throw error("offset may not be set multiple times", at: token) }
            return .subquery(inner, range: range, step: step, offset: offset, at: at)
        default:
            throw error("offset modifier must be preceded by an instant vector selector or range vector selector or a subquery", at: token)
        }
    }

    private func applyAt(_ at: AtModifier, to expression: Expression, at token: Token) throws(ParseError) -> Expression {
        switch expression {
        case .vectorSelector(var selector):
            guard selector.at == nil else { throw error("@ <timestamp> may not be set multiple times", at: token) }
            selector.at = at
            return .vectorSelector(selector)
        case .matrixSelector(var selector, let range):
            guard selector.at == nil else { throw error("@ <timestamp> may not be set multiple times", at: token) }
            selector.at = at
            return .matrixSelector(selector, range: range)
        case .subquery(let inner, let range, let step, let offset, let existing):
            guard existing == nil else { throw error("@ <timestamp> may not be set multiple times", at: token) }
            return .subquery(inner, range: range, step: step, offset: offset, at: at)
        default:
            throw error("@ modifier must be preceded by an instant vector selector or range vector selector or a subquery", at: token)
        }
    }

    private mutating func parseAtValue() throws(ParseError) -> AtModifier {
        if let keyword = current.keyword, keyword == "start" || keyword == "end" {
            _ = advance()
            try expect(.leftParen, "after \(keyword): expected \"(\"")
            try expect(.rightParen, "after \(keyword)(: expected \")\"")
            return keyword == "start" ? .start : .end
        }
        var sign = 1.0
        if current.kind == .minus { _ = advance(); sign = -1 } else if current.kind == .plus { _ = advance() }
        guard case .number(let seconds) = current.kind else {
            throw error("unexpected \(describe(current)) in @: expected a timestamp, start() or end()")
        }
        let token = advance()
        let milliseconds = sign * seconds * 1000
        guard milliseconds.isFinite, abs(milliseconds) < 9.2e18 else {
            throw error("timestamp out of bounds for @ modifier: \(sign * seconds)", at: token)
        }
        return .timestamp(Int64(milliseconds.rounded()))
    }

    private mutating func parseDuration(_ context: String) throws(ParseError) -> Int64 {
        if case .duration(let milliseconds) = current.kind {
            let token = advance()
            guard milliseconds > 0 || context == "after offset" else { throw error("duration must be greater than 0", at: token) }
            return milliseconds
        }
        if case .number = current.kind {
            throw error("unexpected number \(context): expected a duration with a unit, such as 5m")
        }
        throw error("unexpected \(describe(current)) \(context): expected a duration")
    }

    // MARK: - Primary expressions

    private mutating func parsePrimary() throws(ParseError) -> Node {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return Node(expression: .number(value), height: 1)
        case .string(let text):
            _ = advance()
            return Node(expression: .string(text), height: 1)
        case .leftParen:
            _ = advance()
            let inner = try parseExpression(minimumPrecedence: 0)
            try expect(.rightParen, "in parenthesized expression: expected \")\"")
            return try node(.parenthesized(inner.expression), over: inner.height, at: token)
        case .leftBrace:
            return Node(expression: .vectorSelector(try parseSelector(name: nil, at: token)), height: 1)
        case .identifier(let name):
            if let aggregation = AggregationOperator(rawValue: name.lowercased()),
               next.kind == .leftParen || next.keyword == "by" || next.keyword == "without" {
                _ = advance()
                return try parseAggregation(aggregation, at: token)
            }
            if next.kind == .leftParen {
                _ = advance()
                return try parseCall(name, at: token)
            }
            if let keyword = token.keyword, ["by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
                                              "and", "or", "unless", "atan2"].contains(keyword) {
                throw error("unexpected \(keyword)")
            }
            if AggregationOperator(rawValue: name.lowercased()) != nil {
                throw error("unexpected end of input after aggregation \"\(name)\": expected \"(\" or a grouping clause", at: next)
            }
            _ = advance()
            return Node(expression: .vectorSelector(try parseSelector(name: name, at: token)), height: 1)
        case .end:
            throw error("unexpected end of input")
        case .duration:
            throw error("unexpected duration: a duration is only allowed in [range], after offset, or as a subquery step")
        default:
            throw error("unexpected \(describe(token))")
        }
    }

    private mutating func parseSelector(name: String?, at token: Token) throws(ParseError) -> VectorSelector {
        var matchers: [LabelMatcher] = []
        if let name { matchers.append(try makeMatcher(.equal, Labels.metricName, name, at: token)) }
        if current.kind == .leftBrace {
            _ = advance()
            while current.kind != .rightBrace {
                let labelToken = current
                guard case .identifier(let label) = current.kind else {
                    throw error("unexpected \(describe(current)) in label matching, expected label name")
                }
                _ = advance()
                let kind: LabelMatcher.Kind
                switch current.kind {
                case .assign: kind = .equal
                case .notEqual: kind = .notEqual
                case .regexMatch: kind = .regexMatch
                case .regexNoMatch: kind = .regexNoMatch
                default: throw error("unexpected \(describe(current)) in label matching, expected one of \"=\", \"!=\", \"=~\" or \"!~\"")
                }
                _ = advance()
                guard case .string(let value) = current.kind else {
                    throw error("unexpected \(describe(current)) in label matching, expected string")
                }
                _ = advance()
                if label == Labels.metricName, name != nil {
                    throw error("metric name must not be set twice: \"\(name!)\" or \"\(value)\"", at: labelToken)
                }
                matchers.append(try makeMatcher(kind, label, value, at: labelToken))
                if current.kind == .comma { _ = advance() } else if current.kind != .rightBrace {
                    throw error("unexpected \(describe(current)) in label matching, expected \",\" or \"}\"")
                }
            }
            _ = advance()
        }
        guard matchers.contains(where: { !$0.matches("") }) else {
            throw error("vector selector must contain at least one non-empty matcher", at: token)
        }
        return VectorSelector(name: name, matchers: matchers)
    }

    private func makeMatcher(_ kind: LabelMatcher.Kind, _ name: String, _ value: String, at token: Token) throws(ParseError) -> LabelMatcher {
        do {
            return try LabelMatcher(kind, name, value)
        } catch {
            throw self.error("\(error)", at: token)
        }
    }

    private mutating func parseLabelList(_ context: String) throws(ParseError) -> [String] {
        try expect(.leftParen, "\(context): expected \"(\"")
        var labels: [String] = []
        while current.kind != .rightParen {
            guard case .identifier(let label) = current.kind else {
                throw error("unexpected \(describe(current)) in grouping opts, expected label")
            }
            _ = advance()
            labels.append(label)
            if current.kind == .comma { _ = advance() } else if current.kind != .rightParen {
                throw error("unexpected \(describe(current)) in grouping opts, expected \",\" or \")\"")
            }
        }
        _ = advance()
        return labels
    }

    private mutating func parseAggregation(_ op: AggregationOperator, at token: Token) throws(ParseError) -> Node {
        var grouping: [String] = []
        var without = false
        var sawGrouping = false
        func groupingClause(_ parser: inout Parser) throws(ParseError) {
            if let keyword = parser.current.keyword, keyword == "by" || keyword == "without" {
                guard !sawGrouping else { throw parser.error("unexpected \(keyword): grouping given twice") }
                _ = parser.advance()
                without = keyword == "without"
                grouping = try parser.parseLabelList("in \(keyword)(…)")
                sawGrouping = true
            }
        }
        try groupingClause(&self)
        try expect(.leftParen, "in aggregation: expected \"(\"")
        var arguments: [Expression] = []
        var height = 0
        while current.kind != .rightParen {
            let argument = try parseExpression(minimumPrecedence: 0)
            arguments.append(argument.expression)
            height = max(height, argument.height)
            if current.kind == .comma { _ = advance() } else if current.kind != .rightParen {
                throw error("unexpected \(describe(current)) in aggregation, expected \",\" or \")\"")
            }
        }
        _ = advance()
        try groupingClause(&self)
        let expected = op.parameterType == nil ? 1 : 2
        guard arguments.count == expected else {
            throw error("wrong number of arguments for aggregate expression provided, expected \(expected), got \(arguments.count)", at: token)
        }
        let expression = arguments[expected - 1]
        let parameter = expected == 2 ? arguments[0] : nil
        if let parameter, let type = op.parameterType, parameter.type != type {
            throw error("expected type \(type.rawValue) in aggregation parameter, got \(parameter.type.rawValue)", at: token)
        }
        guard expression.type == .vector else {
            throw error("expected type instant vector in aggregation expression, got \(expression.type.rawValue)", at: token)
        }
        return try node(.aggregate(op, expression, parameter: parameter, grouping: grouping, without: without), over: height, at: token)
    }

    private mutating func parseCall(_ name: String, at token: Token) throws(ParseError) -> Node {
        guard let function = Function.all[name] else { throw error("unknown function with name \"\(name)\"", at: token) }
        try expect(.leftParen, "in call to \(name): expected \"(\"")
        var arguments: [Expression] = []
        var height = 0
        while current.kind != .rightParen {
            let argument = try parseExpression(minimumPrecedence: 0)
            arguments.append(argument.expression)
            height = max(height, argument.height)
            if current.kind == .comma { _ = advance() } else if current.kind != .rightParen {
                throw error("unexpected \(describe(current)) in call to \(name), expected \",\" or \")\"")
            }
        }
        _ = advance()
        let required = function.arguments.count - function.optionalCount - (function.variadic ? 1 : 0)
        if function.variadic {
            guard arguments.count >= required else {
                throw error("expected at least \(required) argument(s) in call to \"\(name)\", got \(arguments.count)", at: token)
            }
        } else if function.optionalCount > 0 {
            guard arguments.count >= required, arguments.count <= function.arguments.count else {
                let message = arguments.count < required
                    ? "expected at least \(required) argument(s) in call to \"\(name)\", got \(arguments.count)"
                    : "expected at most \(function.arguments.count) argument(s) in call to \"\(name)\", got \(arguments.count)"
                throw error(message, at: token)
            }
        } else if arguments.count != function.arguments.count {
            throw error("expected \(function.arguments.count) argument(s) in call to \"\(name)\", got \(arguments.count)", at: token)
        }
        for (index, argument) in arguments.enumerated() {
            let expected = function.arguments[min(index, function.arguments.count - 1)]
            if argument.type != expected {
                throw error("expected type \(expected.rawValue) in call to function \"\(name)\", got \(argument.type.rawValue)", at: token)
            }
        }
        return try node(.call(function, arguments), over: height, at: token)
    }
}

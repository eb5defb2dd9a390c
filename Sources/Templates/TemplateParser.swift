/// Builds `TemplateNode`s from tokens with Go's `text/template/parse` rules: control structures
/// close with `{{end}}`, functions must exist and variables be declared before use, `define`
/// only at the top level. Nesting is bounded, so no input can exhaust the stack.
struct TemplateParser {
    private let tokens: [TemplateToken]
    private let name: String
    private let source: [UInt8]
    private let functions: Set<String>
    private var index = 0
    /// Declared variables, innermost scope last.
    private var scopes: [[String]]
    private var depth = 0
    /// Templates defined with `{{define}}` or `{{block}}`.
    private(set) var definitions: [String: [TemplateNode]] = [:]

    /// Deepest nesting of control structures and parentheses accepted.
    static let maximumDepth = 100

    init(text: String, name: String, functions: Set<String>, variables: [String] = []) throws(TemplateError) {
        tokens = try TemplateLexer.tokens(of: text, name: name)
        self.name = name
        source = Array(text.utf8)
        self.functions = functions
        scopes = [["$"] + variables]
    }

    private func error(_ message: String, at token: TemplateToken? = nil) -> TemplateError {
        TemplateError(kind: .parse, template: name, line: (token ?? tokens[min(index, tokens.count - 1)]).line, message: message)
    }

    private var peek: TemplateToken { tokens[index] }

    private mutating func next() -> TemplateToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func nextNonSpace() -> TemplateToken {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    private mutating func peekNonSpace() -> TemplateToken {
        while peek.kind == .space { _ = next() }
        return peek
    }

    private func position(of token: TemplateToken) -> Position {
        var lineStart = token.offset
        while lineStart > 0 && source[lineStart - 1] != 0x0A { lineStart -= 1 }
        var end = token.offset
        while end < source.count && !(source[end] == UInt8(ascii: "}") && end + 1 < source.count && source[end + 1] == UInt8(ascii: "}")) { end += 1 }
        let text = String(decoding: source[token.offset..<end], as: UTF8.self).trimmingSpaces
        // Go reports the byte offset within the line, from 0.
        return Position(line: token.line, column: token.offset - lineStart, source: text)
    }

    /// The top-level list (definitions are collected apart).
    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        let (nodes, terminator) = try list(topLevel: true)
        if let terminator { throw error("unexpected \(terminator)") }
        return nodes
    }

    /// Nodes up to `{{end}}`, `{{else}}` or the end; returns the terminator met (`{{end}}`, `{{else}}`) or nil at EOF.
    private mutating func list(topLevel: Bool = false) throws(TemplateError) -> ([TemplateNode], String?) {
        var nodes: [TemplateNode] = []
        while true {
            let token = next()
            switch token.kind {
            case .eof:
                return (nodes, nil)
            case .text:
                nodes.append(.text(token.text))
            case .leftDelimiter:
                let first = peekNonSpace()
                if first.kind == .keyword && (first.text == "end" || first.text == "else") {
                    _ = next()
                    if first.text == "end" {
                        try expectRightDelimiter("end")
                        return (nodes, "{{end}}")
                    }
                    return (nodes, "{{else}}")
                }
                if first.kind == .keyword && first.text == "define" {
                    guard topLevel else { throw error("unexpected <define> in command", at: first) }
                    _ = next()
                    try define()
                    continue
                }
                if let node = try action() { nodes.append(node) }
            default:
                throw error("unexpected \(token.text)", at: token)
            }
        }
    }

    private mutating func expectRightDelimiter(_ context: String) throws(TemplateError) {
        let token = nextNonSpace()
        guard token.kind == .rightDelimiter else { throw error("unexpected \"\(token.text)\" in \(context)", at: token) }
    }

    private mutating func enter() throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("template nested more than \(Self.maximumDepth) deep") }
    }

    /// One action after its `{{`; nil for a definition.
    private mutating func action() throws(TemplateError) -> TemplateNode? {
        let token = peekNonSpace()
        let position = position(of: token)
        if token.kind == .keyword {
            _ = next()
            switch token.text {
            case "if": return try control(.if, position)
            case "with": return try control(.with, position)
            case "range": return try range(position)
            case "template": return try templateCall(position)
            case "block": return try block(position)
            case "break", "continue":
                try expectRightDelimiter(token.text)
                return token.text == "break" ? .break(position) : .continue(position)
            default: throw error("unexpected <\(token.text)> in command", at: token)
            }
        }
        let pipeline = try self.pipeline(context: "command", allowDeclarations: true)
        return .action(pipeline, position)
    }

    private mutating func control(_ kind: TemplateNode.Conditional, _ position: Position) throws(TemplateError) -> TemplateNode {
        try enter()
        defer { depth -= 1 }
        scopes.append([])
        defer { scopes.removeLast() }
        let pipeline = try self.pipeline(context: kind == .if ? "if" : "with", allowDeclarations: true)
        let (body, terminator) = try list()
        guard let terminator else { throw error("unexpected EOF") }
        var otherwise: [TemplateNode] = []
        if terminator == "{{else}}" {
            // `{{else if …}}` / `{{else with …}}` chain into a nested structure that shares the {{end}}.
            let next = peekNonSpace()
            if next.kind == .keyword && (next.text == "if" && kind == .if || next.text == "with" && kind == .with) {
                _ = self.next()
                otherwise = [try control(kind, self.position(of: next))]
            } else {
                try expectRightDelimiter("else")
                let (rest, end) = try list()
                guard end == "{{end}}" else { throw error(end == nil ? "unexpected EOF" : "expected end; found {{else}}") }
                otherwise = rest
            }
        }
        return .conditional(kind, pipeline, body: body, otherwise: otherwise, position)
    }

    private mutating func range(_ position: Position) throws(TemplateError) -> TemplateNode {
        try enter()
        defer { depth -= 1 }
        scopes.append([])
        defer { scopes.removeLast() }
        let pipeline = try self.pipeline(context: "range", allowDeclarations: true, allowTwo: true)
        let (body, terminator) = try list()
        guard let terminator else { throw error("unexpected EOF") }
        var otherwise: [TemplateNode] = []
        if terminator == "{{else}}" {
            try expectRightDelimiter("else")
            let (rest, end) = try list()
            guard end == "{{end}}" else { throw error(end == nil ? "unexpected EOF" : "expected end; found {{else}}") }
            otherwise = rest
        }
        return .range(pipeline, body: body, otherwise: otherwise, position)
    }

    private mutating func templateName(_ context: String) throws(TemplateError) -> String {
        let token = nextNonSpace()
        switch token.kind {
        case .string, .rawString: return try Self.unquote(token, name: name)
        default: throw error("unexpected \"\(token.text)\" in \(context) clause", at: token)
        }
    }

    private mutating func templateCall(_ position: Position) throws(TemplateError) -> TemplateNode {
        let templateName = try templateName("template")
        if peekNonSpace().kind == .rightDelimiter {
            _ = next()
            return .template(name: templateName, nil, position)
        }
        return .template(name: templateName, try pipeline(context: "template", allowDeclarations: false), position)
    }

    /// `{{block "name" pipeline}}…{{end}}`: defines `name` and calls it.
    private mutating func block(_ position: Position) throws(TemplateError) -> TemplateNode {
        try enter()
        defer { depth -= 1 }
        let blockName = try templateName("block")
        let pipeline = try self.pipeline(context: "block", allowDeclarations: false)
        let saved = scopes
        scopes = [["$"]]
        defer { scopes = saved }
        let (body, terminator) = try list()
        guard terminator == "{{end}}" else { throw error(terminator == nil ? "unexpected EOF" : "unexpected {{else}}") }
        definitions[blockName] = body
        return .template(name: blockName, pipeline, position)
    }

    private mutating func define() throws(TemplateError) {
        try enter()
        defer { depth -= 1 }
        let defineName = try templateName("define")
        try expectRightDelimiter("define clause")
        let saved = scopes
        scopes = [["$"]]
        defer { scopes = saved }
        let (body, terminator) = try list()
        guard terminator == "{{end}}" else { throw error(terminator == nil ? "unexpected EOF" : "unexpected {{else}}") }
        definitions[defineName] = body
    }

    /// A pipeline up to `}}` (or `)` inside parentheses).
    private mutating func pipeline(context: String, allowDeclarations: Bool, allowTwo: Bool = false, inParentheses: Bool = false) throws(TemplateError) -> Pipeline {
        var pipeline = Pipeline(variables: [], isAssignment: false, commands: [])
        // Declarations: `$x :=`, `$x =`, `$i, $e :=` (range only).
        if allowDeclarations, peekNonSpace().kind == .variable {
            let start = index
            var names = [next().text]
            if allowTwo, peekNonSpace().kind == .comma {
                _ = next()
                let second = nextNonSpace()
                guard second.kind == .variable else { throw error("range can only initialize variables", at: second) }
                names.append(second.text)
            }
            let operatorToken = peekNonSpace()
            if operatorToken.kind == .declare || operatorToken.kind == .assign {
                _ = next()
                pipeline.isAssignment = operatorToken.kind == .assign
                if pipeline.isAssignment {
                    for variable in names where !isDeclared(variable) { throw error("undefined variable \"\(variable)\"", at: operatorToken) }
                } else {
                    scopes[scopes.count - 1] += names
                }
                pipeline.variables = names
            } else if names.count > 1 {
                throw error("too many declarations in \(context)", at: operatorToken)
            } else {
                index = start
            }
        }
        while true {
            let token = peekNonSpace()
            switch token.kind {
            case .rightDelimiter where !inParentheses, .rightParen where inParentheses:
                _ = next()
                guard !pipeline.commands.isEmpty else { throw error("missing value for \(context)", at: token) }
                return pipeline
            case .pipe:
                guard !pipeline.commands.isEmpty else { throw error("missing value for \(context)", at: token) }
                _ = next()
            default:
                break
            }
            pipeline.commands.append(try command(context: context, inParentheses: inParentheses))
        }
    }

    private func isDeclared(_ variable: String) -> Bool { scopes.contains { $0.contains(variable) } }

    private mutating func command(context: String, inParentheses: Bool) throws(TemplateError) -> [Operand] {
        var operands: [Operand] = []
        while true {
            let token = peekNonSpace()
            switch token.kind {
            case .rightDelimiter where !inParentheses, .rightParen where inParentheses, .pipe:
                guard !operands.isEmpty else { throw error("empty command", at: token) }
                return operands
            case .rightDelimiter, .rightParen:
                throw error("unexpected \"\(token.text)\" in operand", at: token)
            default:
                operands.append(try operand())
                // Operands are separated by spaces; anything else right after one is an error.
                let after = peek
                if after.kind != .space && after.kind != .rightDelimiter && after.kind != .rightParen && after.kind != .pipe {
                    throw error("unexpected \"\(after.text)\" in operand", at: after)
                }
            }
        }
    }

    private mutating func operand() throws(TemplateError) -> Operand {
        let token = next()
        let term: Operand
        switch token.kind {
        case .dot: term = .dot
        case .nil: term = .null
        case .bool: term = .bool(token.text == "true")
        case .number: term = .number(try Self.number(token, name: name))
        case .character: term = .number(try Self.number(token, name: name))
        case .string, .rawString: term = .string(try Self.unquote(token, name: name))
        case .field:
            var fields = [String(token.text.dropFirst())]
            while peek.kind == .field { fields.append(String(next().text.dropFirst())) }
            return .field(fields)
        case .variable:
            guard isDeclared(token.text) else { throw error("undefined variable \"\(token.text)\"", at: token) }
            return .variable(token.text, fields: trailingFields())
        case .identifier:
            guard functions.contains(token.text) else { throw error("function \"\(token.text)\" not defined", at: token) }
            term = .function(token.text)
        case .leftParen:
            try enter()
            defer { depth -= 1 }
            let inner = try pipeline(context: "parenthesized pipeline", allowDeclarations: false, inParentheses: true)
            return .chain(inner, fields: trailingFields())
        default:
            throw error("unexpected \"\(token.text)\" in operand", at: token)
        }
        if peek.kind == .field {
            throw error("unexpected \"\(peek.text)\" in operand", at: peek)
        }
        return term
    }

    private mutating func trailingFields() -> [String] {
        var fields: [String] = []
        while peek.kind == .field { fields.append(String(next().text.dropFirst())) }
        return fields
    }

    /// A string literal's value: Go's escapes for `"…"`, none for raw strings.
    static func unquote(_ token: TemplateToken, name: String) throws(TemplateError) -> String {
        let body = token.text.utf8.dropFirst().dropLast()
        if token.kind == .rawString { return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self) }
        guard let value = GoQuoting.unescape(Array(body)) else {
            throw TemplateError(kind: .parse, template: name, line: token.line, message: "invalid syntax")
        }
        return value
    }

    static func number(_ token: TemplateToken, name: String) throws(TemplateError) -> NumberLiteral {
        let bad = TemplateError(kind: .parse, template: name, line: token.line, message: "illegal number syntax: \"\(token.text)\"")
        if token.kind == .character {
            guard let value = GoQuoting.unescape(Array(token.text.utf8.dropFirst().dropLast())), value.unicodeScalars.count == 1 else { throw bad }
            let code = Int(value.unicodeScalars.first!.value)
            return NumberLiteral(text: token.text, int: code, float: Double(code))
        }
        let text = token.text.replacingUnderscores
        var literal = NumberLiteral(text: token.text, int: GoQuoting.parseInt(text), float: nil)
        if !text.hasSuffix("i") {
            literal.float = literal.int.map(Double.init) ?? Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
        }
        if literal.int == nil, let float = literal.float, float == float.rounded(), abs(float) < 9.2e18 { literal.int = Int(float) }
        guard literal.int != nil || literal.float != nil else { throw bad }
        return literal
    }
}

extension String {
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    fileprivate var replacingUnderscores: String { String(filter { $0 != "_" }) }
}

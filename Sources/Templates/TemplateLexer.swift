/// Splits a template into tokens as Go's `text/template` lexer does: text, `{{`/`}}` with their
/// trim markers (`{{- ` trims the whitespace before, ` -}}` after), comments, and inside actions
/// identifiers, keywords, fields, variables, literals and punctuation.
struct TemplateLexer {
    private let input: [UInt8]
    private let name: String
    private var position = 0
    private var line = 1
    private var tokens: [TemplateToken] = []
    /// Open parentheses in the current action.
    private var parenDepth = 0

    static let keywords: Set<String> = ["block", "break", "continue", "define", "else", "end", "if", "range", "nil", "template", "with"]

    /// The tokens of `text`, ending with `eof`.
    static func tokens(of text: String, name: String) throws(TemplateError) -> [TemplateToken] {
        var lexer = TemplateLexer(input: Array(text.utf8), name: name)
        try lexer.run()
        return lexer.tokens
    }

    private init(input: [UInt8], name: String) {
        self.input = input
        self.name = name
    }

    private func error(_ message: String) -> TemplateError {
        TemplateError(kind: .parse, template: name, line: line, message: message)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
    }

    private func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        let bytes = Array(prefix.utf8)
        return offset + bytes.count <= input.count && input[offset..<offset + bytes.count].elementsEqual(bytes)
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: input[range], as: UTF8.self) }

    private mutating func emit(_ kind: TemplateToken.Kind, _ range: Range<Int>) {
        tokens.append(TemplateToken(kind: kind, text: text(range), offset: range.lowerBound, line: line))
        line += input[range].count { $0 == 0x0A }
    }

    private mutating func run() throws(TemplateError) {
        var trimLeading = false
        while position < input.count {
            // Text up to the next action.
            var next = position
            while next < input.count && !hasPrefix("{{", at: next) { next += 1 }
            let trimBefore = next + 3 < input.count && input[next + 2] == UInt8(ascii: "-") && Self.isSpace(input[next + 3])
            var start = position
            var end = next
            if trimLeading { while start < end && Self.isSpace(input[start]) { start += 1 } }
            if trimBefore { while end > start && Self.isSpace(input[end - 1]) { end -= 1 } }
            line += input[position..<start].count { $0 == 0x0A }
            if start < end { emit(.text, start..<end) }
            line += input[end..<next].count { $0 == 0x0A }
            position = next
            guard position < input.count else { break }
            trimLeading = try action(trimBefore: trimBefore)
        }
        tokens.append(TemplateToken(kind: .eof, text: "", offset: input.count, line: line))
    }

    /// Lexes one action from its `{{`; returns whether it ends with a trim marker.
    private mutating func action(trimBefore: Bool) throws(TemplateError) -> Bool {
        let open = position
        position += trimBefore ? 4 : 2
        if hasPrefix("/*", at: position) {
            var end = position + 2
            while end < input.count && !hasPrefix("*/", at: end) { end += 1 }
            guard end < input.count else { throw error("unclosed comment") }
            end += 2
            let (atDelimiter, trim) = rightDelimiter(at: end)
            guard atDelimiter else { throw error("comment ends before closing delimiter") }
            line += input[open..<end].count { $0 == 0x0A }
            position = end + (trim ? 4 : 2)
            return trim
        }
        emit(.leftDelimiter, open..<open + 2)
        parenDepth = 0
        while true {
            guard position < input.count else { throw error("unclosed action") }
            let (atDelimiter, trim) = rightDelimiter(at: position)
            if atDelimiter {
                guard parenDepth == 0 else { throw error("unclosed left paren") }
                let start = position + (trim ? 2 : 0)
                emit(.rightDelimiter, start..<start + 2)
                position = start + 2
                return trim
            }
            try insideAction()
        }
    }

    /// Whether `offset` starts a right delimiter (`}}`, or ` -}}` with its trim marker).
    private func rightDelimiter(at offset: Int) -> (Bool, trim: Bool) {
        if offset + 1 < input.count, Self.isSpace(input[offset]), input[offset + 1] == UInt8(ascii: "-"), hasPrefix("}}", at: offset + 2) {
            return (true, true)
        }
        return (hasPrefix("}}", at: offset), false)
    }

    private mutating func insideAction() throws(TemplateError) {
        let start = position
        let byte = input[position]
        switch byte {
        case _ where Self.isSpace(byte):
            while position < input.count, Self.isSpace(input[position]), !rightDelimiter(at: position).0 { position += 1 }
            emit(.space, start..<position)
        case UInt8(ascii: "="):
            position += 1
            emit(.assign, start..<position)
        case UInt8(ascii: ":"):
            guard position + 1 < input.count, input[position + 1] == UInt8(ascii: "=") else { throw error("expected :=") }
            position += 2
            emit(.declare, start..<position)
        case UInt8(ascii: "|"):
            position += 1
            emit(.pipe, start..<position)
        case UInt8(ascii: ","):
            position += 1
            emit(.comma, start..<position)
        case UInt8(ascii: "("):
            position += 1
            parenDepth += 1
            emit(.leftParen, start..<position)
        case UInt8(ascii: ")"):
            position += 1
            parenDepth -= 1
            guard parenDepth >= 0 else { throw error("unexpected right paren") }
            emit(.rightParen, start..<position)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            position += 1
            while true {
                guard position < input.count, input[position] != 0x0A else {
                    throw error(byte == UInt8(ascii: "\"") ? "unterminated quoted string" : "unterminated character constant")
                }
                let current = input[position]
                position += 1
                if current == UInt8(ascii: "\\") && position < input.count { position += 1; continue }
                if current == byte { break }
            }
            emit(byte == UInt8(ascii: "\"") ? .string : .character, start..<position)
        case UInt8(ascii: "`"):
            position += 1
            while position < input.count && input[position] != UInt8(ascii: "`") { position += 1 }
            guard position < input.count else { throw error("unterminated raw quoted string") }
            position += 1
            emit(.rawString, start..<position)
        case UInt8(ascii: "$"):
            position += 1
            while position < input.count && Self.isAlphanumeric(input[position]) { position += 1 }
            emit(.variable, start..<position)
        case UInt8(ascii: "."):
            if position + 1 < input.count, input[position + 1] >= 0x30, input[position + 1] <= 0x39 {
                try number()
                return
            }
            position += 1
            while position < input.count && Self.isAlphanumeric(input[position]) { position += 1 }
            emit(position - start == 1 ? .dot : .field, start..<position)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
        case _ where Self.isAlphanumeric(byte):
            while position < input.count && Self.isAlphanumeric(input[position]) { position += 1 }
            let word = text(start..<position)
            let kind: TemplateToken.Kind = switch word {
            case "true", "false": .bool
            case "nil": .nil
            case _ where Self.keywords.contains(word): .keyword
            default: .identifier
            }
            try checkTerminator(after: word)
            emit(kind, start..<position)
        default:
            throw error("unrecognized character in action: \(Self.quoted(byte))")
        }
    }

    /// Go's `scanNumber`, loosely: sign, base prefix, digits and `_`, fraction, exponent, `i`.
    private mutating func number() throws(TemplateError) {
        let start = position
        if input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-") { position += 1 }
        var digits = "0123456789_"
        var exponents = "eE"
        if hasPrefix("0x", at: position) || hasPrefix("0X", at: position) {
            position += 2
            digits = "0123456789abcdefABCDEF_"
            exponents = "pP"
        } else if hasPrefix("0o", at: position) || hasPrefix("0O", at: position) {
            position += 2
            digits = "01234567_"
        } else if hasPrefix("0b", at: position) || hasPrefix("0B", at: position) {
            position += 2
            digits = "01_"
        }
        let digitSet = Set(digits.utf8)
        while position < input.count && digitSet.contains(input[position]) { position += 1 }
        if position < input.count && input[position] == UInt8(ascii: ".") {
            position += 1
            while position < input.count && digitSet.contains(input[position]) { position += 1 }
        }
        if position < input.count && exponents.utf8.contains(input[position]) {
            position += 1
            if position < input.count && (input[position] == UInt8(ascii: "+") || input[position] == UInt8(ascii: "-")) { position += 1 }
            while position < input.count && input[position] >= 0x30 && input[position] <= 0x39 { position += 1 }
        }
        if position < input.count && input[position] == UInt8(ascii: "i") { position += 1 }
        if position < input.count && Self.isAlphanumeric(input[position]) {
            position += 1
            throw error("bad number syntax: \"\(text(start..<position))\"")
        }
        emit(.number, start..<position)
    }

    /// An identifier must be followed by a space, punctuation or the end of the action.
    private func checkTerminator(after word: String) throws(TemplateError) {
        guard position < input.count else { return }
        let byte = input[position]
        if Self.isSpace(byte) || rightDelimiter(at: position).0 { return }
        if ".,|:)(".utf8.contains(byte) { return }
        throw error("bad character \(Self.quoted(byte))")
    }

    private static func quoted(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "U+\(String(byte, radix: 16, uppercase: true).leftPadded(4)) '\(Character(UnicodeScalar(byte)))'"
            : "U+\(String(byte, radix: 16, uppercase: true).leftPadded(4))"
    }
}

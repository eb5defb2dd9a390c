import EtcdmonModel

/// Splits a PromQL expression into tokens. Numbers followed directly by a unit (`5m`, `1h30m`,
/// `500ms`) are durations; whether a duration is allowed where it stands is the parser's call.
struct Lexer {
    private let bytes: [UInt8]
    private let source: String

    init(_ source: String) {
        self.source = source
        bytes = Array(source.utf8)
    }

    /// Line and column (characters) of a byte offset.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }

    func error(_ message: String, at offset: Int) -> ParseError {
        let (line, column) = position(of: offset)
        return ParseError(line: line, column: column, message: message)
    }

    /// All tokens, ending with `.end`.
    func tokens() throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while true {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                    index += 1
                } else if byte == UInt8(ascii: "#") {
                    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                } else {
                    break
                }
            }
            guard index < bytes.count else {
                tokens.append(Token(kind: .end, offset: index, endOffset: index))
                return tokens
            }
            let start = index
            let kind = try scan(&index)
            tokens.append(Token(kind: kind, offset: start, endOffset: index))
        }
    }

    private func peek(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func scan(_ index: inout Int) throws(ParseError) -> Token.Kind {
        let byte = bytes[index]
        func single(_ kind: Token.Kind) -> Token.Kind { index += 1; return kind }
        func double(_ kind: Token.Kind) -> Token.Kind { index += 2; return kind }
        switch byte {
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "{"): return single(.leftBrace)
        case UInt8(ascii: "}"): return single(.rightBrace)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ":"):
            if let next = peek(index + 1), Self.isIdentifierStart(next) || next == UInt8(ascii: ":") {
                return scanIdentifier(&index)
            }
            return single(.colon)
        case UInt8(ascii: "@"): return single(.at)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "-"): return single(.minus)
        case UInt8(ascii: "*"): return single(.multiply)
        case UInt8(ascii: "/"): return single(.divide)
        case UInt8(ascii: "%"): return single(.modulo)
        case UInt8(ascii: "^"): return single(.power)
        case UInt8(ascii: "="):
            if peek(index + 1) == UInt8(ascii: "=") { return double(.equal) }
            if peek(index + 1) == UInt8(ascii: "~") { return double(.regexMatch) }
            return single(.assign)
        case UInt8(ascii: "!"):
            if peek(index + 1) == UInt8(ascii: "=") { return double(.notEqual) }
            if peek(index + 1) == UInt8(ascii: "~") { return double(.regexNoMatch) }
            throw error("unexpected character after '!': expected '=' or '~'", at: index)
        case UInt8(ascii: "<"):
            if peek(index + 1) == UInt8(ascii: "=") { return double(.lessOrEqual) }
            return single(.less)
        case UInt8(ascii: ">"):
            if peek(index + 1) == UInt8(ascii: "=") { return double(.greaterOrEqual) }
            return single(.greater)
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"):
            return .string(try scanString(&index))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."):
            return try scanNumberOrDuration(&index)
        default:
            if Self.isIdentifierStart(byte) { return scanIdentifier(&index) }
            let scalar = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self).first.map(String.init) ?? "?"
            throw error("unexpected character: '\(scalar)'", at: index)
        }
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private func scanIdentifier(_ index: inout Int) -> Token.Kind {
        let start = index
        while index < bytes.count && Self.isIdentifierPart(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        switch text.lowercased() {
        case "inf": return .number(.infinity)
        case "nan": return .number(.nan)
        default: return .identifier(text)
        }
    }

    private func scanNumberOrDuration(_ index: inout Int) throws(ParseError) -> Token.Kind {
        let start = index
        // A duration: digits and units, repeated (1h30m, 500ms).
        var probe = index
        var sawUnit = false
        while probe < bytes.count, bytes[probe] >= UInt8(ascii: "0"), bytes[probe] <= UInt8(ascii: "9") {
            while probe < bytes.count, bytes[probe] >= UInt8(ascii: "0"), bytes[probe] <= UInt8(ascii: "9") { probe += 1 }
            let unitStart = probe
            while probe < bytes.count, [UInt8(ascii: "s"), UInt8(ascii: "m"), UInt8(ascii: "h"), UInt8(ascii: "d"),
                                        UInt8(ascii: "w"), UInt8(ascii: "y")].contains(bytes[probe]) { probe += 1 }
            if probe == unitStart { break }
            sawUnit = true
        }
        // A unit ends the token unless a name character follows (":" may follow, as in [5m:1m]).
        if sawUnit, probe >= bytes.count || bytes[probe] == UInt8(ascii: ":") || !Self.isIdentifierPart(bytes[probe]) {
            let text = String(decoding: bytes[start..<probe], as: UTF8.self)
            if let milliseconds = try? PrometheusDuration.milliseconds(text) {
                index = probe
                return .duration(milliseconds)
            }
        }
        // A number: decimal, hexadecimal, with fraction and exponent.
        if bytes[index] == UInt8(ascii: "0"), let x = peek(index + 1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            index += 2
            let digitsStart = index
            while index < bytes.count, bytes[index].isHexDigit { index += 1 }
            guard index > digitsStart, let value = UInt64(String(decoding: bytes[digitsStart..<index], as: UTF8.self), radix: 16) else {
                throw error("bad number: hexadecimal without digits", at: start)
            }
            return .number(Double(value))
        }
        while index < bytes.count, bytes[index].isDigit || bytes[index] == UInt8(ascii: ".") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            var exponent = index + 1
            if exponent < bytes.count, bytes[exponent] == UInt8(ascii: "+") || bytes[exponent] == UInt8(ascii: "-") { exponent += 1 }
            if exponent < bytes.count, bytes[exponent].isDigit {
                index = exponent
                while index < bytes.count, bytes[index].isDigit { index += 1 }
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if index < bytes.count, Self.isIdentifierStart(bytes[index]) {
            throw error("bad number or duration syntax: \"\(text)\(Character(UnicodeScalar(bytes[index])))\"", at: start)
        }
        guard let value = Double(text) else { throw error("bad number syntax: \"\(text)\"", at: start) }
        return .number(value)
    }

    private func scanString(_ index: inout Int) throws(ParseError) -> String {
        let quote = bytes[index]
        let start = index
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                index += 1
                guard let text = String(validating: output, as: UTF8.self) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return text
            }
            if byte == UInt8(ascii: "\n") && quote != UInt8(ascii: "`") { break }
            if byte == UInt8(ascii: "\\") && quote != UInt8(ascii: "`") {
                index += 1
                guard index < bytes.count else { break }
                let escaped = bytes[index]
                switch escaped {
                case UInt8(ascii: "n"): output.append(10)
                case UInt8(ascii: "t"): output.append(9)
                case UInt8(ascii: "r"): output.append(13)
                case UInt8(ascii: "a"): output.append(7)
                case UInt8(ascii: "b"): output.append(8)
                case UInt8(ascii: "f"): output.append(12)
                case UInt8(ascii: "v"): output.append(11)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"): output.append(escaped)
                case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                    let width = escaped == UInt8(ascii: "x") ? 2 : escaped == UInt8(ascii: "u") ? 4 : 8
                    guard index + width < bytes.count,
                          let code = UInt32(String(decoding: bytes[(index + 1)...(index + width)], as: UTF8.self), radix: 16)
                    else { throw error("invalid escape sequence in string", at: index - 1) }
                    if escaped == UInt8(ascii: "x") {
                        output.append(UInt8(code))
                    } else {
                        guard let scalar = Unicode.Scalar(code) else { throw error("invalid Unicode escape in string", at: index - 1) }
                        output.append(contentsOf: Array(String(scalar).utf8))
                    }
                    index += width
                case UInt8(ascii: "0")...UInt8(ascii: "7"):
                    guard index + 2 < bytes.count, let code = UInt8(String(decoding: bytes[index...(index + 2)], as: UTF8.self), radix: 8) else {
                        throw error("invalid octal escape in string", at: index - 1)
                    }
                    output.append(code)
                    index += 2
                default:
                    throw error("unknown escape sequence '\\\(Character(UnicodeScalar(escaped)))' in string", at: index - 1)
                }
                index += 1
                continue
            }
            output.append(byte)
            index += 1
        }
        throw error("unterminated quoted string", at: start)
    }
}

extension UInt8 {
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isHexDigit: Bool {
        isDigit || (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "f")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "F"))
    }
}

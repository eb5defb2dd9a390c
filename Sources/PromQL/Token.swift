/// A lexical token of PromQL with where it starts in the input.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Double)
        case duration(Int64)
        case string(String)
        case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
        case comma, colon, at
        case assign, equal, notEqual, regexMatch, regexNoMatch
        case less, lessOrEqual, greater, greaterOrEqual
        case plus, minus, multiply, divide, modulo, power
        case end
    }

    var kind: Kind
    /// Byte offset of the token's first character.
    var offset: Int
    /// Byte offset just past the token.
    var endOffset: Int

    /// The identifier's text, lowercased for keyword comparison, or nil.
    var keyword: String? {
        if case .identifier(let text) = kind { return text.lowercased() }
        return nil
    }
}

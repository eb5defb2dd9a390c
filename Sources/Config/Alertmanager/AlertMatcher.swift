import EtcdmonModel

/// A label matcher in Alertmanager's syntax and model (routes, inhibition rules, silences, the API's
/// filters): `name="value"`, `name!="value"`, `name=~"regex"`, `name!~"regex"`, regexes fully
/// anchored, an absent label matching as the empty value.
public struct AlertMatcher: Sendable, Equatable, CustomStringConvertible {
    /// The condition, with its compiled pattern.
    public let matcher: LabelMatcher

    public var name: String { matcher.name }
    public var kind: LabelMatcher.Kind { matcher.kind }
    public var value: String { matcher.value }

    /// A matcher; throws the regular expression's error.
    public init(_ kind: LabelMatcher.Kind, _ name: String, _ value: String) throws(AlertMatcherError) {
        do { matcher = try LabelMatcher(kind, name, value) } catch { throw AlertMatcherError(error.description) }
    }

    /// A matcher in the API's form (`isRegex`, `isEqual`), as silences carry them.
    public init(name: String, value: String, isRegex: Bool, isEqual: Bool) throws(AlertMatcherError) {
        try self.init(isRegex ? (isEqual ? .regexMatch : .regexNoMatch) : (isEqual ? .equal : .notEqual), name, value)
    }

    /// Whether the value is a regular expression (`=~`, `!~`), in the API's form.
    public var isRegex: Bool { kind == .regexMatch || kind == .regexNoMatch }
    /// Whether the matcher selects what matches (`=`, `=~`) rather than what does not, in the API's form.
    public var isEqual: Bool { kind == .equal || kind == .regexMatch }

    /// Whether `value` (the empty string for an absent label) satisfies the matcher.
    public func matches(_ value: String) -> Bool { matcher.matches(value) }

    /// Whether every matcher holds for `labels`.
    public static func all(_ matchers: [AlertMatcher], match labels: Labels) -> Bool {
        matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") }
    }

    public static func == (lhs: AlertMatcher, rhs: AlertMatcher) -> Bool {
        lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.value == rhs.value
    }

    /// `name="value"` with `\`, newline and `"` escaped (the escaping of label values in the
    /// exposition formats, which Alertmanager prints matchers with).
    public var description: String {
        name + kind.rawValue + "\"" + Labels.escape(value) + "\""
    }

    /// `{a="b",c=~"d"}`: a list as Alertmanager prints it (in route keys, among others).
    public static func description(of matchers: [AlertMatcher]) -> String {
        "{" + matchers.map(\.description).joined(separator: ",") + "}"
    }

    /// Alertmanager's order of matchers: by name, value, then kind (`=`, `!=`, `=~`, `!~`).
    public static func sorted(_ matchers: [AlertMatcher]) -> [AlertMatcher] {
        let rank: [LabelMatcher.Kind: Int] = [.equal: 0, .notEqual: 1, .regexMatch: 2, .regexNoMatch: 3]
        return matchers.sorted { a, b in
            if a.name != b.name { return a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }
            if a.value != b.value { return a.value.utf8.lexicographicallyPrecedes(b.value.utf8) }
            return rank[a.kind]! < rank[b.kind]!
        }
    }

    // MARK: - Parsing

    /// A list in Alertmanager's `matchers:` syntax: optionally in braces, comma-separated, commas
    /// inside double quotes kept (`{a="x,y", b=~"z.*"}`); a trailing comma is allowed.
    public static func parseList(_ text: String) throws(AlertMatcherError) -> [AlertMatcher] {
        var body = Substring(text)
        if body.hasPrefix("{") { body = body.dropFirst() }
        if body.hasSuffix("}") { body = body.dropLast() }
        var tokens: [Substring] = []
        var start = body.startIndex
        var (quoted, escaped) = (false, false)
        for index in body.indices {
            let character = body[index]
            if character == "\"" && !escaped { quoted.toggle() }
            escaped = character == "\\" ? !escaped : false
            if character == "," && !quoted {
                tokens.append(body[start..<index])
                start = body.index(after: index)
            }
        }
        let last = body[start...]
        if !last.allSatisfy(\.isWhitespace) { tokens.append(last) }
        var matchers: [AlertMatcher] = []
        for token in tokens { matchers.append(try parse(String(token))) }
        return matchers
    }

    /// One matcher: a name, an operator and a value, quoted or not, with spaces around each.
    public static func parse(_ text: String) throws(AlertMatcherError) -> AlertMatcher {
        let scalars = Array(text.unicodeScalars)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { [" ", "\t", "\n", "\r", "\u{0C}", "\u{0B}"].contains(scalar) }
        func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar == ":"
        }
        var position = 0
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        let nameStart = position
        guard position < scalars.count, isNameStart(scalars[position]) else { throw AlertMatcherError("bad matcher format: \(text)") }
        while position < scalars.count, isNameStart(scalars[position]) || (scalars[position] >= "0" && scalars[position] <= "9") { position += 1 }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<position]))
        while position < scalars.count, isSpace(scalars[position]) { position += 1 }
        let rest = String(String.UnicodeScalarView(scalars[position...]))
        guard let kind = [LabelMatcher.Kind.regexMatch, .equal, .notEqual, .regexNoMatch].first(where: { rest.hasPrefix($0.rawValue) }) else {
            throw AlertMatcherError("bad matcher format: \(text)")
        }
        var raw = Substring(rest.dropFirst(kind.rawValue.count))
        while let first = raw.unicodeScalars.first, isSpace(first) { raw = raw.dropFirst() }
        while let last = raw.unicodeScalars.last, isSpace(last) { raw = raw.dropLast() }
        let value = try unescape(String(raw))
        return try AlertMatcher(kind, name, value)
    }

    /// The value of a matcher as written: an optional pair of quotes, `\n`, `\"` and `\\` escapes,
    /// any other backslash kept; an unescaped quote anywhere but at the end of a quoted value is an
    /// error.
    private static func unescape(_ raw: String) throws(AlertMatcherError) -> String {
        var text = Substring(raw)
        var expectTrailingQuote = false
        if text.hasPrefix("\"") {
            text = text.dropFirst()
            expectTrailingQuote = true
        }
        let bytes = text.utf8.count
        var value = ""
        var escaped = false
        var offset = 0
        for scalar in text.unicodeScalars {
            let at = offset
            offset += String(scalar).utf8.count
            if escaped {
                escaped = false
                switch scalar {
                case "n": value += "\n"
                case "\"", "\\": value.unicodeScalars.append(scalar)
                default: value += "\\"; value.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\\":
                if at < bytes - 1 { escaped = true } else { value += "\\" }
            case "\"":
                guard expectTrailingQuote, at == bytes - 1 else {
                    throw AlertMatcherError("matcher value contains unescaped double quote: \(raw)")
                }
                expectTrailingQuote = false
            default:
                value.unicodeScalars.append(scalar)
            }
        }
        if expectTrailingQuote { throw AlertMatcherError("matcher value contains unescaped double quote: \(raw)") }
        return value
    }
}

/// Why a matcher was refused, in Alertmanager's words.
public struct AlertMatcherError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

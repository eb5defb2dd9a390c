/// A regular expression for searching, as Go's `regexp.Regexp` is used outside label matchers
/// (templates' `match` and `reReplaceAll`): unanchored, leftmost-first, RE2 syntax.
public struct SearchPattern: Sendable {
    /// The expression as written.
    public let source: String
    private let compiled: CompiledRegex

    public init(_ source: String) throws(LabelPatternError) {
        self.source = source
        compiled = try CompiledRegex(source, anchored: false)
    }

    /// Whether the pattern matches anywhere in `text` (`regexp.MatchString`).
    public func matches(in text: String) -> Bool {
        compiled.find(in: text, from: 0) != nil
    }

    /// `text` with every match replaced by `template`, `$1`/`${name}` expanded
    /// (`Regexp.ReplaceAllString`): after an empty match the search moves on one character, and
    /// an empty match right after a match is not replaced.
    public func replaceAll(in text: String, with template: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var searchFrom = 0
        var lastMatchEnd = 0
        while searchFrom <= bytes.count, let offsets = compiled.find(in: text, from: searchFrom) {
            let (start, end) = (Int(offsets[0]), Int(offsets[1]))
            output += bytes[lastMatchEnd..<start]
            if end > lastMatchEnd || start == 0 {
                let expanded = LabelPattern.expand(template) { name in
                    guard let group = Int(name) ?? compiled.group(named: name), group >= 0, group < compiled.groupCount,
                          offsets[2 * group] >= 0 else { return "" }
                    return String(decoding: bytes[Int(offsets[2 * group])..<Int(offsets[2 * group + 1])], as: UTF8.self)
                }
                output += expanded.utf8
            }
            lastMatchEnd = end
            // Advance past the match, by at least one character.
            var width = 1
            if searchFrom < bytes.count {
                let lead = bytes[searchFrom]
                width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            }
            searchFrom = searchFrom + width > end ? searchFrom + width : end
        }
        output += bytes[min(lastMatchEnd, bytes.count)...]
        return String(decoding: output, as: UTF8.self)
    }
}

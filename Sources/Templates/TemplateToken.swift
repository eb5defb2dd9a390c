/// A lexical item of a template: text between actions, or one piece of an action.
struct TemplateToken: Equatable {
    enum Kind: Equatable {
        case text
        case leftDelimiter
        case rightDelimiter
        case identifier
        case keyword
        case field
        case variable
        case dot
        case string
        case rawString
        case character
        case number
        case bool
        case `nil`
        case pipe
        case leftParen
        case rightParen
        case declare
        case assign
        case comma
        case space
        case eof
    }

    var kind: Kind
    /// The token's text (for `text`, after trimming by `{{-`/`-}}`).
    var text: String
    /// Byte offset of the token in the template.
    var offset: Int
    /// 1-based line of the token's start.
    var line: Int
}

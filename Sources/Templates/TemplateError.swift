/// A template that does not parse or fails while running, worded as Go's `text/template` words
/// it: `template: NAME:LINE: message` for parse errors, `template: NAME:LINE:COLUMN: executing
/// "NAME" at <CONTEXT>: message` for execution errors.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// When the error arose.
    public enum Kind: Sendable, Equatable {
        case parse
        case execution
    }

    public var kind: Kind
    /// The template's name.
    public var template: String
    /// 1-based line of the offending text (0 when unknown).
    public var line: Int
    /// Byte offset within the line (from 0, as Go counts) of the offending command, for execution errors.
    public var column: Int
    /// The action or node that failed, for execution errors (`<.Labels.job>`).
    public var context: String
    /// What went wrong.
    public var message: String

    /// An error with no position yet: the executor places it at the node it was evaluating.
    public init(_ message: String) {
        (kind, template, line, column, context, self.message) = (.execution, "", 0, 0, "", message)
    }

    init(kind: Kind, template: String, line: Int, column: Int = 0, context: String = "", message: String) {
        (self.kind, self.template, self.line, self.column, self.context, self.message) = (kind, template, line, column, context, message)
    }

    public var description: String {
        switch kind {
        case .parse:
            "template: \(template):\(line): \(message)"
        case .execution where template.isEmpty:
            message
        case .execution:
            "template: \(template):\(line):\(column): executing \"\(template)\" at <\(context)>: \(message)"
        }
    }
}

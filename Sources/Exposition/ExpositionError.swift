/// A syntax error in exposition input, located by line and column (both 1-based, column in bytes).
public struct ExpositionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line the error is on.
    public var line: Int
    /// The 1-based byte column within `line`.
    public var column: Int
    /// What was wrong, e.g. `expected '=' after label name "code", got '}'`.
    public var reason: String
    /// The start of the offending line (at most 80 bytes), for context.
    public var excerpt: String

    /// Creates an error at a position with a reason and the line it occurred on.
    public init(line: Int, column: Int, reason: String, excerpt: String) {
        self.line = line
        self.column = column
        self.reason = reason
        self.excerpt = excerpt
    }

    public var description: String {
        "line \(line), column \(column): \(reason) (line: \"\(excerpt)\")"
    }
}

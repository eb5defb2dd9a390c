/// A PromQL expression that does not parse or does not type-check: where and what.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem.
    public var line: Int
    /// 1-based column (in characters) of the problem.
    public var column: Int
    /// What is wrong, in Prometheus's words where it has them.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `1:5: parse error: unexpected …`, as Prometheus reports it.
    public var description: String { "\(line):\(column): parse error: \(message)" }
}

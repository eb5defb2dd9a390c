/// A configuration that cannot be used: where (file, line, column, the key's path) and why.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or `<input>` for text given directly.
    public var file: String
    /// 1-based line of the offending node; 0 when the problem is not tied to one place.
    public var line: Int
    /// 1-based column of the offending node.
    public var column: Int
    /// The key path (`scrape_configs[1].relabel_configs[0].regex`).
    public var path: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(file: String, line: Int = 0, column: Int = 0, path: String = "", reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.reason = reason
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line):\(column)" : file
        return path.isEmpty ? "\(place): \(reason)" : "\(place): \(path): \(reason)"
    }
}

import EtcdmonModel

/// A parsed Go `text/template`: the subset rule files and notification templates use (actions,
/// pipelines, variables, `if`/`else if`/`with`/`range`/`break`/`continue`, `define`/`template`/
/// `block`, comments and trim markers, Go's built-in functions plus any given). Parse once,
/// execute many times; execution is bounded in output, steps and depth, so no template can pin
/// or crash the process.
public struct Template: Sendable {
    /// The template's name, as errors cite it.
    public let name: String
    let root: [TemplateNode]
    /// Templates named by `{{define}}` and `{{block}}`.
    private(set) var definitions: [String: [TemplateNode]]

    /// Largest input accepted.
    public static let maximumSourceBytes = 1 << 20

    /// Parses `text`. `functions` names what it may call; `variables` are declared before it
    /// starts (as Prometheus declares `$labels` and `$value` in a preamble).
    public init(name: String, text: String, functions: TemplateFunctions = .builtIn, variables: [String] = []) throws(TemplateError) {
        guard text.utf8.count <= Self.maximumSourceBytes else {
            throw TemplateError(kind: .parse, template: name, line: 0, message: "template larger than \(Self.maximumSourceBytes) bytes")
        }
        var parser = try TemplateParser(text: text, name: name, functions: functions.names, variables: variables)
        root = try parser.parse()
        definitions = parser.definitions
        self.name = name
    }

    /// Parses `text` with the templates `library` defines available to it, as Go parses a text into
    /// a clone of a template set (Alertmanager's notification texts and its template files); a
    /// `{{define}}` of `text` replaces the library's of the same name.
    public init(name: String, text: String, functions: TemplateFunctions = .builtIn, library: Template) throws(TemplateError) {
        try self.init(name: name, text: text, functions: functions)
        definitions = library.definitions.merging(definitions) { _, own in own }
    }

    /// Runs the template with `data` as dot and `variables` set (they must have been declared at
    /// parse time to be used).
    public func execute(_ data: TemplateValue, variables: [String: TemplateValue] = [:],
                        functions: TemplateFunctions = .builtIn, limits: TemplateLimits = .init()) throws(TemplateError) -> String {
        var executor = TemplateExecutor(template: self, functions: functions, limits: limits)
        return try executor.run(root, data: data, variables: variables)
    }
}

/// Bounds on one execution.
public struct TemplateLimits: Sendable {
    /// Largest output, in bytes.
    public var outputBytes = 4 << 20
    /// Most nodes and function calls evaluated (a template calling itself twice per level would
    /// otherwise run for ever without printing).
    public var steps = 2_000_000
    /// Deepest `{{template}}` nesting.
    public var depth = 1_000

    public init() {}
}

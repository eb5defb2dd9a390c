/// A parsed template: Go's `text/template/parse` tree, reduced to what execution needs.
indirect enum TemplateNode: Sendable {
    /// Literal text.
    case text(String)
    /// `{{pipeline}}`: evaluated, and printed unless it declares variables.
    case action(Pipeline, Position)
    /// `{{if}}`, `{{with}}`: `body` when the pipeline is true (with: dot set to its value), else `otherwise`.
    case conditional(Conditional, Pipeline, body: [TemplateNode], otherwise: [TemplateNode], Position)
    /// `{{range}}`: `body` per element, `otherwise` when there are none.
    case range(Pipeline, body: [TemplateNode], otherwise: [TemplateNode], Position)
    /// `{{template "name" pipeline}}`.
    case template(name: String, Pipeline?, Position)
    case `break`(Position)
    case `continue`(Position)

    enum Conditional: Sendable {
        case `if`
        case with
    }
}

/// Where a node starts, for execution errors.
struct Position: Sendable {
    var line: Int
    var column: Int
    /// The node's source text (the action), as Go quotes it in `executing "t" at <…>`.
    var source: String
}

/// `[$x :=] command | command …`.
struct Pipeline: Sendable {
    /// Variables declared (`:=`) or assigned (`=`).
    var variables: [String]
    var isAssignment: Bool
    var commands: [[Operand]]
}

/// One word of a command.
indirect enum Operand: Sendable {
    case dot
    case null
    case bool(Bool)
    case number(NumberLiteral)
    case string(String)
    /// `.A.B` on dot.
    case field([String])
    /// `$x.A.B`.
    case variable(String, fields: [String])
    /// A function name.
    case function(String)
    /// `(pipeline).A.B`.
    case chain(Pipeline, fields: [String])
}

/// A number constant with the types it can stand for, as Go's `parse.NumberNode`.
struct NumberLiteral: Sendable {
    var text: String
    var int: Int?
    var float: Double?

    /// The constant's value when used on its own: an int unless it is written as a float.
    var value: TemplateValue {
        if let int, !text.contains(where: { ".eEpP".contains($0) }) || text.hasPrefix("0x") || text.hasPrefix("0X") { return .int(int) }
        if let float { return .float(float) }
        return .int(int ?? 0)
    }
}

import EtcdmonModel

/// Walks a parsed template, as Go's `text/template` `state` does: dot, variables in scopes,
/// pipelines that pass each command's result to the next as its last argument, fields and
/// methods on values, and printing with `fmt`'s rules.
struct TemplateExecutor {
    private let template: Template
    private let functions: TemplateFunctions
    private let limits: TemplateLimits
    private var output: [UInt8] = []
    private var variables: [(name: String, value: TemplateValue)] = []
    private var steps = 0
    private var depth = 0

    init(template: Template, functions: TemplateFunctions, limits: TemplateLimits) {
        (self.template, self.functions, self.limits) = (template, functions, limits)
    }

    /// How a list of nodes ended: normally, or at `{{break}}`/`{{continue}}` inside a range.
    private enum Flow {
        case normal
        case breakLoop
        case continueLoop
    }

    mutating func run(_ nodes: [TemplateNode], data: TemplateValue, variables given: [String: TemplateValue]) throws(TemplateError) -> String {
        variables = [("$", data)] + given.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        _ = try walk(nodes, dot: data)
        return String(decoding: output, as: UTF8.self)
    }

    private func failure(_ error: TemplateError, at position: Position) -> TemplateError {
        guard error.template.isEmpty else { return error }
        return TemplateError(kind: .execution, template: template.name, line: position.line, column: position.column,
                             context: position.source, message: error.message)
    }

    private mutating func step() throws(TemplateError) {
        steps += 1
        guard steps <= limits.steps else { throw TemplateError("template execution took more than \(limits.steps) steps") }
    }

    private mutating func write(_ text: String) throws(TemplateError) {
        output += text.utf8
        guard output.count <= limits.outputBytes else { throw TemplateError("template output exceeds \(limits.outputBytes) bytes") }
    }

    private mutating func walk(_ nodes: [TemplateNode], dot: TemplateValue) throws(TemplateError) -> Flow {
        for node in nodes {
            let flow = try walk(node, dot: dot)
            if flow != .normal { return flow }
        }
        return .normal
    }

    private mutating func walk(_ node: TemplateNode, dot: TemplateValue) throws(TemplateError) -> Flow {
        try step()
        switch node {
        case .text(let text):
            try write(text)
        case .action(let pipeline, let position):
            do {
                let value = try evaluate(pipeline, dot: dot)
                if pipeline.variables.isEmpty { try write(Self.printable(value)) }
            } catch { throw failure(error, at: position) }
        case .conditional(let kind, let pipeline, let body, let otherwise, let position):
            let mark = variables.count
            defer { variables.removeSubrange(mark...) }
            let value: TemplateValue
            do { value = try evaluate(pipeline, dot: dot) } catch { throw failure(error, at: position) }
            if value.isTrue { return try walk(body, dot: kind == .with ? value : dot) }
            return try walk(otherwise, dot: dot)
        case .range(let pipeline, let body, let otherwise, let position):
            return try range(pipeline, body: body, otherwise: otherwise, position, dot: dot)
        case .template(let name, let pipeline, let position):
            guard let nodes = template.definitions[name] else {
                throw failure(TemplateError("template \(GoQuoting.quote(name)) not defined"), at: position)
            }
            let value: TemplateValue
            do { value = try pipeline.map { pipeline throws(TemplateError) in try evaluate(pipeline, dot: dot) } ?? .null } catch {
                throw failure(error, at: position)
            }
            depth += 1
            defer { depth -= 1 }
            guard depth <= limits.depth, StackGuard.hasRoom else {
                throw failure(TemplateError("exceeded maximum template depth (\(limits.depth))"), at: position)
            }
            let saved = variables
            variables = [("$", value)]
            defer { variables = saved }
            _ = try walk(nodes, dot: value)
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        }
        return .normal
    }

    private mutating func range(_ pipeline: Pipeline, body: [TemplateNode], otherwise: [TemplateNode], _ position: Position,
                                dot: TemplateValue) throws(TemplateError) -> Flow {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        var declared = pipeline
        declared.variables = []
        let value: TemplateValue
        do { value = try evaluate(declared, dot: dot) } catch { throw failure(error, at: position) }
        let elements: [(key: TemplateValue, value: TemplateValue)]
        switch value {
        case .list(let values): elements = values.enumerated().map { (.int($0.offset), $0.element) }
        case .map(let entries, _): elements = entries.keys.sorted().map { (.string($0), entries[$0]!) }
        case .object(let object) where object.rangeElements != nil: elements = object.rangeElements!
        case .null: elements = []
        case .int(let count) where count >= 0: elements = (0..<count).map { (.int($0), .int($0)) }
        default: throw failure(TemplateError("range can't iterate over \(GoFormat.printed(value))"), at: position)
        }
        if elements.isEmpty { return try walk(otherwise, dot: dot) }
        for element in elements {
            let inner = variables.count
            switch pipeline.variables.count {
            case 1: setVariable(pipeline.variables[0], element.value, declare: !pipeline.isAssignment)
            case 2:
                setVariable(pipeline.variables[0], element.key, declare: !pipeline.isAssignment)
                setVariable(pipeline.variables[1], element.value, declare: !pipeline.isAssignment)
            default: break
            }
            let flow = try walk(body, dot: element.value)
            variables.removeSubrange(inner...)
            if flow == .breakLoop { break }
        }
        return .normal
    }

    private mutating func setVariable(_ name: String, _ value: TemplateValue, declare: Bool) {
        if !declare, let index = variables.lastIndex(where: { $0.name == name }) {
            variables[index].value = value
        } else {
            variables.append((name, value))
        }
    }

    /// What an action prints: Go's `<no value>` for a missing value, else `fmt.Sprint`.
    static func printable(_ value: TemplateValue) -> String {
        if case .null = value { return "<no value>" }
        return GoFormat.printed(value)
    }

    private mutating func evaluate(_ pipeline: Pipeline, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try evaluate(command, dot: dot, final: value)
        }
        let result = value ?? .null
        for name in pipeline.variables {
            setVariable(name, result, declare: !pipeline.isAssignment)
        }
        return result
    }

    private mutating func evaluate(_ command: [Operand], dot: TemplateValue, final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        try step()
        let arguments = Array(command.dropFirst())
        switch command[0] {
        case .function(let name):
            return try call(name, arguments, dot: dot, final: final)
        case .field(let fields):
            return try fieldChain(dot, fields, arguments: arguments, dot: dot, final: final)
        case .variable(let name, let fields):
            let value = try variable(name)
            if fields.isEmpty {
                try noArguments(arguments, final, name)
                return value
            }
            return try fieldChain(value, fields, arguments: arguments, dot: dot, final: final)
        case .chain(let inner, let fields):
            let value = try evaluate(inner, dot: dot)
            if fields.isEmpty {
                try noArguments(arguments, final, "(pipeline)")
                return value
            }
            return try fieldChain(value, fields, arguments: arguments, dot: dot, final: final)
        case .null:
            throw TemplateError("nil is not a command")
        case let operand:
            try noArguments(arguments, final, "\(operand)")
            return try self.operand(operand, dot: dot)
        }
    }

    private func noArguments(_ arguments: [Operand], _ final: TemplateValue?, _ what: String) throws(TemplateError) {
        guard arguments.isEmpty && final == nil else { throw TemplateError("can't give argument to non-function \(what)") }
    }

    private func variable(_ name: String) throws(TemplateError) -> TemplateValue {
        guard let entry = variables.last(where: { $0.name == name }) else { throw TemplateError("undefined variable: \(name)") }
        return entry.value
    }

    /// The value of an argument.
    private mutating func operand(_ operand: Operand, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch operand {
        case .dot: return dot
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let literal): return literal.value
        case .string(let text): return .string(text)
        case .field(let fields): return try fieldChain(dot, fields, arguments: [], dot: dot, final: nil)
        case .variable(let name, let fields):
            let value = try variable(name)
            return fields.isEmpty ? value : try fieldChain(value, fields, arguments: [], dot: dot, final: nil)
        case .chain(let inner, let fields):
            let value = try evaluate(inner, dot: dot)
            return fields.isEmpty ? value : try fieldChain(value, fields, arguments: [], dot: dot, final: nil)
        case .function(let name):
            return try call(name, [], dot: dot, final: nil)
        }
    }

    /// `receiver.A.B…`; the last field may be a method taking `arguments` (and `final`).
    private mutating func fieldChain(_ receiver: TemplateValue, _ fields: [String], arguments: [Operand], dot: TemplateValue,
                                     final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        var value = receiver
        for (index, name) in fields.enumerated() {
            let isLast = index == fields.count - 1
            var values: [TemplateValue] = []
            if isLast {
                for argument in arguments { values.append(try operand(argument, dot: dot)) }
                if let final { values.append(final) }
            }
            value = try field(value, name, values, hasArguments: isLast && (!arguments.isEmpty || final != nil))
        }
        return value
    }

    private func field(_ receiver: TemplateValue, _ name: String, _ arguments: [TemplateValue], hasArguments: Bool) throws(TemplateError) -> TemplateValue {
        switch receiver {
        case .object(let object):
            if !hasArguments, let value = object.field(name) { return value }
            if let value = try object.method(name, arguments) { return value }
            if hasArguments, object.field(name) != nil { throw TemplateError("\(name) has arguments but cannot be invoked as function") }
            throw TemplateError("can't evaluate field \(name) in type \(object.typeName)")
        case .map(let entries, let zero):
            if hasArguments { throw TemplateError("\(name) is not a method but has arguments") }
            return entries[name] ?? zero
        case .null:
            return .null
        default:
            throw TemplateError("can't evaluate field \(name) in type \(receiver.typeName)")
        }
    }

    private mutating func call(_ name: String, _ arguments: [Operand], dot: TemplateValue, final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        // `and` and `or` stop at the first argument that decides.
        if name == "and" || name == "or" {
            guard !arguments.isEmpty || final != nil else { throw TemplateError("wrong number of args for \(name): want at least 1 got 0") }
            var last = TemplateValue.null
            for argument in arguments {
                last = try operand(argument, dot: dot)
                if last.isTrue != (name == "and") { return last }
            }
            return final ?? last
        }
        guard let function = functions.byName[name] else { throw TemplateError("\"\(name)\" is not a defined function") }
        var values: [TemplateValue] = []
        for argument in arguments { values.append(try operand(argument, dot: dot)) }
        if let final { values.append(final) }
        return try function(values)
    }
}

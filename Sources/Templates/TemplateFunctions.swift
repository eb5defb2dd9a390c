/// A function a template can call: its arguments evaluated (a piped value last), its result.
public typealias TemplateFunction = @Sendable (_ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue

/// The functions a template may call, by name. Parsing refuses a call of any other name, as Go's
/// does; `builtIn` holds Go's own (`and`, `or`, `not`, `eq`… `printf`, `index`, `len`, `html`…).
public struct TemplateFunctions: Sendable {
    public private(set) var byName: [String: TemplateFunction]

    /// Go's built-in functions alone.
    public static var builtIn: TemplateFunctions { TemplateFunctions(byName: BuiltInFunctions.all) }

    /// Adds or replaces functions.
    public mutating func add(_ functions: [String: TemplateFunction]) {
        byName.merge(functions) { _, new in new }
    }

    /// These functions plus `functions`.
    public func adding(_ functions: [String: TemplateFunction]) -> TemplateFunctions {
        var copy = self
        copy.add(functions)
        return copy
    }

    /// The names known, for parsing. `and` and `or` are evaluated lazily by the executor but must parse.
    var names: Set<String> { Set(byName.keys) }
}

/// Reads typed arguments, with Go's wording when one has the wrong type.
public enum TemplateArguments {
    /// Fails unless there are exactly `count` arguments.
    public static func expect(_ arguments: [TemplateValue], _ count: Int, _ name: String) throws(TemplateError) {
        guard arguments.count == count else {
            throw TemplateError("wrong number of args for \(name): want \(count) got \(arguments.count)")
        }
    }

    /// Argument `index` as a string (Go passes no other type to a `string` parameter).
    public static func string(_ arguments: [TemplateValue], _ index: Int, _ name: String) throws(TemplateError) -> String {
        guard case .string(let value) = arguments[index] else {
            throw TemplateError("error calling \(name): wrong type for value; expected string; got \(arguments[index].typeName)")
        }
        return value
    }

    /// Prometheus's `convertToFloat`: a float, an int, or a string that parses as one.
    public static func float(_ arguments: [TemplateValue], _ index: Int, _ name: String) throws(TemplateError) -> Double {
        switch arguments[index] {
        case .float(let value): return value
        case .int(let value): return Double(value)
        case .string(let text):
            guard let value = GoNumbers.parseFloat(text) else {
                throw TemplateError("error calling \(name): strconv.ParseFloat: parsing \(GoQuoting.quote(text)): invalid syntax")
            }
            return value
        default:
            throw TemplateError("error calling \(name): can't convert \(arguments[index].typeName) to float")
        }
    }
}

/// Go's `strconv.ParseFloat` for the spellings that matter: decimal and exponent forms, `Inf`,
/// `+Inf`, `-Inf`, `infinity`, `NaN` (any case).
public enum GoNumbers {
    public static func parseFloat(_ text: String) -> Double? {
        let lower = text.lowercased()
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default:
            guard !lower.isEmpty, lower.allSatisfy({ "0123456789+-.e_x".contains($0) || $0.isHexDigit || $0 == "p" }) else { return nil }
            if lower.contains("x") { return GoQuoting.parseInt(lower).map(Double.init) }
            return Double(text)
        }
    }
}

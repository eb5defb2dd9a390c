/// A value a template works on: what Go's `text/template` reaches through reflection, as a closed
/// set of cases. Maps keep Go's behaviour for a missing key (`missingkey=zero`: the element type's
/// zero value), lists and maps range in Go's order (maps by sorted key), and anything with fields
/// or methods (a query sample, an Alertmanager alert) is an `object`.
public indirect enum TemplateValue: Sendable {
    /// Go's invalid value (`<no value>` when printed) and `nil`.
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// A list (`[]T`).
    case list([TemplateValue])
    /// A map with string keys; `zero` is what a missing key gives (`""` for `map[string]string`,
    /// `null` for `map[string]interface{}`).
    case map([String: TemplateValue], zero: TemplateValue)
    /// A value with fields or methods.
    case object(any TemplateObject)

    /// A `map[string]string`, as Prometheus passes `$labels`.
    public static func stringMap(_ entries: [String: String]) -> TemplateValue {
        .map(entries.mapValues { .string($0) }, zero: .string(""))
    }

    /// Go's notion of truth for `if`, `with`, `and`, `or`, `not`: false, zero, empty, or nil is false.
    public var isTrue: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .float(let value): value != 0
        case .string(let value): !value.isEmpty
        case .list(let values): !values.isEmpty
        case .map(let entries, _): !entries.isEmpty
        case .object(let object): object.isTrue
        }
    }

    /// The Go type name used in error messages.
    public var typeName: String {
        switch self {
        case .null: "nil"
        case .bool: "bool"
        case .int: "int"
        case .float: "float64"
        case .string: "string"
        case .list: "[]interface {}"
        case .map(_, let zero): if case .string = zero { "map[string]string" } else { "map[string]interface {}" }
        case .object(let object): object.typeName
        }
    }
}

/// A value with named fields and methods, as a Go struct or a named type with methods is to
/// `text/template` (`.Labels`, `.Alerts.Firing`, `.CommonLabels.SortedPairs`).
public protocol TemplateObject: Sendable {
    /// The Go type's name, for error messages (`*template.sample`, `template.Data`).
    var typeName: String { get }
    /// The field or argument-less method `name`; `nil` if it has none (an error, as in Go).
    func field(_ name: String) -> TemplateValue?
    /// Calls method `name` with `arguments`; `nil` if there is no such method.
    func method(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue?
    /// What `fmt.Sprint` prints for it.
    var printed: String { get }
    /// Go's truth: a struct is always true, a named slice or map when not empty.
    var isTrue: Bool { get }
    /// What `range` iterates over, if it can be ranged over (a named slice type such as `Alerts`).
    var rangeElements: [(key: TemplateValue, value: TemplateValue)]? { get }
    /// What `index` finds under `key` (a named map type's value for a string key); `nil` to index
    /// `rangeElements` by position instead.
    func element(_ key: TemplateValue) -> TemplateValue?
}

extension TemplateObject {
    public func method(_ name: String, _ arguments: [TemplateValue]) throws(TemplateError) -> TemplateValue? { nil }
    public var isTrue: Bool { true }
    public var rangeElements: [(key: TemplateValue, value: TemplateValue)]? { nil }
    public func element(_ key: TemplateValue) -> TemplateValue? { nil }
}

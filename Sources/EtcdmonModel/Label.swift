/// One name/value pair of a series' identity, such as `job="etcd"`.
public struct Label: Hashable, Sendable, Comparable {
    /// The label name, e.g. `instance`. `__name__` holds the metric name.
    public var name: String
    /// The label value; an empty value is equivalent to the label being absent.
    public var value: String

    /// Creates a label from its name and value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Orders by name, then by value, as Prometheus sorts label sets.
    public static func < (lhs: Label, rhs: Label) -> Bool {
        if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
        return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
    }
}

extension Sequence<String> {
    /// Sorted in byte order, as Prometheus sorts label names and values (not by Unicode collation).
    public func sortedByBytes() -> [String] {
        sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// A series' identity: labels sorted by name with unique names, the metric name under `__name__`.
///
/// Sorting happens once at construction so equality, hashing and lookups never re-sort.
public struct Labels: Hashable, Sendable, RandomAccessCollection, CustomStringConvertible {
    /// The reserved label name that carries the metric name.
    public static let metricName = "__name__"

    /// The labels, sorted by name (byte order), names unique.
    public let elements: [Label]
    /// Hash of the whole set, computed once: series are looked up by labels on every sample.
    private let cachedHash: Int

    /// Creates a label set; sorts the labels and keeps the last value given for a repeated name.
    public init(_ labels: [Label]) {
        var sorted = labels
        // Most sets arrive sorted already (from an index, a parser, another set): check before sorting.
        if !sorted.indices.dropFirst().allSatisfy({ sorted[$0 - 1].name.utf8.lexicographicallyPrecedes(sorted[$0].name.utf8) }) {
            sorted.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        }
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for label in sorted {
            if let last = unique.last, last.name == label.name {
                unique[unique.count - 1] = label
            } else {
                unique.append(label)
            }
        }
        self.init(sortedUnique: unique)
    }

    private init(sortedUnique elements: [Label]) {
        self.elements = elements
        var hasher = Hasher()
        for label in elements {
            hasher.combine(label.name)
            hasher.combine(label.value)
        }
        cachedHash = hasher.finalize()
    }

    /// The labels `isIncluded` keeps. A subset of a label set is sorted and unique already, so
    /// only its hash is computed: queries derive a set per series (a name dropped, a grouping).
    public func subset(where isIncluded: (Label) -> Bool) -> Labels {
        Labels(sortedUnique: elements.filter(isIncluded))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cachedHash)
    }

    public static func == (lhs: Labels, rhs: Labels) -> Bool {
        lhs.cachedHash == rhs.cachedHash && lhs.elements == rhs.elements
    }

    /// Creates a label set from a dictionary literal style list of pairs.
    public init(_ pairs: KeyValuePairs<String, String>) {
        self.init(pairs.map { Label($0.key, $0.value) })
    }

    /// The empty label set.
    public static let empty = Labels([])

    public var startIndex: Int { elements.startIndex }
    public var endIndex: Int { elements.endIndex }
    public subscript(position: Int) -> Label { elements[position] }

    /// The value for `name`, or `nil` when absent. Binary search over the sorted names.
    public subscript(name: String) -> String? {
        var low = 0
        var high = elements.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = elements[mid].name
            if candidate == name { return elements[mid].value }
            if candidate.utf8.lexicographicallyPrecedes(name.utf8) { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The metric name (`__name__`), or the empty string when there is none.
    public var name: String { self[Labels.metricName] ?? "" }

    /// Renders in PromQL selector form: `name{a="b", c="d"}`, escaping values.
    public var description: String {
        var out = name
        let rest = elements.filter { $0.name != Labels.metricName }
        if rest.isEmpty && !out.isEmpty { return out }
        out += "{"
        out += rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ", ")
        out += "}"
        return out
    }

    /// Escapes a label value for the text exposition and PromQL forms.
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

extension Labels: Comparable {
    /// Prometheus's order of label sets: pair by pair, names then values in byte order; a set that
    /// is a prefix of the other sorts first. Series in a block index are sorted this way.
    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (left, right) in zip(lhs.elements, rhs.elements) where left != right {
            if left.name != right.name { return left.name.utf8.lexicographicallyPrecedes(right.name.utf8) }
            return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
        }
        return lhs.elements.count < rhs.elements.count
    }
}

import EtcdmonModel
import Yams

/// Reads one YAML mapping key by key and remembers which keys were asked for, so `finish()` can
/// reject the rest as unknown — Prometheus's strict unmarshalling, with line numbers.
final class YAMLMapping {
    let file: String
    let path: String
    private let node: Node
    private let entries: [(key: String, keyNode: Node, value: Node)]
    private var read: Set<String> = []

    /// Wraps `node`, which must be a mapping (an empty document counts as an empty mapping).
    init(_ node: Node?, file: String, path: String) throws(ConfigError) {
        self.file = file
        self.path = path
        self.node = node ?? Node("")
        switch node {
        case nil: entries = []
        case .scalar(let scalar)? where scalar.string.isEmpty && scalar.tag.description.hasSuffix("null"): entries = []
        case .mapping(let mapping)?:
            var entries: [(String, Node, Node)] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw Self.error(file: file, node: key, path: path, "keys must be strings")
                }
                guard seen.insert(name).inserted else {
                    throw Self.error(file: file, node: key, path: Self.join(path, name), "key given twice")
                }
                entries.append((name, key, value))
            }
            self.entries = entries
        case let other?:
            throw Self.error(file: file, node: other, path: path, "expected a mapping, got \(Self.kind(of: other))")
        }
    }

    /// The mapping written back as YAML (what an inline section says, without the rest of its file).
    var serialized: String { (try? Yams.serialize(node: node)) ?? "" }

    /// The keys, in file order.
    var keys: [String] { entries.map(\.key) }

    /// Whether the mapping has `key` (reading it or not).
    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The value node of `key`, marking it read; `nil` when absent or an explicit null.
    func value(_ key: String) -> Node? {
        read.insert(key)
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        // An explicit null, or nothing at all after the key (Yams may leave that one's tag unresolved).
        if case .scalar(let scalar) = entry.value, scalar.style == .plain,
           scalar.string.isEmpty || scalar.tag.description.hasSuffix("null") && ["~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return entry.value
    }

    /// Rejects keys nobody asked for.
    func finish() throws(ConfigError) {
        for entry in entries where !read.contains(entry.key) {
            throw Self.error(file: file, node: entry.keyNode, path: Self.join(path, entry.key), "unknown field")
        }
    }

    // MARK: - Typed reads

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let node = value(key) else { return nil }
        return try scalar(node, key: key)
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let node = value(key) else { return nil }
        switch try scalar(node, key: key) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        case let text: throw error(node, key: key, "expected true or false, got \"\(text)\"")
        }
    }

    func integer(_ key: String) throws(ConfigError) -> Int? {
        guard let node = value(key) else { return nil }
        let text = try scalar(node, key: key)
        guard let number = Int(text), number >= 0 else {
            throw error(node, key: key, "expected a non-negative integer, got \"\(text)\"")
        }
        return number
    }

    /// A Prometheus duration (`15s`, `1m30s`), in milliseconds.
    func duration(_ key: String) throws(ConfigError) -> Int64? {
        guard let node = value(key) else { return nil }
        let text = try scalar(node, key: key)
        do {
            return try PrometheusDuration.milliseconds(text)
        } catch {
            throw self.error(node, key: key, "not a duration: \"\(text)\" (use e.g. 15s, 1m, 1h30m)")
        }
    }

    /// A size with Prometheus's units (`10MB` = 10 MiB), in bytes.
    func byteSize(_ key: String) throws(ConfigError) -> Int? {
        guard let node = value(key) else { return nil }
        let text = try scalar(node, key: key)
        guard let bytes = ByteSize.parse(text) else {
            throw error(node, key: key, "not a size: \"\(text)\" (use e.g. 0, 512KB, 10MB)")
        }
        return bytes
    }

    func strings(_ key: String) throws(ConfigError) -> [String]? {
        guard let node = value(key) else { return nil }
        return try sequence(node, key: key).enumerated().map { (index, item) throws(ConfigError) in
            try scalar(item, key: "\(key)[\(index)]")
        }
    }

    /// A mapping of strings to strings (`labels`, `external_labels`).
    func stringMap(_ key: String) throws(ConfigError) -> [(String, String)]? {
        guard let node = value(key) else { return nil }
        let nested = try YAMLMapping(node, file: file, path: Self.join(path, key))
        return try nested.entries.map { (entry) throws(ConfigError) in
            (entry.key, try nested.scalar(entry.value, key: entry.key))
        }
    }

    func mapping(_ key: String) throws(ConfigError) -> YAMLMapping? {
        guard let node = value(key) else { return nil }
        return try YAMLMapping(node, file: file, path: Self.join(path, key))
    }

    /// Each item of a sequence of mappings.
    func mappings(_ key: String) throws(ConfigError) -> [YAMLMapping] {
        guard let node = value(key) else { return [] }
        return try sequence(node, key: key).enumerated().map { (index, item) throws(ConfigError) in
            try YAMLMapping(item, file: file, path: Self.join(path, key) + "[\(index)]")
        }
    }

    // MARK: - Errors

    /// An error about `key`'s value (or the mapping itself when the key is absent).
    func error(_ key: String, _ reason: String) -> ConfigError {
        let node = entries.first { $0.key == key }?.value ?? node
        return error(node, key: key, reason)
    }

    /// The 1-based line and column of `key`'s value (of the mapping itself when the key is absent).
    func position(_ key: String) -> (line: Int, column: Int) {
        let node = entries.first { $0.key == key }?.value ?? node
        return (node.mark?.line ?? 0, node.mark?.column ?? 0)
    }

    /// The 1-based line and column where the mapping starts.
    var position: (line: Int, column: Int) { (node.mark?.line ?? 0, node.mark?.column ?? 0) }

    /// An error about the mapping as a whole.
    func error(_ reason: String) -> ConfigError {
        Self.error(file: file, node: node, path: path, reason)
    }

    private func error(_ node: Node, key: String, _ reason: String) -> ConfigError {
        Self.error(file: file, node: node, path: Self.join(path, key), reason)
    }

    private func scalar(_ node: Node, key: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, key: key, "expected a single value, got \(Self.kind(of: node))")
        }
        return scalar.string
    }

    private func sequence(_ node: Node, key: String) throws(ConfigError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, key: key, "expected a list, got \(Self.kind(of: node))")
        }
        return Array(sequence)
    }

    static func error(file: String, node: Node, path: String, _ reason: String) -> ConfigError {
        ConfigError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, path: path, reason: reason)
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): "the value \"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

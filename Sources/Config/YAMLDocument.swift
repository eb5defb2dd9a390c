import Yams

/// Reads YAML text into a node tree, bounded: libyaml refuses nesting deeper than its limit, and a
/// document whose aliases expand past `maximumNodes` (a "billion laughs" of nested anchors, which
/// would take forever to walk although it is small in memory) is refused before anything reads it.
enum YAMLDocument {
    /// The most nodes a document may expand to, aliases counted each time they are used.
    static let maximumNodes = 1_000_000
    /// The longest line of a parse error's echoed context.
    static let maximumContext = 200

    /// The document's root (`nil` for an empty one); `what` names the format in errors.
    static func compose(_ text: String, file: String, what: String = "YAML") throws(ConfigError) -> Node? {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigError(file: file, reason: "not valid \(what): \(shortened("\(error)"))")
        }
        if let root { try checkExpandedSize(root, file: file) }
        return root
    }

    /// Throws once walking the tree, aliases expanded, would visit more than `maximumNodes` nodes.
    static func checkExpandedSize(_ root: Node, file: String) throws(ConfigError) {
        var pending = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            guard visited <= maximumNodes else {
                throw ConfigError(file: file, reason: "the document expands to more than \(maximumNodes) nodes (aliases counted each time they are used)")
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let items): pending.append(contentsOf: items)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            }
        }
    }

    /// A parser's message with every line cut to `maximumContext` characters (libyaml echoes the
    /// offending line, which may be megabytes long).
    static func shortened(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count > maximumContext ? line.prefix(maximumContext) + "…" : line
        }.joined(separator: "\n")
    }
}

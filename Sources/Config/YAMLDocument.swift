// Yams's own copy of libyaml: its event parser measures a document before Yams composes it.
import CYaml
import Foundation
import Yams

/// Reads YAML text into a node tree, bounded: libyaml refuses nesting deeper than its limit, and a
/// document whose aliases expand past `maximumNodes` (a "billion laughs" of nested anchors, small
/// in memory but endless to walk, or to hash when an alias is a mapping key, as Yams does to find
/// duplicate keys) is refused before Yams composes it.
enum YAMLDocument {
    /// The most nodes a document may expand to, aliases counted each time they are used.
    static let maximumNodes = 1_000_000
    /// The longest line of a parse error's echoed context.
    static let maximumContext = 200

    /// The text of a configuration file, or why it cannot be read.
    static func read(_ file: String) throws(ConfigError) -> String {
        do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw ConfigError(file: file, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// The document's root (`nil` for an empty one); `what` names the format in errors.
    static func compose(_ text: String, file: String, what: String = "YAML") throws(ConfigError) -> Node? {
        if let nodes = expandedSize(text), nodes > maximumNodes {
            throw ConfigError(file: file, reason: "the document expands to more than \(maximumNodes) nodes (aliases counted each time they are used)")
        }
        do { return try Yams.compose(yaml: text) } catch {
            throw ConfigError(file: file, reason: "not valid \(what): \(shortened("\(error)"))")
        }
    }

    /// The number of nodes of the first document with every alias expanded, counted from libyaml's
    /// events without building anything, and capped just past `maximumNodes`; `nil` when libyaml
    /// reports an error (Yams then reports it with its context).
    static func expandedSize(_ text: String) -> Int? {
        let cap = maximumNodes + 1
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // Each open collection: its size so far and its anchor.
            var open: [(size: Int, anchor: String?)] = []
            var anchors: [String: Int] = [:]
            var total = 0
            func add(_ size: Int, anchor: String?) {
                if let anchor { anchors[anchor] = size }
                if open.isEmpty { total = min(cap, total + size) } else { open[open.count - 1].size = min(cap, open[open.count - 1].size + size) }
            }
            func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_SCALAR_EVENT: add(1, anchor: name(event.data.scalar.anchor))
                case YAML_ALIAS_EVENT: add(name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1, anchor: nil)
                case YAML_SEQUENCE_START_EVENT: open.append((1, name(event.data.sequence_start.anchor)))
                case YAML_MAPPING_START_EVENT: open.append((1, name(event.data.mapping_start.anchor)))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let closed = open.popLast() { add(closed.size, anchor: closed.anchor) }
                case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT: return total
                default: break
                }
                if total >= cap || (open.last?.size ?? 0) >= cap { return cap }
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

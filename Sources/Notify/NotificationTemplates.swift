import EtcdmonModel
import Foundation
import Rules
import Templates

/// The notification templates: the built-in ones (Alertmanager's names: `__subject`,
/// `slack.default.title`, `email.default.html`, …) and the config's `templates:` files, with
/// Alertmanager's functions. Each text of a receiver (a Slack title, an e-mail header) is parsed
/// with these available, as Alertmanager parses it into a clone of its template set.
public struct NotificationTemplates: Sendable {
    let library: Template

    /// Alertmanager 0.25's template functions, besides Go's.
    static let functions: TemplateFunctions = {
        let prometheus = PrometheusFunctions.functions(query: { _ throws(TemplateError) in [] })
        var functions = TemplateFunctions.builtIn
        for name in ["toUpper", "toLower", "match", "reReplaceAll", "safeHtml"] { functions.add([name: prometheus[name]!]) }
        functions.add([
            "title": PrometheusFunctions.stringFunction("title", Self.title),
            "join": { arguments throws(TemplateError) in
                try TemplateArguments.expect(arguments, 2, "join")
                let separator = try TemplateArguments.string(arguments, 0, "join")
                guard case .list(let items) = arguments[1] else {
                    throw TemplateError("error calling join: wrong type for value; expected []string; got \(arguments[1].typeName)")
                }
                var parts: [String] = []
                for item in items {
                    guard case .string(let text) = item else {
                        throw TemplateError("error calling join: wrong type for value; expected []string; got \(arguments[1].typeName)")
                    }
                    parts.append(text)
                }
                return .string(parts.joined(separator: separator))
            },
            "stringSlice": { arguments throws(TemplateError) in
                var strings: [TemplateValue] = []
                for index in arguments.indices { strings.append(.string(try TemplateArguments.string(arguments, index, "stringSlice"))) }
                return .list(strings)
            },
        ])
        return functions
    }()

    /// The built-in templates, then those of `files` (globs; a glob matching nothing adds nothing).
    public init(files: [String] = []) throws(NotificationTemplateError) {
        var text = DefaultTemplates.text
        let paths: [String]
        do { paths = try RuleLoader.expand(files).filter { FileManager.default.fileExists(atPath: $0) } } catch {
            throw NotificationTemplateError(file: error.file, reason: error.reason)
        }
        for path in paths {
            guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw NotificationTemplateError(file: path, reason: "cannot read")
            }
            // Each file parsed alone first, so an error names its file and line.
            do { _ = try Template(name: (path as NSString).lastPathComponent, text: contents, functions: Self.functions) } catch {
                throw NotificationTemplateError(file: path, reason: error.description)
            }
            text += "\n" + contents
        }
        do { library = try Template(name: "templates", text: text, functions: Self.functions) } catch {
            throw NotificationTemplateError(file: files.joined(separator: ", "), reason: error.description)
        }
    }

    /// `source` executed on `data`; an empty text is empty without being parsed, as in Alertmanager.
    public func text(_ source: String, _ data: NotificationData) throws(TemplateError) -> String {
        try render(source, data, escaping: false)
    }

    /// `source` executed on `data` with every value HTML-escaped (an e-mail's HTML body).
    public func html(_ source: String, _ data: NotificationData) throws(TemplateError) -> String {
        try render(source, data, escaping: true)
    }

    private func render(_ source: String, _ data: NotificationData, escaping: Bool) throws(TemplateError) -> String {
        guard !source.isEmpty else { return "" }
        let template = try Template(name: "", text: source, functions: Self.functions, library: library)
        return try template.execute(.object(TemplateData(data: data, escaping: escaping)), functions: Self.functions)
    }

    /// `cases.Title`: each word's first letter upper case, the rest lower case.
    static func title(_ text: String) -> String {
        var output = ""
        var atWordStart = true
        for character in text {
            let inWord = character.isLetter || character.isNumber || character == "'" || character == "_"
            output += inWord ? (atWordStart ? character.uppercased() : character.lowercased()) : String(character)
            atWordStart = !inWord
        }
        return output
    }
}

/// A template file that cannot be used: which, and why.
public struct NotificationTemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var reason: String
    public var description: String { "\(file): \(reason)" }
}

import EtcdmonModel
import PromQL
import Templates

/// A label or annotation value of an alerting rule, expanded as Prometheus expands it: the text
/// behind a preamble that declares `$labels`, `$externalLabels`, `$externalURL` and `$value`,
/// named `__alert_NAME`, with Prometheus's functions (`query` at the evaluation time). A
/// template that fails gives `<error expanding template: …>` in place of its text, as in
/// Prometheus. Parsed once, when the rule is loaded.
struct RuleTemplate: Sendable {
    let text: String
    /// The parsed template, or why it does not parse (reported when expanded, as Prometheus does).
    private let parsed: Result<Template, TemplateError>
    let name: String

    static let preamble = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}"
    /// Function names known at parse time (their bodies are bound per evaluation).
    static let functionNames = TemplateFunctions.builtIn.adding(PrometheusFunctions.functions { _ throws(TemplateError) in [] })

    init(_ text: String, ruleName: String) {
        self.text = text
        let name = "__alert_" + ruleName
        self.name = name
        // Text without an action needs no template (most label values).
        parsed = text.contains("{{") ? Result { () throws(TemplateError) in
            try Template(name: name, text: Self.preamble + text, functions: Self.functionNames)
        } : .failure(TemplateError(""))
    }

    /// Why the template does not parse, for `rules check`.
    var parseError: TemplateError? {
        guard text.contains("{{"), case .failure(let error) = parsed else { return nil }
        return error
    }

    /// The expanded text for one alert.
    func expand(_ data: AlertTemplateData, context: RuleContext, time: Int64) -> String {
        guard text.contains("{{") else { return text }
        switch parsed {
        case .failure(let error):
            return "<error expanding template: error parsing template \(name): \(error)>"
        case .success(let template):
            let functions = Self.functionNames.adding(PrometheusFunctions.functions(externalURL: context.externalURL) { expression throws(TemplateError) in
                do {
                    let parsed = try Parser.parse(expression)
                    return try context.query.vector(parsed, at: time).map {
                        PrometheusFunctions.Sample(labels: $0.labels.dictionary, value: $0.value)
                    }
                } catch let error as ParseError {
                    throw TemplateError("error calling query: \(error)")
                } catch {
                    throw TemplateError("error calling query: \(error)")
                }
            })
            do {
                return try template.execute(.object(data), functions: functions)
            } catch {
                return "<error expanding template: error executing template \(name): \(error)>"
            }
        }
    }
}

/// What alert templates see as dot: Prometheus's `AlertTemplateData`.
struct AlertTemplateData: TemplateObject {
    var labels: [String: String]
    var externalLabels: [String: String]
    var externalURL: String
    var value: Double

    var typeName: String { "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }" }

    func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Labels": .stringMap(labels)
        case "ExternalLabels": .stringMap(externalLabels)
        case "ExternalURL": .string(externalURL)
        case "Value": .float(value)
        default: nil
        }
    }

    var printed: String {
        "{" + [GoFormat.printed(.stringMap(labels)), GoFormat.printed(.stringMap(externalLabels)), externalURL,
               GoFormat.shortest(value, verb: "g")].joined(separator: " ") + "}"
    }
}

extension Labels {
    /// The labels as a dictionary (templates' `map[string]string`).
    var dictionary: [String: String] {
        var result: [String: String] = [:]
        for label in self { result[label.name] = label.value }
        return result
    }
}

import EtcdmonModel
import Exposition

/// One entry of a parse, materialised so tests can compare whole results.
enum ParsedEntry: Equatable, CustomStringConvertible {
    case help(String, String)
    case type(String, MetricType)
    case unit(String, String)
    case sample(Labels, Double, Int64?)

    var description: String {
        switch self {
        case let .help(name, text): "HELP \(name) \(text)"
        case let .type(name, type): "TYPE \(name) \(type)"
        case let .unit(name, unit): "UNIT \(name) \(unit)"
        case let .sample(labels, value, timestamp): "\(labels) \(value) \(timestamp.map(String.init) ?? "-")"
        }
    }

    /// Parses the whole text; throws the first error.
    static func parse(_ text: String, format: ExpositionFormat = .prometheusText) throws -> [ParsedEntry] {
        try ExpositionParser.withParser(Array(text.utf8), format: format) { parser in
            var entries: [ParsedEntry] = []
            while let entry = try parser.next() {
                switch entry {
                case .help: entries.append(.help(parser.metricName, parser.helpText))
                case .type: entries.append(.type(parser.metricName, parser.metricType))
                case .unit: entries.append(.unit(parser.metricName, parser.unit))
                case .sample: entries.append(.sample(parser.labels(), parser.value, parser.timestamp))
                }
            }
            return entries
        }
    }

    /// The error a parse of `text` throws, or `nil` when it parses.
    static func error(_ text: String, format: ExpositionFormat = .prometheusText) -> ExpositionError? {
        do {
            _ = try parse(text, format: format)
            return nil
        } catch let error as ExpositionError {
            return error
        } catch {
            return nil
        }
    }
}

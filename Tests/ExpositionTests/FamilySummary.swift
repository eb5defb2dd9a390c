import EtcdmonModel
import Exposition

/// What a parse of a whole payload found: families from `# TYPE` lines and series per family,
/// counted by the same rule as the fixtures' `metric-families.py`.
struct FamilySummary {
    var types: [String: MetricType] = [:]
    var helps: [String: String] = [:]
    var seriesPerFamily: [String: Int] = [:]
    var samples = 0
    var exemplars = 0
    var units: [String: String] = [:]

    static func of(_ bytes: [UInt8], format: ExpositionFormat) throws -> FamilySummary {
        var summary = FamilySummary()
        try ExpositionParser.withParser(bytes, format: format) { parser in
            while let entry = try parser.next() {
                switch entry {
                case .type: summary.types[parser.metricName] = parser.metricType
                case .help: summary.helps[parser.metricName] = parser.helpText
                case .unit: summary.units[parser.metricName] = parser.unit
                case .sample:
                    summary.samples += 1
                    if parser.exemplar() != nil { summary.exemplars += 1 }
                    summary.seriesPerFamily[summary.family(of: parser.metricName), default: 0] += 1
                }
            }
        }
        return summary
    }

    private func family(of name: String) -> String {
        if types[name] != nil { return name }
        for suffix in ["_bucket", "_sum", "_count"] where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            if types[base] != nil { return base }
        }
        return name
    }
}

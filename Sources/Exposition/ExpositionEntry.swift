/// What `ExpositionParser.next()` found. Details of the entry are read from the parser.
public enum ExpositionEntry: Sendable, Equatable {
    /// `# HELP name text`: read `metricName` and `helpText`.
    case help
    /// `# TYPE name type`: read `metricName` and `metricType`.
    case type
    /// `# UNIT name unit` (OpenMetrics): read `metricName` and `unit`.
    case unit
    /// A sample line: read `metricName`, `labels()`, `value`, `timestamp`, `exemplar()`.
    case sample
}

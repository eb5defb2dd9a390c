/// The type a metric family declares in its `# TYPE` line.
///
/// Covers both exposition formats: text 0.0.4 (`untyped`) and OpenMetrics (`unknown`, `info`,
/// `stateset`, `gaugehistogram`).
public enum MetricType: String, Sendable, CaseIterable {
    case counter
    case gauge
    case histogram
    case gaugeHistogram = "gaugehistogram"
    case summary
    case info
    case stateset
    case untyped
    case unknown
}

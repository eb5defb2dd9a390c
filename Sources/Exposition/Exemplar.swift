import EtcdmonModel

/// An OpenMetrics exemplar attached to a sample: `# {trace_id="…"} 0.5 1.7e9`.
public struct Exemplar: Sendable, Equatable {
    /// The exemplar's own labels (for example a trace ID).
    public var labels: Labels
    /// The exemplar's value.
    public var value: Double
    /// Milliseconds since the epoch, when the exemplar carries a timestamp.
    public var timestamp: Int64?

    /// Creates an exemplar.
    public init(labels: Labels, value: Double, timestamp: Int64?) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}

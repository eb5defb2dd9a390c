import EtcdmonModel

/// What a target says about a metric family: `# TYPE`, `# HELP`, `# UNIT`.
public struct MetricMetadata: Sendable, Equatable {
    public var type: MetricType
    public var help: String
    public var unit: String

    public init(type: MetricType = .unknown, help: String = "", unit: String = "") {
        self.type = type
        self.help = help
        self.unit = unit
    }
}

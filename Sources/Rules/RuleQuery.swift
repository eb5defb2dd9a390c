import EtcdmonModel
import PromQL
import TSDB

/// Something that can hand out a querier over its data (the store).
public protocol QuerierSource: Sendable {
    func querier() -> any Querier
}

extension Storage: QuerierSource {}

/// Evaluates rule expressions at an instant, as Prometheus's `EngineQueryFunc`: a vector as it
/// is, a scalar as one sample without labels, anything else an error.
public struct RuleQuery: Sendable {
    public var engine: Engine
    public var source: any QuerierSource

    public init(engine: Engine = Engine(), source: any QuerierSource) {
        self.engine = engine
        self.source = source
    }

    public func vector(_ expression: Expression, at time: Int64) throws(EvaluationError) -> [VectorSample] {
        switch try engine.instant(expression, at: time, querier: source.querier()) {
        case .vector(let samples): return samples
        case .scalar(let value, let timestamp): return [VectorSample(labels: .empty, value: value, timestamp: timestamp)]
        default: throw EvaluationError("rule result is not a vector or scalar")
        }
    }
}

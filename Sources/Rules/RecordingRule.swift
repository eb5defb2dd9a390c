import EtcdmonModel
import PromQL
import Synchronization

/// A recording rule: the expression's result written under a new metric name, with the rule's
/// labels added (Prometheus's `RecordingRule`).
public final class RecordingRule: Rule {
    public let name: String
    public let expressionText: String
    public let expression: Expression
    public let labels: Labels
    private let state = Mutex(RuleStatus())

    public init(name: String, expression: Expression, expressionText: String, labels: Labels) {
        (self.name, self.expression, self.expressionText, self.labels) = (name, expression, expressionText, labels)
    }

    public var status: RuleStatus { state.withLock { $0 } }
    public func record(_ status: RuleStatus) { state.withLock { $0 = status } }

    public func evaluate(at time: Int64, context: RuleContext, limit: Int) throws(RuleError) -> [VectorSample] {
        let samples: [VectorSample]
        do { samples = try context.query.vector(expression, at: time) } catch { throw RuleError(error.message) }
        var seen = Set<Labels>()
        var output: [VectorSample] = []
        output.reserveCapacity(samples.count)
        for sample in samples {
            var elements = sample.labels.elements.filter { $0.name != Labels.metricName }
            for label in labels {
                elements.removeAll { $0.name == label.name }
                if !label.value.isEmpty { elements.append(label) }
            }
            elements.append(Label(Labels.metricName, name))
            let labels = Labels(elements)
            guard seen.insert(labels).inserted else {
                throw RuleError("vector contains metrics with the same labelset after applying rule labels")
            }
            output.append(VectorSample(labels: labels, value: sample.value, timestamp: time))
        }
        if limit > 0 && output.count > limit {
            throw RuleError("exceeded limit of \(limit) with \(output.count) series")
        }
        return output
    }
}

import EtcdmonModel
import PromQL

/// A rule of a group: evaluated at an instant, it gives the samples to write (a recording rule's
/// series, an alerting rule's `ALERTS` and `ALERTS_FOR_STATE`).
public protocol Rule: AnyObject, Sendable {
    var name: String { get }
    /// The expression as written, and parsed.
    var expressionText: String { get }
    var expression: Expression { get }
    var labels: Labels { get }
    /// Evaluates at `time` (milliseconds); `limit` > 0 bounds the series or alerts it may produce.
    func evaluate(at time: Int64, context: RuleContext, limit: Int) throws(RuleError) -> [VectorSample]
    /// The outcome of the last evaluation, for the API and the status page.
    var status: RuleStatus { get }
    func record(_ status: RuleStatus)
}

/// How a rule's last evaluation went.
public struct RuleStatus: Sendable, Equatable {
    public enum Health: String, Sendable {
        case unknown
        case ok
        case err
    }

    public var health: Health = .unknown
    public var lastError = ""
    /// When it last ran (milliseconds since the epoch) and for how long (seconds).
    public var lastEvaluation: Int64 = 0
    public var evaluationSeconds = 0.0

    public init() {}
}

/// Why a rule's evaluation failed.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

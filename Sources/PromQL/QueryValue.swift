import EtcdmonModel
import TSDB

/// One series' value at one time, as an instant vector holds it.
public struct VectorSample: Sendable, Equatable {
    public var labels: Labels
    public var value: Double
    public var timestamp: Int64

    public init(labels: Labels, value: Double, timestamp: Int64) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}

/// One series' points, as a range vector or a range query's result holds them: the same shape
/// the store returns.
public typealias SeriesPoints = StoredSeries

/// The result of evaluating an expression.
public enum QueryValue: Sendable, Equatable {
    case scalar(Double, timestamp: Int64)
    case string(String, timestamp: Int64)
    case vector([VectorSample])
    case matrix([SeriesPoints])
}

/// A query that cannot be evaluated: what went wrong, in Prometheus's words where it has them.
public struct EvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind, for the HTTP API's `errorType`.
    public enum Kind: String, Sendable {
        case execution, timeout, tooManySamples = "execution_limit", storage
        /// The caller's `isCancelled` said stop (the client went away).
        case canceled
        /// The engine's `slice` ran out: the caller asked to be told, to run the query again elsewhere.
        case sliceExhausted
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An execution error.
    public init(_ message: String) {
        self.init(.execution, message)
    }

    public var description: String { message }
}

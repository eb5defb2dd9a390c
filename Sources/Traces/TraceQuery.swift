/// A trace search, as Jaeger's `/api/traces` takes it: traces with at least one span of `service`
/// that matches every other condition.
package struct TraceQuery: Sendable, Equatable {
    package var service: String
    package var operation: String?
    /// Span or resource attributes that must all be equal.
    package var tags: [String: String] = [:]
    /// Nanoseconds; nil: no bound.
    package var minDuration: Int64?
    package var maxDuration: Int64?
    /// The span's start, nanoseconds since the epoch; nil: no bound.
    package var start: Int64?
    package var end: Int64?
    /// The etcd member the span came from, if given.
    package var member: String?
    /// At most this many traces, the most recent first.
    package var limit = 20

    package init(service: String) { self.service = service }

    /// Whether a span matches.
    package func matches(_ span: Span) -> Bool {
        guard span.service == service else { return false }
        if let operation, span.name != operation { return false }
        if let member, span.member != member { return false }
        if let minDuration, span.duration < minDuration { return false }
        if let maxDuration, span.duration > maxDuration { return false }
        if let start, span.start < start { return false }
        if let end, span.start > end { return false }
        for (key, value) in tags {
            if key == "error" {
                // Jaeger's `error=true` means the span failed (OTLP's status), whatever its attributes.
                if (span.status == .error) != (value == "true") { return false }
            } else if span.attribute(key) != value {
                return false
            }
        }
        return true
    }
}

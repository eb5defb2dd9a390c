import DequeModule
import Synchronization

/// The spans received, in memory, within an age and a size limit (the oldest go first): found by
/// trace ID and searched as Jaeger's query service does.
package final class SpanStore: Sendable {
    /// An operation, as Jaeger's `/api/operations` lists it.
    package struct Operation: Sendable, Hashable {
        package var name: String
        package var kind: Span.Kind
    }

    /// How the store stands.
    package struct Stats: Sendable {
        package var spans: Int
        package var traces: Int
        package var bytes: Int
        /// Spans dropped to stay within the limits since the start.
        package var evicted: Int
        /// Spans received since the start.
        package var received: Int
    }

    private struct State {
        var spans = Deque<Span>()
        /// The sequence number of `spans.first`: span `n` is at `n - firstSequence`.
        var firstSequence = 0
        /// Each trace's spans by sequence number, oldest first.
        var traces: [TraceID: [Int]] = [:]
        /// Spans per service and operation (an operation goes when its last span does).
        var operations: [String: [Operation: Int]] = [:]
        var bytes = 0
        var evicted = 0
        var received = 0
    }

    /// Nanoseconds a span is kept after it started.
    package let retention: Int64
    /// The most bytes the spans may take (an estimate, `Span.footprint`).
    package let maxBytes: Int
    private let state = Mutex(State())

    package init(retention: Int64 = 24 * 3600 * 1_000_000_000, maxBytes: Int = 128 << 20) {
        self.retention = retention
        self.maxBytes = maxBytes
    }

    /// Adds spans, then drops the oldest beyond the limits (`now`: nanoseconds since the epoch).
    package func add(_ spans: [Span], now: Int64) {
        state.withLock { state in
            for span in spans {
                let sequence = state.firstSequence + state.spans.count
                state.spans.append(span)
                state.traces[span.traceID, default: []].append(sequence)
                state.operations[span.service, default: [:]][Operation(name: span.name, kind: span.kind), default: 0] += 1
                state.bytes += span.footprint
            }
            state.received += spans.count
            // Arrival order is about start order; a span that arrives late is kept until those before it go.
            while let oldest = state.spans.first, state.bytes > maxBytes || oldest.start < now - retention {
                Self.removeOldest(&state)
                state.evicted += 1
            }
        }
    }

    private static func removeOldest(_ state: inout State) {
        let span = state.spans.removeFirst()
        let sequence = state.firstSequence
        state.firstSequence += 1
        state.bytes -= span.footprint
        if var members = state.traces[span.traceID] {
            if members.first == sequence { members.removeFirst() } else { members.removeAll { $0 == sequence } }
            state.traces[span.traceID] = members.isEmpty ? nil : members
        }
        let operation = Operation(name: span.name, kind: span.kind)
        if let count = state.operations[span.service]?[operation] {
            if count > 1 {
                state.operations[span.service]?[operation] = count - 1
            } else {
                state.operations[span.service]?[operation] = nil
                if state.operations[span.service]?.isEmpty == true { state.operations[span.service] = nil }
            }
        }
    }

    /// The services with spans, sorted.
    package func services() -> [String] {
        state.withLock { $0.operations.keys.sorted() }
    }

    /// A service's operations, sorted by name then kind.
    package func operations(service: String) -> [Operation] {
        state.withLock { state in
            (state.operations[service]?.keys).map { Array($0) }?.sorted { ($0.name, $0.kind.rawValue) < ($1.name, $1.kind.rawValue) } ?? []
        }
    }

    /// One trace's spans, in start order; empty when none is kept.
    package func trace(_ id: TraceID) -> [Span] {
        state.withLock { state in
            (state.traces[id] ?? []).map { state.spans[$0 - state.firstSequence] }.sorted { $0.start < $1.start }
        }
    }

    /// The traces with a span matching `query`, the most recently started match first, each whole.
    package func search(_ query: TraceQuery) -> [[Span]] {
        let ids: [TraceID] = state.withLock { state in
            var found: [TraceID] = []
            var seen: Set<TraceID> = []
            // Newest first: the scan stops at the limit.
            for span in state.spans.reversed() {
                guard found.count < query.limit else { break }
                if query.matches(span), seen.insert(span.traceID).inserted { found.append(span.traceID) }
            }
            return found
        }
        return ids.map(trace).filter { !$0.isEmpty }
    }

    /// Spans matching `filter`, the most recent first, at most `limit`.
    package func spans(limit: Int, where filter: (Span) -> Bool) -> [Span] {
        state.withLock { state in
            var found: [Span] = []
            for span in state.spans.reversed() {
                guard found.count < limit else { break }
                if filter(span) { found.append(span) }
            }
            return found
        }
    }

    package var stats: Stats {
        state.withLock { Stats(spans: $0.spans.count, traces: $0.traces.count, bytes: $0.bytes, evicted: $0.evicted, received: $0.received) }
    }
}

import EtcdmonModel
import Synchronization
import TSDB

/// Request-duration histograms and call counts derived from spans, by service, operation, kind,
/// status and member, in the shape of Tempo's span metrics (`traces_spanmetrics_latency_bucket`,
/// `…_sum`, `…_count`, `traces_spanmetrics_calls_total`), written to the store so PromQL, the
/// dashboard and alerts read them.
package final class SpanMetrics: Sendable {
    /// Bucket bounds in seconds: etcd's requests from half a millisecond (a local read) to 10 s.
    package static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable {
        var service: String
        var name: String
        var kind: Span.Kind
        var status: Span.Status
        var cluster: String
        var member: String
    }

    private struct Histogram {
        var counts = [UInt64](repeating: 0, count: SpanMetrics.buckets.count)
        var count: UInt64 = 0
        var sum = 0.0

        mutating func observe(_ seconds: Double) {
            // Each bucket counts the observations at most its bound and above the previous one.
            if let index = SpanMetrics.buckets.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            count += 1
            sum += seconds
        }
    }

    private struct State {
        var histograms: [Key: Histogram] = [:]
        var dropped = 0
    }

    /// The most label combinations kept; spans beyond are counted as dropped.
    package let maxSeries: Int
    private let state = Mutex(State())

    package init(maxSeries: Int = 5000) { self.maxSeries = maxSeries }

    /// Counts spans in.
    package func record(_ spans: [Span]) {
        state.withLock { state in
            for span in spans {
                let key = Key(service: span.service, name: span.name, kind: span.kind, status: span.status, cluster: span.cluster, member: span.member)
                guard state.histograms[key] != nil || state.histograms.count < maxSeries else {
                    state.dropped += 1
                    continue
                }
                let seconds = Double(span.duration) / 1e9
                state.histograms[key, default: Histogram()].observe(seconds)
            }
        }
    }

    /// Spans not counted because of `maxSeries`.
    package var dropped: Int { state.withLock { $0.dropped } }

    /// Every series' current value (cumulative, as a counter).
    package func samples() -> [(labels: Labels, value: Double)] {
        let histograms = state.withLock { $0.histograms }
        var samples: [(labels: Labels, value: Double)] = []
        samples.reserveCapacity(histograms.count * (Self.buckets.count + 4))
        for (key, histogram) in histograms {
            var base = [Label("service", key.service), Label("span_name", key.name),
                        Label("span_kind", "SPAN_KIND_" + key.kind.name.uppercased()), Label("status_code", key.status.name)]
            if !key.cluster.isEmpty { base.append(Label("cluster", key.cluster)) }
            if !key.member.isEmpty { base.append(Label("member", key.member)) }
            func series(_ name: String, _ extra: [Label] = []) -> Labels { Labels([Label("__name__", name)] + base + extra) }
            var cumulative: UInt64 = 0
            for (bound, count) in zip(Self.buckets, histogram.counts) {
                cumulative += count
                samples.append((series("traces_spanmetrics_latency_bucket", [Label("le", Self.format(bound))]), Double(cumulative)))
            }
            samples.append((series("traces_spanmetrics_latency_bucket", [Label("le", "+Inf")]), Double(histogram.count)))
            samples.append((series("traces_spanmetrics_latency_sum"), histogram.sum))
            samples.append((series("traces_spanmetrics_latency_count"), Double(histogram.count)))
            samples.append((series("traces_spanmetrics_calls_total"), Double(histogram.count)))
        }
        return samples
    }

    /// Appends every series at `timestamp` (milliseconds) in one commit.
    package func write(to sink: any SampleSink, at timestamp: Int64) throws {
        var appender = sink.appender()
        for (labels, value) in samples() { try appender.append(labels, timestamp: timestamp, value: value) }
        _ = try appender.commit()
    }

    /// Prometheus's `le` form: `0.0005`, `1`, `2.5`.
    private static func format(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }
}

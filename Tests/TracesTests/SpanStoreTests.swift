import EtcdmonModel
import Testing
@testable import Traces

@Suite("The span store and span metrics")
struct SpanStoreTests {
    static func span(trace: UInt64, id: UInt64, parent: UInt64 = 0, name: String = "etcdserverpb.KV/Put", start: Int64,
                     milliseconds: Int64, member: String = "etcd1", status: Span.Status = .ok) -> Span {
        Span(traceID: TraceID(high: 1, low: trace), spanID: id, parentSpanID: parent, name: name, kind: .server, start: start,
             duration: milliseconds * 1_000_000, attributes: [Span.Attribute("rpc.method", "Put")], events: [], status: status,
             statusMessage: "", service: "etcd", resource: [], scope: "", member: member, cluster: "reference")
    }

    @Test("search: service, operation, member, durations, tags and time; the newest traces first, whole")
    func search() {
        let store = SpanStore()
        let now: Int64 = 1_000_000_000_000
        store.add([
            Self.span(trace: 1, id: 1, start: now, milliseconds: 5),
            Self.span(trace: 1, id: 2, parent: 1, name: "raft", start: now + 1, milliseconds: 1),
            Self.span(trace: 2, id: 3, name: "etcdserverpb.KV/Range", start: now + 10, milliseconds: 800, member: "etcd3"),
            Self.span(trace: 3, id: 4, start: now + 20, milliseconds: 300, member: "etcd3", status: .error),
        ], now: now)
        var query = TraceQuery(service: "etcd")
        #expect(store.search(query).map { $0.first!.traceID.low } == [3, 2, 1])
        #expect(store.search(query)[2].map(\.spanID) == [1, 2], "a trace comes whole, in start order")
        query.operation = "etcdserverpb.KV/Put"
        #expect(store.search(query).map { $0.first!.traceID.low } == [3, 1])
        query.operation = nil
        query.minDuration = 250_000_000
        #expect(store.search(query).map { $0.first!.traceID.low } == [3, 2])
        query.maxDuration = 500_000_000
        #expect(store.search(query).map { $0.first!.traceID.low } == [3])
        query = TraceQuery(service: "etcd")
        query.tags = ["error": "true"]
        #expect(store.search(query).map { $0.first!.traceID.low } == [3])
        query.tags = ["rpc.method": "Put"]
        query.member = "etcd1"
        #expect(store.search(query).map { $0.first!.traceID.low } == [1])
        query = TraceQuery(service: "etcd")
        query.limit = 1
        #expect(store.search(query).count == 1)
        query.start = now + 15
        #expect(store.search(query).map { $0.first!.traceID.low } == [3])
        #expect(store.search(TraceQuery(service: "other")).isEmpty)
        #expect(store.services() == ["etcd"])
        #expect(store.operations(service: "etcd").map(\.name) == ["etcdserverpb.KV/Put", "etcdserverpb.KV/Range", "raft"])
    }

    @Test("the size and age limits drop the oldest spans and their operations; memory stays bounded under a flood")
    func limits() {
        let now: Int64 = 1_000_000_000_000
        func name(_ batch: Int) -> String { batch < 10 ? "op0\(batch)" : "op\(batch)" } // all one length, so all one footprint
        let one = Self.span(trace: 1, id: 1, name: name(0), start: now, milliseconds: 1).footprint
        let store = SpanStore(retention: 60_000_000_000, maxBytes: one * 100)
        for batch in 0..<50 {
            store.add((0..<100).map { Self.span(trace: UInt64(batch * 100 + $0 + 1), id: 1, name: name(batch), start: now + Int64(batch), milliseconds: 1) }, now: now)
        }
        let stats = store.stats
        #expect(stats.spans == 100 && stats.bytes <= one * 100 && stats.evicted == 4900 && stats.received == 5000)
        #expect(store.operations(service: "etcd").map(\.name) == ["op49"], "operations go with their last span")
        #expect(store.trace(TraceID(high: 1, low: 1)).isEmpty && store.trace(TraceID(high: 1, low: 5000)).count == 1)
        // Age: everything started over a minute before `now` goes.
        store.add([Self.span(trace: 9999, id: 1, start: now + 120_000_000_000, milliseconds: 1)], now: now + 120_000_000_000)
        #expect(store.stats.spans == 1)
    }

    @Test("span metrics: cumulative buckets, sum, count and calls by operation, member and status")
    func metrics() {
        let metrics = SpanMetrics()
        let now: Int64 = 1_000_000_000_000
        metrics.record([
            Self.span(trace: 1, id: 1, start: now, milliseconds: 3),
            Self.span(trace: 2, id: 1, start: now, milliseconds: 40),
            Self.span(trace: 3, id: 1, start: now, milliseconds: 20_000),
            Self.span(trace: 4, id: 1, start: now, milliseconds: 3, member: "etcd2", status: .error),
        ])
        let samples = metrics.samples()
        func value(_ name: String, le: String? = nil, member: String = "etcd1", status: String = "STATUS_CODE_OK") -> Double? {
            samples.first {
                $0.labels["__name__"] == name && $0.labels["le"] == le && $0.labels["member"] == member && $0.labels["status_code"] == status
                    && $0.labels["span_name"] == "etcdserverpb.KV/Put" && $0.labels["span_kind"] == "SPAN_KIND_SERVER" && $0.labels["cluster"] == "reference"
            }?.value
        }
        #expect(value("traces_spanmetrics_latency_bucket", le: "0.001") == 0)
        #expect(value("traces_spanmetrics_latency_bucket", le: "0.005") == 1)
        #expect(value("traces_spanmetrics_latency_bucket", le: "0.05") == 2)
        #expect(value("traces_spanmetrics_latency_bucket", le: "10") == 2)
        #expect(value("traces_spanmetrics_latency_bucket", le: "+Inf") == 3)
        #expect(value("traces_spanmetrics_latency_count") == 3)
        #expect(abs((value("traces_spanmetrics_latency_sum") ?? 0) - 20.043) < 1e-9)
        #expect(value("traces_spanmetrics_calls_total", member: "etcd2", status: "STATUS_CODE_ERROR") == 1)
        let limited = SpanMetrics(maxSeries: 1)
        limited.record([Self.span(trace: 1, id: 1, start: now, milliseconds: 1), Self.span(trace: 1, id: 2, name: "other", start: now, milliseconds: 1)])
        #expect(limited.dropped == 1)
    }
}

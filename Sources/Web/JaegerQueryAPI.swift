import Foundation
import Hummingbird
import NIOCore
import Traces

/// Jaeger's HTTP query API over the span store (`/api/services`, `/api/services/{service}/operations`,
/// `/api/operations`, `/api/traces`, `/api/traces/{traceID}`), in Jaeger's JSON, so Grafana's Jaeger
/// data source and Jaeger's own UI read etcd's traces from etcdmon.
struct JaegerQueryAPI: Sendable {
    /// nil when no OTLP listener runs: every route says how to turn tracing on.
    let receiver: TraceReceiver?

    func register(on routes: RouterGroup<APIRequestContext>) {
        routes.get("api/services") { _, _ in
            answer { store throws(JaegerError) in
                let services = store.services()
                return Self.envelope(total: services.count) { writer in Self.strings(services, into: &writer) }
            }
        }
        routes.get("api/services/:service/operations") { _, context in
            answer { store throws(JaegerError) in
                let names = Array(Set(store.operations(service: context.parameters.get("service") ?? "").map(\.name))).sorted()
                return Self.envelope(total: names.count) { writer in Self.strings(names, into: &writer) }
            }
        }
        routes.get("api/operations") { request, _ in
            answer { store throws(JaegerError) in
                let parameters = RequestParameters(form: request.uri.query ?? "")
                guard let service = parameters["service"], !service.isEmpty else { throw JaegerError(.badRequest, "parameter 'service' is required") }
                let kind = parameters["spanKind"] ?? ""
                let operations = store.operations(service: service).filter { kind.isEmpty || $0.kind.name == kind }
                return Self.envelope(total: operations.count) { writer in
                    writer.raw("[")
                    for (position, operation) in operations.enumerated() {
                        if position > 0 { writer.raw(",") }
                        writer.raw("{\"name\":")
                        writer.string(operation.name)
                        writer.raw(",\"spanKind\":")
                        writer.string(operation.kind == .unspecified ? "" : operation.kind.name)
                        writer.raw("}")
                    }
                    writer.raw("]")
                }
            }
        }
        routes.get("api/traces") { request, _ in
            answer { store throws(JaegerError) in
                let query = try Self.query(RequestParameters(form: request.uri.query ?? ""), now: Date())
                let traces = store.search(query)
                return Self.envelope(total: traces.count) { writer in Self.traces(traces, into: &writer) }
            }
        }
        routes.get("api/traces/:traceID") { _, context in
            answer { store throws(JaegerError) in
                let text = context.parameters.get("traceID") ?? ""
                guard let id = TraceID(hex: text) else { throw JaegerError(.badRequest, "malformed trace ID \"\(text)\": expected up to 32 hex digits") }
                let spans = store.trace(id)
                guard !spans.isEmpty else { throw JaegerError(.notFound, "trace not found") }
                return Self.envelope(total: 1) { writer in Self.traces([spans], into: &writer) }
            }
        }
    }

    /// A Jaeger answer: the data in the envelope, or the error with its status.
    private func answer(_ body: (SpanStore) throws(JaegerError) -> [UInt8]) -> Response {
        let status: HTTPResponse.Status
        let bytes: [UInt8]
        do throws(JaegerError) {
            guard let receiver else {
                throw JaegerError(.serviceUnavailable, "tracing is off: start etcdmon serve with --otlp.grpc-listen-address or --otlp.http-listen-address")
            }
            bytes = try body(receiver.store)
            status = .ok
        } catch {
            var writer = JSONWriter()
            writer.raw("{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":")
            writer.integer(Int(error.status.code))
            writer.raw(",\"msg\":")
            writer.string(error.message)
            writer.raw("}]}")
            (status, bytes) = (error.status, writer.bytes)
        }
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `/api/traces`'s parameters as Jaeger reads them: `start`/`end` in microseconds (or `lookback`),
    /// durations in Go's syntax, `tags` as a JSON object (or repeated `tag=key:value`), `limit`.
    static func query(_ parameters: RequestParameters, now: Date) throws(JaegerError) -> TraceQuery {
        guard let service = parameters["service"], !service.isEmpty else { throw JaegerError(.badRequest, "parameter 'service' is required") }
        var query = TraceQuery(service: service)
        if let operation = parameters["operation"], !operation.isEmpty { query.operation = operation }
        func microseconds(_ name: String) throws(JaegerError) -> Int64? {
            guard let text = parameters[name], !text.isEmpty else { return nil }
            guard let value = Int64(text), value >= 0, value < Int64.max / 1000 else {
                throw JaegerError(.badRequest, "unable to parse param '\(name)': \"\(text)\" is not microseconds since the epoch")
            }
            return value * 1000
        }
        query.start = try microseconds("start")
        query.end = try microseconds("end")
        if query.start == nil, let lookback = parameters["lookback"], lookback != "custom", !lookback.isEmpty {
            guard let span = GoDuration.nanoseconds(lookback) else { throw JaegerError(.badRequest, "unable to parse param 'lookback': \"\(lookback)\"") }
            query.start = Int64(now.timeIntervalSince1970 * 1e9) - span
        }
        for name in ["minDuration", "maxDuration"] {
            guard let text = parameters[name], !text.isEmpty else { continue }
            guard let nanoseconds = GoDuration.nanoseconds(text) else {
                throw JaegerError(.badRequest, "unable to parse param '\(name)': \"\(text)\" is not a duration (e.g. 1.2s, 100ms, 500us)")
            }
            if name == "minDuration" { query.minDuration = nanoseconds } else { query.maxDuration = nanoseconds }
        }
        if let text = parameters["limit"], !text.isEmpty {
            guard let limit = Int(text), limit >= 0 else { throw JaegerError(.badRequest, "unable to parse param 'limit': \"\(text)\"") }
            query.limit = min(limit == 0 ? 20 : limit, 1500)
        }
        var tags: [String: String] = [:]
        if let text = parameters["tags"], !text.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw JaegerError(.badRequest, "malformed 'tags' parameter: expected a JSON object of strings, e.g. {\"error\":\"true\"}")
            }
            for (key, value) in object { tags[key] = "\(value)" }
        }
        for tag in parameters.all("tag") {
            guard let colon = tag.firstIndex(of: ":") else { throw JaegerError(.badRequest, "malformed 'tag' parameter \"\(tag)\": expected key:value") }
            tags[String(tag[..<colon])] = String(tag[tag.index(after: colon)...])
        }
        query.member = tags.removeValue(forKey: "member")
        query.tags = tags
        return query
    }

    private static func envelope(total: Int, _ data: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        writer.raw("{\"data\":")
        data(&writer)
        writer.raw(",\"total\":")
        writer.integer(total)
        writer.raw(",\"limit\":0,\"offset\":0,\"errors\":null}")
        return writer.bytes
    }

    private static func strings(_ values: [String], into writer: inout JSONWriter) {
        writer.raw("[")
        for (position, value) in values.enumerated() {
            if position > 0 { writer.raw(",") }
            writer.string(value)
        }
        writer.raw("]")
    }

    /// Traces in Jaeger's model: spans with references, tags and logs; one process per resource.
    private static func traces(_ traces: [[Span]], into writer: inout JSONWriter) {
        writer.raw("[")
        for (position, spans) in traces.enumerated() {
            if position > 0 { writer.raw(",") }
            // A process per distinct resource (service, member and attributes), numbered as Jaeger
            // does, in the order first seen: each span's number, and each process's first span.
            var numberOf: [String: Int] = [:]
            var firstSpan: [Int] = []
            let numbers = spans.indices.map { index in
                let span = spans[index]
                let key = span.service + "\u{0}" + span.member + "\u{0}" + span.resource.map { $0.key + "=" + $0.value }.joined(separator: ",")
                if let number = numberOf[key] { return number }
                numberOf[key] = firstSpan.count
                firstSpan.append(index)
                return firstSpan.count - 1
            }
            let traceID = spans.first?.traceID.description ?? ""
            writer.raw("{\"traceID\":")
            writer.string(traceID)
            writer.raw(",\"spans\":[")
            for (index, span) in spans.enumerated() {
                if index > 0 { writer.raw(",") }
                write(span, process: numbers[index], into: &writer)
            }
            writer.raw("],\"processes\":{")
            for (number, index) in firstSpan.enumerated() {
                let span = spans[index]
                if number > 0 { writer.raw(",") }
                writer.string("p\(number + 1)")
                writer.raw(":{\"serviceName\":")
                writer.string(span.service)
                writer.raw(",\"tags\":")
                var tags = span.resource.filter { $0.key != "service.name" }
                if !span.member.isEmpty { tags.append(Span.Attribute("member", span.member)) }
                if !span.cluster.isEmpty { tags.append(Span.Attribute("cluster", span.cluster)) }
                Self.tags(tags, into: &writer)
                writer.raw("}")
            }
            writer.raw("},\"warnings\":null}")
        }
        writer.raw("]")
    }

    private static func write(_ span: Span, process: Int, into writer: inout JSONWriter) {
        let traceID = span.traceID.description
        writer.raw("{\"traceID\":")
        writer.string(traceID)
        writer.raw(",\"spanID\":")
        writer.string(SpanID.hex(span.spanID))
        writer.raw(",\"flags\":1,\"operationName\":")
        writer.string(span.name)
        writer.raw(",\"references\":[")
        if span.parentSpanID != 0 {
            writer.raw("{\"refType\":\"CHILD_OF\",\"traceID\":")
            writer.string(traceID)
            writer.raw(",\"spanID\":")
            writer.string(SpanID.hex(span.parentSpanID))
            writer.raw("}")
        }
        writer.raw("],\"startTime\":")
        writer.integer(Int(span.start / 1000))
        writer.raw(",\"duration\":")
        writer.integer(Int(span.duration / 1000))
        writer.raw(",\"tags\":")
        var tags = span.attributes
        if span.kind != .unspecified { tags.append(Span.Attribute("span.kind", span.kind.name)) }
        if !span.scope.isEmpty { tags.append(Span.Attribute("otel.library.name", span.scope)) }
        if span.status != .unset { tags.append(Span.Attribute("otel.status_code", span.status == .ok ? "OK" : "ERROR")) }
        if span.status == .error { tags.append(Span.Attribute("error", "true", kind: .bool)) }
        if !span.statusMessage.isEmpty { tags.append(Span.Attribute("otel.status_description", span.statusMessage)) }
        Self.tags(tags, into: &writer)
        writer.raw(",\"logs\":[")
        for (index, event) in span.events.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"timestamp\":")
            writer.integer(Int(event.time / 1000))
            writer.raw(",\"fields\":")
            Self.tags([Span.Attribute("event", event.name)] + event.attributes, into: &writer)
            writer.raw("}")
        }
        writer.raw("],\"processID\":")
        writer.string("p\(process + 1)")
        writer.raw(",\"warnings\":null}")
    }

    /// Key-value pairs as Jaeger's tags: the value typed as its kind says.
    private static func tags(_ attributes: [Span.Attribute], into writer: inout JSONWriter) {
        writer.raw("[")
        for (index, attribute) in attributes.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"key\":")
            writer.string(attribute.key)
            writer.raw(",\"type\":")
            writer.string(attribute.kind.rawValue)
            writer.raw(",\"value\":")
            switch attribute.kind {
            case .bool where attribute.value == "true" || attribute.value == "false":
                writer.bytes.append(contentsOf: attribute.value.utf8)
            case .int64 where Int64(attribute.value) != nil:
                writer.bytes.append(contentsOf: attribute.value.utf8)
            case .float64 where Double(attribute.value)?.isFinite == true:
                writer.bytes.append(contentsOf: attribute.value.utf8)
            default:
                writer.string(attribute.value)
            }
            writer.raw("}")
        }
        writer.raw("]")
    }
}

/// A Jaeger query API error: the HTTP status and Jaeger's message.
struct JaegerError: Error {
    let status: HTTPResponse.Status
    let message: String

    init(_ status: HTTPResponse.Status, _ message: String) { (self.status, self.message) = (status, message) }
}

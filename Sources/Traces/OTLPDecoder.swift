import Foundation
import SwiftProtobuf

/// Reads OTLP trace exports (`ExportTraceServiceRequest`, protobuf or OTLP/JSON) into spans, bounded
/// in size and nesting; spans with invalid IDs are rejected one by one (OTLP's partial success).
package struct OTLPDecoder: Sendable {
    /// What one export held.
    package struct Result: Sendable {
        package var spans: [Span] = []
        /// Spans refused (an invalid trace or span ID), and why the first one was.
        package var rejected = 0
        package var firstRejection: String?
    }

    /// The largest body read (gRPC's default limit as well).
    package var maxBytes = 4 << 20
    /// Nesting allowed for messages (attribute values hold arrays and maps of values).
    package var maxDepth = 32
    /// Maps a resource's `service.instance.id` (etcd's `--experimental-distributed-tracing-instance-id`)
    /// to the member's cluster and name; unknown instances keep the instance as the member.
    package var resolveMember: @Sendable (_ instance: String) -> (cluster: String, member: String)? = { _ in nil }

    package init() {}

    /// Reads a protobuf body.
    package func decode(protobuf bytes: [UInt8]) throws(OTLPError) -> Result {
        guard bytes.count <= maxBytes else { throw OTLPError(.tooLarge, "the export is \(bytes.count) bytes; the limit is \(maxBytes)") }
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = maxDepth
        do {
            return spans(of: try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: bytes, options: options))
        } catch {
            throw OTLPError(.malformed, "not an OTLP ExportTraceServiceRequest (protobuf): \(error)")
        }
    }

    /// Reads an OTLP/JSON body: protobuf's JSON mapping, except that trace and span IDs are hex.
    package func decode(json bytes: [UInt8]) throws(OTLPError) -> Result {
        guard bytes.count <= maxBytes else { throw OTLPError(.tooLarge, "the export is \(bytes.count) bytes; the limit is \(maxBytes)") }
        let tree: Any
        do { tree = try JSONSerialization.jsonObject(with: Data(bytes)) } catch {
            throw OTLPError(.malformed, "not JSON: \(error.localizedDescription)")
        }
        let rewritten = try Self.base64IDs(tree, path: "$", depth: 0, maxDepth: maxDepth * 3)
        var options = JSONDecodingOptions()
        options.messageDepthLimit = maxDepth
        options.ignoreUnknownFields = true
        do {
            let data = try JSONSerialization.data(withJSONObject: rewritten)
            return spans(of: try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(jsonUTF8Data: data, options: options))
        } catch {
            throw OTLPError(.malformed, "not an OTLP ExportTraceServiceRequest (JSON): \(error)")
        }
    }

    /// OTLP/JSON's hex IDs in protobuf JSON's base64, so the generated decoder reads them.
    private static func base64IDs(_ node: Any, path: String, depth: Int, maxDepth: Int) throws(OTLPError) -> Any {
        guard depth < maxDepth else { throw OTLPError(.malformed, "\(path): nested deeper than \(maxDepth) levels") }
        if let array = node as? [Any] {
            var result: [Any] = []
            result.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                result.append(try base64IDs(element, path: "\(path)[\(index)]", depth: depth + 1, maxDepth: maxDepth))
            }
            return result
        }
        guard var object = node as? [String: Any] else { return node }
        for (key, value) in object {
            if ["traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id"].contains(key), let hex = value as? String {
                guard let bytes = hexBytes(hex) else { throw OTLPError(.malformed, "\(path).\(key): \"\(hex.prefix(40))\" is not hex") }
                object[key] = Data(bytes).base64EncodedString()
            } else {
                object[key] = try base64IDs(value, path: "\(path).\(key)", depth: depth + 1, maxDepth: maxDepth)
            }
        }
        return object
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private func spans(of request: Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest) -> Result {
        var result = Result()
        for resourceSpans in request.resourceSpans {
            let resource = resourceSpans.resource.attributes.map(Self.attribute)
            let service = resource.first { $0.key == "service.name" }?.value ?? "unknown_service"
            let instance = resource.first { $0.key == "service.instance.id" }?.value ?? ""
            let (cluster, member) = instance.isEmpty ? ("", "") : resolveMember(instance) ?? ("", instance)
            for scopeSpans in resourceSpans.scopeSpans {
                for span in scopeSpans.spans {
                    guard let traceID = TraceID(bytes: span.traceID) else {
                        reject(&result, "span \"\(span.name)\": trace_id must be 16 bytes, not all zero (got \(span.traceID.count))")
                        continue
                    }
                    guard let spanID = SpanID.from(bytes: span.spanID), spanID != 0 else {
                        reject(&result, "span \"\(span.name)\": span_id must be 8 bytes, not all zero (got \(span.spanID.count))")
                        continue
                    }
                    guard let parent = SpanID.from(bytes: span.parentSpanID) else {
                        reject(&result, "span \"\(span.name)\": parent_span_id must be empty or 8 bytes (got \(span.parentSpanID.count))")
                        continue
                    }
                    let start = Int64(clamping: span.startTimeUnixNano)
                    let end = Int64(clamping: span.endTimeUnixNano)
                    result.spans.append(Span(
                        traceID: traceID, spanID: spanID, parentSpanID: parent, name: span.name,
                        kind: Span.Kind(rawValue: span.kind.rawValue) ?? .unspecified, start: start, duration: max(0, end - start),
                        attributes: span.attributes.map(Self.attribute),
                        events: span.events.map { Span.Event(time: Int64(clamping: $0.timeUnixNano), name: $0.name, attributes: $0.attributes.map(Self.attribute)) },
                        status: Span.Status(rawValue: span.status.code.rawValue) ?? .unset, statusMessage: span.status.message,
                        service: service, resource: resource, scope: scopeSpans.scope.name, member: member, cluster: cluster))
                }
            }
        }
        return result
    }

    private func reject(_ result: inout Result, _ reason: String) {
        result.rejected += 1
        if result.firstRejection == nil { result.firstRejection = reason }
    }

    private static func attribute(_ keyValue: Opentelemetry_Proto_Common_V1_KeyValue) -> Span.Attribute {
        let (value, kind) = text(keyValue.value)
        return Span.Attribute(keyValue.key, value, kind: kind)
    }

    /// A value as text and its Jaeger tag type; arrays and maps as JSON-like text.
    private static func text(_ value: Opentelemetry_Proto_Common_V1_AnyValue) -> (String, Span.Attribute.Kind) {
        switch value.value {
        case .stringValue(let text): (text, .string)
        case .boolValue(let flag): (String(flag), .bool)
        case .intValue(let number): (String(number), .int64)
        case .doubleValue(let number): (String(number), .float64)
        case .bytesValue(let bytes): (bytes.base64EncodedString(), .binary)
        case .arrayValue(let array): ("[" + array.values.map { text($0).0 }.joined(separator: ",") + "]", .string)
        case .kvlistValue(let list): ("{" + list.values.map { $0.key + "=" + text($0.value).0 }.joined(separator: ",") + "}", .string)
        case .stringValueStrindex(let index): ("#\(index)", .string)
        case nil: ("", .string)
        }
    }
}

import CompressNIO
import NIOCore
import Synchronization

/// Where OTLP exports land, whichever listener took them (gRPC or HTTP): decoded within limits,
/// kept in the span store, counted into span metrics and passed on to the forwarder, if any.
package final class TraceReceiver: Sendable {
    /// An export's body encoding.
    package enum Encoding: Sendable {
        case protobuf, json
    }

    package let store: SpanStore
    package let metrics: SpanMetrics
    package let decoder: OTLPDecoder
    package let forwarder: OTLPForwarder?
    /// Exports refused whole, since the start.
    private let refused = Atomic<Int>(0)

    package init(store: SpanStore, metrics: SpanMetrics, decoder: OTLPDecoder = OTLPDecoder(), forwarder: OTLPForwarder? = nil) {
        (self.store, self.metrics, self.decoder, self.forwarder) = (store, metrics, decoder, forwarder)
    }

    /// Takes one export; throws (and keeps nothing) when the body is refused whole.
    @discardableResult
    package func receive(_ body: [UInt8], encoding: Encoding, gzip: Bool = false, now: Int64) throws(OTLPError) -> OTLPDecoder.Result {
        do {
            let plain = gzip ? try inflate(body) : body
            let result = try encoding == .protobuf ? decoder.decode(protobuf: plain) : decoder.decode(json: plain)
            store.add(result.spans, now: now)
            metrics.record(result.spans)
            forwarder?.forward(plain, encoding: encoding)
            return result
        } catch {
            refused.add(1, ordering: .relaxed)
            throw error
        }
    }

    /// Exports refused whole since the start.
    package var refusedExports: Int { refused.load(ordering: .relaxed) }

    private func inflate(_ body: [UInt8]) throws(OTLPError) -> [UInt8] {
        var buffer = ByteBuffer(bytes: body)
        do {
            let inflated = try buffer.decompress(with: .gzip(), maxSize: decoder.maxBytes)
            return Array(buffer: inflated)
        } catch {
            throw OTLPError(.malformed, "the gzip body is damaged or inflates beyond \(decoder.maxBytes) bytes: \(error)")
        }
    }

    /// OTLP's answer to an export (protobuf): empty, or a partial success naming the spans refused.
    package static func response(_ result: OTLPDecoder.Result) -> [UInt8] {
        (try? message(result).serializedBytes()) ?? []
    }

    /// The same answer in OTLP/JSON.
    package static func jsonResponse(_ result: OTLPDecoder.Result) -> [UInt8] {
        guard result.rejected > 0 else { return Array("{}".utf8) }
        return (try? message(result).jsonUTF8Bytes()) ?? Array("{}".utf8)
    }

    private static func message(_ result: OTLPDecoder.Result) -> Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse {
        var response = Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse()
        if result.rejected > 0 {
            response.partialSuccess.rejectedSpans = Int64(result.rejected)
            response.partialSuccess.errorMessage = result.firstRejection ?? ""
        }
        return response
    }
}

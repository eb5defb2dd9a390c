import Hummingbird
import HummingbirdCore
import EtcdmonModel
import Logging
import NIOCore
import Traces

/// OTLP/HTTP's trace endpoint (`POST /v1/traces`, protobuf or JSON, optionally gzip) on its own
/// listener (`--otlp.http-listen-address`), with the spec's answers: 200 with an
/// `ExportTraceServiceResponse`, 400/413/415 with a `google.rpc.Status` in the request's encoding.
package struct OTLPHTTPReceiver: Sendable {
    package let host: String
    package let port: Int
    package let receiver: TraceReceiver
    package let clock: @Sendable () -> Int64

    package init(host: String, port: Int, receiver: TraceReceiver, clock: @escaping @Sendable () -> Int64) {
        (self.host, self.port, self.receiver, self.clock) = (host, port, receiver, clock)
    }

    /// The application, ready to run as a service.
    package func application(logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.post("v1/traces") { request, _ -> Response in await export(request) }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "etcdmon-otlp"), logger: logger)
    }

    private func export(_ request: Request) async -> Response {
        let contentType = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let encoding: TraceReceiver.Encoding
        switch contentType {
        case "application/x-protobuf", "application/protobuf": encoding = .protobuf
        case "application/json": encoding = .json
        default:
            return Self.failure(OTLPError(.unsupportedMediaType, "content type \"\(contentType)\" is not OTLP's: send application/x-protobuf or application/json"), encoding: .json)
        }
        let limit = receiver.decoder.maxBytes
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: limit) } catch {
            return Self.failure(OTLPError(.tooLarge, "the body is over \(limit) bytes"), encoding: encoding)
        }
        let gzip = request.headers[.contentEncoding]?.lowercased() == "gzip"
        do {
            let result = try receiver.receive(Array(buffer: body), encoding: encoding, gzip: gzip, now: clock())
            let bytes = encoding == .protobuf ? TraceReceiver.response(result) : TraceReceiver.jsonResponse(result)
            return Response(status: .ok, headers: [.contentType: encoding == .protobuf ? "application/x-protobuf" : "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            return Self.failure(error, encoding: encoding)
        }
    }

    /// A refusal: the HTTP status for the reason and a `google.rpc.Status` (code and message).
    private static func failure(_ error: OTLPError, encoding: TraceReceiver.Encoding) -> Response {
        let (status, code): (HTTPResponse.Status, Int) = switch error.reason {
        case .malformed: (.badRequest, 3) // INVALID_ARGUMENT
        case .tooLarge: (.contentTooLarge, 8) // RESOURCE_EXHAUSTED
        case .unsupportedMediaType: (.unsupportedMediaType, 3)
        }
        let bytes: [UInt8]
        if encoding == .protobuf {
            // google.rpc.Status: code (field 1, varint), message (field 2, bytes).
            let message = Array(error.message.utf8)
            bytes = [0x08, UInt8(code), 0x12] + ProtobufVarint.encode(message.count) + message
        } else {
            var writer = JSONWriter()
            writer.raw("{\"code\":")
            writer.integer(code)
            writer.raw(",\"message\":")
            writer.string(error.message)
            writer.raw("}")
            bytes = writer.bytes
        }
        return Response(status: status, headers: [.contentType: encoding == .protobuf ? "application/x-protobuf" : "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

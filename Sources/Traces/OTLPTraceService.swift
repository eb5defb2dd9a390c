import GRPCCore

/// OTLP/gRPC's `opentelemetry.proto.collector.trace.v1.TraceService/Export`, as etcd 3.5's exporter
/// calls it. The message arrives as bytes and is decoded by `TraceReceiver` (bounded), so gRPC and
/// HTTP exports are read and refused alike.
package struct OTLPTraceService: RegistrableRPCService {
    package static let export = MethodDescriptor(
        fullyQualifiedService: "opentelemetry.proto.collector.trace.v1.TraceService", method: "Export")

    package let receiver: TraceReceiver
    package let clock: @Sendable () -> Int64

    package init(receiver: TraceReceiver, clock: @escaping @Sendable () -> Int64) {
        (self.receiver, self.clock) = (receiver, clock)
    }

    package func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(forMethod: Self.export, deserializer: RawMessage(), serializer: RawMessage()) { stream, _ in
            let request = try await ServerRequest(stream: stream)
            do throws(OTLPError) {
                let result = try receiver.receive(request.message, encoding: .protobuf, now: clock())
                return StreamingServerResponse(single: ServerResponse(message: TraceReceiver.response(result)))
            } catch {
                let code: RPCError.Code = error.reason == .tooLarge ? .resourceExhausted : .invalidArgument
                return StreamingServerResponse(single: ServerResponse(error: RPCError(code: code, message: error.message)))
            }
        }
    }
}

/// A gRPC message as its bytes, unchanged both ways.
struct RawMessage: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
        serializedMessageBytes.withUnsafeBytes { Array($0) }
    }
}

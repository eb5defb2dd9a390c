import Foundation
import Testing
import EtcdmonModel
import TestSupport
@testable import Traces

@Suite("OTLP exports: etcd's captures, OTLP/JSON, bad input")
struct OTLPDecoderTests {
    /// The spans protoc printed for a capture (Tests/fixtures/otlp/*.protoc.txt): per span its
    /// trace ID bytes, name and start/end times, read from the text format.
    static func protocSpans(_ file: String) throws -> [(traceID: [UInt8], name: String, start: Int64, end: Int64)] {
        let text = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/fixtures/otlp/\(file)"), encoding: .utf8)
        var spans: [(traceID: [UInt8], name: String, start: Int64, end: Int64)] = []
        var current: (traceID: [UInt8], name: String, start: Int64, end: Int64)?
        for line in text.split(separator: "\n") {
            if line == "    spans {" { current = ([], "", 0, 0) }
            guard current != nil else { continue }
            if line.hasPrefix("      trace_id: ") { current?.traceID = cUnescape(line.dropFirst("      trace_id: ".count)) }
            if line.hasPrefix("      name: ") { current?.name = String(decoding: cUnescape(line.dropFirst("      name: ".count)), as: UTF8.self) }
            if line.hasPrefix("      start_time_unix_nano: ") { current?.start = Int64(line.split(separator: " ").last!)! }
            if line.hasPrefix("      end_time_unix_nano: ") { current?.end = Int64(line.split(separator: " ").last!)! }
            if line == "    }", let span = current {
                spans.append(span)
                current = nil
            }
        }
        return spans
    }

    /// A protobuf text-format string literal's bytes (octal and character escapes).
    static func cUnescape(_ quoted: Substring) -> [UInt8] {
        let bytes = Array(quoted.utf8.dropFirst().dropLast())
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\") else {
                result.append(bytes[index])
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(next) {
                var value = 0, length = 0
                while length < 3, index + 1 + length < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(bytes[index + 1 + length]) {
                    value = value * 8 + Int(bytes[index + 1 + length] - UInt8(ascii: "0"))
                    length += 1
                }
                result.append(UInt8(value))
                index += 1 + length
            } else {
                let map: [UInt8: UInt8] = [UInt8(ascii: "n"): 10, UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9]
                result.append(map[next] ?? next)
                index += 2
            }
        }
        return result
    }

    @Test("etcd 3.5.1's exports decode to the spans protoc reads, with service, instance and attributes", arguments: [1, 2])
    func capturedExport(_ number: Int) throws {
        let bytes = try Fixtures.bytes("fixtures/etcd/v3.5.1/otlp-trace-export-\(number).pb")
        let result = try OTLPDecoder().decode(protobuf: bytes)
        let expected = try Self.protocSpans("otlp-trace-export-\(number).protoc.txt")
        #expect(result.rejected == 0)
        #expect(result.spans.count == expected.count)
        for (span, reference) in zip(result.spans, expected) {
            #expect(span.traceID == TraceID(bytes: reference.traceID))
            #expect(span.name == reference.name)
            #expect(span.start == reference.start && span.end == reference.end)
            #expect(span.service == "etcd")
            #expect(span.member == "tr1", "the instance ID stands for the member when no cluster knows it")
            #expect(span.kind == .server)
            #expect(span.attribute("rpc.system") == "grpc")
            #expect(span.scope.hasSuffix("otelgrpc"))
        }
        // The gRPC capture is the same message behind gRPC's 5-byte frame header.
        let framed = try Fixtures.bytes("fixtures/etcd/v3.5.1/otlp-trace-export-\(number).grpc")
        #expect(Array(framed.dropFirst(5)) == bytes)
    }

    @Test("the instance ID resolves to the member and cluster etcdmon knows")
    func memberResolution() throws {
        var decoder = OTLPDecoder()
        decoder.resolveMember = { $0 == "tr1" ? ("reference", "etcd3") : nil }
        let spans = try decoder.decode(protobuf: try Fixtures.bytes("fixtures/etcd/v3.5.1/otlp-trace-export-2.pb")).spans
        #expect(!spans.isEmpty && spans.allSatisfy { $0.member == "etcd3" && $0.cluster == "reference" })
    }

    static let json = """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"etcd"}},
          {"key":"service.instance.id","value":{"stringValue":"etcd2"}}]},
          "scopeSpans":[{"scope":{"name":"test"},"spans":[
            {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b173",
             "name":"etcdserverpb.KV/Put","kind":2,"startTimeUnixNano":"1544712660000000000","endTimeUnixNano":"1544712661500000000",
             "attributes":[{"key":"rpc.grpc.status_code","value":{"intValue":"0"}},{"key":"ok","value":{"boolValue":true}}],
             "events":[{"timeUnixNano":"1544712660300000000","name":"message","attributes":[]}],
             "status":{"code":2,"message":"boom"}},
            {"traceId":"5b8e","spanId":"00","name":"bad ids"}]}]}]}
        """

    @Test("OTLP/JSON: hex IDs, numbers as strings, enums as integers; a span with bad IDs is rejected alone")
    func jsonExport() throws {
        let result = try OTLPDecoder().decode(json: Array(Self.json.utf8))
        #expect(result.spans.count == 1)
        #expect(result.rejected == 1)
        #expect(result.firstRejection?.contains("bad ids") == true)
        let span = try #require(result.spans.first)
        #expect(span.traceID.description == "5b8efff798038103d269b633813fc60c")
        #expect(SpanID.hex(span.spanID) == "eee19b7ec3c1b174" && SpanID.hex(span.parentSpanID) == "eee19b7ec3c1b173")
        #expect(span.duration == 1_500_000_000)
        #expect(span.kind == .server && span.status == .error && span.statusMessage == "boom")
        #expect(span.attributes == [Span.Attribute("rpc.grpc.status_code", "0", kind: .int64), Span.Attribute("ok", "true", kind: .bool)])
        #expect(span.events.count == 1 && span.member == "etcd2")
    }

    @Test("bad bodies are refused with what and why; nothing crashes on deep nesting or truncation")
    func badInput() throws {
        let capture = try Fixtures.bytes("fixtures/etcd/v3.5.1/otlp-trace-export-1.pb")
        #expect(throws: OTLPError.self) { try OTLPDecoder().decode(protobuf: Array(capture.prefix(capture.count / 2))) }
        var small = OTLPDecoder()
        small.maxBytes = 100
        do {
            _ = try small.decode(protobuf: capture)
            Issue.record("an export over the limit was read")
        } catch {
            #expect(error.reason == .tooLarge && error.message.contains("limit is 100"))
        }
        do {
            _ = try OTLPDecoder().decode(json: Array(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz"}]}]}]}"#.utf8))
            Issue.record("a non-hex trace ID was read")
        } catch {
            #expect(error.reason == .malformed && error.message.contains("traceId") && error.message.contains("not hex"))
        }
        // Attribute values nested 10,000 deep (arrays of arrays): refused by the depth limit.
        var nested: [UInt8] = [0x08, 0x01] // AnyValue { bool_value: true }
        for _ in 0..<10_000 {
            let array = [0x0A] + ProtobufVarint.encode(nested.count) + nested // ArrayValue { values: … }
            nested = [0x2A] + ProtobufVarint.encode(array.count) + array // AnyValue { array_value: … }
        }
        let keyValue = [0x0A, 0x01, UInt8(ascii: "k"), 0x12] + ProtobufVarint.encode(nested.count) + nested
        let span = [0x4A] + ProtobufVarint.encode(keyValue.count) + keyValue // Span { attributes: … }
        let scopeSpans = [0x12] + ProtobufVarint.encode(span.count) + span
        let resourceSpans = [0x12] + ProtobufVarint.encode(scopeSpans.count) + scopeSpans
        let request = [0x0A] + ProtobufVarint.encode(resourceSpans.count) + resourceSpans
        #expect(throws: OTLPError.self) { try OTLPDecoder().decode(protobuf: request) }
        let deepJSON = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: OTLPError.self) { try OTLPDecoder().decode(json: Array(deepJSON.utf8)) }
    }

    @Test("Go durations as Jaeger's minDuration takes them")
    func goDurations() {
        #expect(GoDuration.nanoseconds("1.5s") == 1_500_000_000)
        #expect(GoDuration.nanoseconds("100ms") == 100_000_000)
        #expect(GoDuration.nanoseconds("2m30s") == 150_000_000_000)
        #expect(GoDuration.nanoseconds("250us") == 250_000 && GoDuration.nanoseconds("1µs") == 1000)
        #expect(GoDuration.nanoseconds("0") == 0)
        #expect(GoDuration.nanoseconds("") == nil && GoDuration.nanoseconds("10") == nil && GoDuration.nanoseconds("1x") == nil)
    }
}

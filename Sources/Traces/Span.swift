/// One finished operation as the store keeps it: OTLP's span flattened, with its resource's
/// service and the etcd member it came from.
package struct Span: Sendable {
    /// An attribute (OTLP `KeyValue`): scalar values keep their type, arrays and maps are kept as text.
    package struct Attribute: Sendable, Equatable {
        /// Jaeger's tag types.
        package enum Kind: String, Sendable { case string, bool, int64, float64, binary }
        package var key: String
        package var kind: Kind
        /// The value as text (`true`, `42`, `0.5`, base64 for bytes).
        package var value: String

        package init(_ key: String, _ value: String, kind: Kind = .string) { (self.key, self.value, self.kind) = (key, value, kind) }
    }

    /// Something that happened during the span (a message sent or received, an exception).
    package struct Event: Sendable {
        package var time: Int64
        package var name: String
        package var attributes: [Attribute]
    }

    /// OTLP's `SpanKind`: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer.
    package enum Kind: Int, Sendable {
        case unspecified = 0, `internal`, server, client, producer, consumer

        /// As OpenTelemetry and Jaeger's `span.kind` tag name it.
        package var name: String {
            switch self {
            case .unspecified: "unspecified"
            case .internal: "internal"
            case .server: "server"
            case .client: "client"
            case .producer: "producer"
            case .consumer: "consumer"
            }
        }
    }

    /// OTLP's status code: unset, ok, error.
    package enum Status: Int, Sendable {
        case unset = 0, ok, error

        /// As span metrics label it (`STATUS_CODE_ERROR`).
        package var name: String {
            switch self {
            case .unset: "STATUS_CODE_UNSET"
            case .ok: "STATUS_CODE_OK"
            case .error: "STATUS_CODE_ERROR"
            }
        }
    }

    package var traceID: TraceID
    package var spanID: UInt64
    /// 0 for a root span.
    package var parentSpanID: UInt64
    package var name: String
    package var kind: Kind
    /// Nanoseconds since the epoch.
    package var start: Int64
    /// Nanoseconds (never negative).
    package var duration: Int64
    package var attributes: [Attribute]
    package var events: [Event]
    package var status: Status
    package var statusMessage: String
    /// The resource's `service.name` (`etcd`).
    package var service: String
    /// The resource's attributes (shared by the spans of one resource: the array is not copied).
    package var resource: [Attribute]
    /// The instrumentation scope (`go.opentelemetry.io/…/otelgrpc`).
    package var scope: String
    /// The etcd member it came from (resolved from `service.instance.id`), or "".
    package var member: String
    /// The member's cluster, or "".
    package var cluster: String

    /// Nanoseconds since the epoch when it ended.
    package var end: Int64 { start + duration }

    /// An attribute's value by key, from the span then its resource.
    package func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value ?? resource.first { $0.key == key }?.value
    }

    /// About how many bytes it holds, for the store's size limit.
    package var footprint: Int {
        var bytes = 160 + name.utf8.count + statusMessage.utf8.count
        for attribute in attributes { bytes += 40 + attribute.key.utf8.count + attribute.value.utf8.count }
        for event in events {
            bytes += 48 + event.name.utf8.count
            for attribute in event.attributes { bytes += 40 + attribute.key.utf8.count + attribute.value.utf8.count }
        }
        return bytes
    }
}

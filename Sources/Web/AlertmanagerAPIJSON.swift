import EtcdmonModel
import Hummingbird
import Notify

/// Alertmanager's API v2 JSON: alerts, silences and name lists with its keys in its order, times
/// at millisecond precision; bodies end in a newline, as Go's encoder writes them.
extension AlertmanagerAPI {
    static func write(_ alert: Alert, receivers: [String], status: AlertMarker.Status, into writer: inout JSONWriter) {
        writer.raw("{\"annotations\":")
        writer.labels(alert.annotations)
        writer.raw(",\"endsAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: alert.endsAt))
        writer.raw(",\"fingerprint\":")
        writer.string(Fingerprint.hex(alert.fingerprint))
        writer.raw(",\"receivers\":")
        writeNames(receivers, into: &writer)
        writer.raw(",\"startsAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: alert.startsAt))
        writer.raw(",\"status\":{\"inhibitedBy\":")
        strings(status.inhibitedBy, into: &writer)
        writer.raw(",\"silencedBy\":")
        strings(status.silencedBy, into: &writer)
        writer.raw(",\"state\":")
        writer.string(status.state)
        writer.raw("},\"updatedAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: alert.updatedAt))
        if !alert.generatorURL.isEmpty {
            writer.raw(",\"generatorURL\":")
            writer.string(alert.generatorURL)
        }
        writer.raw(",\"labels\":")
        writer.labels(alert.labels)
        writer.raw("}")
    }

    static func write(_ silence: Silence, now: Int64, into writer: inout JSONWriter) {
        writer.raw("{\"id\":")
        writer.string(silence.id)
        writer.raw(",\"status\":{\"state\":")
        writer.string(silence.reportedState(at: now).rawValue)
        writer.raw("},\"updatedAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: silence.updatedAt))
        writer.raw(",\"comment\":")
        writer.string(silence.comment)
        writer.raw(",\"createdBy\":")
        writer.string(silence.createdBy)
        writer.raw(",\"endsAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: silence.endsAt))
        writer.raw(",\"matchers\":[")
        for (index, matcher) in silence.matchers.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"isEqual\":")
            writer.raw(matcher.isEqual ? "true" : "false")
            writer.raw(",\"isRegex\":")
            writer.raw(matcher.isRegex ? "true" : "false")
            writer.raw(",\"name\":")
            writer.string(matcher.name)
            writer.raw(",\"value\":")
            writer.string(matcher.value)
            writer.raw("}")
        }
        writer.raw("],\"startsAt\":")
        writer.string(RFC3339.millisecondText(nanoseconds: silence.startsAt))
        writer.raw("}")
    }

    private static func strings(_ values: [String], into writer: inout JSONWriter) {
        writer.raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(value)
        }
        writer.raw("]")
    }

    /// A JSON answer, ending in a newline as Go's encoder writes it.
    static func json(_ writer: JSONWriter) -> Response {
        var bytes = writer.bytes
        bytes.append(UInt8(ascii: "\n"))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func handle(_ body: () throws(AlertmanagerAPIError) -> Response) -> Response {
        do { return try body() } catch { return error.response }
    }

    /// `[{"name":"a"},{"name":"b"}]`: receivers as the API lists them.
    static func writeNames(_ names: [String], into writer: inout JSONWriter) {
        writer.raw("[")
        for (index, name) in names.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.raw("{\"name\":")
            writer.string(name)
            writer.raw("}")
        }
        writer.raw("]")
    }
}

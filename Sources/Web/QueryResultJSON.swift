import EtcdmonModel
import PromQL

/// Query results as the API writes them: Prometheus's `data` documents for each result type.
extension PrometheusAPI {
    static func write(_ value: QueryValue, into writer: inout JSONWriter) {
        switch value {
        case .scalar(let number, let time):
            writer.raw("{\"resultType\":\"scalar\",\"result\":[")
            writer.timestamp(time)
            writer.raw(",")
            writer.sampleValue(number)
            writer.raw("]}")
        case .string(let text, let time):
            writer.raw("{\"resultType\":\"string\",\"result\":[")
            writer.timestamp(time)
            writer.raw(",")
            writer.string(text)
            writer.raw("]}")
        case .vector(let samples):
            writer.raw("{\"resultType\":\"vector\",\"result\":[")
            for (position, sample) in samples.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"metric\":")
                writer.labels(sample.labels)
                writer.raw(",\"value\":[")
                writer.timestamp(sample.timestamp)
                writer.raw(",")
                writer.sampleValue(sample.value)
                writer.raw("]}")
            }
            writer.raw("]}")
        case .matrix(let series):
            writer.raw("{\"resultType\":\"matrix\",\"result\":[")
            for (position, item) in series.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"metric\":")
                writer.labels(item.labels)
                writer.raw(",\"values\":[")
                for index in item.timestamps.indices {
                    if index > 0 { writer.raw(",") }
                    writer.raw("[")
                    writer.timestamp(item.timestamps[index])
                    writer.raw(",")
                    writer.sampleValue(item.values[index])
                    writer.raw("]")
                }
                writer.raw("]}")
            }
            writer.raw("]}")
        }
    }
}

extension PrometheusAPI {
    /// The `data` document the API returns for `value`, as text (for `etcdmon query --output json`).
    public static func json(_ value: QueryValue) -> String {
        String(decoding: JSONWriter.object { writer in write(value, into: &writer) }, as: UTF8.self)
    }

    /// A sample value as the API writes it.
    public static func format(_ value: Double) -> String { GoFloat.format(value) }
}

extension JSONWriter {
    /// A JSON document built by `fill`.
    static func object(_ fill: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter()
        fill(&writer)
        return writer.bytes
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func stringArray(_ values: [String]) {
        raw("[")
        for (position, value) in values.enumerated() {
            if position > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }
}

import EtcdmonModel
import SwiftProtobuf
import TSDB

/// A remote-write request (`prometheus.WriteRequest`, Snappy-compressed protobuf, protocol 0.1.0)
/// read into series and samples, within a size limit; labels checked as Prometheus's receiver
/// needs them (a name, no name twice, no empty name).
package struct RemoteWriteRequest: Sendable {
    /// One series and its samples, oldest first as sent.
    package struct Series: Sendable {
        package var labels: Labels
        package var timestamps: [Int64]
        package var values: [Double]
    }

    package var series: [Series]
    package var sampleCount: Int { series.reduce(0) { $0 + $1.timestamps.count } }

    /// The largest request read, compressed or inflated (Prometheus's senders keep them far smaller).
    package static let maxBytes = SnappyProtobuf.maxBytes

    /// Reads a request body.
    package init(snappy body: [UInt8]) throws(RemoteError) {
        let request = try SnappyProtobuf.decode(body, as: Prometheus_WriteRequest.self, named: "prometheus.WriteRequest")
        series = []
        series.reserveCapacity(request.timeseries.count)
        for (index, timeseries) in request.timeseries.enumerated() {
            var names = Set<String>()
            for label in timeseries.labels {
                guard !label.name.isEmpty else { throw RemoteError(status: 400, "series \(index): a label with an empty name") }
                guard names.insert(label.name).inserted else {
                    throw RemoteError(status: 400, "series \(index): label \"\(label.name)\" given twice")
                }
            }
            let labels = Labels(timeseries.labels.filter { !$0.value.isEmpty }.map { Label($0.name, $0.value) })
            guard labels[Labels.metricName] != nil else { throw RemoteError(status: 400, "series \(index) \(labels): no metric name (__name__)") }
            series.append(Series(labels: labels, timestamps: timeseries.samples.map(\.timestamp), values: timeseries.samples.map(\.value)))
        }
    }

    /// Appends every sample in one batch; any refused sample rolls the whole request back, as
    /// Prometheus 2.42's receiver does (400: out of order or a different value for a stored
    /// timestamp — the sender must not retry; 500: the store failed).
    package func append(to sink: any SampleSink) throws(RemoteError) {
        var appender = sink.appender()
        for one in series {
            for (timestamp, value) in zip(one.timestamps, one.values) {
                do { try appender.append(one.labels, timestamp: timestamp, value: value) } catch {
                    appender.rollback()
                    throw RemoteError(status: 400, "\(error)")
                }
            }
        }
        do { _ = try appender.commit() } catch { throw RemoteError(status: 500, "storing the samples failed: \(error)") }
    }

    /// A request's bytes for these series (tests and tools; the queues encode sample by sample).
    package static func encode(_ series: [Series]) -> [UInt8] {
        var encoder = WriteRequestEncoder()
        for one in series { encoder.append(one.labels, timestamps: one.timestamps, values: one.values) }
        return Snappy.compress(encoder.bytes)
    }
}

import EtcdmonModel
import Foundation
import SwiftProtobuf
import TSDB

/// Prometheus's remote-read endpoint (`POST /api/v1/read`): a Snappy-compressed `ReadRequest` in,
/// each query's series out — as one Snappy `ReadResponse` of samples, or, when the reader accepts
/// it first, as a stream of `ChunkedReadResponse` frames holding XOR chunks (varint length,
/// big-endian CRC-32C, message). External labels are added to every series, and a matcher that
/// equals an external label matches series without that label, as Prometheus does.
package enum RemoteRead {
    /// An answer: its content type and encoding, and the body.
    package struct Answer: Sendable {
        package var contentType: String
        package var contentEncoding: String?
        package var body: [UInt8]
    }

    /// The most bytes of chunk data in one streamed frame (Prometheus's default).
    package static let maxBytesInFrame = 1 << 20

    /// Answers a request body from `querier`; at most `sampleLimit` samples over all queries.
    package static func answer(_ body: [UInt8], querier: any Querier, externalLabels: Labels, sampleLimit: Int = 50_000_000)
        throws(RemoteError) -> Answer {
        let request = try SnappyProtobuf.decode(body, as: Prometheus_ReadRequest.self, named: "prometheus.ReadRequest")
        // The first accepted type that is served; none listed means samples.
        let streamed: Bool
        if request.acceptedResponseTypes.isEmpty {
            streamed = false
        } else if let first = request.acceptedResponseTypes.first(where: { $0 == .samples || $0 == .streamedXorChunks }) {
            streamed = first == .streamedXorChunks
        } else {
            throw RemoteError(status: 400, "server does not support any of the requested response types: \(request.acceptedResponseTypes); supported: [SAMPLES STREAMED_XOR_CHUNKS]")
        }
        var budget = sampleLimit
        var results: [[StoredSeries]] = []
        for query in request.queries {
            let matchers = try self.matchers(query.matchers, externalLabels: externalLabels)
            var selected: [StoredSeries]
            do { selected = try querier.select(matchers, minTime: query.startTimestampMs, maxTime: query.endTimestampMs, sorted: true) } catch {
                throw RemoteError(status: 500, "\(error)")
            }
            for index in selected.indices {
                selected[index].labels = selected[index].labels.addingMissing(externalLabels)
                budget -= selected[index].timestamps.count
                guard budget >= 0 else {
                    throw RemoteError(status: 400, "exceeded sample limit (\(sampleLimit))")
                }
            }
            results.append(selected)
        }
        return streamed ? chunked(results) : samples(results)
    }

    /// The request's matchers; one equal to an external label also matches series without the label.
    private static func matchers(_ protos: [Prometheus_LabelMatcher], externalLabels: Labels) throws(RemoteError) -> [LabelMatcher] {
        var matchers: [LabelMatcher] = []
        for proto in protos {
            let kind: LabelMatcher.Kind
            switch proto.type {
            case .eq: kind = .equal
            case .neq: kind = .notEqual
            case .re: kind = .regexMatch
            case .nre: kind = .regexNoMatch
            case .UNRECOGNIZED(let value): throw RemoteError(status: 400, "unknown matcher type \(value)")
            }
            if kind == .equal, let external = externalLabels[proto.name], external == proto.value {
                matchers.append(.equal(proto.name, ""))
                continue
            }
            do { matchers.append(try LabelMatcher(kind, proto.name, proto.value)) } catch {
                throw RemoteError(status: 400, "matcher \(proto.name)\(kind.rawValue)\"\(proto.value)\": \(error)")
            }
        }
        return matchers
    }

    private static func protoLabels(_ labels: Labels) -> [Prometheus_Label] {
        labels.map { label in
            var proto = Prometheus_Label()
            (proto.name, proto.value) = (label.name, label.value)
            return proto
        }
    }

    private static func samples(_ results: [[StoredSeries]]) -> Answer {
        var response = Prometheus_ReadResponse()
        response.results = results.map { series in
            var result = Prometheus_QueryResult()
            result.timeseries = series.map { one in
                var timeseries = Prometheus_TimeSeries()
                timeseries.labels = protoLabels(one.labels)
                timeseries.samples = zip(one.timestamps, one.values).map { timestamp, value in
                    var sample = Prometheus_Sample()
                    (sample.timestamp, sample.value) = (timestamp, value)
                    return sample
                }
                return timeseries
            }
            return result
        }
        return Answer(contentType: "application/x-protobuf", contentEncoding: "snappy",
                      body: Snappy.compress((try? response.serializedBytes()) ?? []))
    }

    /// Each series' samples cut into XOR chunks of at most 120 samples; a frame per series, or
    /// several when its chunks pass `maxBytesInFrame`.
    private static func chunked(_ results: [[StoredSeries]]) -> Answer {
        var body: [UInt8] = []
        for (queryIndex, series) in results.enumerated() {
            for one in series where !one.timestamps.isEmpty {
                var chunks: [Prometheus_Chunk] = []
                var frameBytes = 0
                func flush() {
                    guard !chunks.isEmpty else { return }
                    var frame = Prometheus_ChunkedReadResponse()
                    var chunkedSeries = Prometheus_ChunkedSeries()
                    chunkedSeries.labels = protoLabels(one.labels)
                    chunkedSeries.chunks = chunks
                    frame.chunkedSeries = [chunkedSeries]
                    frame.queryIndex = Int64(queryIndex)
                    let message = (try? frame.serializedBytes()) ?? []
                    body += ProtobufVarint.encode(message.count)
                    let crc = CRC32C.checksum(message)
                    body += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
                    body += message
                    chunks = []
                    frameBytes = 0
                }
                var start = 0
                while start < one.timestamps.count {
                    let end = min(start + XORChunk.targetSamples, one.timestamps.count)
                    var xor = XORChunk()
                    for index in start..<end { xor.append(timestamp: one.timestamps[index], value: one.values[index]) }
                    var chunk = Prometheus_Chunk()
                    chunk.minTimeMs = one.timestamps[start]
                    chunk.maxTimeMs = one.timestamps[end - 1]
                    chunk.type = .xor
                    chunk.data = Data(xor.bytes)
                    if frameBytes + xor.bytes.count > maxBytesInFrame { flush() }
                    chunks.append(chunk)
                    frameBytes += xor.bytes.count
                    start = end
                }
                flush()
            }
        }
        return Answer(contentType: "application/x-streamed-protobuf; proto=prometheus.ChunkedReadResponse", contentEncoding: nil, body: body)
    }
}

import Hummingbird
import TSDB

/// `/api/v1/status/*`: build information, the configuration, the flags and the head's statistics,
/// in Prometheus's shapes.
extension PrometheusAPI {
    func registerStatus(on api: RouterGroup<APIRequestContext>) {
        api.get("status/buildinfo") { request, _ in
            await respond(request) { () async throws(APIError) in
                JSONWriter.object { writer in
                    writer.raw("{\"version\":")
                    writer.string(EtcdmonVersion.current)
                    writer.raw(",\"revision\":\"\",\"branch\":\"\",\"buildUser\":\"etcdmon\",\"buildDate\":\"\",\"goVersion\":\"swift\"}")
                }
            }
        }
        api.get("status/config") { request, _ in
            await respond(request) { () async throws(APIError) in
                JSONWriter.object { writer in
                    writer.raw("{\"yaml\":")
                    writer.string(scrapeManager?.configuration.source ?? "")
                    writer.raw("}")
                }
            }
        }
        api.get("status/flags") { request, _ in
            await respond(request) { () async throws(APIError) in
                JSONWriter.object { writer in
                    writer.raw("{")
                    for (position, key) in flags.keys.sorted().enumerated() {
                        if position > 0 { writer.raw(",") }
                        writer.string(key)
                        writer.raw(":")
                        writer.string(flags[key]!)
                    }
                    writer.raw("}")
                }
            }
        }
        api.get("status/tsdb") { request, _ in await respond(request) { () async throws(APIError) in try await tsdbStatus() } }
    }

    func tsdbStatus() async throws(APIError) -> [UInt8] {
        let head = storage.head
        let statistics = head.statistics
        let (range, labels, chunks, cardinality) = try await placement.read { () throws(APIError) in
            let range = head.timeRange
            let (labels, chunks) = head.seriesLabels()
            return (range, labels, chunks, HeadCardinality(labels))
        }
        return JSONWriter.object { writer in
            writer.raw("{\"headStats\":{\"numSeries\":")
            writer.integer(labels.count)
            writer.raw(",\"numLabelPairs\":")
            writer.integer(cardinality.numLabelPairs)
            writer.raw(",\"chunkCount\":")
            writer.integer(chunks)
            writer.raw(",\"minTime\":")
            writer.integer(Int(range?.minTime ?? 0))
            writer.raw(",\"maxTime\":")
            writer.integer(Int(range?.maxTime ?? 0))
            writer.raw("}")
            for (key, entries) in [
                ("seriesCountByMetricName", cardinality.seriesCountByMetricName),
                ("labelValueCountByLabelName", cardinality.labelValueCountByLabelName),
                ("memoryInBytesByLabelName", cardinality.memoryInBytesByLabelName),
                ("seriesCountByLabelValuePair", cardinality.seriesCountByLabelValuePair),
            ] {
                writer.raw(",")
                writer.string(key)
                writer.raw(":[")
                for (position, entry) in entries.enumerated() {
                    if position > 0 { writer.raw(",") }
                    writer.raw("{\"name\":")
                    writer.string(entry.0)
                    writer.raw(",\"value\":")
                    writer.integer(entry.1)
                    writer.raw("}")
                }
                writer.raw("]")
            }
            writer.raw(",\"samplesAppended\":")
            writer.integer(statistics.samplesAppended)
            writer.raw("}")
        }
    }
}

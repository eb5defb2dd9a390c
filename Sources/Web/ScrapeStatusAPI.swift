import EtcdmonModel
import Foundation
import Hummingbird
import Scrape

/// `/api/v1/targets`, `/api/v1/targets/metadata` and `/api/v1/metadata`, from the scrape
/// manager's live state, in Prometheus's shapes.
struct ScrapeStatusAPI: Sendable {
    let manager: ScrapeManager

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("targets") { request, _ in
            await respond(request) { () async throws(APIError) in try await targets(request) }
        }
        api.get("targets/metadata") { request, _ in
            await respond(request) { () async throws(APIError) in try await targetMetadata(request) }
        }
        api.get("metadata") { request, _ in
            await respond(request) { () async throws(APIError) in try await metadata(request) }
        }
    }

    func targets(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await PrometheusAPI.readParameters(request)
        let state = parameters["state"]?.lowercased() ?? "any"
        guard ["any", "active", "dropped"].contains(state) else {
            throw APIError(.badData, "invalid parameter \"state\": must be active, dropped or any")
        }
        return JSONWriter.object { writer in
            writer.raw("{\"activeTargets\":[")
            if state != "dropped" {
                for (position, status) in manager.activeTargets.enumerated() {
                    if position > 0 { writer.raw(",") }
                    writer.raw("{\"discoveredLabels\":")
                    writer.labels(status.target.discoveredLabels)
                    writer.raw(",\"labels\":")
                    writer.labels(status.target.labels)
                    writer.raw(",\"scrapePool\":")
                    writer.string(status.target.job)
                    writer.raw(",\"scrapeUrl\":")
                    writer.string(status.target.url)
                    writer.raw(",\"globalUrl\":")
                    writer.string(status.target.url)
                    writer.raw(",\"lastError\":")
                    writer.string(status.health.lastError)
                    writer.raw(",\"lastScrape\":")
                    writer.string(Self.rfc3339(status.health.lastScrape))
                    writer.raw(",\"lastScrapeDuration\":")
                    writer.number(status.health.lastScrapeDuration)
                    writer.raw(",\"health\":")
                    writer.string(status.health.state.rawValue)
                    writer.raw(",\"scrapeInterval\":")
                    writer.string(PrometheusDuration.format(milliseconds: status.scrapeInterval))
                    writer.raw(",\"scrapeTimeout\":")
                    writer.string(PrometheusDuration.format(milliseconds: status.scrapeTimeout))
                    writer.raw("}")
                }
            }
            writer.raw("],\"droppedTargets\":[")
            if state != "active" {
                for (position, dropped) in manager.droppedTargets.enumerated() {
                    if position > 0 { writer.raw(",") }
                    writer.raw("{\"discoveredLabels\":")
                    writer.labels(dropped.discoveredLabels)
                    writer.raw("}")
                }
            }
            writer.raw("]}")
        }
    }

    func metadata(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await PrometheusAPI.readParameters(request)
        let limit = try Self.limit(parameters["limit"])
        var families = manager.metadata()
        if let metric = parameters["metric"], !metric.isEmpty { families = families.filter { $0.key == metric } }
        let names = families.keys.sorted().prefix(limit ?? Int.max)
        return JSONWriter.object { writer in
            writer.raw("{")
            for (position, name) in names.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.string(name)
                writer.raw(":[")
                for (index, entry) in families[name]!.enumerated() {
                    if index > 0 { writer.raw(",") }
                    Self.write(entry, into: &writer)
                    writer.raw("}")
                }
                writer.raw("]")
            }
            writer.raw("}")
        }
    }

    func targetMetadata(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await PrometheusAPI.readParameters(request)
        let limit = try Self.limit(parameters["limit"])
        var matchers: [LabelMatcher] = []
        if let selector = parameters["match_target"], !selector.isEmpty {
            matchers = try PrometheusAPI.matchers(selector, parameter: "match_target")
        }
        let metric = parameters["metric"] ?? ""
        let entries = manager.targetMetadata().filter { entry in
            (metric.isEmpty || entry.metric == metric) && matchers.allSatisfy { $0.matches(entry.target.labels[$0.name] ?? "") }
        }.prefix(limit ?? Int.max)
        return JSONWriter.object { writer in
            writer.raw("[")
            for (position, entry) in entries.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"target\":")
                writer.labels(entry.target.labels)
                writer.raw(",\"metric\":")
                writer.string(entry.metric)
                writer.raw(",")
                Self.writeFields(entry.metadata, into: &writer)
                writer.raw("}")
            }
            writer.raw("]")
        }
    }

    /// Opens an object with `type`, `help`, `unit` (the caller closes it).
    private static func write(_ metadata: MetricMetadata, into writer: inout JSONWriter) {
        writer.raw("{")
        writeFields(metadata, into: &writer)
    }

    private static func writeFields(_ metadata: MetricMetadata, into writer: inout JSONWriter) {
        writer.raw("\"type\":")
        writer.string(metadata.type.rawValue)
        writer.raw(",\"help\":")
        writer.string(metadata.help)
        writer.raw(",\"unit\":")
        writer.string(metadata.unit)
    }

    private static func limit(_ text: String?) throws(APIError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let limit = Int(text) else { throw APIError(.badData, "invalid parameter \"limit\": \(text) is not an integer") }
        return limit < 0 ? nil : limit
    }

    /// Go's RFC 3339 with nanoseconds, as Prometheus prints `lastScrape`; the zero time before a first scrape.
    static func rfc3339(_ milliseconds: Int64) -> String {
        milliseconds > 0 ? CivilTime.rfc3339(milliseconds: milliseconds) : "0001-01-01T00:00:00Z"
    }
}

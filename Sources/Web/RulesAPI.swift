import EtcdmonModel
import Foundation
import Hummingbird
import Rules
import Templates

/// `/api/v1/rules` and `/api/v1/alerts`, from the rule manager's live state, in Prometheus's shapes.
struct RulesAPI: Sendable {
    let manager: RuleManager

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("rules") { request, _ in await respond(request) { () async throws(APIError) in try await rules(request) } }
        api.get("alerts") { request, _ in await respond(request) { () async throws(APIError) in alerts() } }
    }

    func rules(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters = try await PrometheusAPI.readParameters(request)
        let type = parameters["type"]?.lowercased() ?? ""
        guard ["", "alert", "record"].contains(type) else {
            throw APIError(.badData, "invalid parameter \"type\": unsupported type \(type)")
        }
        return JSONWriter.object { writer in
            writer.raw("{\"groups\":[")
            for (position, group) in manager.groups.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"name\":")
                writer.string(group.name)
                writer.raw(",\"file\":")
                writer.string(group.file)
                writer.raw(",\"rules\":[")
                var first = true
                for rule in group.rules {
                    if let alerting = rule as? AlertingRule {
                        guard type != "record" else { continue }
                        if !first { writer.raw(",") }
                        Self.write(alerting, into: &writer)
                    } else {
                        guard type != "alert" else { continue }
                        if !first { writer.raw(",") }
                        Self.writeRecording(rule, into: &writer)
                    }
                    first = false
                }
                let (time, seconds) = group.lastEvaluation
                writer.raw("],\"interval\":")
                writer.number(Double(group.interval) / 1000)
                writer.raw(",\"limit\":")
                writer.integer(group.limit)
                writer.raw(",\"evaluationTime\":")
                writer.number(seconds)
                writer.raw(",\"lastEvaluation\":")
                writer.string(ScrapeStatusAPI.rfc3339(time))
                writer.raw("}")
            }
            writer.raw("]}")
        }
    }

    func alerts() -> [UInt8] {
        JSONWriter.object { writer in
            writer.raw("{\"alerts\":[")
            for (position, entry) in manager.alerts.enumerated() {
                if position > 0 { writer.raw(",") }
                Self.write(entry.alert, into: &writer)
            }
            writer.raw("]}")
        }
    }

    private static func write(_ rule: AlertingRule, into writer: inout JSONWriter) {
        writer.raw("{\"state\":")
        writer.string(rule.alertState.rawValue)
        writer.raw(",\"name\":")
        writer.string(rule.name)
        writer.raw(",\"query\":")
        writer.string(rule.expressionText)
        writer.raw(",\"duration\":")
        writer.number(Double(rule.holdDuration) / 1000)
        writer.raw(",\"keepFiringFor\":")
        writer.number(Double(rule.keepFiringFor) / 1000)
        writer.raw(",\"labels\":")
        writer.labels(rule.labels)
        writer.raw(",\"annotations\":")
        writer.labels(rule.annotations)
        writer.raw(",\"alerts\":[")
        for (position, alert) in rule.alerts.filter({ $0.state != .inactive }).enumerated() {
            if position > 0 { writer.raw(",") }
            write(alert, into: &writer)
        }
        writer.raw("]")
        writeStatus(rule.status, into: &writer)
        writer.raw(",\"type\":\"alerting\"}")
    }

    private static func writeRecording(_ rule: any Rule, into writer: inout JSONWriter) {
        writer.raw("{\"name\":")
        writer.string(rule.name)
        writer.raw(",\"query\":")
        writer.string(rule.expressionText)
        writer.raw(",\"labels\":")
        writer.labels(rule.labels)
        writeStatus(rule.status, into: &writer)
        writer.raw(",\"type\":\"recording\"}")
    }

    private static func writeStatus(_ status: RuleStatus, into writer: inout JSONWriter) {
        writer.raw(",\"health\":")
        writer.string(status.health.rawValue)
        if !status.lastError.isEmpty {
            writer.raw(",\"lastError\":")
            writer.string(status.lastError)
        }
        writer.raw(",\"evaluationTime\":")
        writer.number(status.evaluationSeconds)
        writer.raw(",\"lastEvaluation\":")
        writer.string(ScrapeStatusAPI.rfc3339(status.lastEvaluation))
    }

    /// An alert as Prometheus's API writes it (its value in Go's `%e` shortest form).
    private static func write(_ alert: Alert, into writer: inout JSONWriter) {
        writer.raw("{\"labels\":")
        writer.labels(alert.labels)
        writer.raw(",\"annotations\":")
        writer.labels(alert.annotations)
        writer.raw(",\"state\":")
        writer.string(alert.state.rawValue)
        writer.raw(",\"activeAt\":")
        writer.string(ScrapeStatusAPI.rfc3339(alert.activeAt))
        writer.raw(",\"value\":")
        writer.string(GoFormat.shortest(alert.value, verb: "e"))
        writer.raw("}")
    }
}

import EtcdmonModel
import Foundation
import Hummingbird
import PromQL
import Scrape
import TSDB

/// The page at `/`: each etcd cluster's state from the latest probe round, and every scrape
/// target's health. Plain server-rendered HTML that refreshes itself; the full dashboard is
/// separate work (docs/architecture.md).
struct StatusPage: Sendable {
    let storage: Storage
    let manager: ScrapeManager?
    /// The route prefix (empty, or `/name`), for the page's own links.
    let prefix: String

    func register(on routes: RouterGroup<APIRequestContext>) {
        routes.get("/") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: render())))
        }
    }

    func render() -> String {
        var html = """
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
            <title>etcdmon</title><style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}
            td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#f4f4f4}
            .up{color:#17803d;font-weight:600}.down{color:#c0262d;font-weight:600}.unknown{color:#777}
            </style></head><body><h1>etcdmon</h1>
            """
        html += "<h2>Clusters</h2><table><tr><th>cluster</th><th>members</th><th>healthy</th><th>failures tolerated</th><th>leader</th></tr>"
        let leaders = latest("etcdmon_member_is_leader == 1")
        for row in latest("etcdmon_cluster_members") {
            let cluster = row.labels["cluster"] ?? ""
            let healthy = latest("etcdmon_cluster_healthy_members{cluster=\"\(cluster)\"}").first?.value ?? 0
            let tolerated = latest("etcdmon_cluster_failures_tolerated{cluster=\"\(cluster)\"}").first?.value ?? 0
            let leader = leaders.first { $0.labels["cluster"] == cluster }?.labels["member"] ?? "none"
            html += "<tr><td>\(escape(cluster))</td><td>\(Int(row.value))</td><td>\(Int(healthy))</td>"
                + "<td class=\"\(tolerated > 0 ? "up" : "down")\">\(Int(tolerated))</td><td>\(escape(leader))</td></tr>"
        }
        html += "</table><h2>Targets</h2><table><tr><th>job</th><th>instance</th><th>state</th><th>last scrape</th><th>duration</th><th>error</th></tr>"
        for status in manager?.activeTargets ?? [] {
            let age = status.health.lastScrape == 0 ? "never" : String(format: "%.1fs ago", Double(Timestamp.now() - status.health.lastScrape) / 1000)
            html += "<tr><td>\(escape(status.target.job))</td><td><a href=\"\(escape(status.target.url))\">\(escape(status.target.labels["instance"] ?? ""))</a></td>"
                + "<td class=\"\(status.health.state.rawValue)\">\(status.health.state.rawValue)</td><td>\(age)</td>"
                + "<td>\(String(format: "%.3fs", status.health.lastScrapeDuration))</td><td>\(escape(status.health.lastError))</td></tr>"
        }
        html += "</table><p>API: <a href=\"\(prefix)/api/v1/targets\">\(prefix)/api/v1/targets</a> · "
            + "<a href=\"\(prefix)/api/v1/query?query=up\">\(prefix)/api/v1/query</a> · "
            + "<a href=\"\(prefix)/metrics\">\(prefix)/metrics</a></p></body></html>\n"
        return html
    }

    private func latest(_ query: String) -> [VectorSample] {
        guard let expression = try? Parser.parse(query),
              case .vector(let samples)? = try? Engine().instant(expression, at: Timestamp.now(), querier: storage.querier())
        else { return [] }
        return samples
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

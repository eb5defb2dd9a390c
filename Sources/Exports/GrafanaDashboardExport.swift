import Foundation

/// `etcdmon export grafana`: the dashboard etcdmon shows, as dashboard JSON for Grafana 9+ — the
/// same panels, units and queries (`dashboard.json`, shared with the pages), a `datasource`
/// variable for the Prometheus-type data source (etcdmon itself, or a Prometheus) and a `cluster`
/// variable over etcdmon's `cluster` label.
package enum GrafanaDashboardExport {
    /// Grafana's dashboard schema version this JSON follows (Grafana 9.0–9.5 write 36–38).
    package static let schemaVersion = 37

    /// The dashboard JSON, pretty-printed with sorted keys; `cluster` is the variable's initial value.
    package static func json(definition: [UInt8], cluster: String? = nil) throws(ExportError) -> String {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(definition)), let source = parsed as? [String: Any],
              let panels = source["panels"] as? [[String: Any]] else {
            throw ExportError("grafana dashboard", "the built-in dashboard definition is not readable")
        }
        let datasource: [String: Any] = ["type": "prometheus", "uid": "${datasource}"]
        let clusterQuery = "label_values(etcd_server_has_leader, cluster)"
        let dashboard: [String: Any] = [
            "annotations": ["list": [[
                "builtIn": 1, "datasource": ["type": "grafana", "uid": "-- Grafana --"], "enable": true, "hide": true,
                "iconColor": "rgba(0, 211, 255, 1)", "name": "Annotations & Alerts", "type": "dashboard",
            ]]],
            "description": source["description"] ?? "",
            "editable": true,
            "fiscalYearStartMonth": 0,
            "graphTooltip": 1,
            "id": NSNull(),
            "links": [],
            "liveNow": false,
            "panels": try panels.map { (panel) throws(ExportError) in try grafanaPanel(panel, datasource: datasource) },
            "refresh": source["refresh"] ?? "10s",
            "schemaVersion": schemaVersion,
            "style": "dark",
            "tags": ["etcd-mixin", "etcdmon"],
            "templating": ["list": [
                [
                    "current": [:], "hide": 0, "includeAll": false, "label": "Data source", "multi": false, "name": "datasource",
                    "options": [], "query": "prometheus", "refresh": 1, "regex": "", "skipUrlSync": false, "type": "datasource",
                ],
                [
                    "current": cluster.map { ["selected": true, "text": $0, "value": $0] as [String: Any] } ?? [:],
                    "datasource": datasource, "definition": clusterQuery, "hide": 0, "includeAll": false,
                    "label": "cluster", "multi": false, "name": "cluster", "options": [],
                    "query": ["query": clusterQuery, "refId": "cluster"], "refresh": 2, "regex": "", "skipUrlSync": false,
                    "sort": 1, "type": "query",
                ],
            ]],
            "time": ["from": "now-\(source["range"] as? String ?? "15m")", "to": "now"],
            "timepicker": [:],
            "timezone": "browser",
            "title": "etcd (etcdmon)",
            "uid": source["uid"] ?? "etcdmon-etcd",
            "version": 1,
            "weekStart": "",
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: dashboard, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            throw ExportError("grafana dashboard", "could not encode the dashboard")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func grafanaPanel(_ panel: [String: Any], datasource: [String: Any]) throws(ExportError) -> [String: Any] {
        guard let id = panel["id"] as? Int, let title = panel["title"] as? String, let grid = panel["grid"] as? [Int], grid.count == 4,
              let targets = panel["targets"] as? [[String: String]], !targets.isEmpty else {
            throw ExportError("grafana dashboard", "panel \(panel["title"] ?? "?") is incomplete")
        }
        let isStat = panel["type"] as? String == "stat"
        let refIDs = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var result: [String: Any] = [
            "id": id, "title": title, "type": isStat ? "stat" : "timeseries", "datasource": datasource,
            "description": panel["description"] ?? "",
            "gridPos": ["x": grid[0], "y": grid[1], "w": grid[2], "h": grid[3]],
            "targets": targets.enumerated().map { index, target -> [String: Any] in
                [
                    "datasource": datasource, "expr": target["expr"] ?? "", "legendFormat": target["legend"] ?? "",
                    "refId": String(refIDs[index % refIDs.count]), "range": !isStat, "instant": isStat, "editorMode": "code",
                ]
            },
        ]
        // The pages' minimum step where a panel has one (peer round trips), so Grafana steps alike.
        if let minimum = panel["minInterval"] as? Int { result["interval"] = "\(minimum)s" }
        let unit = panel["unit"] as? String ?? "none"
        if isStat {
            result["fieldConfig"] = ["defaults": ["unit": unit, "color": ["mode": "fixed", "fixedColor": "text"]], "overrides": []]
            result["options"] = [
                "colorMode": "none", "graphMode": "none", "justifyMode": "auto", "orientation": "auto", "textMode": "auto",
                "reduceOptions": ["calcs": ["lastNotNull"], "fields": "", "values": false],
            ]
        } else {
            result["fieldConfig"] = [
                "defaults": ["unit": unit, "custom": ["drawStyle": "line", "lineWidth": 2, "fillOpacity": 0, "showPoints": "never", "spanNulls": false]],
                "overrides": [],
            ]
            result["options"] = [
                "legend": ["displayMode": "list", "placement": "bottom", "showLegend": true, "calcs": []],
                "tooltip": ["mode": "multi", "sort": "desc"],
            ]
        }
        return result
    }
}

import Config
import Exports
import Foundation
import Testing
import WebUI

@Suite("Exports: prometheus.yml, alertmanager.yml, Grafana JSON")
struct ExportsTests {
    static let source = """
        global:
          scrape_interval: 15s
          external_labels: {site: lab}
        scrape_configs:
          - job_name: node
            static_configs: [{targets: ['127.0.0.1:9100']}]
        rule_files: [rules/mine.yml]
        alerting:
          alertmanagers: [{static_configs: [{targets: ['127.0.0.1:9093']}]}]
        alertmanager_config:
          route: {receiver: none}
          receivers: [{name: none}]
        etcd:
          clusters:
            - name: prod
              endpoints: [https://127.0.0.1:2379, https://127.0.0.2:2379]
              scrape_interval: 30s
              tls_config: {ca_file: certs/ca.pem}
              bearer_token_file: certs/token
        """

    static func configuration() throws -> Configuration {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-exports-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory + "/certs", withIntermediateDirectories: true)
        try "".write(toFile: directory + "/certs/ca.pem", atomically: true, encoding: .utf8)
        try "token".write(toFile: directory + "/certs/token", atomically: true, encoding: .utf8)
        return try Configuration(yaml: source, file: directory + "/etcdmon.yml", directory: directory)
    }

    @Test("prometheus.yml keeps the user's sections, drops etcdmon's, and scrapes each member with etcdmon's labels")
    func prometheusConfig() throws {
        let configuration = try Self.configuration()
        let directory = (configuration.file as NSString).deletingLastPathComponent
        let members = [ExportedMember(address: "127.0.0.1:2379", scheme: "https", name: "etcd1"),
                       ExportedMember(address: "127.0.0.2:2379", scheme: "https", name: "etcd2")]
        let yaml = try PrometheusConfigExport(configuration: configuration, members: ["prod": members], alertPackFile: "/x/etcd-alerts.yml").yaml()
        // What Prometheus reads back (our own reader of prometheus.yml), from another directory:
        // every file the export names must be absolute to be found.
        let reread = try Configuration(yaml: yaml, file: "/elsewhere/prometheus.yml", directory: "/elsewhere")
        #expect(reread.etcdClusters.isEmpty && reread.alertmanagerConfig == nil)
        #expect(reread.global.scrapeInterval == 15_000)
        #expect(yaml.contains("site: lab"))
        #expect(reread.alerting.alertmanagers.count == 1)
        #expect(reread.ruleFiles == [directory + "/rules/mine.yml", "/x/etcd-alerts.yml"])
        #expect(reread.scrapeConfigs.map(\.jobName) == ["node", "etcd"])
        let etcd = try #require(reread.scrapeConfigs.last)
        #expect(etcd.scheme == "https" && etcd.scrapeInterval == 30_000)
        #expect(etcd.http.tls?.caFile == directory + "/certs/ca.pem", "relative files made absolute")
        #expect(etcd.http.authorization?.credentialsFile == directory + "/certs/token", "bearer_token_file made absolute")
        #expect(etcd.staticConfigs.map { $0.targets.map { $0["__address__"] ?? "" } } == [["127.0.0.1:2379"], ["127.0.0.2:2379"]])
        #expect(etcd.staticConfigs.map { $0.labels["member"] ?? "" } == ["etcd1", "etcd2"])
        #expect(etcd.staticConfigs.allSatisfy { $0.labels["cluster"] == "prod" })
    }

    @Test("without a member list, the configured endpoints are the targets")
    func endpointsWhenUndiscovered() throws {
        let configuration = try Self.configuration()
        let yaml = try PrometheusConfigExport(configuration: configuration, members: [:], alertPackFile: nil).yaml()
        #expect(yaml.contains("127.0.0.1:2379") && yaml.contains("127.0.0.2:2379"))
        #expect(!yaml.contains("member:"))
        #expect(!yaml.contains("etcd-alerts.yml"))
    }

    @Test("the starter alertmanager.yml passes Alertmanager's checks; a configured one is written as given")
    func alertmanagerConfig() throws {
        let starter = AlertmanagerConfigExport.yaml(nil)
        let parsed = try NotificationConfig(yaml: starter)
        #expect(parsed.text == starter)
        let configured = try #require(try Self.configuration().alertmanagerConfig)
        let written = AlertmanagerConfigExport.yaml(configured)
        #expect(written.hasPrefix("# etcdmon's notification configuration ("))
        #expect(try NotificationConfig(yaml: written).route.receiver == "none")
    }

    @Test("Grafana JSON: every panel of the pages' definition, its unit, grid and queries, on the datasource variable")
    func grafana() throws {
        let text = try GrafanaDashboardExport.json(definition: WebAssets.dashboardDefinition, cluster: "prod")
        let dashboard = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let definition = try #require(try JSONSerialization.jsonObject(with: Data(WebAssets.dashboardDefinition)) as? [String: Any])
        let panels = dashboard["panels"] as? [[String: Any]] ?? []
        let source = definition["panels"] as? [[String: Any]] ?? []
        #expect(panels.count == source.count && !panels.isEmpty)
        for (panel, original) in zip(panels, source) {
            #expect(panel["title"] as? String == original["title"] as? String)
            let unit = ((panel["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])?["unit"] as? String
            #expect(unit == original["unit"] as? String)
            let grid = panel["gridPos"] as? [String: Int]
            #expect(grid.map { [$0["x"], $0["y"], $0["w"], $0["h"]] } == (original["grid"] as? [Int]).map { $0.map(Optional.some) })
            let exprs = (panel["targets"] as? [[String: Any]] ?? []).map { $0["expr"] as? String }
            #expect(exprs == (original["targets"] as? [[String: String]] ?? []).map { $0["expr"] })
            #expect((panel["targets"] as? [[String: Any]] ?? []).map { $0["refId"] as? String } == Array(["A", "B", "C", "D"].prefix(exprs.count)))
        }
        #expect(panels.first { $0["type"] as? String == "stat" } != nil)
        let variables = (dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]] ?? []
        #expect(((variables.last?["current"]) as? [String: Any])?["value"] as? String == "prod")
    }
}

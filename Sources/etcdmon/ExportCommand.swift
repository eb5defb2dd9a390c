import ArgumentParser
import ClusterProbe
import Config
import EtcdClient
import Exports
import Foundation
import Rules
import WebUI

/// `etcdmon export`: etcdmon's configuration and built-in artefacts in the formats other tools
/// read — for those who also run Prometheus, Alertmanager or Grafana.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write etcdmon's configuration and built-in artefacts in the formats other tools read.",
        subcommands: [Rules.self, Prometheus.self, Alertmanager.self, Grafana.self])

    /// Where an export goes: standard output, or `--output FILE`.
    struct Destination: ParsableArguments {
        @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
        var output: String?

        func write(_ text: String) throws {
            guard let output else { return print(text, terminator: "") }
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        }
    }

    static func load(_ file: String?, command: String) throws -> Config.Configuration {
        guard let file else { return Config.Configuration() }
        do { return try Config.Configuration.load(file: file) } catch {
            printError("etcdmon export \(command): \(error)")
            throw ExitCode(2)
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in etcd alert pack as a rule file (adjusted by the configuration's etcd.alerts).")

        @Option(name: .customLong("config.file"), help: "Configuration whose etcd.alerts adjusts the pack.")
        var configFile: String?

        @Option(help: "The etcd selector (label matchers without braces), overriding the configuration's.")
        var selector: String?

        @OptionGroup var destination: Destination

        func run() throws {
            var settings = try ExportCommand.load(configFile, command: "rules").etcdAlerts
            if let selector { settings.selector = selector }
            try destination.write(EtcdAlertPack.yaml(settings))
        }
    }

    struct Prometheus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a prometheus.yml that scrapes the configured etcd clusters as etcdmon does.",
            discussion: """
                Every section of the configuration is kept; each etcd cluster becomes a scrape job whose targets \
                carry etcdmon's cluster and member labels, so the dashboard's and the alert pack's queries give \
                the same series. Members come from the cluster's member list (unless --no-discover or the \
                cluster has discovery off; unreachable clusters fall back to their configured endpoints). With \
                --output, the etcd alert pack's mixin alerts are written beside it as etcd-alerts.yml and named \
                in rule_files.
                """)

        @Option(name: .customLong("config.file"), help: "The configuration serve reads.")
        var configFile: String

        @Flag(inversion: .prefixedNo, help: "Ask each cluster for its member list.")
        var discover = true

        @OptionGroup var destination: Destination

        func run() async throws {
            let configuration = try ExportCommand.load(configFile, command: "prometheus")
            var members: [String: [ExportedMember]] = [:]
            for cluster in configuration.etcdClusters where discover && cluster.discovery {
                if let found = await Self.members(of: cluster) { members[cluster.name] = found }
            }
            var alertPack: String?
            if let output = destination.output, configuration.etcdAlerts.enabled {
                alertPack = ((output as NSString).deletingLastPathComponent as NSString).appendingPathComponent("etcd-alerts.yml")
            }
            let yaml: String
            do {
                yaml = try PrometheusConfigExport(configuration: configuration, members: members, alertPackFile: alertPack).yaml()
            } catch {
                printError("etcdmon export prometheus: \(error)")
                throw ExitCode(1)
            }
            // Both files once both are ready: a failed export leaves nothing behind.
            if let alertPack {
                try EtcdAlertPack.yaml(configuration.etcdAlerts, probeAlerts: false).write(toFile: alertPack, atomically: true, encoding: .utf8)
            }
            try destination.write("# prometheus.yml written by `etcdmon export prometheus` from \(configFile).\n" + yaml)
        }

        /// The cluster's members from the first endpoint that answers the member list; nil when none does.
        static func members(of cluster: EtcdClusterConfig) async -> [ExportedMember]? {
            guard let client = try? EtcdClient(configuration: EtcdClientConfiguration(cluster: cluster)) else { return nil }
            var found: [ExportedMember]?
            for url in cluster.endpoints {
                guard let endpoint = try? EtcdEndpoint(parsing: url), let list = try? await client.memberList(endpoint) else { continue }
                found = ClusterProber.clientEndpoints(of: list.members, scheme: endpoint.scheme).0.map { member in
                    ExportedMember(address: "\(member.host):\(member.port)", scheme: member.scheme,
                                   name: ClusterProber.member(servingClientURL: member.url, in: list.members)?.name)
                }.sorted { ($0.name ?? $0.address, $0.address) < ($1.name ?? $1.address, $1.address) }
                break
            }
            await client.shutdown()
            if found == nil {
                printError("etcdmon export prometheus: cluster \(cluster.name): no endpoint answered the member list; exporting its configured endpoints")
            }
            return found
        }
    }

    struct Alertmanager: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the alertmanager.yml etcdmon notifies with (or a starting point for the etcd alert pack).")

        @Option(name: .customLong("config.file"), help: "The configuration serve reads (for an inline alertmanager_config).")
        var configFile: String?

        @Option(name: .customLong("alertmanager.config.file"), help: "The alertmanager.yml serve is given.")
        var alertmanagerConfigFile: String?

        @OptionGroup var destination: Destination

        func run() throws {
            let configuration = try ExportCommand.load(configFile, command: "alertmanager")
            do {
                let notification = try ServeCommand.alertmanagerConfig(flag: alertmanagerConfigFile, configuration)
                try destination.write(AlertmanagerConfigExport.yaml(notification))
            } catch let error as ConfigError {
                printError("etcdmon export alertmanager: \(error)")
                throw ExitCode(2)
            }
        }
    }

    struct Grafana: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write etcdmon's dashboard as Grafana 9+ dashboard JSON (a datasource and a cluster variable).")

        @Option(name: .customLong("config.file"), help: "The configuration serve reads: its first etcd cluster is the one shown first.")
        var configFile: String?

        @OptionGroup var destination: Destination

        func run() throws {
            do {
                let first = try ExportCommand.load(configFile, command: "grafana").etcdClusters.first?.name
                try destination.write(GrafanaDashboardExport.json(definition: WebAssets.dashboardDefinition, cluster: first))
            } catch let error as ExportError {
                printError("etcdmon export grafana: \(error)")
                throw ExitCode(1)
            }
        }
    }
}

import ArgumentParser

/// The `etcdmon` command: monitoring for etcd clusters in one binary.
@main
struct Etcdmon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "etcdmon",
        abstract: "Monitor etcd clusters: health checks, status, scraping into a Prometheus-format store, PromQL.",
        version: "0.1.0",
        subcommands: [CheckCommand.self, StatusCommand.self, ImportCommand.self, TSDBCommand.self, QueryCommand.self, ServeCommand.self, ConfigCommand.self, WebCommand.self, RulesCommand.self, AlertmanagerCommand.self, SilenceCommand.self, ExportCommand.self, PprofCommand.self, SimulateCommand.self]
    )
}

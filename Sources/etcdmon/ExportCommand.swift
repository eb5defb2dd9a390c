import ArgumentParser
import Config
import Foundation
import Rules

/// `etcdmon export rules`: the built-in etcd alert pack as a Prometheus rule file, for a
/// Prometheus or another rule engine (promtool accepts it).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write etcdmon's built-in artefacts in the formats other tools read.",
        subcommands: [Rules.self])

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in etcd alert pack as a rule file (adjusted by the configuration's etcd.alerts).")

        @Option(name: .customLong("config.file"), help: "Configuration whose etcd.alerts adjusts the pack.")
        var configFile: String?

        @Option(help: "The etcd selector (label matchers without braces), overriding the configuration's.")
        var selector: String?

        @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
        var output: String?

        func run() throws {
            var settings = EtcdAlertsConfig()
            if let configFile {
                do { settings = try Configuration.load(file: configFile).etcdAlerts } catch {
                    printError("etcdmon export rules: \(error)")
                    throw ExitCode(2)
                }
            }
            if let selector { settings.selector = selector }
            let text = EtcdAlertPack.yaml(settings)
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        }
    }
}

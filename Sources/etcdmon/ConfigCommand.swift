import ArgumentParser
import Config

/// `etcdmon config check FILE…`: promtool's `check config`, for etcdmon's configuration.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with configuration files.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check configuration files; exit 1 when any is invalid (the error names file:line:column).")

        @Argument(help: "Configuration files.")
        var files: [String]

        func run() async throws {
            try FileChecks.run(files) { file in
                let configuration = try Configuration.load(file: file)
                let targets = configuration.scrapeConfigs.reduce(0) { $0 + $1.staticConfigs.reduce(0) { $0 + $1.targets.count } }
                // The rule files and the built-in pack as serve would load them (promtool checks rule files too).
                let rules = try ServeCommand.ruleGroups(configuration).reduce(0) { $0 + $1.rules.count }
                return "\(configuration.scrapeConfigs.count) scrape jobs (\(targets) static targets), "
                    + "\(configuration.etcdClusters.count) etcd clusters, \(configuration.ruleFiles.count) rule files, \(rules) rules"
            }
        }
    }
}

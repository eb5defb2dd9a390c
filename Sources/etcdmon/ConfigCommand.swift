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
            var failed = false
            for file in files {
                print("Checking \(file)")
                do {
                    let configuration = try Configuration.load(file: file)
                    let targets = configuration.scrapeConfigs.reduce(0) { $0 + $1.staticConfigs.reduce(0) { $0 + $1.targets.count } }
                    print("  SUCCESS: \(configuration.scrapeConfigs.count) scrape jobs (\(targets) static targets), "
                        + "\(configuration.etcdClusters.count) etcd clusters, \(configuration.ruleFiles.count) rule files")
                } catch {
                    print("  FAILED: \(error)")
                    failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}

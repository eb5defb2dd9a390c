import ArgumentParser
import Config
import Foundation

/// `etcdmon alertmanager check FILE…`: amtool's `check-config`, the same verdicts and report, with
/// the place in the file after each error.
struct AlertmanagerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alertmanager", abstract: "Work with alertmanager.yml files, as amtool does.",
        subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check alertmanager.yml files (Alertmanager 0.25's format); exit 1 when any is invalid.")

        @Argument(help: "Alertmanager configuration files.")
        var files: [String]

        func run() throws {
            var failed = 0
            for file in files {
                guard FileManager.default.fileExists(atPath: file) else {
                    printError("etcdmon: error: path '\(file)' does not exist")
                    throw ExitCode(1)
                }
                do {
                    let config = try NotificationConfig.load(file: file)
                    print("Checking '\(file)'  SUCCESS")
                    print("Found:")
                    print(" - global config")
                    print(" - route")
                    print(" - \(config.inhibitRules.count) inhibit rules")
                    print(" - \(config.receivers.count) receivers")
                    print(" - \(config.templates.count) templates")
                } catch {
                    let position = error.column > 0 ? "\(error.line):\(error.column)" : "\(error.line)"
                    let place = error.line > 0 ? " (\(error.file):\(position)\(error.path.isEmpty ? "" : ": " + error.path))" : ""
                    print("Checking '\(file)'  FAILED: \(error.reason)\(place)")
                    failed += 1
                }
                print()
            }
            if failed > 0 {
                printError("etcdmon: error: failed to validate \(failed) file(s)")
                printError("")
                throw ExitCode(1)
            }
        }
    }
}

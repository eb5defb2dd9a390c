import ArgumentParser
import Config
import Foundation
import Notify

/// `etcdmon alertmanager check FILE…`: amtool's `check-config`, the same verdicts and report, with
/// the place in the file after each error.
struct AlertmanagerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alertmanager", abstract: "Work with alertmanager.yml files, as amtool does.",
        subcommands: [Check.self, TestReceiver.self, Routes.self])

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
                    // Beyond amtool: a template that would fail on a real alert fails the check now.
                    if let problem = ReceiverCheck.renderAll(config, externalURL: "http://127.0.0.1:9090") {
                        print("Checking '\(file)'  FAILED: rendering a test alert: \(problem)")
                        failed += 1
                        print()
                        continue
                    }
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

    struct TestReceiver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test-receiver",
            abstract: "Send a test notification through every integration of a receiver and report each one's real outcome.")

        @Option(name: .customLong("config.file"), help: "The alertmanager.yml.")
        var configFile: String
        @Argument(help: "The receiver's name.")
        var receiver: String
        @Option(name: .customLong("web.external-url"), help: "The URL notifications link back to.")
        var externalURL = "http://127.0.0.1:9090"

        func run() async throws {
            let config: NotificationConfig
            do { config = try NotificationConfig.load(file: configFile) } catch {
                printError("etcdmon alertmanager test-receiver: \(error)")
                throw ExitCode(2)
            }
            guard let found = config.receiver(named: receiver) else {
                printError("etcdmon alertmanager test-receiver: no receiver \"\(receiver)\" in \(configFile)")
                throw ExitCode(2)
            }
            guard found.integrationCount > 0 else {
                print("\(receiver): no integrations")
                return
            }
            var failed = false
            for (name, error) in try await ReceiverCheck.send(found, config: config, externalURL: externalURL) {
                if let error {
                    print("\(receiver)/\(name): FAILED: \(error)")
                    failed = true
                } else {
                    print("\(receiver)/\(name): delivered")
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Routes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routes", abstract: "Check routing with a file of assertions.", subcommands: [Test.self])

        struct Test: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Run a routes test file: labels → receivers, group labels, inhibited or not; exit 1 when any fails.")

            @Argument(help: "Routes test files.")
            var files: [String]

            func run() throws {
                var failures = 0
                for file in files {
                    do {
                        let tests = try RouteTestFile.load(file: file)
                        let tester = RouteTester(try NotificationConfig.load(file: tests.config))
                        for test in tests.tests {
                            if let problem = tester.run(test) {
                                print("FAIL  \(file):\(test.line): \(test.name): \(problem)")
                                failures += 1
                            } else {
                                print("PASS  \(test.name)")
                            }
                        }
                    } catch {
                        print("FAIL  \(error)")
                        failures += 1
                    }
                }
                if failures > 0 {
                    printError("\(failures) failed")
                    throw ExitCode(1)
                }
            }
        }
    }
}

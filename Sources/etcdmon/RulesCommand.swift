import ArgumentParser
import Config
import Foundation
import Rules

/// `etcdmon rules check FILE…` (promtool's `check rules`) and `etcdmon rules test FILE…`
/// (promtool's `test rules`): the same verdicts, reports and exit statuses.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "Check rule files and run their unit tests, as promtool does.",
        subcommands: [Check.self, Test.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check rule files: syntax, expressions and templates; exit 1 when any is invalid.")

        @Argument(help: "Rule files (Prometheus format).")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                print("Checking \(file)")
                do {
                    let parsed = try RuleFile.load(file: file)
                    _ = try RuleLoader.groups(of: parsed, defaultInterval: 60_000)
                    print("  SUCCESS: \(parsed.groups.reduce(0) { $0 + $1.rules.count }) rules found")
                } catch {
                    printError("  FAILED:")
                    printError(error.line > 0 ? "\(error.file): \(error.line):\(error.column): \(error.reason)" : "\(error)")
                    failed = true
                }
                print()
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run rule unit tests (promtool's test file format); exit 1 when any fails.")

        @Argument(help: "Test files.")
        var files: [String]

        func run() throws {
            var failed = false
            for file in files {
                let outcome = RuleTester.run(file: file)
                print(outcome.standardOutput, terminator: "")
                if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
                failed = failed || !outcome.passed
            }
            if failed { throw ExitCode(1) }
        }
    }
}

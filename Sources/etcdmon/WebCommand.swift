import ArgumentParser
import Config
import Foundation
import Logging
import Web

/// `etcdmon web check FILE…` (promtool's `check web-config`) and `etcdmon web hash-password`.
struct WebCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web", abstract: "Work with web configuration files (--web.config.file).",
        subcommands: [Check.self, HashPassword.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check web configuration files as serve would load them, certificates included; exit 1 when any is invalid.")

        @Argument(help: "Web configuration files (exporter-toolkit format).")
        var files: [String]

        func run() async throws {
            try FileChecks.run(files) { file in
                let config = try WebSecurity.load(file).0.config
                var parts = [config.tls.map { "TLS (\($0.clientAuth.rawValue))" } ?? "plain HTTP"]
                parts.append("\(config.users.count) basic-auth users")
                if !config.headers.isEmpty { parts.append("\(config.headers.count) headers") }
                if let limit = config.rateLimit { parts.append("rate limit \(limit.burst) per \(limit.intervalMilliseconds) ms") }
                return parts.joined(separator: ", ")
            }
        }
    }

    struct HashPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash-password",
            abstract: "Print the bcrypt hash of a password read from standard input, for basic_auth_users.")

        @Option(help: "bcrypt cost (4 to 31; each step doubles the time a check takes).")
        var cost = 10

        func validate() throws {
            guard (4...31).contains(cost) else { throw ValidationError("--cost must be 4 to 31") }
        }

        func run() async throws {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw ValidationError("give the password on standard input")
            }
            guard let hash = WebSecurity.hashPassword(line, cost: cost) else {
                printError("etcdmon web hash-password: libxcrypt could not hash the password")
                throw ExitCode(1)
            }
            print(hash)
        }
    }
}

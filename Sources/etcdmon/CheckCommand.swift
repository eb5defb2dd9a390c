import ArgumentParser
import ClusterProbe
import Foundation

/// `etcdmon check`: is the cluster healthy right now, and if not, why.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Probe every member in parallel and diagnose the cluster.",
        discussion: """
        Exit status: 0 healthy, 1 degraded but quorum holds, 2 quorum lost, no leader or nothing reachable.
        The JSON output (--output json) is documented in docs/check-json.md.
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Also probe every member the cluster's member list names.")
    var discover = false

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: OutputFormat = .table

    func run() async throws {
        let client = try connection.makeClient()
        let check = await ClusterProber(client: client).check(try connection.parsedEndpoints(), discover: discover)
        await client.shutdown()
        switch output {
        case .table: print(CheckTableRenderer(colour: terminalWantsColour()).render(check), terminator: "")
        case .json: print(CheckReport(check).json(), terminator: "")
        }
        let code = check.diagnosis.health.exitCode
        if code != 0 { throw ExitCode(code) }
    }
}

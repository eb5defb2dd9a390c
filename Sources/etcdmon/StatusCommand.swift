import ArgumentParser
import ClusterProbe
import Foundation

/// `etcdmon status`: `etcdctl endpoint status -w table` for the whole cluster.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show every member's status (etcdctl endpoint status --cluster -w table).",
        discussion: "Members are discovered from the member list unless --no-discover is given."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(inversion: .prefixedNo, help: "Discover members from the cluster's member list.")
    var discover = true

    @Option(name: .long, help: "Refresh at this interval (2s, 500ms or seconds) until interrupted.")
    var watch: DurationArgument?

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: OutputFormat = .table

    func validate() throws {
        if let watch, !(watch.seconds >= 0.5 && watch.seconds <= 86_400) {
            throw ValidationError("--watch must be between 0.5 and 86400 seconds")
        }
    }

    func run() async throws {
        let client = try connection.makeClient()
        let prober = ClusterProber(client: client)
        let endpoints = try connection.parsedEndpoints()
        let interactive = isatty(STDOUT_FILENO) == 1
        repeat {
            let check = await prober.check(endpoints, discover: discover)
            var screen = ""
            if watch != nil {
                // On a terminal, redraw in place; otherwise append snapshots one after another.
                if interactive { screen += "\u{1B}[H\u{1B}[2J" }
                screen += "\(Date()) — every \(watch!) (Ctrl-C to stop)\n"
            }
            switch output {
            case .table:
                screen += StatusTableRenderer().render(check)
                screen += CheckTableRenderer(colour: false).verdictLine(check) + "\n"
            case .json:
                screen += CheckReport(check).json()
            }
            if watch != nil, !interactive { screen += "\n" }
            // Unbuffered, so each refresh shows at once even when piped.
            FileHandle.standardOutput.write(Data(screen.utf8))
            if let watch { try await Task.sleep(for: .milliseconds(watch.milliseconds)) }
        } while watch != nil
        await client.shutdown()
    }
}

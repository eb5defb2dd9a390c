import ArgumentParser
import ClusterProbe
import Config
import EtcdClient
import Foundation
import Profiling

/// `etcdmon pprof`: a member's Go profile — what `go tool pprof -top http://member:2379/debug/pprof/…`
/// prints, without Go. The raw profile can be kept byte for byte (`--save`) for `go tool pprof` elsewhere.
struct PprofCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pprof",
        abstract: "Fetch a member's profile from /debug/pprof and print its top functions (as go tool pprof -top).",
        discussion: """
            TARGET is a member's client URL (http://127.0.10.1:2379) or a member's name, found in the member list \
            of --endpoints or of the clusters of --config.file. The member must run with --enable-pprof. \
            cpu profiles for --seconds (default 10); goroutine prints the goroutines grouped by stack.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case cpu, heap, allocs, goroutine, mutex, block, threadcreate

        func path(seconds: Int) -> String {
            switch self {
            case .cpu: "/debug/pprof/profile?seconds=\(seconds)"
            case .goroutine: "/debug/pprof/goroutine?debug=2"
            default: "/debug/pprof/\(rawValue)"
            }
        }
    }

    @Argument(help: "A member's client URL, or its name.")
    var target: String

    @Option(help: "The profile: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var profile: Kind = .cpu

    @Option(help: "How long a cpu profile runs, in seconds.")
    var seconds = 10

    @Option(help: "Write the profile, exactly as the member sent it, to this file (go tool pprof opens it).")
    var save: String?

    @Option(name: [.short, .long], help: "Output format: table or json.")
    var output: OutputFormat = .table

    @Option(help: "Show only the first N functions (goroutine: stacks).")
    var top: Int?

    @Option(name: .customLong("sample-index"), help: "The sample type to report (alloc_space, inuse_objects, …; pprof's -sample_index).")
    var sampleIndex: String?

    @Option(name: .customLong("config.file"), help: "A configuration whose etcd clusters name the members (for TARGET by name).")
    var configFile: String?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard (1...3600).contains(seconds) else { throw ValidationError("--seconds must be between 1 and 3600") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() async throws {
        let client = try connection.makeClient()
        do {
            try await fetch(with: client)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    private func fetch(with client: EtcdClient) async throws {
        let endpoint = try await resolve(target, with: client)
        let path = profile.path(seconds: seconds)
        // The member spends the profile's seconds before it answers.
        let timeout = Duration.milliseconds(connection.timeout.milliseconds) + (profile == .cpu ? .seconds(seconds) : .zero)
        let answer: (status: Int, body: [UInt8])
        do {
            answer = try await client.pprof(endpoint, path: path, timeout: timeout)
        } catch {
            printError("etcdmon pprof: \(error)\n  Is the member up? \(endpoint.url)/health tells; the profile needs the member to answer for \(profile == .cpu ? "\(seconds) s" : "a moment").")
            throw ExitCode(1)
        }
        guard answer.status == 200 else {
            let hint = answer.status == 404
                ? "the member does not serve /debug/pprof: start etcd with --enable-pprof (or ETCD_ENABLE_PPROF=true)"
                : String(decoding: answer.body.prefix(300), as: UTF8.self)
            printError("etcdmon pprof: \(endpoint.url)\(path) answered \(answer.status): \(hint)")
            throw ExitCode(1)
        }
        if let save {
            try Data(answer.body).write(to: URL(fileURLWithPath: save))
            printError("saved \(answer.body.count) bytes to \(save)")
        }
        if profile == .goroutine {
            let dump = GoroutineDump(text: String(decoding: answer.body, as: UTF8.self))
            print(output == .json ? Self.json(dump) : dump.text(limit: top), terminator: "")
            return
        }
        let decoded: Profile
        do { decoded = try Profile(bytes: answer.body) } catch {
            printError("etcdmon pprof: \(endpoint.url)\(path): \(error)")
            throw ExitCode(1)
        }
        let index: Int?
        do { index = try sampleIndex.map { (name) throws(ProfileError) in try decoded.sampleIndex(named: name) } } catch {
            throw ValidationError("--sample-index: \(error)")
        }
        let report = TopReport(profile: decoded, sampleIndex: index, top: top)
        print(output == .json ? Self.json(report) : report.text(), terminator: "")
    }

    /// A URL as given; a name through the member list of --endpoints, then of the configured clusters.
    private func resolve(_ target: String, with client: EtcdClient) async throws -> EtcdEndpoint {
        if target.contains("://") {
            do { return try EtcdEndpoint(parsing: target) } catch { throw ValidationError("TARGET: \(error)") }
        }
        var starts = connection.endpoints != nil || configFile == nil ? try connection.parsedEndpoints() : []
        if let configFile {
            do {
                starts += try Config.Configuration.load(file: configFile).etcdClusters.flatMap { $0.endpoints }
                    .compactMap { try? EtcdEndpoint(parsing: $0) }
            } catch {
                printError("etcdmon pprof: \(error)")
                throw ExitCode(2)
            }
        }
        for start in starts {
            guard let list = try? await client.memberList(start), let member = list.members.first(where: { $0.name == target }) else { continue }
            if let endpoint = ClusterProber.clientEndpoints(of: [member], scheme: start.scheme).0.first { return endpoint }
        }
        printError("etcdmon pprof: no member named \"\(target)\" in the member list of \(starts.map(\.url).joined(separator: ", "))")
        throw ExitCode(1)
    }

    static func json(_ report: TopReport) -> String {
        let rows = report.rows.map { row -> [String: Any] in
            ["name": row.name, "flat": row.flat, "cum": row.cum, "inline": row.inline,
             "flat_percent": report.total == 0 ? 0 : Double(row.flat) / Double(report.total) * 100,
             "cum_percent": report.total == 0 ? 0 : Double(row.cum) / Double(report.total) * 100]
        }
        return encode(["type": report.sampleType.type, "unit": report.sampleType.unit, "total": report.total,
                       "labels": report.labels, "functions": rows])
    }

    static func json(_ dump: GoroutineDump) -> String {
        encode(["total": dump.total, "stacks": dump.groups.map { group -> [String: Any] in
            ["count": group.count, "state": group.state ?? NSNull(),
             "frames": group.frames.map { ["function": $0.function, "location": $0.location] }]
        }])
    }

    private static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

import ArgumentParser
import ClusterProbe
import EtcdClient
import Foundation

/// How to reach the cluster: endpoints, timeouts, TLS and credentials, named as etcdctl names them.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Comma-separated client URLs (http://host:port or https://host:port).",
        discussion: "Defaults to $ETCDMON_ENDPOINTS, then $ETCDCTL_ENDPOINTS, then http://127.0.0.1:2379."))
    var endpoints: String?

    @Option(name: .long, help: "Time allowed for each member to answer, as 5s, 500ms or seconds (a hung member is reported after this).")
    var timeout = DurationArgument(seconds: 5)

    @Option(name: .customLong("connect-timeout"), help: "Time allowed to establish a connection, as 2s, 500ms or seconds.")
    var connectTimeout = DurationArgument(seconds: 2)

    @Option(name: .long, help: "CA bundle that verifies the members' certificates.")
    var cacert: String?

    @Option(name: .long, help: "Client certificate for mutual TLS.")
    var cert: String?

    @Option(name: .long, help: "Private key of the client certificate.")
    var key: String?

    @Flag(name: .customLong("insecure-skip-tls-verify"), help: "Do not verify the members' certificates.")
    var insecureSkipTLSVerify = false

    @Option(name: .long, help: "Basic-auth credentials as user:password (for members behind an authenticating proxy).")
    var user: String?

    func validate() throws {
        guard timeout.seconds > 0, timeout.seconds <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        guard connectTimeout.seconds > 0, connectTimeout.seconds <= 3600 else {
            throw ValidationError("--connect-timeout must be between 0 and 3600 seconds")
        }
        if let user, BasicAuth(parsing: user) == nil { throw ValidationError("--user must be user:password") }
        _ = try parsedEndpoints()
    }

    /// The endpoints to start from.
    func parsedEndpoints() throws -> [EtcdEndpoint] {
        let environment = ProcessInfo.processInfo.environment
        let text = endpoints ?? environment["ETCDMON_ENDPOINTS"] ?? environment["ETCDCTL_ENDPOINTS"] ?? "http://127.0.0.1:2379"
        do {
            return try EtcdEndpoint.parseList(text)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A client configured from these options.
    func makeClient() throws -> EtcdClient {
        let tls: TLSFiles? = (cacert != nil || cert != nil || key != nil || insecureSkipTLSVerify)
            ? TLSFiles(caCertificate: cacert, certificate: cert, key: key, insecureSkipVerify: insecureSkipTLSVerify)
            : nil
        let configuration = EtcdClientConfiguration(
            connectTimeout: .milliseconds(min(connectTimeout.milliseconds, timeout.milliseconds)),
            requestTimeout: .milliseconds(timeout.milliseconds),
            tls: tls,
            basicAuth: user.flatMap(BasicAuth.init(parsing:)))
        do {
            return try EtcdClient(configuration: configuration)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Output choices shared by the commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}

/// Whether standard output is a terminal that wants colour.
func terminalWantsColour() -> Bool {
    let environment = ProcessInfo.processInfo.environment
    return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
}

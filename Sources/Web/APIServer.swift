import Hummingbird
import Logging
import TSDB

/// The HTTP server: Prometheus's API plus the `/-/healthy` and `/-/ready` probes.
public struct APIServer: Sendable {
    /// Where it listens.
    public let host: String
    public let port: Int
    /// The API served.
    public let api: PrometheusAPI

    public init(host: String, port: Int, api: PrometheusAPI) {
        self.host = host
        self.port = port
        self.api = api
    }

    /// The application, ready to run (as a service, or with `runService()`).
    public func application(logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        router.get("-/healthy") { _, _ in "etcdmon is Healthy.\n" }
        router.get("-/ready") { _, _ in "etcdmon is Ready.\n" }
        api.register(on: router)
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "etcdmon"), logger: logger)
    }
}

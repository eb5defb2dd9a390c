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
    /// Reloads the configuration (`POST /-/reload`); throws with the reason when the new one is bad.
    public var reload: (@Sendable () async throws -> Void)?
    /// etcdmon's own metrics in the text exposition format (`GET /metrics`).
    public var selfMetrics: (@Sendable () -> [UInt8])?

    public init(host: String, port: Int, api: PrometheusAPI) {
        self.host = host
        self.port = port
        self.api = api
    }

    /// The application, ready to run (as a service, or with `runService()`).
    public func application(logger: Logger) -> some ApplicationProtocol {
        let router = Router(context: APIRequestContext.self)
        router.get("-/healthy") { _, _ in "etcdmon is Healthy.\n" }
        router.get("-/ready") { _, _ in "etcdmon is Ready.\n" }
        if let reload {
            for method in [HTTPRequest.Method.post, .put] {
                router.on("-/reload", method: method) { _, _ -> Response in
                    do {
                        try await reload()
                        return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "")))
                    } catch {
                        return Response(status: .internalServerError,
                                        body: ResponseBody(byteBuffer: ByteBuffer(string: "failed to reload config: \(error)\n")))
                    }
                }
            }
        }
        if let selfMetrics {
            router.get("metrics") { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: selfMetrics())))
            }
        }
        api.register(on: router)
        StatusPage(storage: api.storage, manager: api.scrapeManager).register(on: router)
        return Application(
            router: router, server: .http1(additionalChannelHandlers: [ClientCloseHandler()]),
            configuration: .init(address: .hostname(host, port: port), serverName: "etcdmon"), logger: logger)
    }
}

import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import EtcdmonModel
import Notify
import Profiling
import TSDB
import Traces

/// The HTTP server: Prometheus's API plus the `/-/healthy` and `/-/ready` probes.
public struct APIServer: Sendable {
    /// Where it listens.
    public let host: String
    public let port: Int
    /// The API served.
    public let api: PrometheusAPI
    /// Reloads the configuration (`POST /-/reload`); throws with the reason when the new one is bad.
    public var reload: (@Sendable () async throws -> Void)?
    /// Starts a clean shutdown (`POST /-/quit`).
    public var quit: (@Sendable () -> Void)?
    /// Whether `/-/reload` and `/-/quit` act (`--web.enable-lifecycle`); otherwise they answer 403,
    /// as Prometheus's do, and only SIGHUP reloads.
    public var lifecycleEnabled = false
    /// etcdmon's own metrics in the text exposition format (`GET /metrics`).
    public var selfMetrics: (@Sendable () -> [UInt8])?
    /// Where every route lives (`--web.route-prefix`), without leading or trailing slashes: empty
    /// for `/`, `etcdmon` for `/etcdmon/api/v1/…` behind a reverse proxy.
    public var routePrefix = "" {
        didSet { routePrefix = routePrefix.split(separator: "/").joined(separator: "/") }
    }

    /// The built-in Alertmanager, served as Alertmanager's API v2 under `/api/v2` (nil: not running).
    public var alertmanager: BuiltInAlertmanager?
    /// Where captured profiles are kept (`/api/v1/etcd/profiles`; nil: not served).
    package var profiles: ProfileStore?
    /// Received spans (Jaeger's query API under `/api/traces`…; nil: tracing is off, and those routes say so).
    package var traces: TraceReceiver?
    /// When the process started (Alertmanager's status `uptime`), nanoseconds since the epoch.
    public var started: Int64 = 0

    /// Whether `POST /api/v1/write` takes samples (`--web.enable-remote-write-receiver`).
    public var remoteWriteReceiver = false
    /// Whether the admin endpoints act (`--web.enable-admin-api`).
    public var adminEnabled = false
    /// `--web.config.file`: TLS, basic authentication, headers and a rate limit for every route.
    package var security: WebSecurity?
    /// `--web.max-connections`: connections beyond it wait to be accepted (0: no limit).
    public var maxConnections = 512
    /// `--web.read-timeout`: how long a connection may take to deliver a request.
    public var readTimeout: TimeAmount = .minutes(5)

    public init(host: String, port: Int, api: PrometheusAPI) {
        self.host = host
        self.port = port
        self.api = api
    }

    /// The application, ready to run (as a service, or with `runService()`).
    public func application(logger: Logger) -> some ApplicationProtocol {
        let router = Router(context: APIRequestContext.self)
        let prefix = routePrefix.isEmpty ? "" : "/" + routePrefix
        if !routePrefix.isEmpty {
            // As Prometheus: the bare root sends the browser to the prefixed one.
            router.get("/") { _, _ in Response(status: .found, headers: [.location: prefix + "/"]) }
        }
        api.addCORS(to: router, under: prefix)
        let routes = router.group(RouterPath(routePrefix))
        routes.get("-/healthy") { _, _ in "etcdmon is Healthy.\n" }
        routes.get("-/ready") { _, _ in "etcdmon is Ready.\n" }
        registerLifecycle(on: routes)
        if let selfMetrics {
            routes.get("metrics") { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                         body: ResponseBody(byteBuffer: ByteBuffer(bytes: selfMetrics())))
            }
        }
        api.register(on: routes)
        AdminAPI(storage: api.storage, enabled: adminEnabled).register(on: routes.group("api/v1"))
        if let alertmanager {
            let api = AlertmanagerAPI(alertmanager: alertmanager, started: started)
            api.register(on: routes.group("api/v2"))
            api.registerHistory(on: routes.group("api/v1"))
        }
        EtcdClustersAPI(manager: api.scrapeManager).register(on: routes.group("api/v1"))
        if let profiles { ProfilesAPI(store: profiles, manager: api.scrapeManager).register(on: routes.group("api/v1")) }
        JaegerQueryAPI(receiver: traces).register(on: routes)
        let externalLabels: @Sendable () -> Labels = { [api] in api.scrapeManager?.configuration.global.externalLabels ?? .empty }
        FederationAPI(storage: api.storage, placement: api.placement, lookbackDelta: api.limits.lookbackDelta, externalLabels: externalLabels)
            .register(on: routes)
        RemoteAPI(storage: api.storage, placement: api.placement, receiverEnabled: remoteWriteReceiver, externalLabels: externalLabels)
            .register(on: routes.group("api/v1"))
        WebUIRoutes(prefix: prefix, notifications: alertmanager != nil).register(on: routes)
        let responder = WebSecurityResponder(base: router.buildResponder(), security: security)
        return Application(
            responder: responder, server: serverBuilder(),
            configuration: .init(
                address: .hostname(host, port: port), serverName: "etcdmon",
                availableConnectionsDelegate: maxConnections > 0 ? MaximumAvailableConnections(maxConnections, logger: logger) : nil),
            logger: logger)
    }

    /// HTTP/1.1, in TLS when the web config file asks for it, with the handlers every connection
    /// needs: the client-close watch and the read timeout.
    private func serverBuilder() -> HTTPServerBuilder {
        let readTimeout = readTimeout
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [ClientCloseHandler(), ReadTimeoutHandler(timeout: readTimeout)])
        guard let security, security.servesTLS else { return .http1(configuration: configuration) }
        return HTTPServerBuilder { responder in
            WebTLSChannel(base: HTTP1Channel(responder: responder, configuration: configuration), security: security)
        }
    }
}

extension APIServer {
    /// A plain-text answer.
    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// `/-/reload` and `/-/quit` with Prometheus's gate, answers and status codes.
    private func registerLifecycle(on router: RouterGroup<APIRequestContext>) {
        for path in ["-/reload", "-/quit"] {
            router.get(RouterPath(path)) { _, _ in Self.text(.methodNotAllowed, "Only POST or PUT requests allowed") }
        }
        for method in [HTTPRequest.Method.post, .put] {
            guard lifecycleEnabled else {
                for path in ["-/reload", "-/quit"] {
                    router.on(RouterPath(path), method: method) { _, _ in Self.text(.forbidden, "Lifecycle API is not enabled.") }
                }
                continue
            }
            router.on("-/reload", method: method) { [reload] _, _ -> Response in
                do {
                    try await reload?()
                    return Self.text(.ok, "")
                } catch {
                    return Self.text(.internalServerError, "failed to reload config: \(error)\n")
                }
            }
            router.on("-/quit", method: method) { [quit] _, _ -> Response in
                quit?()
                return Self.text(.ok, "Requesting termination... Goodbye!")
            }
        }
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Talks to etcd members over HTTP(S): health probes, `/version`, and the v3 JSON gateway.
///
/// One client serves any number of members and requests concurrently; call `shutdown()` when done.
/// Every request is bounded by `configuration.requestTimeout` as a whole, so a hung member (one
/// that accepts connections but never answers) costs at most that long.
public final class EtcdClient: Sendable {
    /// How this client connects.
    public let configuration: EtcdClientConfiguration
    private let http: HTTPClient
    private let authorization: String?

    /// Creates a client; loads and checks TLS files now, so a bad path fails here, clearly.
    public init(configuration: EtcdClientConfiguration = .init()) throws(EtcdClientSetupError) {
        self.configuration = configuration
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.tlsConfiguration = try Self.makeTLSConfiguration(configuration.tls)
        // No idle-read timeout: every request has its own deadline (`send`), which a CPU profile
        // (silent for its seconds) needs to be longer than the probes'.
        httpConfiguration.timeout = .init(connect: TimeAmount(configuration.connectTimeout), read: nil)
        httpConfiguration.httpVersion = .http1Only
        httpConfiguration.redirectConfiguration = .disallow
        // A refused or failed connection is an answer about the member: report it at once
        // instead of retrying until the request deadline hides it behind a timeout.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
        authorization = configuration.basicAuth.map {
            "Basic " + Data("\($0.username):\($0.password)".utf8).base64EncodedString()
        }
    }

    /// Closes connections. The client must not be used afterwards.
    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: - Endpoints

    /// `GET /health` (with `?serializable=true`, answered locally without a quorum read).
    public func health(_ endpoint: EtcdEndpoint, serializable: Bool = false) async throws(EtcdRequestError) -> HealthCheck {
        let path = serializable ? "/health?serializable=true" : "/health"
        let response = try await send(.GET, path, to: endpoint)
        // 503 carries a valid verdict; anything else must be 200.
        guard response.status == 200 || response.status == 503 else {
            throw response.unexpectedStatus(endpoint: endpoint, path: path)
        }
        var health: HealthCheck = try response.decode(endpoint: endpoint, path: path)
        health.httpStatus = response.status
        return health
    }

    /// `GET /livez?verbose`; falls back to `/health` when the member answers 404 (etcd < 3.5.12).
    public func livez(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> ProbeCheck {
        try await kubernetesStyleProbe("/livez", endpoint: endpoint)
    }

    /// `GET /readyz?verbose`; falls back to `/health` when the member answers 404 (etcd < 3.5.12).
    public func readyz(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> ProbeCheck {
        try await kubernetesStyleProbe("/readyz", endpoint: endpoint)
    }

    /// `GET /version`.
    public func version(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> ServerVersion {
        let response = try await send(.GET, "/version", to: endpoint)
        guard response.status == 200 else { throw response.unexpectedStatus(endpoint: endpoint, path: "/version") }
        return try response.decode(endpoint: endpoint, path: "/version")
    }

    /// `POST /v3/cluster/member/list`.
    public func memberList(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> MemberList {
        try await gateway("/v3/cluster/member/list", endpoint: endpoint)
    }

    /// `POST /v3/maintenance/status`: what `etcdctl endpoint status` shows.
    public func status(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> MemberStatus {
        try await gateway("/v3/maintenance/status", endpoint: endpoint)
    }

    /// `POST /v3/maintenance/alarm` with action GET: the cluster's active alarms.
    public func alarms(_ endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> AlarmList {
        try await gateway("/v3/maintenance/alarm", body: #"{"action":"GET"}"#, endpoint: endpoint)
    }

    /// `GET /debug/pprof/…` (etcd started with `--enable-pprof`): the status and the raw body, read
    /// within `timeout` (a CPU profile first spends its `seconds`).
    public func pprof(_ endpoint: EtcdEndpoint, path: String, timeout: Duration) async throws(EtcdRequestError) -> (status: Int, body: [UInt8]) {
        let response = try await send(.GET, path, to: endpoint, timeout: timeout)
        return (response.status, response.body)
    }

    // MARK: - Requests

    private func kubernetesStyleProbe(_ path: String, endpoint: EtcdEndpoint) async throws(EtcdRequestError) -> ProbeCheck {
        let response = try await send(.GET, path + "?verbose", to: endpoint)
        switch response.status {
        case 200, 503:
            return ProbeCheck(isOK: response.status == 200, source: .native, detail: response.text)
        case 404:
            let health = try await health(endpoint)
            let detail = "\(path) not served (404, etcd < 3.5.12); used /health: "
                + (health.isHealthy ? "healthy" : "unhealthy" + (health.reason.isEmpty ? "" : " (\(health.reason))"))
            return ProbeCheck(isOK: health.isHealthy, source: .healthFallback, detail: detail)
        default:
            throw response.unexpectedStatus(endpoint: endpoint, path: path)
        }
    }

    private func gateway<Response: Decodable>(
        _ path: String, body: String = "{}", endpoint: EtcdEndpoint
    ) async throws(EtcdRequestError) -> Response {
        let response = try await send(.POST, path, body: body, to: endpoint)
        guard response.status == 200 else { throw response.unexpectedStatus(endpoint: endpoint, path: path) }
        return try response.decode(endpoint: endpoint, path: path)
    }

    /// Sends one request and reads the whole body, within the request timeout.
    private func send(
        _ method: HTTPMethod, _ path: String, body: String? = nil, to endpoint: EtcdEndpoint, timeout: Duration? = nil
    ) async throws(EtcdRequestError) -> RawResponse {
        var request = HTTPClientRequest(url: endpoint.url + path)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let finishedRequest = request
        let limit = configuration.maximumBodyBytes
        let timeout = timeout ?? configuration.requestTimeout
        let http = http
        do {
            return try await withThrowingTaskGroup(of: RawResponse.self) { group in
                group.addTask {
                    let response = try await http.execute(finishedRequest, timeout: TimeAmount(timeout))
                    let body = try await response.body.collect(upTo: limit)
                    return RawResponse(
                        status: Int(response.status.code),
                        contentType: response.headers.first(name: "Content-Type"),
                        body: Array(buffer: body))
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw RequestTimedOut()
                }
                defer { group.cancelAll() }
                return try await group.next()!
            }
        } catch {
            throw Self.classify(error, endpoint: endpoint, path: path, configuration: configuration)
        }
    }

    // MARK: - Errors and TLS

    private struct RequestTimedOut: Error {}

    static func classify(
        _ error: any Error, endpoint: EtcdEndpoint, path: String, configuration: EtcdClientConfiguration
    ) -> EtcdRequestError {
        let url = endpoint.url
        func make(_ kind: EtcdRequestError.Kind, _ detail: String) -> EtcdRequestError {
            EtcdRequestError(kind: kind, endpoint: url, path: path, detail: detail)
        }
        let timeoutText = "no answer within \(configuration.requestTimeout.secondsText) (member hung or overloaded?)"
        switch error {
        case is RequestTimedOut:
            return make(.timeout, timeoutText)
        case let error as HTTPClientError:
            if error == .connectTimeout {
                return make(.connectTimeout, "could not connect within \(configuration.connectTimeout.secondsText)")
            }
            if error == .readTimeout || error == .deadlineExceeded {
                return make(.timeout, timeoutText)
            }
            if error == .remoteConnectionClosed {
                return make(.transport, "the member closed the connection before answering")
            }
            return make(.transport, String(describing: error))
        case is NIOTooManyBytesError:
            return make(.bodyTooLarge, "response larger than \(configuration.maximumBodyBytes) bytes; refused")
        case let error as NIOConnectionError:
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return make(.unresolvableHost, "host '\(endpoint.host)' does not resolve")
            }
            if let first = error.connectionErrors.first {
                return classify(first.error, endpoint: endpoint, path: path, configuration: configuration)
            }
            return make(.transport, String(describing: error))
        case let error as ChannelError:
            if case .connectTimeout = error {
                return make(.connectTimeout, "could not connect within \(configuration.connectTimeout.secondsText)")
            }
            return make(.transport, "connection failed: \(error)")
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: return make(.connectionRefused, "connection refused (nothing listening on \(endpoint.host):\(endpoint.port))")
            case ECONNRESET: return make(.transport, "connection reset by the member")
            case ENETUNREACH, EHOSTUNREACH: return make(.transport, "host unreachable")
            default: return make(.transport, "\(error)")
            }
        case let error as SocketAddressError:
            return make(.unresolvableHost, "host '\(endpoint.host)' does not resolve (\(error))")
        case let error as NIOSSLError:
            return make(.tls, "TLS handshake failed: \(error)")
        case let error as NIOSSLExtraError:
            return make(.tls, "TLS verification failed: \(error)")
        case let error as HTTPParserError:
            return make(.invalidResponse, "the answer is not valid HTTP (\(error))")
        default:
            let text = String(describing: error)
            if text.contains("SSL") || text.contains("TLS") || text.contains("certificate") {
                return make(.tls, "TLS error: \(text)")
            }
            return make(.transport, text)
        }
    }

    /// A client TLS configuration from PEM files (CA, client certificate and key); a file that
    /// cannot be loaded is an error naming it. Shared by everything in etcdmon that dials out.
    public static func makeTLSConfiguration(_ files: TLSFiles?) throws(EtcdClientSetupError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        guard let files else { return tls }
        if let path = files.caCertificate {
            do {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
            } catch {
                throw EtcdClientSetupError(file: path, reason: "cannot load CA certificate: \(error)")
            }
        }
        switch (files.certificate, files.key) {
        case let (certificate?, key?):
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) }
            } catch {
                throw EtcdClientSetupError(file: certificate, reason: "cannot load client certificate: \(error)")
            }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
            } catch {
                throw EtcdClientSetupError(file: key, reason: "cannot load client key: \(error)")
            }
        case (nil, nil):
            break
        case (_?, nil):
            throw EtcdClientSetupError(file: files.certificate!, reason: "--cert needs --key")
        case (nil, _?):
            throw EtcdClientSetupError(file: files.key!, reason: "--key needs --cert")
        }
        if files.insecureSkipVerify { tls.certificateVerification = .none }
        return tls
    }
}

/// TLS material that could not be loaded when creating a client.
public struct EtcdClientSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault.
    public let file: String
    /// Why it could not be used.
    public let reason: String

    public var description: String { "\(file): \(reason)" }
}

/// A response read in full.
struct RawResponse: Sendable {
    var status: Int
    var contentType: String?
    var body: [UInt8]

    var text: String {
        String(decoding: body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func decode<T: Decodable>(endpoint: EtcdEndpoint, path: String) throws(EtcdRequestError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw EtcdRequestError(
                kind: .invalidResponse, endpoint: endpoint.url, path: path,
                detail: "unexpected answer (HTTP \(status), \(body.count) bytes): \(describe(error)); body: \(excerpt)")
        }
    }

    /// The start of the body on one line, for error messages that show what arrived.
    var excerpt: String {
        String(text.prefix(120)).replacingOccurrences(of: "\n", with: " ")
    }

    func unexpectedStatus(endpoint: EtcdEndpoint, path: String) -> EtcdRequestError {
        return EtcdRequestError(
            kind: .httpStatus(status), endpoint: endpoint.url, path: path,
            detail: "HTTP \(status)" + (excerpt.isEmpty ? "" : ": \(excerpt)"))
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension Duration {
    /// `2s`, `0.5s`: how durations appear in messages.
    var secondsText: String {
        let (seconds, attoseconds) = components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds)s" : "\(Double(seconds) + Double(milliseconds) / 1000)s"
    }
}

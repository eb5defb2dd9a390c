import AsyncHTTPClient
import Config
import EtcdClient
import EtcdmonModel
import NIOCore

/// Delivers to a webhook: Alertmanager's version 4 JSON, `max_alerts` at most per notification.
public struct WebhookIntegration: Integration {
    public let name = "webhook"
    public let config: WebhookConfig
    let client: IntegrationClient

    public var sendResolved: Bool { config.sendResolved }

    init(_ config: WebhookConfig, client: IntegrationClient) {
        (self.config, self.client) = (config, client)
    }

    public func notify(_ alerts: [Alert], context: NotificationContext) async throws(NotifyError) {
        let kept = config.maxAlerts > 0 ? Array(alerts.prefix(config.maxAlerts)) : alerts
        // Alertmanager computes the payload (status, common labels) from the alerts it keeps.
        let data = NotificationData(receiver: context.receiver, groupLabels: context.groupLabels, alerts: kept,
                                    externalURL: context.externalURL, now: context.now)
        let body = data.webhookJSON(groupKey: context.groupKey, truncatedAlerts: alerts.count - kept.count)
        try await client.post(body, to: config.url, contentType: "application/json")
    }
}

/// An HTTP client with a receiver's `http_config`, and Alertmanager's reading of responses:
/// 2xx delivered, 5xx worth retrying, anything else refused for good.
final class IntegrationClient: Sendable {
    let client: HTTPClient
    let authorization: String?
    /// How long one request may take.
    static let timeout: TimeAmount = .seconds(30)

    init(_ settings: HTTPClientSettings) throws {
        var configuration = HTTPClient.Configuration()
        // A refused connection fails the attempt at once: the pipeline's backoff retries, not the
        // pool (which would otherwise keep trying until the request's deadline, silently).
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        configuration.redirectConfiguration = settings.followRedirects ? .follow(max: 10, allowCycles: false) : .disallow
        if let tls = settings.tls { configuration.tlsConfiguration = try EtcdClient.makeTLSConfiguration(tls.files) }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        authorization = try settings.authorizationHeader()
    }

    func post(_ body: [UInt8], to url: String, contentType: String) async throws(NotifyError) {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.headers.add(name: "User-Agent", value: "etcdmon")
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        request.body = .bytes(body)
        let status: Int
        let answer: String
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            status = Int(response.status.code)
            let bytes = try await response.body.collect(upTo: 1 << 16)
            answer = String(buffer: bytes)
        } catch {
            throw NotifyError("Post \"\(url)\": \(error)", retryable: true)
        }
        guard (200..<300).contains(status) else {
            throw NotifyError("unexpected status code \(status): \(url): \(answer)", retryable: status >= 500)
        }
    }

    func shutdown() async { try? await client.shutdown() }

    /// Shuts the client down from synchronous code (an unused client must be shut down too).
    func syncShutdown() { try? client.syncShutdown() }
}

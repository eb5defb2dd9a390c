/// A request to an etcd member that did not produce a usable answer.
public struct EtcdRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, in categories a diagnosis can act on.
    public enum Kind: Sendable, Equatable {
        /// No TCP connection within the connect timeout.
        case connectTimeout
        /// Connected, but no complete answer within the request timeout (a hung member).
        case timeout
        /// Nothing listens on the port.
        case connectionRefused
        /// The host name does not resolve.
        case unresolvableHost
        /// The TLS handshake failed, or TLS material could not be loaded.
        case tls
        /// The member answered with an unexpected HTTP status.
        case httpStatus(Int)
        /// The answer was not what the endpoint returns (bad JSON, wrong shape, not HTTP).
        case invalidResponse
        /// The answer exceeded the configured body limit.
        case bodyTooLarge
        /// The connection broke or another transport error occurred.
        case transport
    }

    /// The category.
    public let kind: Kind
    /// The member's URL.
    public let endpoint: String
    /// The path requested, e.g. `/v3/maintenance/status`.
    public let path: String
    /// A one-line human explanation.
    public let detail: String

    /// Creates an error.
    public init(kind: Kind, endpoint: String, path: String, detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.path = path
        self.detail = detail
    }

    /// `true` when the member never answered (nothing to learn from it).
    public var isUnreachable: Bool {
        switch kind {
        case .connectTimeout, .timeout, .connectionRefused, .unresolvableHost, .tls, .transport: true
        case .httpStatus, .invalidResponse, .bodyTooLarge: false
        }
    }

    public var description: String { "\(path): \(detail)" }
}

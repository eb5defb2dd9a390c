import Hummingbird
import NIOCore

/// The context of every request etcdmon serves: Hummingbird's core context plus the connection, so
/// that a long query can ask whether its client is still there and stop when it has gone.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's connection.
    let connection: ClientConnection

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        connection = ClientConnections.shared.connection(for: source.channel)
    }

    /// Whether the client has closed its connection (a thread-safe read).
    var clientIsGone: @Sendable () -> Bool {
        { [connection] in connection.isClosed }
    }
}

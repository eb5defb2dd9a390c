import NIOCore
import Synchronization

/// Which client connections have closed their side. The server lets clients half-close (as
/// Hummingbird configures it), so a client that gives up on a slow query leaves the channel active
/// and only an `inputClosed` event says it has gone: a `ClientCloseHandler` in each connection's
/// pipeline records it here, where a request's context finds it by channel.
final class ClientConnections: Sendable {
    /// The connections of the process's servers.
    static let shared = ClientConnections()

    private let connections = Mutex<[ObjectIdentifier: ClientConnection]>([:])

    /// The state of `channel`'s connection (a fresh, open one if it is not watched).
    func connection(for channel: any Channel) -> ClientConnection {
        connections.withLock { $0[ObjectIdentifier(channel)] } ?? ClientConnection()
    }

    fileprivate func watch(_ channel: any Channel) -> ClientConnection {
        let connection = ClientConnection()
        connections.withLock { $0[ObjectIdentifier(channel)] = connection }
        return connection
    }

    fileprivate func forget(_ channel: any Channel) {
        _ = connections.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
    }
}

/// One client connection: whether the client has closed it (read from any thread).
final class ClientConnection: Sendable {
    private let closed = Atomic<Bool>(false)

    /// Whether the client has closed its side or the connection is gone.
    var isClosed: Bool { closed.load(ordering: .relaxed) }

    fileprivate func close() { closed.store(true, ordering: .relaxed) }
}

/// Watches one connection for the client's close; sits behind the HTTP decoder, which passes the
/// `inputClosed` event on once the request before it is decoded.
final class ClientCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never

    private var connection: ClientConnection?

    func handlerAdded(context: ChannelHandlerContext) {
        connection = ClientConnections.shared.watch(context.channel)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        ClientConnections.shared.forget(context.channel)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed? = event as? ChannelEvent { connection?.close() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        connection?.close()
        ClientConnections.shared.forget(context.channel)
        context.fireChannelInactive()
    }
}

import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// `--web.read-timeout`, as Go's `http.Server.ReadTimeout` (and its `IdleTimeout`, which defaults
/// to it) apply it for Prometheus: a connection must deliver each request within the timeout of
/// its first byte's arrival (or of the connection's opening), and an idle connection is closed
/// after it. A client that trickles a request byte by byte, or opens connections and sends nothing,
/// cannot hold a connection; a slow query is not cut, since the clock stops once a request has
/// arrived whole and until its response has been sent.
final class ReadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?
    /// Requests whose head, and whose end, have arrived, and responses sent, since the connection
    /// opened. Counted apart: a response can be sent before its request's body has arrived (a 401
    /// or a 404 answers the head), and the body must then still arrive in time.
    private var started = 0
    private var read = 0
    private var answered = 0

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    /// Whether the clock runs: a request is partly read, or every request read has been answered.
    private var waitingForClient: Bool { read < started || answered >= read }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { update(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        update(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            started += 1
            // A new request gets the whole timeout, as Go sets a fresh deadline per request.
            cancel()
        case .end: read += 1
        case .body: break
        }
        update(context)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            answered += 1
            update(context)
        }
        context.write(data, promise: promise)
    }

    /// Starts the clock when the client owes bytes and it is not running; stops it otherwise.
    private func update(_ context: ChannelHandlerContext) {
        guard waitingForClient else { return cancel() }
        guard timer == nil else { return }
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: timeout) {
            loopBound.value.close(promise: nil)
        }
    }

    private func cancel() {
        timer?.cancel()
        timer = nil
    }
}

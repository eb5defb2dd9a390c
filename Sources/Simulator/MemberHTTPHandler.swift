import NIOCore
import NIOHTTP1

/// The channel handler behind each simulated member's listener: collects a request, answers it through
/// `MemberResponder`, and keeps the connection alive when the client asks to (as scrapers do).
final class MemberHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: MemberResponder
    private var request: HTTPRequestHead?

    init(responder: MemberResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            // Request bodies (the gateway's JSON) do not change the answers.
            break
        case .end:
            guard let head = request else { return }
            request = nil
            let response = responder.respond(method: head.method, uri: head.uri, allocator: context.channel.allocator)
            var headers = HTTPHeaders()
            headers.add(name: "Content-Type", value: response.contentType)
            headers.add(name: "Content-Length", value: String(response.body.readableBytes))
            let keepAlive = head.isKeepAlive
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: response.status, headers: headers))),
                          promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
            let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
            if !keepAlive {
                let channel = context.channel
                done.whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}

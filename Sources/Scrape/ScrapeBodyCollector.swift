import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Gathers a scrape's response into one buffer sized up front (from `Content-Length`, or the size of
/// the target's previous body), under a size limit.
///
/// Each received part is copied out at once rather than kept as a slice of the connection's
/// receive buffer, so that buffer is not shared when the next read comes and NIO can reuse it.
/// (AsyncHTTPClient's `ResponseAccumulator` kept the first part's slice and grew it by doubling.)
final class ScrapeBodyCollector: HTTPClientResponseDelegate, Sendable {
    /// The response: status line and headers, and the whole body.
    struct Response: Sendable {
        var head: HTTPResponseHead
        var body: ByteBuffer
    }

    /// Why a response could not be collected.
    enum Failure: Error {
        /// The body outgrew the limit (announced or received).
        case tooLarge
        /// The request finished without a response head (AsyncHTTPClient always delivers one first).
        case noHead
    }

    private let limit: Int
    private let expectedSize: Int
    private let state = Mutex<(head: HTTPResponseHead?, body: ByteBuffer)>((nil, ByteBuffer()))

    init(limit: Int, expectedSize: Int) {
        self.limit = min(limit, Int(UInt32.max)) // a ByteBuffer holds at most 4 GiB
        self.expectedSize = expectedSize
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let announced = head.headers.first(name: "Content-Length").flatMap { Int($0) }
        if let announced, announced > limit { return task.eventLoop.makeFailedFuture(Failure.tooLarge) }
        state.withLock { state in
            state.head = head
            // An announced length only sizes the first allocation up to 16 MiB: it is the peer's claim.
            state.body = ByteBufferAllocator().buffer(capacity: min(announced ?? expectedSize, limit, 1 << 24))
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
        let fits = state.withLock { state in
            guard state.body.readableBytes + part.readableBytes <= limit else { return false }
            state.body.writeImmutableBuffer(part)
            return true
        }
        return fits ? task.eventLoop.makeSucceededVoidFuture() : task.eventLoop.makeFailedFuture(Failure.tooLarge)
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        try state.withLock { state in
            guard let head = state.head else { throw Failure.noHead }
            return Response(head: head, body: state.body)
        }
    }
}

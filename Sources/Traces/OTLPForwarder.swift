import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// Passes every export received on to another OTLP/HTTP endpoint (`--otlp.forward-url`, a collector,
/// Jaeger, Tempo), in the order received, from a bounded queue: when the endpoint is slow or away,
/// the oldest exports beyond the queue's size are dropped and counted, never the receiver blocked.
package final class OTLPForwarder: Sendable {
    private struct Export {
        var body: [UInt8]
        var encoding: TraceReceiver.Encoding
    }

    private struct State {
        var queue: [Export] = []
        var queuedBytes = 0
        var waiter: CheckedContinuation<Void, Never>?
        var stopped = false
        var sent = 0
        var dropped = 0
        var failed = 0
    }

    /// Where exports go (`http://collector:4318/v1/traces`).
    package let url: String
    /// The most bytes waiting to be sent.
    package let maxQueuedBytes: Int
    private let client: HTTPClient
    private let logger: Logger
    private let state = Mutex(State())

    package init(url: String, maxQueuedBytes: Int = 32 << 20, logger: Logger) {
        self.url = url
        self.maxQueuedBytes = maxQueuedBytes
        self.logger = logger
        client = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    /// Queues an export; returns at once.
    package func forward(_ body: [UInt8], encoding: TraceReceiver.Encoding) {
        let waiter: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard !state.stopped else { return nil }
            state.queue.append(Export(body: body, encoding: encoding))
            state.queuedBytes += body.count
            while state.queuedBytes > maxQueuedBytes, !state.queue.isEmpty {
                state.queuedBytes -= state.queue.removeFirst().body.count
                state.dropped += 1
            }
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Exports sent, dropped (queue full) and failed (refused or unreachable after retries).
    package var counts: (sent: Int, dropped: Int, failed: Int) { state.withLock { ($0.sent, $0.dropped, $0.failed) } }

    /// Sends until `stop()`.
    package func run() async {
        while let export = await next() { await send(export) }
        try? await client.shutdown()
    }

    /// The oldest export queued, waiting for one; nil once stopped.
    private func next() async -> Export? {
        while true {
            let taken: Export?? = state.withLock { state in
                guard !state.stopped else { return .some(nil) }
                guard !state.queue.isEmpty else { return nil }
                let export = state.queue.removeFirst()
                state.queuedBytes -= export.body.count
                return .some(export)
            }
            if let taken { return taken }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state in
                    if state.stopped || !state.queue.isEmpty { return true }
                    state.waiter = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }

    /// Stops after the export in flight.
    package func stop() {
        let waiter = state.withLock { state in
            state.stopped = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// POSTs one export, retrying 5xx, 429 and connection errors with backoff (three tries).
    private func send(_ export: Export) async {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: export.encoding == .protobuf ? "application/x-protobuf" : "application/json")
        request.body = .bytes(ByteBuffer(bytes: export.body))
        var lastError = ""
        for attempt in 0..<3 {
            if attempt > 0 { try? await Task.sleep(for: .milliseconds(250 << attempt)) }
            do {
                let response = try await client.execute(request, timeout: .seconds(10))
                _ = try? await response.body.collect(upTo: 1 << 20)
                if (200..<300).contains(response.status.code) {
                    state.withLock { $0.sent += 1 }
                    return
                }
                lastError = "\(url) answered \(response.status.code)"
                guard response.status.code >= 500 || response.status.code == 429 else { break }
            } catch {
                lastError = "\(url): \(error)"
            }
        }
        state.withLock { $0.failed += 1 }
        logger.warning("forwarding spans failed", metadata: ["error": "\(lastError)"])
    }
}

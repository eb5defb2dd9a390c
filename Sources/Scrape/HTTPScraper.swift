import AsyncHTTPClient
import Config
import EtcdClient
import Exposition
import Foundation
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import Synchronization

/// Fetches `/metrics` bodies for one job: its TLS, credentials, body limit and timeout. Bodies
/// come gzip-compressed when the target agrees and are inflated under the same size limit.
public final class HTTPScraper: Sendable {
    private let http: HTTPClient
    private let settings: HTTPClientSettings
    private let bodySizeLimit: Int
    /// Parsed requests by URL: a target's URL is parsed once, not at every scrape.
    private let requests = Mutex<[String: HTTPClient.Request]>([:])

    /// A fetched body and how to read it. The bytes stay in the buffer they were received into:
    /// the parser reads them there rather than from a copy.
    public struct Body: Sendable {
        var buffer: ByteBuffer
        public var format: ExpositionFormat

        /// The body's length in bytes.
        public var size: Int { buffer.readableBytes }

        /// Runs `body` with a parser over the fetched bytes.
        public func withParser<Result>(_ body: (inout ExpositionParser) throws -> Result) rethrows -> Result {
            try buffer.withUnsafeReadableBytes { bytes in try ExpositionParser.withParser(bytes, format: format, body) }
        }
    }

    /// Sets up a client; TLS files are read now, so a bad path fails the configuration, not each scrape.
    public init(settings: HTTPClientSettings, bodySizeLimit: Int) throws(ConfigError) {
        self.settings = settings
        self.bodySizeLimit = bodySizeLimit > 0 ? bodySizeLimit : Int.max
        var configuration = HTTPClient.Configuration()
        configuration.httpVersion = .http1Only
        configuration.decompression = .enabled(limit: bodySizeLimit > 0 ? .size(bodySizeLimit) : .none)
        configuration.redirectConfiguration = settings.followRedirects ? .follow(max: 10, allowCycles: false) : .disallow
        configuration.connectionPool.retryConnectionEstablishment = false
        // NIO keeps a pool of up to `maxMessagesPerRead` receive buffers (64 KiB each once a large
        // page has been read) per connection: with the default of four, every idle kept-alive
        // target held a quarter of a megabyte. One read per readiness event keeps one buffer.
        configuration.http1_1ConnectionDebugInitializer = { channel in
            channel.setOption(ChannelOptions.maxMessagesPerRead, value: 1)
        }
        if let tls = settings.tls {
            do {
                configuration.tlsConfiguration = try EtcdClient.makeTLSConfiguration(tls.files)
            } catch {
                throw ConfigError(file: error.file, reason: error.reason)
            }
        }
        http = HTTPClient(eventLoopGroupProvider: .shared(ScrapeExecutor.group), configuration: configuration)
    }

    /// Closes connections.
    public func shutdown() async {
        try? await http.shutdown()
    }

    /// GETs `url` within `timeout`. A scrape loop passes the event loop its timer fires on (its
    /// target's connection is then made there) and the size of the target's previous body (the
    /// buffer is allocated once at that size).
    public func fetch(
        _ url: String, timeout: Duration, on eventLoop: (any EventLoop)? = nil, expectedSize: Int = 0
    ) async throws(ScrapeError) -> Body {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: ExpositionFormat.acceptHeader)
        headers.add(name: "Accept-Encoding", value: "gzip")
        headers.add(name: "User-Agent", value: "etcdmon")
        headers.add(name: "X-Prometheus-Scrape-Timeout-Seconds", value: String(timeout.totalSeconds))
        do {
            if let authorization = try settings.authorizationHeader() { headers.add(name: "Authorization", value: authorization) }
        } catch {
            throw ScrapeError(.configuration, "\(error)")
        }
        let limit = bodySizeLimit
        do {
            var request = try requests.withLock { known in
                if let request = known[url] { return request }
                let request = try HTTPClient.Request(url: url, method: .GET)
                if known.count >= 65_536 { known.removeAll() } // targets come and go; keep the cache bounded
                known[url] = request
                return request
            }
            request.headers = headers
            // The body is gathered on the connection's event loop and handed over once, complete: one
            // thread hop per scrape rather than one per received chunk.
            let collector = ScrapeBodyCollector(limit: limit, expectedSize: expectedSize)
            let preference: HTTPClient.EventLoopPreference = eventLoop.map { .delegate(on: $0) } ?? .indifferent
            let response = try await http.execute(
                request: request, delegate: collector, eventLoop: preference, deadline: .now() + TimeAmount(timeout)
            ).get()
            guard response.head.status == .ok else {
                throw ScrapeError(.httpStatus, "server returned HTTP status \(response.head.status.code) \(response.head.status.reasonPhrase)")
            }
            let contentType = response.head.headers.first(name: "Content-Type")
            return Body(buffer: response.body, format: ExpositionFormat(contentType: contentType))
        } catch let error as ScrapeError {
            throw error
        } catch ScrapeBodyCollector.Failure.tooLarge {
            throw ScrapeError(.bodyTooLarge, "body size limit exceeded (\(limit) bytes)")
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw ScrapeError(.timeout, "context deadline exceeded (no answer within \(timeout))")
        } catch let error as NIOHTTPDecompression.DecompressionError {
            throw ScrapeError(.bodyTooLarge, "decompressed body size limit exceeded (\(limit) bytes): \(error)")
        } catch {
            throw ScrapeError(.connection, Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return "host \"\(error.host)\" does not resolve"
            }
            if let first = error.connectionErrors.first { return describe(first.error) }
        }
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED { return "connection refused" }
        return "\(error)"
    }
}

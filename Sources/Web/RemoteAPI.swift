import EtcdmonModel
import Hummingbird
import NIOCore
import Remote
import TSDB

/// Prometheus's remote protocols on the API: `POST /api/v1/write` (the receiver, behind
/// `--web.enable-remote-write-receiver`) and `POST /api/v1/read`.
struct RemoteAPI: Sendable {
    let storage: Storage
    let placement: QueryPlacement
    let receiverEnabled: Bool
    /// `global.external_labels`, read per request.
    let externalLabels: @Sendable () -> Labels

    func register(on api: RouterGroup<APIRequestContext>) {
        api.post("write") { request, _ in await write(request) }
        api.post("read") { request, _ in await read(request) }
    }

    private func write(_ request: Request) async -> Response {
        guard receiverEnabled else {
            return Self.text(404, "remote write receiver needs to be enabled with --web.enable-remote-write-receiver\n")
        }
        do {
            let body = try await Self.body(request)
            try await placement.read { [storage] () throws(APIError) in
                do throws(RemoteError) {
                    try RemoteWriteRequest(snappy: body).append(to: storage)
                } catch {
                    throw APIError(error.status == 500 ? .internal : .badData, error.message)
                }
            }
            return Response(status: .noContent)
        } catch let error as RemoteError {
            return Self.text(error.status, error.message + "\n")
        } catch let error as APIError {
            return Self.text(error.kind == .internal ? 500 : 400, error.message + "\n")
        } catch {
            return Self.text(500, "\(error)\n")
        }
    }

    private func read(_ request: Request) async -> Response {
        do {
            let body = try await Self.body(request)
            let external = externalLabels()
            let answer = try await placement.read { [storage] () throws(APIError) -> RemoteRead.Answer in
                do throws(RemoteError) {
                    return try RemoteRead.answer(body, querier: storage.querier(), externalLabels: external)
                } catch {
                    throw APIError(error.status == 500 ? .internal : .badData, error.message)
                }
            }
            var headers: HTTPFields = [.contentType: answer.contentType]
            if let encoding = answer.contentEncoding { headers[.contentEncoding] = encoding }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        } catch let error as RemoteError {
            return Self.text(error.status, error.message + "\n")
        } catch let error as APIError {
            return Self.text(error.kind == .internal ? 500 : 400, error.message + "\n")
        } catch {
            return Self.text(500, "\(error)\n")
        }
    }

    /// The body, at most `RemoteWriteRequest.maxBytes`.
    private static func body(_ request: Request) async throws(RemoteError) -> [UInt8] {
        do { return Array(buffer: try await request.body.collect(upTo: RemoteWriteRequest.maxBytes)) } catch {
            throw RemoteError(status: 413, "the request body is over \(RemoteWriteRequest.maxBytes) bytes")
        }
    }

    private static func text(_ status: Int, _ body: String) -> Response {
        Response(status: HTTPResponse.Status(code: status), headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

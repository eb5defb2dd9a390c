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
        return await answer(request) { [storage] body throws(RemoteError) in
            try RemoteWriteRequest(snappy: body).append(to: storage)
            return Response(status: .noContent)
        }
    }

    private func read(_ request: Request) async -> Response {
        let external = externalLabels()
        return await answer(request) { [storage] body throws(RemoteError) in
            let answer = try RemoteRead.answer(body, querier: storage.querier(), externalLabels: external)
            var headers: HTTPFields = [.contentType: answer.contentType]
            if let encoding = answer.contentEncoding { headers[.contentEncoding] = encoding }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    /// Reads the body and runs `work` on it off the event loop; a refusal answers with its status
    /// and reason as plain text, as Prometheus's handlers do.
    private func answer(_ request: Request, _ work: @escaping @Sendable ([UInt8]) throws(RemoteError) -> Response) async -> Response {
        let outcome: Result<Response, RemoteError>
        do {
            let body = try await Self.body(request)
            outcome = try await placement.read { () throws(APIError) -> Result<Response, RemoteError> in
                do throws(RemoteError) { return .success(try work(body)) } catch { return .failure(error) }
            }
        } catch let error as RemoteError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(RemoteError(status: 500, "\(error)"))
        }
        switch outcome {
        case .success(let response): return response
        case .failure(let error): return Self.text(error.status, error.message + "\n")
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

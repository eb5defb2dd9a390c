import CompressNIO
import Hummingbird

/// Responses in Prometheus's envelope, gzip-compressed when the client accepts it.
func respond(_ request: Request, _ body: () async throws(APIError) -> [UInt8]) async -> Response {
    var writer = JSONWriter()
    let status: HTTPResponse.Status
    do {
        let data = try await body()
        writer.raw("{\"status\":\"success\",\"data\":")
        writer.append(data)
        writer.raw("}")
        status = .ok
    } catch {
        writer.raw("{\"status\":\"error\",\"errorType\":")
        writer.string(error.kind.rawValue)
        writer.raw(",\"error\":")
        writer.string(error.message)
        writer.raw("}")
        status = error.kind.status
    }
    var buffer = ByteBuffer(bytes: writer.bytes)
    var headers: HTTPFields = [.contentType: "application/json"]
    if let accepted = request.headers[.acceptEncoding], accepted.contains("gzip"), buffer.readableBytes > 1024,
       let compressed = try? buffer.compress(with: .gzip()) {
        buffer = compressed
        headers[.contentEncoding] = "gzip"
    }
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
}

/// An answer with no body (204), as Prometheus gives to the admin calls that return nothing; an
/// error in the usual envelope.
func respondNoContent(_ request: Request, _ body: () async throws(APIError) -> Void) async -> Response {
    do {
        try await body()
        return Response(status: .noContent)
    } catch {
        return await respond(request) { () throws(APIError) -> [UInt8] in throw error }
    }
}

import Hummingbird

/// An API v2 error: the framework's (`{"code":…,"message":…}`, no newline) or a handler's (a bare
/// JSON string and a newline), as Alertmanager answers them.
enum AlertmanagerAPIError: Error {
    case framework(Int, String)
    case handler(HTTPResponse.Status, String)

    var response: Response {
        var writer = JSONWriter()
        switch self {
        case .framework(let code, let message):
            writer.raw("{\"code\":")
            writer.integer(code)
            writer.raw(",\"message\":")
            writer.string(message)
            writer.raw("}")
            let status: HTTPResponse.Status = code >= 600 ? .unprocessableContent : .init(code: code)
            return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
        case .handler(let status, let message):
            writer.string(message)
            writer.raw("\n")
            return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: writer.bytes)))
        }
    }
}

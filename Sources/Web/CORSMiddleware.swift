import EtcdmonModel
import Hummingbird

/// Prometheus's CORS for the API (`--web.cors.origin`, a fully anchored regex, `.*` by default): a
/// request with an `Origin` gets the CORS headers, and `Access-Control-Allow-Origin` is `*` for the
/// default, the origin itself when it matches, absent otherwise. A preflight (`OPTIONS`) to any API
/// path is answered here with Prometheus's empty success.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// Which origins may read the API's answers.
    let origin: LabelPattern
    /// The paths it applies to.
    let pathPrefix: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix(pathPrefix) else { return try await next(request, context) }
        var response = request.method == .options
            ? await respond(request) { () async throws(APIError) in Array("null".utf8) }
            : try await next(request, context)
        guard let requestOrigin = request.headers[.origin], !requestOrigin.isEmpty else { return response }
        response.headers[.accessControlAllowHeaders] = "Accept, Authorization, Content-Type, Origin"
        response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
        response.headers[.accessControlExposeHeaders] = "Date"
        response.headers[.vary] = "Origin"
        if origin.source == ".*" {
            response.headers[.accessControlAllowOrigin] = "*"
        } else if origin.matches(requestOrigin) {
            response.headers[.accessControlAllowOrigin] = requestOrigin
        }
        return response
    }
}

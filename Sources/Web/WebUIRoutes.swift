import CompressNIO
import HTTPTypes
import Hummingbird
import NIOCore
import Templates
import WebUI

/// The pages (`/`, `/dashboard`, `/alerts`, `/targets`, `/rules`, `/explore`, `/profiles`, `/traces`) and their files
/// under `/static/<version>/`. The pages read only the public API; the files are compiled in.
struct WebUIRoutes: Sendable {
    /// The route prefix (empty, or `/name`), for the pages' links and the API's address.
    let prefix: String
    /// Whether the built-in Alertmanager runs (the alerts page then offers silences through `/api/v2`).
    let notifications: Bool

    /// The pages, by path (the empty path is the overview).
    static let pages = [
        "": "overview", "dashboard": "dashboard", "alerts": "alerts", "targets": "targets", "rules": "rules", "explore": "explore",
        "profiles": "profiles", "traces": "traces",
    ]

    /// Each file gzipped once, for browsers that accept it.
    private static let compressed: [String: ByteBuffer] = WebAssets.files.compactMapValues { asset in
        var buffer = ByteBuffer(bytes: asset.bytes)
        return try? buffer.compress(with: .gzip())
    }

    /// What every page and file answers with: no sniffing, no framing by other sites, and only
    /// this server's scripts and styles (inline `style` attributes are the charts' sizes).
    private static let protection: HTTPFields = [
        .xContentTypeOptions: "nosniff",
        HTTPField.Name("X-Frame-Options")!: "DENY",
        HTTPField.Name("Content-Security-Policy")!:
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
    ]

    func register(on routes: RouterGroup<APIRequestContext>) {
        // The prefix comes from a flag (percent-decoded from --web.external-url): escaped for HTML.
        let prefix = Escaping.html(prefix)
        let staticPath = prefix + "/static/" + WebAssets.version
        for (path, page) in Self.pages {
            let html = WebAssets.shell.replacingOccurrences(of: "{{STATIC}}", with: staticPath)
                .replacingOccurrences(of: "{{PREFIX}}", with: prefix).replacingOccurrences(of: "{{PAGE}}", with: page)
                .replacingOccurrences(of: "{{NOTIFICATIONS}}", with: notifications ? "on" : "off")
            routes.get(RouterPath(path.isEmpty ? "/" : path)) { _, _ -> Response in
                var headers = Self.protection
                headers[.contentType] = "text/html; charset=utf-8"
                headers[.cacheControl] = "no-cache"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            }
        }
        routes.get("static/:version/:file") { request, context -> Response in
            guard let name = context.parameters.get("file"), let asset = WebAssets.files[name] else {
                return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "404 page not found\n")))
            }
            var headers = Self.protection
            headers[.contentType] = asset.contentType
            headers[.vary] = "Accept-Encoding"
            // Another version's URL (a page loaded before an upgrade) gets today's file, uncached.
            headers[.cacheControl] = context.parameters.get("version") == WebAssets.version
                ? "public, max-age=31536000, immutable" : "no-cache"
            if let accepted = request.headers[.acceptEncoding], accepted.contains("gzip"), let gzipped = Self.compressed[name] {
                headers[.contentEncoding] = "gzip"
                return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: gzipped))
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}

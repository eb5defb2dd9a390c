import Foundation
import HTTPTypes
import Hummingbird

/// Puts the web config file's rules in front of every route, as exporter-toolkit's handler wraps
/// Prometheus's whole mux: the rate limit, then the extra headers, then basic authentication (401
/// with `WWW-Authenticate: Basic` when the credentials are missing or wrong). The file in force is
/// looked up per request, so user changes apply without a restart.
struct WebSecurityResponder<Base: HTTPResponder>: HTTPResponder {
    typealias Context = Base.Context

    let base: Base
    /// `nil`: no web config file, every request goes through.
    let security: WebSecurity?
    let limiter = RateLimiter()

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let security else { return try await base.respond(to: request, context: context) }
        let config = security.current().config
        guard limiter.allow(config.rateLimit) else { return Self.plain(.tooManyRequests) }
        var response: Response
        if config.users.isEmpty {
            response = try await base.respond(to: request, context: context)
        } else {
            let outcome = if let (user, password) = Self.credentials(request) {
                await security.passwords.check(user: user, password: password, users: config.users)
            } else {
                PasswordChecker.Outcome.refused
            }
            switch outcome {
            case .accepted:
                response = try await base.respond(to: request, context: context)
            case .refused:
                response = Self.plain(.unauthorized)
                response.headers[.wwwAuthenticate] = "Basic"
            case .busy:
                response = Self.plain(.tooManyRequests)
            }
        }
        for (name, value) in config.headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    /// The user and password of an `Authorization: Basic` header.
    static func credentials(_ request: Request) -> (String, String)? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let decoded = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// Go's `http.Error` answer: the status text on a line.
    static func plain(_ status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .init("X-Content-Type-Options")!: "nosniff"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: status.reasonPhrase + "\n")))
    }
}

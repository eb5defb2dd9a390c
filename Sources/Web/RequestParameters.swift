import Foundation
import Hummingbird

/// A request's parameters from the query string and, for POST, an
/// `application/x-www-form-urlencoded` body — as Prometheus's API reads them.
struct RequestParameters: Sendable {
    private var values: [String: [String]] = [:]
    /// The first parameter whose bytes were not UTF-8.
    private var invalid: String?

    static func read(_ request: Request) async throws -> RequestParameters {
        var parameters = RequestParameters()
        parameters.add(form: request.uri.query ?? "")
        if request.method == .post {
            let contentType = request.headers[.contentType] ?? ""
            if contentType.hasPrefix("application/x-www-form-urlencoded") {
                let body = try await request.body.collect(upTo: 16 * 1024 * 1024)
                parameters.add(form: String(buffer: body))
            }
        }
        return parameters
    }

    private mutating func add(form: String) {
        for pair in form.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // removingPercentEncoding gives nil for escapes that do not decode to UTF-8.
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding }
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else {
                invalid = invalid ?? String(parts[0])
                continue
            }
            values[name, default: []].append(value)
        }
    }

    subscript(name: String) -> String? { values[name]?.last }

    /// Throws when a parameter was not valid UTF-8 or percent-encoding.
    func validate() throws(APIError) {
        if let invalid { throw APIError(.badData, "invalid parameter \"\(invalid)\": not valid UTF-8 or percent-encoding") }
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// A time parameter: Unix seconds (fractions allowed) or RFC 3339; `fallback` when absent.
    func time(_ name: String, fallback: Int64) throws(APIError) -> Int64 {
        guard let text = self[name], !text.isEmpty else { return fallback }
        guard let time = APIParameterValue.timestamp(text) else {
            throw APIError(.badData, "invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid timestamp")
        }
        return time
    }

    /// A duration parameter: seconds (fractions allowed) or a Prometheus duration.
    func duration(_ name: String) throws(APIError) -> Int64? {
        guard let text = self[name], !text.isEmpty else { return nil }
        guard let duration = APIParameterValue.duration(text) else {
            throw APIError(.badData, "invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid duration")
        }
        return duration
    }
}

import HTTPTypes

/// An error answered in Prometheus's API envelope: `{"status":"error","errorType":…,"error":…}`
/// with the status code Prometheus uses for that type.
package struct APIError: Error, Sendable {
    enum Kind: String, Sendable {
        case badData = "bad_data"
        case execution
        case timeout
        case canceled
        case `internal`
        case unavailable
        case notFound = "not_found"

        var status: HTTPResponse.Status {
            switch self {
            case .badData: .badRequest
            case .execution: .unprocessableContent
            case .timeout, .unavailable: .serviceUnavailable
            case .canceled: .init(code: 499)
            case .internal: .internalServerError
            case .notFound: .notFound
            }
        }
    }

    var kind: Kind
    var message: String

    init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Why an OTLP export was refused: what was wrong and where, with the status to answer.
package struct OTLPError: Error, Sendable, CustomStringConvertible {
    package enum Reason: Sendable {
        /// The body is not an `ExportTraceServiceRequest` (HTTP 400, gRPC INVALID_ARGUMENT).
        case malformed
        /// Over the size limit (HTTP 413, gRPC RESOURCE_EXHAUSTED).
        case tooLarge
        /// A content type the receiver does not read (HTTP 415).
        case unsupportedMediaType
    }

    package var reason: Reason
    package var message: String

    package init(_ reason: Reason, _ message: String) { (self.reason, self.message) = (reason, message) }

    package var description: String { message }
}

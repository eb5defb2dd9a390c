/// Why a remote-write or remote-read request was refused: what was wrong, and the HTTP status
/// Prometheus answers for it.
package struct RemoteError: Error, Sendable, CustomStringConvertible {
    /// 400 for input the sender must not retry, 500 for a failure here, 413 for a body over the limit.
    package var status: Int
    package var message: String

    package init(status: Int, _ message: String) { (self.status, self.message) = (status, message) }

    package var description: String { message }
}

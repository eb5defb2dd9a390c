/// Why a scrape failed; its description is the target's `lastError`.
public struct ScrapeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        case timeout, connection, httpStatus, bodyTooLarge, parse, sampleLimit, labelLimit, targetLimit, storage, configuration
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

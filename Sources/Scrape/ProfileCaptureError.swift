/// Why a member's profile could not be fetched or kept: which cluster or member, and what failed.
public struct ProfileCaptureError: Error, CustomStringConvertible {
    /// Where it failed.
    public enum Kind: Sendable {
        /// The member is unknown, down, or does not serve the profile.
        case unavailable
        /// It answered something that is not a profile.
        case invalid
        /// The data directory refused it.
        case storage
    }

    public var kind: Kind
    public var reason: String
    public init(_ reason: String, kind: Kind = .unavailable) { (self.reason, self.kind) = (reason, kind) }
    public var description: String { reason }
}

/// Why a member's profile could not be fetched: which cluster or member, and what failed.
public struct ProfileCaptureError: Error, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

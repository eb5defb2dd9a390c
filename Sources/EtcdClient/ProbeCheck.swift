/// The answer of `GET /livez` or `GET /readyz` (etcd ≥ 3.5.12), or of the `/health` fallback on
/// members that do not serve them.
public struct ProbeCheck: Sendable, Equatable {
    /// Which endpoint produced the answer.
    public enum Source: String, Sendable, Equatable {
        /// The member served `/livez` or `/readyz` itself.
        case native
        /// The member answered 404 (etcd < 3.5.12); `/health` was asked instead.
        case healthFallback = "health-fallback"
    }

    /// Whether the check passed.
    public var isOK: Bool
    /// Where the verdict came from.
    public var source: Source
    /// The body (with `?verbose`, one line per check) or the fallback's reason.
    public var detail: String

    /// Creates a probe answer.
    public init(isOK: Bool, source: Source, detail: String) {
        self.isOK = isOK
        self.source = source
        self.detail = detail
    }
}

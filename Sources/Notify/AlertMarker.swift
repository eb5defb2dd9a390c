import Synchronization

/// What mutes each alert as last seen (Alertmanager's `types.Marker`): the API's alert `status`.
public final class AlertMarker: Sendable {
    /// An alert's status.
    public struct Status: Sendable, Equatable {
        public var silencedBy: [String] = []
        public var inhibitedBy: [String] = []

        public init() {}
        /// `active`, `suppressed` (silenced or inhibited) or `unprocessed` (never looked at).
        public var state: String { silencedBy.isEmpty && inhibitedBy.isEmpty ? "active" : "suppressed" }
    }

    private let statuses = Mutex<[UInt64: Status]>([:])

    public init() {}

    func setSilenced(_ fingerprint: UInt64, by ids: [String]) {
        statuses.withLock { $0[fingerprint, default: Status()].silencedBy = ids }
    }

    func setInhibited(_ fingerprint: UInt64, by fingerprints: [String]) {
        statuses.withLock { $0[fingerprint, default: Status()].inhibitedBy = fingerprints }
    }

    /// The status of `fingerprint`, or nil when it was never marked.
    public func status(_ fingerprint: UInt64) -> Status? { statuses.withLock { $0[fingerprint] } }

    /// Forgets alerts no longer stored.
    func forget(_ fingerprints: [UInt64]) {
        statuses.withLock { statuses in for fingerprint in fingerprints { statuses[fingerprint] = nil } }
    }
}

import Synchronization

/// The last notifications attempted, newest last: what was sent, when, to which receiver and
/// integration, with its outcome (Alertmanager keeps none; users ask for one). Bounded: the
/// oldest go first. In memory: a restart starts a new history.
public final class NotificationHistory: Sendable {
    /// One notification.
    public struct Record: Sendable {
        /// When its flush started (nanoseconds).
        public var time: Int64
        public var receiver: String
        /// `webhook[0]`.
        public var integration: String
        public var groupKey: String
        public var firing: Int
        public var resolved: Int
        /// Nil when delivered; else the last error.
        public var error: String?
        public var attempts: Int
        /// Seconds from the first attempt to the outcome.
        public var seconds: Double
    }

    private let records = Mutex<[Record]>([])
    /// The most records kept.
    public let capacity: Int

    public init(capacity: Int = 1000) { self.capacity = capacity }

    func add(_ record: Record) {
        records.withLock { records in
            if records.count >= capacity { records.removeFirst(records.count - capacity + 1) }
            records.append(record)
        }
    }

    /// Every record kept, oldest first.
    public var all: [Record] { records.withLock { $0 } }
}

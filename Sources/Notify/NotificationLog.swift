import EtcdmonModel
import Synchronization

/// What was last notified for each group and integration (Alertmanager's `nflog`): the alerts
/// firing and resolved at that notification, by alert hash, and when. A flush notifies only when
/// this changed or the repeat interval has passed, so a restart does not notify twice.
public final class NotificationLog: Sendable {
    /// One record.
    public struct Entry: Sendable, Equatable {
        public var groupKey: String
        /// `<receiver>/<integration>/<index>`.
        public var receiver: ReceiverKey
        public var firing: [UInt64]
        public var resolved: [UInt64]
        /// Nanoseconds.
        public var timestamp: Int64
        public var expiresAt: Int64

        var key: String { Self.key(groupKey, receiver) }

        /// `<group key>:<receiver>/<integration>/<index>`, the log's key as Alertmanager's.
        static func key(_ groupKey: String, _ receiver: ReceiverKey) -> String { groupKey + ":" + receiver.description }
    }

    /// An integration of a receiver (nflog's `Receiver`).
    public struct ReceiverKey: Sendable, Hashable, CustomStringConvertible {
        public var receiver: String
        public var integration: String
        public var index: Int
        public var description: String { "\(receiver)/\(integration)/\(index)" }
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// How long a record is kept when no repeat interval bounds it (nanoseconds).
    let retention: Int64
    /// Where the log is kept (Alertmanager's `nflog` file), rewritten after every change; nil: in memory.
    private let file: StateFile<Nflogpb_MeshEntry>?

    public init(retention: Int64 = 120 * 3600 * 1_000_000_000, entries: [Entry] = []) {
        self.retention = retention
        file = nil
        self.entries.withLock { stored in for entry in entries { stored[entry.key] = entry } }
    }

    /// The log kept in `path`, with the records of the file there that have not expired by `now`.
    public init(path: String, retention: Int64 = 120 * 3600 * 1_000_000_000, now: Int64) throws(StateFileError) {
        self.retention = retention
        let file = StateFile<Nflogpb_MeshEntry>(path: path)
        self.file = file
        let loaded = try file.read().map { (message) throws(StateFileError) in try StateFiles.entry(message, path: path) }
        entries.withLock { stored in
            for entry in loaded where entry.expiresAt > now {
                if let existing = stored[entry.key], existing.timestamp >= entry.timestamp { continue }
                stored[entry.key] = entry
            }
        }
    }

    /// Writes the file (under the lock, so snapshots land in order).
    private func save(_ stored: [String: Entry]) throws {
        try file?.write(stored.values.map(StateFiles.message))
    }

    /// The record for `groupKey` and `receiver`.
    public func entry(groupKey: String, receiver: ReceiverKey) -> Entry? {
        entries.withLock { $0[Entry.key(groupKey, receiver)] }
    }

    /// Records a notification at `now`; it expires after twice the repeat interval (or the
    /// retention). Throws when the file cannot be written (the record is kept in memory).
    public func log(groupKey: String, receiver: ReceiverKey, firing: [UInt64], resolved: [UInt64], now: Int64, expiry: Int64) throws {
        let entry = Entry(groupKey: groupKey, receiver: receiver, firing: firing, resolved: resolved, timestamp: now,
                          expiresAt: now + (expiry > 0 && retention > expiry ? expiry : retention))
        try entries.withLock { stored in
            if let existing = stored[entry.key], existing.timestamp > now { return }
            stored[entry.key] = entry
            try save(stored)
        }
    }

    /// Every record.
    public var all: [Entry] { entries.withLock { Array($0.values) } }

    /// Drops expired records.
    public func collectGarbage(now: Int64) throws {
        try entries.withLock { stored in
            let count = stored.count
            stored = stored.filter { $0.value.expiresAt > now }
            if stored.count != count { try save(stored) }
        }
    }

    /// Alertmanager's `needsUpdate`: whether a flush with these alerts must notify.
    static func needsUpdate(_ entry: Entry?, firing: Set<UInt64>, resolved: Set<UInt64>, sendResolved: Bool,
                            repeatInterval: Int64, now: Int64) -> Bool {
        guard let entry else { return !firing.isEmpty }
        if !firing.isSubset(of: entry.firing) { return true }
        if firing.isEmpty { return !entry.firing.isEmpty }
        if sendResolved && !resolved.isSubset(of: entry.resolved) { return true }
        return entry.timestamp < now - repeatInterval
    }
}

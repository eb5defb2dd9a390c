import EtcdmonModel
import Foundation
import Synchronization

/// The silences, with Alertmanager's rules for creating, updating and expiring them (`silence.
/// Silences`). Kept until `retention` after they end; persisted by `SilenceFile`.
public final class Silences: Sendable {
    private let state = Mutex<[String: Silence]>([:])
    /// How long an expired silence is kept (nanoseconds).
    let retention: Int64
    /// Where the silences are kept (Alertmanager's `silences` file), rewritten after every change;
    /// nil: in memory.
    private let file: StateFile<Silencepb_MeshSilence>?

    public init(retention: Int64 = 120 * 3600 * 1_000_000_000, silences: [Silence] = []) {
        self.retention = retention
        file = nil
        state.withLock { stored in for silence in silences { stored[silence.id] = silence } }
    }

    /// The silences kept in `path`, with those of the file there not past their retention at `now`.
    public init(path: String, retention: Int64 = 120 * 3600 * 1_000_000_000, now: Int64) throws(StateFileError) {
        self.retention = retention
        let file = StateFile<Silencepb_MeshSilence>(path: path)
        self.file = file
        let loaded = try file.read().map { (message) throws(StateFileError) in
            (try StateFiles.silence(message, path: path), StateFiles.nanoseconds(message.expiresAt))
        }
        state.withLock { stored in
            for (silence, expiresAt) in loaded where expiresAt > now {
                if let existing = stored[silence.id], existing.updatedAt >= silence.updatedAt { continue }
                stored[silence.id] = silence
            }
        }
    }

    /// Writes the file (under the lock, so snapshots land in order); a failure is a `Failure`.
    private func save(_ stored: [String: Silence]) throws(Failure) {
        guard let file else { return }
        do { try file.write(stored.values.map { StateFiles.message($0, retention: retention) }) } catch {
            throw .unsaved("\(error)")
        }
    }

    /// Why a silence was not stored.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notFound
        case invalid(String)
        /// Stored in memory, but the file could not be written.
        case unsaved(String)

        public var description: String {
            switch self {
            case .notFound: "silence not found"
            case .invalid(let reason): "silence invalid: \(reason)"
            case .unsaved(let reason): "silence not saved: \(reason)"
            }
        }
    }

    /// Stores `silence` and returns its ID. A new one (no ID) gets a fresh UUID and starts no
    /// earlier than `now`. An existing one is updated in place when only its end, comment or
    /// author change and it has not expired; otherwise the old one is expired and a new one made.
    public func set(_ silence: Silence, now: Int64) throws(Failure) -> String {
        try state.withLock { (stored) throws(Failure) -> String in
            var silence = silence
            let previous = silence.id.isEmpty ? nil : stored[silence.id]
            if !silence.id.isEmpty, previous == nil { throw .notFound }
            if let previous, Self.canUpdate(previous, with: silence, now: now) {
                silence.updatedAt = now
                if let reason = silence.validationError() { throw .invalid(reason) }
                stored[silence.id] = silence
                try save(stored)
                return silence.id
            }
            silence.id = UUID().uuidString.lowercased()
            if silence.startsAt < now { silence.startsAt = now }
            silence.updatedAt = now
            if let reason = silence.validationError() { throw .invalid(reason) }
            if var previous, previous.state(at: now) != .expired {
                Self.expire(&previous, now: now)
                stored[previous.id] = previous
            }
            stored[silence.id] = silence
            try save(stored)
            return silence.id
        }
    }

    /// Ends the silence `id` now (a pending one never starts).
    public func expire(_ id: String, now: Int64) throws(Failure) {
        try state.withLock { (stored) throws(Failure) in
            guard var silence = stored[id] else { throw .notFound }
            guard silence.state(at: now) != .expired else { return }
            Self.expire(&silence, now: now)
            stored[id] = silence
            try save(stored)
        }
    }

    private static func expire(_ silence: inout Silence, now: Int64) {
        if silence.state(at: now) == .pending { silence.startsAt = now }
        silence.endsAt = now
        silence.updatedAt = now
    }

    /// Alertmanager's `canUpdate`: the same matchers, and an active silence keeps its start (to
    /// the second) and does not end in the past; a pending one does not start in the past.
    private static func canUpdate(_ previous: Silence, with silence: Silence, now: Int64) -> Bool {
        guard previous.matchers == silence.matchers else { return false }
        switch previous.state(at: now) {
        case .active:
            return previous.startsAt / 1_000_000_000 == silence.startsAt / 1_000_000_000 && silence.endsAt >= now
        case .pending:
            return silence.startsAt >= now
        case .expired:
            return false
        }
    }

    /// The silence `id`.
    public func silence(_ id: String) -> Silence? { state.withLock { $0[id] } }

    /// Every silence kept.
    public var all: [Silence] { state.withLock { Array($0.values) } }

    /// The IDs of the active silences that match `labels`, sorted, and of the pending ones.
    public func matching(_ labels: Labels, now: Int64) -> (active: [String], pending: [String]) {
        state.withLock { stored in
            var active: [String] = []
            var pending: [String] = []
            for silence in stored.values where silence.matches(labels) {
                switch silence.state(at: now) {
                case .active: active.append(silence.id)
                case .pending: pending.append(silence.id)
                case .expired: break
                }
            }
            return (active.sorted(), pending.sorted())
        }
    }

    /// Drops silences that ended more than `retention` ago.
    public func collectGarbage(now: Int64) throws(Failure) {
        try state.withLock { (stored) throws(Failure) in
            let count = stored.count
            stored = stored.filter { $0.value.endsAt &+ retention > now }
            if stored.count != count { try save(stored) }
        }
    }

    /// How many silences are in each state.
    public func counts(now: Int64) -> [Silence.State: Int] {
        state.withLock { stored in
            var counts: [Silence.State: Int] = [.active: 0, .pending: 0, .expired: 0]
            for silence in stored.values { counts[silence.state(at: now), default: 0] += 1 }
            return counts
        }
    }
}

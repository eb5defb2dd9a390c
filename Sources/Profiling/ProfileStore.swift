import Foundation
import Synchronization

/// Profiles captured from members, kept in the data directory (`profiles/`): each as the bytes the
/// member sent (`ID.pprof`) beside its description (`ID.json`). Old captures go first when the
/// store holds more than `maximumBytes`, and any older than `maximumAge`.
package final class ProfileStore: Sendable {
    /// What one capture is.
    package struct Capture: Codable, Sendable, Equatable {
        /// `<milliseconds>-<member>-<kind>`: sorts by time, safe as a file name.
        package var id: String
        package var cluster: String
        package var member: String
        package var endpoint: String
        /// `cpu`, `heap`, `goroutine`, …
        package var kind: String
        /// When it was taken, milliseconds since the epoch.
        package var takenAt: Int64
        package var bytes: Int
        /// Why: `on demand`, or the alert that asked for it.
        package var reason: String

        package init(id: String, cluster: String, member: String, endpoint: String, kind: String, takenAt: Int64, bytes: Int, reason: String) {
            self.id = id
            self.cluster = cluster
            self.member = member
            self.endpoint = endpoint
            self.kind = kind
            self.takenAt = takenAt
            self.bytes = bytes
            self.reason = reason
        }
    }

    package let directory: String
    package let maximumBytes: Int
    package let maximumAge: Duration
    private let lock = Mutex(())

    package init(directory: String, maximumBytes: Int = 256 << 20, maximumAge: Duration = .seconds(7 * 86_400)) throws {
        self.directory = directory
        self.maximumBytes = maximumBytes
        self.maximumAge = maximumAge
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// A capture's ID for these fields: only letters, digits, `.`, `_` and `-` survive.
    package static func id(takenAt: Int64, member: String, kind: String) -> String {
        let safe = { (text: String) in String(text.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) ? Character($0) : "_" }) }
        return "\(takenAt)-\(safe(member))-\(safe(kind))"
    }

    /// Whether `id` can name a capture (so it never names a path outside the store).
    package static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 200 && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }

    /// Keeps a capture; then trims the store to its limits.
    package func save(_ capture: Capture, bytes: [UInt8]) throws {
        guard Self.isValid(capture.id) else { throw ProfileError("invalid capture id \(capture.id)") }
        try lock.withLock { _ in
            try Data(bytes).write(to: URL(fileURLWithPath: path(capture.id, "pprof")), options: .atomic)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(capture).write(to: URL(fileURLWithPath: path(capture.id, "json")), options: .atomic)
            trim(now: capture.takenAt)
        }
    }

    /// Every capture, newest first.
    package func list() -> [Capture] {
        lock.withLock { _ in captures() }
    }

    /// A capture's description and bytes, nil when there is none.
    package func capture(_ id: String) -> (Capture, [UInt8])? {
        guard Self.isValid(id) else { return nil }
        return lock.withLock { _ in
            guard let meta = FileManager.default.contents(atPath: path(id, "json")),
                  let capture = try? JSONDecoder().decode(Capture.self, from: meta),
                  let bytes = FileManager.default.contents(atPath: path(id, "pprof")) else { return nil }
            return (capture, [UInt8](bytes))
        }
    }

    private func path(_ id: String, _ suffix: String) -> String { directory + "/" + id + "." + suffix }

    private func captures() -> [Capture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { name in
            FileManager.default.contents(atPath: directory + "/" + name).flatMap { try? JSONDecoder().decode(Capture.self, from: $0) }
        }.sorted { ($0.takenAt, $0.id) > ($1.takenAt, $1.id) }
    }

    /// Drops captures past the age limit, then the oldest until the rest fit in the byte limit.
    private func trim(now: Int64) {
        let oldest = now - Int64(maximumAge.components.seconds) * 1000
        var total = 0
        for capture in captures() {
            total += capture.bytes
            if capture.takenAt < oldest || total > maximumBytes {
                try? FileManager.default.removeItem(atPath: path(capture.id, "pprof"))
                try? FileManager.default.removeItem(atPath: path(capture.id, "json"))
            }
        }
    }
}

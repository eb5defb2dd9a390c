import Foundation
import Profiling

/// Takes a member's profile through its cluster's monitor (its TLS and credentials) and keeps it in
/// the profile store: what the Profiles page's button and alert-triggered captures both do.
package struct ProfileCapturer: Sendable {
    package let manager: ScrapeManager
    package let store: ProfileStore

    package init(manager: ScrapeManager, store: ProfileStore) { (self.manager, self.store) = (manager, store) }

    /// Fetches `kind` (`seconds` long for `cpu`) from the member, checks it reads as a profile and keeps it.
    package func capture(cluster: String, member: String, kind: String, seconds: Int, reason: String) async throws(ProfileCaptureError)
        -> ProfileStore.Capture {
        // The protobuf form of every kind (goroutine too), so each reads as a table and a flame graph.
        let path = kind == "cpu" ? "/debug/pprof/profile?seconds=\(seconds)" : "/debug/pprof/\(kind)"
        let answer = try await manager.pprof(cluster: cluster, member: member, path: path, timeout: .seconds(seconds + 15))
        guard answer.status == 200 else {
            throw ProfileCaptureError(answer.status == 404
                ? "\(answer.endpoint) does not serve /debug/pprof: start etcd with --enable-pprof"
                : "\(answer.endpoint)\(path) answered \(answer.status)")
        }
        do { _ = try Profile(bytes: answer.body) } catch { throw ProfileCaptureError("\(answer.endpoint)\(path): \(error)", kind: .invalid) }
        let takenAt = Int64(Date().timeIntervalSince1970 * 1000)
        let capture = ProfileStore.Capture(
            id: ProfileStore.id(takenAt: takenAt, member: member, kind: kind), cluster: cluster, member: member,
            endpoint: answer.endpoint, kind: kind, takenAt: takenAt, bytes: answer.body.count, reason: reason)
        do { try store.save(capture, bytes: answer.body) } catch { throw ProfileCaptureError("the capture could not be kept: \(error)", kind: .storage) }
        return capture
    }
}

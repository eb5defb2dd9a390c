import Foundation
import Hummingbird
import NIOPosix
import TSDB

/// Prometheus's admin endpoints (`/api/v1/admin/tsdb/…`), answered only with
/// `--web.enable-admin-api`: otherwise each is `unavailable` (503), "admin APIs disabled", as
/// Prometheus answers. They write to the data directory, so they run on the blocking thread pool.
struct AdminAPI: Sendable {
    let storage: Storage
    let enabled: Bool

    func register(on api: RouterGroup<APIRequestContext>) {
        for method in [HTTPRequest.Method.post, .put] {
            api.on("admin/tsdb/snapshot", method: method) { request, _ in
                await respond(request) { () async throws(APIError) in try await snapshot(request) }
            }
            api.on("admin/tsdb/delete_series", method: method) { request, _ in
                await respondNoContent(request) { () async throws(APIError) in try await deleteSeries(request) }
            }
            api.on("admin/tsdb/clean_tombstones", method: method) { request, _ in
                await respondNoContent(request) { () async throws(APIError) in try await cleanTombstones() }
            }
        }
    }

    private func checkEnabled() throws(APIError) {
        guard enabled else { throw APIError(.unavailable, "admin APIs disabled") }
    }

    /// `snapshot?skip_head=`: a copy of the store under `<data>/snapshots/<name>`, answered with its name.
    func snapshot(_ request: Request) async throws(APIError) -> [UInt8] {
        try checkEnabled()
        let parameters = try await PrometheusAPI.readParameters(request)
        let skipHead = try parameters.bool("skip_head")
        let name = Self.snapshotName()
        let directory = storage.directory + "/snapshots/" + name
        do {
            _ = try await NIOThreadPool.singleton.runIfActive { [storage] in try storage.snapshot(into: directory, withHead: !skipHead) }
        } catch {
            throw APIError(.internal, "create snapshot: \(error)")
        }
        return JSONWriter.object { writer in
            writer.raw("{\"name\":")
            writer.string(name)
            writer.raw("}")
        }
    }

    /// `delete_series?match[]=…&start=…&end=…`: the matching series' samples in the range are gone
    /// from every answer at once; their bytes go when the blocks are rewritten.
    func deleteSeries(_ request: Request) async throws(APIError) {
        try checkEnabled()
        let parameters = try await PrometheusAPI.readParameters(request)
        let matchers = try PrometheusAPI.selectors(parameters)
        guard !matchers.isEmpty else { throw APIError(.badData, "no match[] parameter provided") }
        let start = try parameters.time("start", fallback: Int64.min / 2)
        let end = try parameters.time("end", fallback: Int64.max / 2)
        do {
            try await NIOThreadPool.singleton.runIfActive { [storage] in
                for selector in matchers { try storage.delete(matching: selector, minTime: start, maxTime: end) }
            }
        } catch {
            throw APIError(.internal, "delete series: \(error)")
        }
    }

    /// `clean_tombstones`: rewrites the blocks that have deletions, freeing their space.
    func cleanTombstones() async throws(APIError) {
        try checkEnabled()
        do {
            _ = try await NIOThreadPool.singleton.runIfActive { [storage] in try storage.cleanTombstones() }
        } catch {
            throw APIError(.internal, "clean tombstones: \(error)")
        }
    }

    /// Prometheus's snapshot name: UTC time, then 16 random hex digits.
    static func snapshotName() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let random = String(UInt64.random(in: 0...UInt64(Int64.max)), radix: 16)
        return formatter.string(from: Date()) + "-" + String(repeating: "0", count: 16 - random.count) + random
    }

}

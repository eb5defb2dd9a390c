import Config
import Foundation
import Hummingbird
import NIOCore
import Profiling
import Scrape

/// `/api/v1/etcd/profiles`: members' Go profiles captured on demand and kept in the data directory —
/// listed, captured (`POST`, form `cluster`, `member`, `profile`, `seconds`), downloaded byte for byte
/// (`…/ID`), and read as `pprof -top` (`…/ID/top`, or `…/ID/top?base=ID2` for what changed since
/// another capture) or a flame graph tree (`…/ID/flame`).
struct ProfilesAPI: Sendable {
    let store: ProfileStore
    let manager: ScrapeManager?

    /// The profiles a capture may ask for.
    static let kinds = EtcdProfilingConfig.kinds

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("etcd/profiles") { request, _ in
            await respond(request) { () async throws(APIError) in list() }
        }
        api.post("etcd/profiles") { request, _ in
            await respond(request) { () async throws(APIError) in try await capture(request) }
        }
        api.get("etcd/profiles/:id") { _, context -> Response in
            guard let id = context.parameters.get("id"), let (capture, bytes) = store.capture(id) else {
                return Response(status: .notFound, body: ResponseBody(byteBuffer: ByteBuffer(string: "no such capture\n")))
            }
            return Response(status: .ok, headers: [
                .contentType: "application/octet-stream",
                .contentDisposition: "attachment; filename=\"\(capture.id).pb.gz\"",
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        api.get("etcd/profiles/:id/top") { request, context in
            await respond(request) { () async throws(APIError) in try top(context.parameters.get("id") ?? "", request) }
        }
        api.get("etcd/profiles/:id/flame") { request, context in
            await respond(request) { () async throws(APIError) in
                let (_, profile) = try load(context.parameters.get("id") ?? "")
                return Array(FlameGraph(profile: profile, sampleIndex: try sampleIndex(profile, request)).json().utf8)
            }
        }
    }

    private func list() -> [UInt8] {
        JSONWriter.object { writer in
            writer.raw("[")
            for (position, capture) in store.list().enumerated() {
                if position > 0 { writer.raw(",") }
                Self.write(capture, into: &writer)
            }
            writer.raw("]")
        }
    }

    private static func write(_ capture: ProfileStore.Capture, into writer: inout JSONWriter) {
        writer.raw("{\"id\":")
        writer.string(capture.id)
        writer.raw(",\"cluster\":")
        writer.string(capture.cluster)
        writer.raw(",\"member\":")
        writer.string(capture.member)
        writer.raw(",\"endpoint\":")
        writer.string(capture.endpoint)
        writer.raw(",\"kind\":")
        writer.string(capture.kind)
        writer.raw(",\"takenAt\":")
        writer.timestamp(capture.takenAt)
        writer.raw(",\"bytes\":")
        writer.integer(capture.bytes)
        writer.raw(",\"reason\":")
        writer.string(capture.reason)
        writer.raw("}")
    }

    private func capture(_ request: Request) async throws(APIError) -> [UInt8] {
        let parameters: RequestParameters
        do { parameters = try await RequestParameters.read(request) } catch { throw APIError(.badData, "\(error)") }
        guard let manager else { throw APIError(.unavailable, "etcdmon watches no etcd cluster (etcd.clusters)") }
        guard let cluster = parameters["cluster"], let member = parameters["member"] else {
            throw APIError(.badData, "cluster and member are required")
        }
        let kind = parameters["profile"] ?? "cpu"
        guard Self.kinds.contains(kind) else { throw APIError(.badData, "profile must be one of \(Self.kinds.joined(separator: ", "))") }
        let seconds = Int(parameters["seconds"] ?? "10") ?? 0
        guard (1...300).contains(seconds) else { throw APIError(.badData, "seconds must be between 1 and 300") }
        do {
            let capture = try await ProfileCapturer(manager: manager, store: store)
                .capture(cluster: cluster, member: member, kind: kind, seconds: seconds, reason: parameters["reason"] ?? "on demand")
            return JSONWriter.object { writer in Self.write(capture, into: &writer) }
        } catch {
            switch error.kind {
            case .unavailable: throw APIError(.unavailable, error.reason)
            case .invalid: throw APIError(.execution, error.reason)
            case .storage: throw APIError(.internal, error.reason)
            }
        }
    }

    private func load(_ id: String) throws(APIError) -> (ProfileStore.Capture, Profile) {
        guard let (capture, bytes) = store.capture(id) else { throw APIError(.notFound, "no capture \(id)") }
        do { return (capture, try Profile(bytes: bytes)) } catch { throw APIError(.execution, "capture \(id): \(error)") }
    }

    private func sampleIndex(_ profile: Profile, _ request: Request) throws(APIError) -> Int? {
        guard let name = RequestParameters(form: request.uri.query ?? "")["sample_index"] else { return nil }
        do { return try profile.sampleIndex(named: name) } catch { throw APIError(.badData, "sample_index: \(error)") }
    }

    /// The top table; with `base=ID`, of the difference from that capture (what grew since).
    private func top(_ id: String, _ request: Request) throws(APIError) -> [UInt8] {
        var (_, profile) = try load(id)
        if let baseID = RequestParameters(form: request.uri.query ?? "")["base"], !baseID.isEmpty {
            let (_, base) = try load(baseID)
            do { profile = try profile.subtracting(base) } catch { throw APIError(.badData, "base: \(error)") }
        }
        let report = TopReport(profile: profile, sampleIndex: try sampleIndex(profile, request))
        return JSONWriter.object { writer in
            writer.raw("{\"type\":")
            writer.string(report.sampleType.type)
            writer.raw(",\"unit\":")
            writer.string(report.sampleType.unit)
            writer.raw(",\"total\":")
            writer.integer(Int(report.total))
            writer.raw(",\"sampleTypes\":[")
            for (position, type) in profile.sampleTypes.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.string(type.type)
            }
            writer.raw("],\"labels\":[")
            for (position, label) in report.labels.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.string(label)
            }
            writer.raw("],\"functions\":[")
            for (position, row) in report.rows.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"name\":")
                writer.string(row.name)
                writer.raw(",\"inline\":")
                writer.string(row.inline)
                writer.raw(",\"flat\":")
                writer.integer(Int(row.flat))
                writer.raw(",\"cum\":")
                writer.integer(Int(row.cum))
                writer.raw(",\"flatText\":")
                writer.string(report.format(row.flat))
                writer.raw(",\"cumText\":")
                writer.string(report.format(row.cum))
                writer.raw("}")
            }
            writer.raw("]}")
        }
    }
}

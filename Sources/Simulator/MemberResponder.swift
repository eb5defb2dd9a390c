import Foundation
import NIOCore
import NIOHTTP1

/// Answers one simulated member's HTTP requests: `/metrics`, the health probes, `/version` and the v3
/// gateway's member list, status and alarms, as etcd ≥ 3.5.12 would (older etcd has no `/livez` and `/readyz`).
struct MemberResponder: Sendable {
    let fleet: SimulatedFleet
    let member: SimulatedMember

    /// A complete response: status, content type and body.
    struct Response {
        var status: HTTPResponseStatus
        var contentType: String
        var body: ByteBuffer
    }

    func respond(method: HTTPMethod, uri: String, allocator: ByteBufferAllocator,
                 now: Double = Date().timeIntervalSince1970) -> Response {
        let path = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? uri
        let clock = member.clock(now: now)
        switch (method, path) {
        case (.GET, "/metrics"):
            var body = allocator.buffer(capacity: 180_000)
            fleet.template.render(clock, memberIDs: member.labelIDs, into: &body)
            return Response(status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8", body: body)
        case (.GET, "/health"):
            return json(GatewayResponses.Health(), allocator)
        case (.GET, "/livez"), (.GET, "/readyz"):
            return Response(status: .ok, contentType: "text/plain; charset=utf-8", body: allocator.buffer(string: "ok"))
        case (.GET, "/version"):
            return json(GatewayResponses.Version(etcdserver: fleet.template.serverVersion, etcdcluster: clusterVersion), allocator)
        case (.POST, "/v3/cluster/member/list"), (.POST, "/v3beta/cluster/member/list"):
            let members = member.cluster.members.map {
                GatewayResponses.Member(id: String($0.id), name: $0.name, peerURLs: [$0.peerURL], clientURLs: ["http://\($0.clientAddress)"])
            }
            return json(GatewayResponses.MemberList(header: header(clock), members: members), allocator)
        case (.POST, "/v3/maintenance/status"), (.POST, "/v3beta/maintenance/status"):
            let index = String(raftIndex(clock))
            let dbSize = fleet.template.value(named: "etcd_mvcc_db_total_size_in_bytes", clock) ?? 20480
            let inUse = fleet.template.value(named: "etcd_mvcc_db_total_size_in_use_in_bytes", clock) ?? dbSize
            return json(GatewayResponses.Status(
                header: header(clock), version: fleet.template.serverVersion, dbSize: String(Int64(dbSize)),
                leader: String(member.cluster.members.first?.id ?? 0), raftIndex: index, raftTerm: "2",
                raftAppliedIndex: index, dbSizeInUse: String(Int64(min(inUse, dbSize)))), allocator)
        case (.POST, "/v3/maintenance/alarm"), (.POST, "/v3beta/maintenance/alarm"):
            return json(GatewayResponses.AlarmList(header: header(clock)), allocator)
        default:
            return Response(status: .notFound, contentType: "text/plain; charset=utf-8", body: allocator.buffer(string: "404 page not found\n"))
        }
    }

    /// `3.5.0` for a 3.5.1 server: etcd reports the cluster version as major.minor.0.
    private var clusterVersion: String {
        let parts = fleet.template.serverVersion.split(separator: ".")
        return parts.count >= 2 ? "\(parts[0]).\(parts[1]).0" : fleet.template.serverVersion
    }

    /// Raft entries committed since the simulation began, five a second, the same on every member.
    private func raftIndex(_ clock: MemberClock) -> Int64 {
        12 + Int64(max(0, clock.now - fleet.startTime) * 5)
    }

    private func header(_ clock: MemberClock) -> GatewayResponses.Header {
        GatewayResponses.Header(clusterID: String(member.cluster.id), memberID: String(member.identity.id),
                                revision: String(1 + raftIndex(clock) / 2), raftTerm: "2")
    }

    private func json(_ value: some Encodable, _ allocator: ByteBufferAllocator) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: .ok, contentType: "application/json", body: allocator.buffer(bytes: data))
    }
}

import Hummingbird
import Scrape

/// `GET /api/v1/etcd/clusters`: every configured etcd cluster with its latest probe round — the
/// members' reports and the diagnosis (verdict, quorum, findings with advice) in the layout of
/// `etcdmon check --output json` (docs/check-json.md) — so the dashboard and scripts read what
/// `etcdmon check` would say, without probing again.
struct EtcdClustersAPI: Sendable {
    let manager: ScrapeManager?

    func register(on api: RouterGroup<APIRequestContext>) {
        api.get("etcd/clusters") { request, _ in
            await respond(request) { () async throws(APIError) in render(manager?.clusters ?? []) }
        }
    }

    /// `[{"name","job","checkedAt" (seconds, or null),"report" (the check document, or null)}]`.
    func render(_ clusters: [ClusterSnapshot]) -> [UInt8] {
        JSONWriter.object { writer in
            writer.raw("[")
            for (position, cluster) in clusters.enumerated() {
                if position > 0 { writer.raw(",") }
                writer.raw("{\"name\":")
                writer.string(cluster.name)
                writer.raw(",\"job\":")
                writer.string(cluster.job)
                writer.raw(",\"checkedAt\":")
                if let checkedAt = cluster.checkedAt { writer.timestamp(checkedAt) } else { writer.raw("null") }
                writer.raw(",\"report\":")
                if let report = cluster.reportJSON { writer.append(report) } else { writer.raw("null") }
                writer.raw("}")
            }
            writer.raw("]")
        }
    }
}

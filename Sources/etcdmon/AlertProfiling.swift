import EtcdmonModel
import Notifier
import Scrape

/// Alert-triggered captures through the scrape manager's cluster monitors into the profile store.
struct ScrapeMemberProfiling: MemberProfiling {
    let capturer: ProfileCapturer

    func captureProfile(cluster: String, member: String, kind: String, seconds: Int, reason: String) async throws -> String {
        try await capturer.capture(cluster: cluster, member: member, kind: kind, seconds: seconds, reason: reason).id
    }

    /// `cluster` and `member` labels (etcdmon's own targets carry both), else the member whose client
    /// URL has the alert's `instance` as host:port.
    func member(for labels: Labels) -> (cluster: String, member: String)? {
        let clusters = capturer.manager.clusters
        if let member = labels["member"] {
            if let cluster = labels["cluster"] { return (cluster, member) }
            if let cluster = clusters.first(where: { $0.check?.reports.contains { $0.name == member } == true }) { return (cluster.name, member) }
        }
        guard let instance = labels["instance"] else { return nil }
        for cluster in clusters {
            for report in cluster.check?.reports ?? [] {
                if let name = report.name, report.endpoint.hasSuffix("://" + instance) { return (cluster.name, name) }
            }
        }
        return nil
    }
}

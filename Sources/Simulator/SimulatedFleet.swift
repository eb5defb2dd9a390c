import Foundation

/// Every simulated member, grouped into clusters the size of the capture's cluster (five for the
/// shipped capture, as in the reference layout), each member on its own port.
public final class SimulatedFleet: Sendable {
    /// The metrics page every member renders its own way.
    public let template: MetricsTemplate
    /// The clusters, in order; the last one is smaller when the member count is not a multiple of the size.
    public let clusters: [SimulatedCluster]
    /// Every member, in port order.
    public let members: [SimulatedMember]
    /// When the simulation began, in seconds since the epoch; raft indexes and revisions count from here.
    let startTime: Double

    /// Lays out `count` members on `host`, member `i` on port `basePort + i`.
    public init(template: MetricsTemplate, count: Int, host: String, basePort: Int, restartInterval: Double?, seed: UInt64,
                now: Double = Date().timeIntervalSince1970) {
        self.template = template
        startTime = now
        let size = template.clusterSize
        var clusters: [SimulatedCluster] = []
        for clusterIndex in 0..<((count + size - 1) / size) {
            let first = clusterIndex * size
            let members = (first..<min(first + size, count)).map { index in
                let name = "c\(clusterIndex)-etcd\(index - first + 1)"
                return MemberIdentity(
                    id: Self.identifier(seed: seed, cluster: clusterIndex, member: index - first + 1), name: name,
                    host: host, port: basePort + index, peerURL: "http://\(name).invalid:2380")
            }
            clusters.append(SimulatedCluster(index: clusterIndex, id: Self.identifier(seed: seed, cluster: clusterIndex, member: 0),
                                             members: members))
        }
        self.clusters = clusters
        members = clusters.flatMap { cluster in
            cluster.members.map { identity in
                SimulatedMember(identity: identity, cluster: cluster, labelSlots: template.clusterSize,
                                restartInterval: restartInterval, seed: identity.id ^ seed, now: now)
            }
        }
    }

    /// A stable, non-zero ID for a cluster (`member` 0) or one of its members.
    private static func identifier(seed: UInt64, cluster: Int, member: Int) -> UInt64 {
        var generator = SplitMix64(seed: seed ^ (UInt64(cluster) << 20) ^ UInt64(member))
        return generator.next() | 1
    }

    /// The members as Prometheus `file_sd` JSON: one target group per cluster, labelled `cluster`.
    public func targetGroupsJSON() throws -> Data {
        struct TargetGroup: Encodable {
            var targets: [String]
            var labels: [String: String]
        }
        let groups = clusters.map { TargetGroup(targets: $0.members.map(\.clientAddress), labels: ["cluster": $0.name]) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(groups)
    }
}

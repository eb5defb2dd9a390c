import ClusterInsight

/// Renders `etcdctl endpoint status -w table` for every member, in the same layout.
public struct StatusTableRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The boxed table etcdctl prints, one row per member (unreachable members show their error).
    public func render(_ check: ClusterCheck) -> String {
        var table = TextTable(columns: [
            .init("ENDPOINT"), .init("ID"), .init("VERSION", .right), .init("DB SIZE", .right),
            .init("IS LEADER", .right), .init("IS LEARNER", .right), .init("RAFT TERM", .right),
            .init("RAFT INDEX", .right), .init("RAFT APPLIED INDEX", .right), .init("ERRORS"),
        ])
        for report in check.reports {
            let status = report.status
            let errors = (status?.errors ?? []) + (status == nil ? report.errors : [])
            table.rows.append([
                .init(report.endpoint),
                .init(report.memberID.map(hex) ?? ""),
                .init(report.serverVersion ?? ""),
                .init(status.map { Formatting.bytes($0.dbSize) } ?? ""),
                .init(status.map { String($0.leader != 0 && $0.leader == report.memberID) } ?? ""),
                .init(status == nil ? "" : String(report.isLearner)),
                .init(status.map { String($0.raftTerm) } ?? ""),
                .init(status.map { String($0.raftIndex) } ?? ""),
                .init(status.map { String($0.raftAppliedIndex) } ?? ""),
                .init(errors.joined(separator: ", ")),
            ])
        }
        return table.render(boxed: true, colour: false)
    }
}

import ClusterInsight

/// Renders a `ClusterCheck` for people: a table per member, then the verdict and the findings.
public struct CheckTableRenderer: Sendable {
    /// Whether to use ANSI colours (only on a terminal, and not with `NO_COLOR`).
    public var colour: Bool

    /// Creates a renderer.
    public init(colour: Bool) {
        self.colour = colour
    }

    /// The full report.
    public func render(_ check: ClusterCheck) -> String {
        let diagnosis = check.diagnosis
        var table = TextTable(columns: [
            .init("MEMBER"), .init("ENDPOINT"), .init("VERSION"), .init("LEADER"),
            .init("TERM", .right), .init("INDEX", .right), .init("APPLIED", .right),
            .init("DB SIZE / IN USE", .right), .init("HEALTH"), .init("LIVEZ"), .init("READYZ"),
            .init("LATENCY", .right), .init("ERROR"),
        ])
        var usedFallback = false
        for report in check.reports {
            let isLeader = diagnosis.leader.map { $0.id == report.memberID } ?? false
            let status = report.status
            let healthCell: TextTable.Cell
            if report.isUnreachable {
                healthCell = .init("unreachable", style: "31")
            } else if report.isHealthy {
                healthCell = .init("healthy", style: "32")
            } else if !report.alarms.isEmpty {
                healthCell = .init("alarm " + report.alarms.joined(separator: ","), style: "31")
            } else {
                healthCell = .init("unhealthy", style: "33")
            }
            func probeCell(_ probe: MemberReport.Probe?) -> TextTable.Cell {
                guard let probe else { return "-" }
                usedFallback = usedFallback || probe.usedHealthFallback
                let text = (probe.isOK ? "ok" : "fail") + (probe.usedHealthFallback ? "*" : "")
                return .init(text, style: probe.isOK ? nil : "31")
            }
            table.rows.append([
                .init(report.name ?? "?"),
                .init(report.endpoint),
                .init(report.serverVersion ?? "-"),
                isLeader ? .init("*", style: "1") : (report.isLearner ? "learner" : ""),
                .init(status.map { String($0.raftTerm) } ?? "-"),
                .init(status.map { String($0.raftIndex) } ?? "-"),
                .init(status.map { String($0.raftAppliedIndex) } ?? "-"),
                .init(status.map { "\(Formatting.bytes($0.dbSize)) / \(Formatting.bytes($0.dbSizeInUse))" } ?? "-"),
                healthCell,
                probeCell(report.livez),
                probeCell(report.readyz),
                .init(report.latency.map(Formatting.milliseconds) ?? "-"),
                .init(Self.errorText(report), style: "31"),
            ])
        }

        var out = table.render(boxed: false, colour: colour)
        if usedFallback {
            out += "* /livez and /readyz are not served by this etcd version (added in 3.5.12); /health answered instead.\n"
        }
        out += "\n" + verdictLine(check) + "\n"
        if !diagnosis.findings.isEmpty {
            out += "\nProblems found:\n"
            for finding in diagnosis.findings {
                let mark: String
                switch finding.severity {
                case .critical: mark = styled("CRITICAL", "31;1")
                case .warning: mark = styled("WARNING ", "33")
                case .info: mark = styled("INFO    ", "36")
                }
                out += "  \(mark) [\(finding.code.rawValue)] \(finding.summary)\n"
                out += "           → \(finding.advice)\n"
            }
        }
        for note in check.notes { out += "note: \(note)\n" }
        return out
    }

    /// `Cluster bffc…: HEALTHY — 5/5 healthy, leader etcd1, quorum 3, tolerates 2 more failures`.
    public func verdictLine(_ check: ClusterCheck) -> String {
        let diagnosis = check.diagnosis
        let verdict: String
        switch diagnosis.health {
        case .healthy: verdict = styled("HEALTHY", "32;1")
        case .degraded: verdict = styled("DEGRADED", "33;1")
        case .critical: verdict = styled("CRITICAL", "31;1")
        }
        let cluster = diagnosis.clusterID.map { "Cluster \(hex($0))" } ?? "Cluster"
        let leader = diagnosis.leader.map { "leader \($0.name)" } ?? styled("no leader", "31")
        let quorum = diagnosis.hasQuorum
            ? "quorum \(diagnosis.quorumSize), tolerates \(diagnosis.failuresTolerated) more failure\(diagnosis.failuresTolerated == 1 ? "" : "s")"
            : "quorum LOST (\(diagnosis.quorumSize) needed)"
        return "\(cluster): \(verdict) — \(diagnosis.healthyVotingMembers) of \(diagnosis.votingMembers) voting members healthy, \(leader), \(quorum)"
    }

    static func errorText(_ report: MemberReport) -> String {
        guard let first = report.errors.first else { return "" }
        return report.errors.count > 1 ? "\(first) (+\(report.errors.count - 1) more)" : first
    }

    private func styled(_ text: String, _ style: String) -> String {
        colour ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
    }
}

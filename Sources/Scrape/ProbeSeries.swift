import ClusterInsight
import ClusterProbe
import Config
import EtcdmonModel

/// Turns one probe round of a cluster into series. The names are documented in
/// `docs/metrics.md`; every member series carries `job`, `cluster`, `instance` and `member`, the
/// same labels as the member's scraped metrics, so the two join on them.
public enum ProbeSeries {
    /// The samples of `check`, for `probes`.
    /// - Parameter leaderChanges: leader changes the monitor has seen so far (a counter).
    public static func samples(
        of check: ClusterCheck, cluster: String, job: String, probes: [ProbeKind], leaderChanges: Int
    ) -> [(Labels, Double)] {
        var samples: [(Labels, Double)] = []
        let clusterLabels = [Label("job", job), Label("cluster", cluster)]
        func add(_ name: String, _ labels: [Label], _ value: Double) {
            // An empty value is no label, as Prometheus's label builder has it (a version not yet
            // probed, no leader): stored, it would make a second series that others never see.
            samples.append((Labels((labels + [Label(Labels.metricName, name)]).filter { !$0.value.isEmpty }), value))
        }
        let leader = check.diagnosis.leader?.id
        for report in check.reports {
            let member = clusterLabels + [
                Label("instance", Self.instance(of: report.endpoint)), Label("member", report.name ?? ""),
            ]
            add("etcdmon_member_up", member, report.isUnreachable ? 0 : 1)
            for probe in probes {
                let succeeded: Bool = switch probe {
                case .health: report.health?.isHealthy ?? false
                case .livez: report.livez?.isOK ?? false
                case .readyz: report.readyz?.isOK ?? false
                case .status: report.status != nil
                }
                let probeLabels = member + [Label("probe", probe.rawValue)]
                add("etcdmon_probe_success", probeLabels, succeeded ? 1 : 0)
                if let duration = report.requestDurations[probe.rawValue] {
                    add("etcdmon_probe_duration_seconds", probeLabels, duration.totalSeconds)
                }
            }
            if let id = report.memberID {
                add("etcdmon_member_info", member + [
                    Label("member_id", hex(id)), Label("version", report.serverVersion ?? ""),
                    Label("learner", report.isLearner ? "true" : "false"),
                ], 1)
            }
            guard probes.contains(.status), let status = report.status else { continue }
            add("etcdmon_member_is_leader", member, status.leader != 0 && status.leader == report.memberID ? 1 : 0)
            add("etcdmon_member_leader", member + [Label("leader_id", status.leader == 0 ? "" : hex(status.leader))],
                status.leader == 0 ? 0 : 1)
            add("etcdmon_member_raft_term", member, Double(status.raftTerm))
            add("etcdmon_member_raft_index", member, Double(status.raftIndex))
            add("etcdmon_member_raft_applied_index", member, Double(status.raftAppliedIndex))
            add("etcdmon_member_db_size_bytes", member, Double(status.dbSize))
            add("etcdmon_member_db_size_in_use_bytes", member, Double(status.dbSizeInUse))
            for alarm in ["NOSPACE", "CORRUPT"] {
                add("etcdmon_member_alarm", member + [Label("alarm", alarm)], report.alarms.contains(alarm) ? 1 : 0)
            }
        }
        let diagnosis = check.diagnosis
        add("etcdmon_cluster_members", clusterLabels, Double(check.membership?.count ?? check.reports.count))
        add("etcdmon_cluster_voting_members", clusterLabels, Double(diagnosis.votingMembers))
        add("etcdmon_cluster_healthy_members", clusterLabels, Double(diagnosis.healthyVotingMembers))
        add("etcdmon_cluster_quorum_size", clusterLabels, Double(diagnosis.quorumSize))
        add("etcdmon_cluster_failures_tolerated", clusterLabels, Double(diagnosis.failuresTolerated))
        add("etcdmon_cluster_has_leader", clusterLabels, leader == nil ? 0 : 1)
        add("etcdmon_cluster_leader_changes_seen_total", clusterLabels, Double(leaderChanges))
        return samples
    }

    /// `host:port` of a client URL, as the scrape target's `instance`.
    static func instance(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        return String(rest)
    }
}

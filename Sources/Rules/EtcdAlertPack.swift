import ClusterInsight
import Config

/// The etcd alert pack, built in and on by default: every alert of the official etcd mixin
/// v3.6.14 (same names, expressions, severities and `for`; the mixin's `etcd_selector` made
/// configurable), plus etcdmon's own alerts where the mixin is silent, written on the series of
/// etcdmon's probes (`etcdmon_member_*`, `etcdmon_cluster_*`, see docs/metrics.md), each with an
/// `advice` line from `ClusterInsight`. Adjusted by `etcd.alerts`; `etcdmon export rules` writes
/// it as a rule file.
public enum EtcdAlertPack {
    /// The pack as rule-file YAML for `settings`, disabled alerts left out and overrides applied.
    /// Without `probeAlerts` only the mixin's group is written: the etcdmon group reads series
    /// only etcdmon's probes write, which a Prometheus scraping the members does not have.
    public static func yaml(_ settings: EtcdAlertsConfig = .init(), probeAlerts: Bool = true) -> String {
        let template = header + "groups:\n" + mixinGroup + "\n" + (probeAlerts ? etcdmonGroup + "\n" : "")
        let text = template.replacingSelector(settings.selector)
        guard !settings.disabled.isEmpty || !settings.overrides.isEmpty || settings.interval != nil else { return text }
        // Adjust through the parsed form, then write it back out.
        guard var file = try? RuleFile(yaml: text, file: "<etcd alert pack>") else { return text }
        file.groups = file.groups.map { group in
            var group = group
            group.interval = settings.interval ?? group.interval
            group.rules = group.rules.filter { !settings.disabled.contains($0.name) }.map { rule in
                guard let override = settings.overrides[rule.name] else { return rule }
                var rule = rule
                if let hold = override.holdDuration { rule.holdDuration = hold }
                if let keep = override.keepFiringFor { rule.keepFiringFor = keep }
                for (name, value) in override.labels {
                    rule.labels.removeAll { $0.name == name }
                    rule.labels.append((name, value))
                }
                return rule
            }
            return group
        }
        return header + RuleFileWriter.yaml(file)
    }

    /// The pack's groups, compiled, for `settings` (nothing when the pack is disabled).
    public static func groups(_ settings: EtcdAlertsConfig, defaultInterval: Int64) throws(ConfigError) -> [RuleGroup] {
        guard settings.enabled else { return [] }
        let file = try RuleFile(yaml: yaml(settings), file: "<etcd alert pack>")
        return try RuleLoader.groups(of: file, defaultInterval: defaultInterval)
    }

    static let header = """
    # The etcd alert pack built into etcdmon (`etcdmon export rules`).
    # Group "etcd": the official etcd monitoring mixin's alerts, v3.6.14 (github.com/etcd-io/etcd,
    # contrib/mixin, Apache-2.0, The etcd Authors), rendered with its default configuration.
    # Group "etcdmon": etcdmon's alerts on its probe series, where the mixin is silent.

    """

    /// The mixin's 15 alerts, as its jsonnet renders them (`__SELECTOR__` is `etcd_selector`).
    static let mixinGroup = #"""
  - name: etcd
    rules:
      - alert: etcdMembersDown
        expr: |
          max without (endpoint) (
            sum without (instance) (up{__SELECTOR__} == bool 0)
          or
            count without (To) (
              sum without (instance) (rate(etcd_network_peer_sent_failures_total{__SELECTOR__}[120s])) > 0.01
            )
          )
          > 0
        for: 20m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": members are down ({{ $value }}).'
          summary: etcd cluster members are down.
      - alert: etcdInsufficientMembers
        expr: |
          sum(up{__SELECTOR__} == bool 1) without (instance) < ((count(up{__SELECTOR__}) without (instance) + 1) / 2)
        for: 3m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": insufficient members ({{ $value }}).'
          summary: etcd cluster has insufficient number of members.
      - alert: etcdNoLeader
        expr: |
          etcd_server_has_leader{__SELECTOR__} == 0
        for: 1m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": member {{ $labels.instance }} has no leader.'
          summary: etcd cluster has no leader.
      - alert: etcdHighNumberOfLeaderChanges
        expr: |
          increase((max without (instance) (etcd_server_leader_changes_seen_total{__SELECTOR__}) or 0*absent(etcd_server_leader_changes_seen_total{__SELECTOR__}))[15m:1m]) >= 4
        for: 5m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": {{ $value }} leader changes within the last 15 minutes. Frequent elections may be a sign of insufficient resources, high network latency, or disruptions by other components and should be investigated.'
          summary: etcd cluster has high number of leader changes.
      - alert: etcdHighNumberOfFailedGRPCRequests
        expr: |
          100 * sum(rate(grpc_server_handled_total{__SELECTOR__, grpc_code=~"Unknown|FailedPrecondition|ResourceExhausted|Internal|Unavailable|DataLoss|DeadlineExceeded"}[5m])) without (grpc_type, grpc_code)
            /
          sum(rate(grpc_server_handled_total{__SELECTOR__}[5m])) without (grpc_type, grpc_code)
            > 1
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": {{ $value }}% of requests for {{ $labels.grpc_method }} failed on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster has high number of failed grpc requests.
      - alert: etcdHighNumberOfFailedGRPCRequests
        expr: |
          100 * sum(rate(grpc_server_handled_total{__SELECTOR__, grpc_code=~"Unknown|FailedPrecondition|ResourceExhausted|Internal|Unavailable|DataLoss|DeadlineExceeded"}[5m])) without (grpc_type, grpc_code)
            /
          sum(rate(grpc_server_handled_total{__SELECTOR__}[5m])) without (grpc_type, grpc_code)
            > 5
        for: 5m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": {{ $value }}% of requests for {{ $labels.grpc_method }} failed on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster has high number of failed grpc requests.
      - alert: etcdGRPCRequestsSlow
        expr: |
          histogram_quantile(0.99, sum(rate(grpc_server_handling_seconds_bucket{__SELECTOR__, grpc_method!="Defragment", grpc_type="unary"}[5m])) without(grpc_type))
          > 0.15
        for: 10m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": 99th percentile of gRPC requests is {{ $value }}s on etcd instance {{ $labels.instance }} for {{ $labels.grpc_method }} method.'
          summary: etcd grpc requests are slow
      - alert: etcdMemberCommunicationSlow
        expr: |
          histogram_quantile(0.99, rate(etcd_network_peer_round_trip_time_seconds_bucket{__SELECTOR__}[5m]))
          > 0.15
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": member communication with {{ $labels.To }} is taking {{ $value }}s on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster member communication is slow.
      - alert: etcdHighNumberOfFailedProposals
        expr: |
          rate(etcd_server_proposals_failed_total{__SELECTOR__}[15m]) > 5
        for: 15m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": {{ $value }} proposal failures within the last 30 minutes on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster has high number of proposal failures.
      - alert: etcdHighFsyncDurations
        expr: |
          histogram_quantile(0.99, rate(etcd_disk_wal_fsync_duration_seconds_bucket{__SELECTOR__}[5m]))
          > 0.5
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": 99th percentile fsync durations are {{ $value }}s on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster 99th percentile fsync durations are too high.
      - alert: etcdHighFsyncDurations
        expr: |
          histogram_quantile(0.99, rate(etcd_disk_wal_fsync_duration_seconds_bucket{__SELECTOR__}[5m]))
          > 1
        for: 10m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": 99th percentile fsync durations are {{ $value }}s on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster 99th percentile fsync durations are too high.
      - alert: etcdHighCommitDurations
        expr: |
          histogram_quantile(0.99, rate(etcd_disk_backend_commit_duration_seconds_bucket{__SELECTOR__}[5m]))
          > 0.25
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": 99th percentile commit durations {{ $value }}s on etcd instance {{ $labels.instance }}.'
          summary: etcd cluster 99th percentile commit durations are too high.
      - alert: etcdDatabaseQuotaLowSpace
        expr: |
          (last_over_time(etcd_mvcc_db_total_size_in_bytes{__SELECTOR__}[5m]) / last_over_time(etcd_server_quota_backend_bytes{__SELECTOR__}[5m]))*100 > 95
        for: 10m
        labels:
          severity: critical
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": database size exceeds the defined quota on etcd instance {{ $labels.instance }}, please defrag or increase the quota as the writes to etcd will be disabled when it is full.'
          summary: etcd cluster database is running full.
      - alert: etcdExcessiveDatabaseGrowth
        expr: |
          predict_linear(etcd_mvcc_db_total_size_in_bytes{__SELECTOR__}[4h], 4*60*60) > etcd_server_quota_backend_bytes{__SELECTOR__}
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": Predicting running out of disk space in the next four hours, based on write observations within the past four hours on etcd instance {{ $labels.instance }}, please check as it might be disruptive.'
          summary: etcd cluster database growing very fast.
      - alert: etcdDatabaseHighFragmentationRatio
        expr: |
          (last_over_time(etcd_mvcc_db_total_size_in_use_in_bytes{__SELECTOR__}[5m]) / last_over_time(etcd_mvcc_db_total_size_in_bytes{__SELECTOR__}[5m])) < 0.5 and etcd_mvcc_db_total_size_in_use_in_bytes{__SELECTOR__} > 104857600
        for: 10m
        labels:
          severity: warning
        annotations:
          description: 'etcd cluster "{{ $labels.job }}": database size in use on instance {{ $labels.instance }} is {{ $value | humanizePercentage }} of the actual allocated disk space, please run defragmentation (e.g. etcdctl defrag) to retrieve the unused fragmented disk space.'
          summary: etcd database size in use is less than 50% of the actual allocated storage.
          runbook_url: https://etcd.io/docs/v3.5/op-guide/maintenance/#defragmentation
"""#

    /// etcdmon's alerts: quorum and membership from the member list and probes (a removed or
    /// never-scraped member is not "up" either), alarms, quota, fragmentation, version skew,
    /// probes failing while /metrics answers, raft lag.
    static let etcdmonGroup = #"""
  - name: etcdmon
    rules:
      - alert: EtcdmonQuorumLost
        expr: |
          etcdmon_cluster_healthy_members{__SELECTOR__} < etcdmon_cluster_quorum_size{__SELECTOR__}
        for: 1m
        labels:
          severity: critical
        annotations:
          summary: etcd cluster has lost quorum.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $value }} voting members healthy, {{ with query (printf "etcdmon_cluster_quorum_size{cluster=%q}" $labels.cluster) }}{{ . | first | value }}{{ end }} needed; writes and linearizable reads fail.'
          advice: "\#(Advice.quorumLost)"
      - alert: EtcdmonQuorumAtRisk
        expr: |
          etcdmon_cluster_failures_tolerated{__SELECTOR__} == 0 and etcdmon_cluster_healthy_members{__SELECTOR__} >= etcdmon_cluster_quorum_size{__SELECTOR__}
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: etcd cluster cannot lose another member.
          description: 'etcd cluster "{{ $labels.cluster }}": one more failed member loses quorum.'
          advice: "\#(Advice.failedMembers)"
      - alert: EtcdmonMembersDown
        expr: |
          etcdmon_cluster_voting_members{__SELECTOR__} - etcdmon_cluster_healthy_members{__SELECTOR__} > 0
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: etcd cluster members are down.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $value }} of its voting members (from its own member list) are not healthy.'
          advice: "\#(Advice.memberUnreachable)"
      - alert: EtcdmonNoLeader
        expr: |
          etcdmon_cluster_has_leader{__SELECTOR__} == 0
        for: 1m
        labels:
          severity: critical
        annotations:
          summary: etcd cluster has no leader.
          description: 'etcd cluster "{{ $labels.cluster }}": the members do not agree on a leader.'
          advice: "\#(Advice.noLeader)"
      - alert: EtcdmonAlarmActive
        expr: |
          etcdmon_member_alarm{__SELECTOR__} == 1
        labels:
          severity: critical
        annotations:
          summary: 'etcd alarm {{ $labels.alarm }} is raised.'
          description: 'etcd cluster "{{ $labels.cluster }}": member {{ $labels.member }} ({{ $labels.instance }}) has raised the {{ $labels.alarm }} alarm.'
          advice: '{{ if eq $labels.alarm "NOSPACE" }}\#(Advice.alarmNoSpace.singleQuotedYAML){{ else }}\#(Advice.alarmCorrupt.singleQuotedYAML){{ end }}'
      - alert: EtcdmonDatabaseNearQuota
        expr: |
          etcdmon_member_db_size_bytes{__SELECTOR__} / on (job, instance) group_left last_over_time(etcd_server_quota_backend_bytes{__SELECTOR__}[5m]) > 0.8
        for: 10m
        labels:
          severity: warning
        annotations:
          summary: etcd database is near its quota.
          description: 'etcd cluster "{{ $labels.cluster }}": the database of {{ $labels.instance }} is {{ $value | humanizePercentage }} of its quota.'
          advice: "\#(Advice.databaseNearQuota)"
      - alert: EtcdmonDatabaseQuotaExhaustionForecast
        expr: |
          predict_linear(etcdmon_member_db_size_bytes{__SELECTOR__}[6h], 24*60*60) > on (job, instance) group_left last_over_time(etcd_server_quota_backend_bytes{__SELECTOR__}[5m])
        for: 30m
        labels:
          severity: warning
        annotations:
          summary: etcd database will reach its quota within a day.
          description: 'etcd cluster "{{ $labels.cluster }}": at the growth of the last six hours the database of {{ $labels.instance }} reaches its quota within 24 hours ({{ $value | humanize1024 }}B predicted).'
          advice: "\#(Advice.databaseNearQuota)"
      - alert: EtcdmonDatabaseFragmented
        expr: |
          (etcdmon_member_db_size_bytes{__SELECTOR__} - etcdmon_member_db_size_in_use_bytes{__SELECTOR__}) / etcdmon_member_db_size_bytes{__SELECTOR__} > 0.5 and etcdmon_member_db_size_bytes{__SELECTOR__} > 104857600
        for: 1h
        labels:
          severity: info
        annotations:
          summary: etcd database file is mostly free space.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $value | humanizePercentage }} of the database file of {{ $labels.instance }} is free space.'
          advice: '\#(Advice.defragment("{{ $labels.instance }}"))'
      - alert: EtcdmonVersionSkew
        expr: |
          count by (cluster) (count by (cluster, version) (etcdmon_member_info{__SELECTOR__})) > 1
        for: 1h
        labels:
          severity: warning
        annotations:
          summary: etcd members run different versions.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $value }} different etcd versions are running.'
          advice: "\#(Advice.versionSkewMinor)"
      - alert: EtcdmonProbesFailing
        expr: |
          etcdmon_probe_success{__SELECTOR__, probe=~"health|readyz"} == 0 and on (job, instance) up{__SELECTOR__} == 1
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: etcd member answers /metrics but fails its health probe.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $labels.instance }} serves /metrics but its {{ $labels.probe }} probe fails.'
          advice: "\#(Advice.memberUnhealthy)"
      - alert: EtcdmonRaftIndexLag
        expr: |
          max by (cluster) (etcdmon_member_raft_index{__SELECTOR__}) - on (cluster) group_right etcdmon_member_raft_applied_index{__SELECTOR__} > 1000
        for: 5m
        labels:
          severity: warning
        annotations:
          summary: etcd member lags behind the cluster's raft log.
          description: 'etcd cluster "{{ $labels.cluster }}": {{ $labels.instance }} has applied {{ $value }} entries less than the newest raft index of the cluster.'
          advice: "\#(Advice.followerLag)"
"""#
}

extension String {
    /// The text as the inside of a single-quoted YAML scalar (quotes doubled).
    fileprivate var singleQuotedYAML: String { split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") }

    /// The pack with its selector placeholder replaced (and `{__SELECTOR__, x}` tidied when the selector is empty).
    fileprivate func replacingSelector(_ selector: String) -> String {
        var text = self
        if selector.isEmpty {
            text = text.split(separator: "{__SELECTOR__, ", omittingEmptySubsequences: false).joined(separator: "{")
        }
        return text.split(separator: "__SELECTOR__", omittingEmptySubsequences: false).joined(separator: selector)
    }
}

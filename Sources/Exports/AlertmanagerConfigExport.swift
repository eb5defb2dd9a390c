import Config

/// `etcdmon export alertmanager`: an alertmanager.yml for Alertmanager 0.25 — the one etcdmon
/// notifies with (`--alertmanager.config.file`, or the inline `alertmanager_config:`) when there is
/// one, else a starting point grouped and inhibited for the etcd alert pack.
package enum AlertmanagerConfigExport {
    /// The alertmanager.yml text: `notification`'s own text when etcdmon has one, else the starter.
    package static func yaml(_ notification: NotificationConfig?) -> String {
        guard let notification else { return starter }
        let text = notification.text.hasSuffix("\n") ? notification.text : notification.text + "\n"
        return "# etcdmon's notification configuration (\(notification.file)).\n" + text
    }

    /// Groups by alert and cluster, pages once per hour for critical alerts, and keeps member-level
    /// alerts quiet while the cluster-level alert that explains them fires.
    static let starter = """
        # alertmanager.yml written by `etcdmon export alertmanager`: a starting point for the etcd
        # alert pack (`etcdmon export rules`). Add integrations to the "default" receiver
        # (webhook_configs, email_configs, slack_configs, ...) and check with `amtool check-config`.
        route:
          receiver: default
          group_by: [alertname, cluster]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
          routes:
            - receiver: default
              matchers: ['severity="critical"']
              repeat_interval: 1h
        receivers:
          - name: default
        inhibit_rules:
          # Quorum lost explains members down and quorum at risk in the same cluster.
          - source_matchers: ['alertname=~"etcdInsufficientMembers|EtcdmonQuorumLost"']
            target_matchers: ['alertname=~"etcdMembersDown|EtcdmonMembersDown|EtcdmonQuorumAtRisk|etcdNoLeader|EtcdmonNoLeader"']
            equal: [cluster]
          # A critical alert mutes the warning of the same name.
          - source_matchers: ['severity="critical"']
            target_matchers: ['severity="warning"']
            equal: [alertname, cluster]

        """
}

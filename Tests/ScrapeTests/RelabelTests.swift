import Config
import EtcdmonModel
import Scrape
import Testing

@Suite("Relabelling and target labels")
struct RelabelTests {
    let labels = Labels(["__address__": "127.0.10.1:2379", "__meta_member": "etcd1", "env": "Prod", "team": "db"])

    func rules(_ yaml: String) throws -> [RelabelRule] {
        try Configuration(yaml: "scrape_configs:\n  - job_name: a\n    relabel_configs:\n" + yaml).scrapeConfigs[0].relabelConfigs
    }

    @Test("replace with groups, keep/drop, labelmap, labeldrop/labelkeep, lowercase")
    func actions() throws {
        let replaced = RelabelRule.apply(try rules("""
                  - source_labels: [__address__]
                    regex: '([^:]+):(\\d+)'
                    target_label: host
                    replacement: '${1}'
                  - source_labels: [__address__]
                    regex: '[^:]+:(\\d+)'
                    target_label: port_$1
                    replacement: 'p${1}x'
                  - source_labels: [__address__]
                    regex: '[^:]+:(\\d+)'
                    target_label: greedy
                    replacement: 'p$1x'
            """), to: labels)
        #expect(replaced?["host"] == "127.0.10.1")
        #expect(replaced?["port_2379"] == "p2379x")
        #expect(replaced?["greedy"] == "p", "as in Go, $1x names a group called 1x, which is empty")

        #expect(RelabelRule.apply(try rules("      - {source_labels: [env], regex: Prod, action: keep}\n"), to: labels) != nil)
        #expect(RelabelRule.apply(try rules("      - {source_labels: [env], regex: prod, action: keep}\n"), to: labels) == nil, "anchored, case-sensitive")
        #expect(RelabelRule.apply(try rules("      - {source_labels: [env, team], regex: 'Prod;db', action: drop}\n"), to: labels) == nil)

        let mapped = RelabelRule.apply(try rules("      - {regex: '__meta_(.+)', action: labelmap}\n"), to: labels)
        #expect(mapped?["member"] == "etcd1" && mapped?["__meta_member"] == "etcd1")
        let dropped = RelabelRule.apply(try rules("      - {regex: 'te.*', action: labeldrop}\n"), to: labels)
        #expect(dropped?["team"] == nil && dropped?["env"] == "Prod")
        let kept = RelabelRule.apply(try rules("      - {regex: '__.*|env', action: labelkeep}\n"), to: labels)
        #expect(kept?["team"] == nil && kept?["env"] == "Prod" && kept?["__address__"] != nil)
        let lower = RelabelRule.apply(try rules("      - {source_labels: [env], target_label: env, action: lowercase}\n"), to: labels)
        #expect(lower?["env"] == "prod")
        let emptied = RelabelRule.apply(try rules("      - {source_labels: [nothing], target_label: team}\n"), to: labels)
        #expect(emptied?["team"] == nil, "an empty replacement removes the label")
    }

    @Test("hashmod spreads targets over shards deterministically")
    func hashmod() throws {
        let rule = try rules("      - {source_labels: [__address__], modulus: 4, target_label: shard, action: hashmod}\n")
        var shards: Set<String> = []
        for port in 2000..<2040 {
            let result = RelabelRule.apply(rule, to: Labels(["__address__": "127.0.0.1:\(port)"]))
            let shard = try #require(result?["shard"])
            #expect(["0", "1", "2", "3"].contains(shard))
            #expect(RelabelRule.apply(rule, to: Labels(["__address__": "127.0.0.1:\(port)"]))?["shard"] == shard)
            shards.insert(shard)
        }
        #expect(shards.count == 4)
    }

    @Test("targets get job, instance, scheme, path and params; relabel-dropped targets are listed")
    func targets() throws {
        let configuration = try Configuration(yaml: """
            scrape_configs:
              - job_name: etcd
                scheme: https
                metrics_path: /metrics/extra
                params: {format: [text]}
                static_configs:
                  - targets: ['127.0.10.1:2379', '127.0.10.2:2379', 'noport']
                    labels: {cluster: main}
                relabel_configs:
                  - {source_labels: [__address__], regex: '127.0.10.2:.*', action: drop}
            """)
        let job = configuration.scrapeConfigs[0]
        let (active, dropped) = ScrapeTarget.build(job.staticConfigs, job: job)
        #expect(active.map(\.url) == ["https://127.0.10.1:2379/metrics/extra?format=text", "https://noport:443/metrics/extra?format=text"])
        #expect(active[0].labels == Labels(["cluster": "main", "instance": "127.0.10.1:2379", "job": "etcd"]))
        #expect(active[0].discoveredLabels["__scrape_interval__"] == "1m")
        #expect(dropped.count == 1 && dropped[0].discoveredLabels["__address__"] == "127.0.10.2:2379")
    }

    @Test("durations print as Prometheus prints them")
    func durations() {
        #expect(PrometheusDuration.format(milliseconds: 90_000) == "1m30s")
        #expect(PrometheusDuration.format(milliseconds: 15_000) == "15s")
        #expect(PrometheusDuration.format(milliseconds: 7_200_000) == "2h")
        #expect(PrometheusDuration.format(milliseconds: 1_500) == "1s500ms")
        #expect(PrometheusDuration.format(milliseconds: 0) == "0s")
    }
}

extension Labels {
    init(_ pairs: [String: String]) {
        self.init(pairs.map { Label($0.key, $0.value) })
    }
}

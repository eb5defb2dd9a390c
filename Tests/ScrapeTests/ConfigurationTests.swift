import Config
import EtcdmonModel
import Testing
import TestSupport

@Suite("Configuration files")
struct ConfigurationTests {
    func error(_ yaml: String) -> ConfigError? {
        do {
            _ = try Configuration(yaml: yaml, file: "test.yml")
            return nil
        } catch {
            return error
        }
    }

    @Test("hostile YAML is refused quickly with a short error: alias bombs, deep nesting")
    func hostileYAML() throws {
        var bomb = "a0: &a0 [{job_name: x}]\n"
        for level in 1..<30 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        bomb += "scrape_configs: *a29\n"
        #expect(error(bomb)?.reason.hasPrefix("the document expands to more than 1000000 nodes") == true, "\(String(describing: error(bomb)))")
        let deep = "scrape_configs: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let deepError = try #require(error(deep))
        #expect(deepError.reason.contains("Maximum nesting level reached"))
        #expect(deepError.description.count < 1_000, "the echoed line is cut: \(deepError.description.count) characters")
    }

    @Test("the guide's prometheus.yml loads, with Prometheus's defaults")
    func guideConfiguration() throws {
        let configuration = try Configuration(yaml: """
            global:
              scrape_interval: 10s
            scrape_configs:
              - job_name: test-etcd
                static_configs:
                  - targets: ['10.240.0.32:2379','10.240.0.33:2379','10.240.0.34:2379']
            """)
        let job = try #require(configuration.scrapeConfigs.first)
        #expect(job.jobName == "test-etcd")
        #expect(job.scrapeInterval == 10_000)
        #expect(job.scrapeTimeout == 10_000, "the global timeout default (10s) capped by the interval")
        #expect(job.metricsPath == "/metrics" && job.scheme == "http" && job.honorTimestamps && !job.honorLabels)
        #expect(job.staticConfigs.first?.targets.map { $0["__address__"] ?? "" } == ["10.240.0.32:2379", "10.240.0.33:2379", "10.240.0.34:2379"])
        #expect(configuration.global.evaluationInterval == 60_000)
    }

    @Test("unknown keys and wrong types are errors with file, line and column")
    func strictness() throws {
        let unknown = try #require(error("""
            global:
              scrape_interval: 15s
            scrape_configs:
              - job_name: a
                scrape_intervall: 5s
            """))
        #expect(unknown.line == 5 && unknown.column == 5, "\(unknown)")
        #expect(unknown.path == "scrape_configs[0].scrape_intervall")
        #expect(unknown.description.hasPrefix("test.yml:5:5: "))
        #expect(unknown.reason == "unknown field")

        let wrongType = try #require(error("scrape_configs:\n  - job_name: a\n    static_configs: {targets: [x:1]}\n"))
        #expect(wrongType.line == 3 && wrongType.reason.contains("expected a list"), "\(wrongType)")

        let badDuration = try #require(error("global:\n  scrape_interval: 15 seconds\n"))
        #expect(badDuration.line == 2 && badDuration.reason.contains("not a duration"), "\(badDuration)")

        let badBool = try #require(error("scrape_configs:\n  - job_name: a\n    honor_labels: yes please\n"))
        #expect(badBool.line == 3, "\(badBool)")
    }

    @Test("duplicate job names, bad regexes, timeouts above the interval and bad targets are refused")
    func semanticErrors() throws {
        let duplicate = try #require(error("scrape_configs:\n  - job_name: a\n  - job_name: a\n"))
        #expect(duplicate.reason.contains("multiple scrape configs with job name \"a\""), "\(duplicate)")

        let regex = try #require(error("""
            scrape_configs:
              - job_name: a
                relabel_configs:
                  - source_labels: [__address__]
                    regex: '(unclosed'
                    target_label: x
            """))
        #expect(regex.line == 5 && regex.path == "scrape_configs[0].relabel_configs[0].regex", "\(regex)")

        let timeout = try #require(error("scrape_configs:\n  - job_name: a\n    scrape_interval: 5s\n    scrape_timeout: 10s\n"))
        #expect(timeout.reason.contains("greater than scrape interval"), "\(timeout)")

        let target = try #require(error("scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['http://x:1/metrics']\n"))
        #expect(target.reason.contains("not a valid hostname"), "\(target)")

        let action = try #require(error("scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: explode\n"))
        #expect(action.reason.contains("unknown relabel action"), "\(action)")

        let replace = try #require(error("scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - source_labels: [a]\n"))
        #expect(replace.reason.contains("requires target_label"), "\(replace)")

        #expect(error("scrape_configs:\n  - job_name: a\n    scheme: ftp\n") != nil)
        #expect(error("scrape_configs:\n  - {job_name: a, body_size_limit: 10 parsecs}\n") != nil)
        #expect(error("etcd:\n  clusters:\n    - name: c\n      endpoints: ['127.0.0.1:2379']\n")?.reason.contains("client URL") == true)
    }

    @Test("the etcd section becomes a scrape job per cluster, with probes and discovery settings")
    func etcdSection() throws {
        let configuration = try Configuration(yaml: """
            global: {scrape_interval: 15s}
            etcd:
              clusters:
                - name: main
                  endpoints: [http://127.0.10.1:2379, http://127.0.10.2:2379]
                  discovery: {refresh_interval: 1m}
                  probes: {run: [health, status], interval: 5s}
                - name: backup
                  endpoints: [https://127.0.11.1:2379]
                  scrape: false
                  job_name: etcd-backup
            """)
        #expect(configuration.etcdClusters.count == 2)
        let main = configuration.etcdClusters[0]
        #expect(main.refreshInterval == 60_000 && main.probeInterval == 5_000 && main.probes == [.health, .status])
        #expect(configuration.scrapeConfigs.map(\.jobName) == ["etcd"], "the unscraped cluster has no job")
        #expect(configuration.scrapeConfigs[0].etcdCluster == "main" && configuration.scrapeConfigs[0].scrapeInterval == 15_000)
    }

    @Test("sizes use Prometheus's base-2 units")
    func sizes() throws {
        let configuration = try Configuration(yaml: "scrape_configs:\n  - {job_name: a, body_size_limit: 10MB, sample_limit: 5}\n")
        #expect(configuration.scrapeConfigs[0].bodySizeLimit == 10 << 20)
        #expect(configuration.scrapeConfigs[0].sampleLimit == 5)
    }

    @Test("the shipped examples load")
    func examples() throws {
        let root = Fixtures.repositoryRoot.appendingPathComponent("examples").path
        let reference = try Configuration.load(file: root + "/etcdmon.yml")
        #expect(reference.etcdClusters.first?.endpoints == ["http://127.0.10.1:2379", "http://127.0.10.2:2379"])
        #expect(reference.scrapeConfigs.map(\.jobName) == ["etcd-metrics-port", "etcd"])
        let guide = try Configuration.load(file: root + "/prometheus-guide.yml")
        #expect(guide.scrapeConfigs.first?.staticConfigs.first?.targets.count == 5)
    }
}

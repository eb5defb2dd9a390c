import Config
import EtcdmonModel
import Exposition
import Foundation
import Profiling
import PromQL
import Rules
import TSDB
import Notify
import Remote
import Templates
import Traces
import Web

/// The parsers and decoders that read untrusted input, each as a function of arbitrary bytes that
/// must return (an error is a fine answer) without crashing, hanging or exhausting memory. libFuzzer
/// drives them (`scripts/fuzz.sh`); the test suite replays every input saved under `Tests/fuzz/`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A scraped page in Prometheus's text format 0.0.4.
    case expositionText = "exposition-text"
    /// A scraped page in OpenMetrics 1.0.
    case expositionOpenMetrics = "exposition-openmetrics"
    /// A PromQL query: parsed and, when it parses, evaluated instant and range over a small store.
    case promql
    /// A `prometheus.yml` (with etcdmon's `etcd:` section).
    case config
    /// A WAL segment: its records framed, then each decoded.
    case wal
    /// A block's `index` file: symbols, label values, postings and series.
    case index
    /// A block's chunk segment file, and the bytes as one XOR chunk.
    case chunks
    /// An API request's form parameters: percent-decoding, times, durations, `match[]` selectors.
    case apiParameters = "api-parameters"
    /// A `--web.config.file` (exporter-toolkit's format).
    case webConfig = "web-config"
    /// A block's `tombstones` file.
    case tombstones
    /// A rule file: parsed, and its expressions and templates compiled.
    case ruleFile = "rule-file"
    /// A rule unit-test file, and the values notation of its input series.
    case ruleTest = "rule-test"
    /// A Go template with Prometheus's functions: parsed and, when it parses, executed.
    case template
    /// An alertmanager.yml: routes, matchers, receivers, time intervals.
    case alertmanagerConfig = "alertmanager-config"
    /// A list of matchers in Alertmanager's syntax (`{a="b", c=~"d"}`), as amtool and the API take them.
    case alertMatchers = "alert-matchers"
    /// The notification log's and the silences' snapshot files (Alertmanager's protobuf format).
    case notifyState = "notify-state"
    /// The JSON bodies of Alertmanager's API v2: posted alerts and silences.
    case alertmanagerAPI = "alertmanager-api"
    /// A pprof profile (gzip'd or bare profile.proto): decoded and, when it decodes, reported as `pprof -top`.
    case pprofProfile = "pprof-profile"
    /// A goroutine dump (`/debug/pprof/goroutine?debug=1` or `2`), grouped by stack.
    case goroutineDump = "goroutine-dump"
    /// An OTLP trace export, read as protobuf and as OTLP/JSON; what decodes is stored, searched and counted.
    case otlpTraces = "otlp-traces"
    /// A remote-write request and a remote-read request, Snappy-compressed as sent, and the bytes
    /// compressed here too (so the protobuf decoders see arbitrary messages); reads answered from a small store.
    case remoteProtocol = "remote-protocol"

    /// Feeds `data` to the target.
    public func run(_ data: UnsafeRawBufferPointer) {
        switch self {
        case .expositionText: Self.exposition(data, format: .prometheusText)
        case .expositionOpenMetrics: Self.exposition(data, format: .openMetrics)
        case .promql: Self.promql(String(decoding: data, as: UTF8.self))
        case .config: _ = try? Configuration(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.yml")
        case .wal: Self.wal(data)
        case .index: Self.index(data)
        case .chunks: Self.chunks(data)
        case .apiParameters: Self.apiParameters(String(decoding: data, as: UTF8.self))
        case .webConfig: _ = try? WebConfig(yaml: String(decoding: data, as: UTF8.self), file: "fuzz-web.yml")
        case .tombstones: _ = try? Tombstones.decode(data)
        case .ruleFile: Self.ruleFile(String(decoding: data, as: UTF8.self))
        case .ruleTest: Self.ruleTest(String(decoding: data, as: UTF8.self))
        case .template: Self.template(String(decoding: data, as: UTF8.self))
        case .alertmanagerConfig: _ = try? NotificationConfig(yaml: String(decoding: data, as: UTF8.self), file: "fuzz-alertmanager.yml")
        case .alertMatchers: _ = try? AlertMatcher.parseList(String(decoding: data, as: UTF8.self))
        case .notifyState: NotifyStateFiles.decode(Array(data))
        case .alertmanagerAPI: AlertmanagerAPIBodies.decode(Array(data))
        case .pprofProfile:
            if let profile = try? Profile(bytes: Array(data)) {
                for index in profile.sampleTypes.indices { _ = TopReport(profile: profile, sampleIndex: index).text() }
            }
        case .goroutineDump: _ = GoroutineDump(text: String(decoding: data, as: UTF8.self)).text()
        case .otlpTraces: Self.otlp(Array(data))
        case .remoteProtocol: Self.remote(Array(data))
        }
    }

    private static func remote(_ bytes: [UInt8]) {
        let querier = remoteStore.querier()
        for body in [bytes, Snappy.compress(bytes)] {
            if let request = try? RemoteWriteRequest(snappy: body) { _ = RemoteWriteRequest.encode(request.series) }
            _ = try? RemoteRead.answer(body, querier: querier, externalLabels: Labels([Label("replica", "a")]), sampleLimit: 100_000)
        }
    }

    /// A head with a few series for remote reads to find.
    private static let remoteStore: Head = {
        let head = Head(chunkRange: 7_200_000)
        var appender = head.appender()
        for series in 0..<20 {
            for step in 0..<50 {
                try? appender.append(Labels([Label("__name__", "up"), Label("instance", "i\(series)")]), timestamp: Int64(step) * 15_000, value: 1)
            }
        }
        _ = try? appender.commit()
        return head
    }()

    private static func otlp(_ bytes: [UInt8]) {
        let store = SpanStore(maxBytes: 1 << 20)
        let metrics = SpanMetrics(maxSeries: 100)
        for result in [try? OTLPDecoder().decode(protobuf: bytes), try? OTLPDecoder().decode(json: bytes)] {
            guard let spans = result?.spans else { continue }
            store.add(spans, now: spans.first?.start ?? 0)
            metrics.record(spans)
            for service in store.services() { _ = store.search(TraceQuery(service: service)) }
            _ = metrics.samples()
        }
    }

    /// Feeds the bytes of `data`.
    public func run(_ data: [UInt8]) {
        data.withUnsafeBytes { run($0) }
    }

    // MARK: - Targets

    private static func exposition(_ data: UnsafeRawBufferPointer, format: ExpositionFormat) {
        try? ExpositionParser.withParser(data, format: format) { parser in
            while let entry = try parser.next() {
                switch entry {
                case .sample:
                    _ = parser.labels()
                    _ = parser.exemplar()
                case .help: _ = parser.helpText
                case .unit: _ = parser.unit
                case .type: _ = parser.metricName
                }
            }
        }
    }

    /// Evaluated with a short deadline and a small sample budget: the point is that nothing crashes
    /// and every loop stops, not the answer.
    private static func promql(_ text: String) {
        guard let expression = try? Parser.parse(text) else { return }
        var engine = Engine()
        engine.maxSamples = 200_000
        engine.deadline = .now + .milliseconds(500)
        _ = try? engine.instant(expression, at: 600_000, querier: store)
        if expression.type == .scalar || expression.type == .vector {
            _ = try? engine.range(expression, start: 0, end: 600_000, step: 60_000, querier: store)
        }
    }

    private static func ruleFile(_ text: String) {
        guard let file = try? RuleFile(yaml: text, file: "fuzz.rules.yml") else { return }
        _ = try? RuleLoader.groups(of: file, defaultInterval: 60_000)
    }

    private static func ruleTest(_ text: String) {
        guard let file = try? RuleTestFile(yaml: text, file: "fuzz.test.yml") else { return }
        for group in file.tests {
            for input in group.inputSeries {
                _ = try? SeriesNotation.labels(input.series)
                _ = try? SeriesNotation.values(input.values)
            }
        }
    }

    private static func template(_ text: String) {
        let functions = TemplateFunctions.builtIn.adding(PrometheusFunctions.functions(externalURL: "http://fuzz:9090/") { _ throws(TemplateError) in
            [PrometheusFunctions.Sample(labels: ["instance": "a:1", "job": "etcd"], value: 1.5)]
        })
        guard let template = try? Template(name: "fuzz", text: text, functions: functions, variables: ["$labels", "$value"]) else { return }
        _ = try? template.execute(.null, variables: ["$labels": .stringMap(["instance": "a:1", "job": "etcd"]), "$value": .float(42)],
                                  functions: functions)
    }

    private static func wal(_ data: UnsafeRawBufferPointer) {
        _ = try? WALRecord.decode(data)
        guard let directory = try? scratch(write: data, to: "wal/00000000") else { return }
        try? WALReader.read(directory: directory + "/wal") { record in _ = try? WALRecord.decode(record) }
    }

    private static func index(_ data: UnsafeRawBufferPointer) {
        guard let directory = try? scratch(write: data, to: "index"),
              let reader = try? IndexReader(path: directory + "/index") else { return }
        for name in reader.labelNames().prefix(64) {
            for value in reader.labelValues(name).prefix(64) { _ = try? reader.postings(name: name, value: value) }
        }
        for id in ((try? reader.allPostings()) ?? []).prefix(1_000) { _ = try? reader.series(id) }
    }

    private static func chunks(_ data: UnsafeRawBufferPointer) {
        iterate(data)
        guard let directory = try? scratch(write: data, to: "chunks/000001"),
              let reader = try? ChunkReader(directory: directory + "/chunks") else { return }
        // References to the first segment at every offset a chunk could start at.
        for offset in 0..<min(data.count, 512) {
            if let chunk = try? reader.chunk(1 << 32 | UInt64(offset)) { iterate(chunk.data) }
        }
    }

    private static func iterate(_ chunk: UnsafeRawBufferPointer) {
        guard var iterator = try? XORIterator(chunk) else { return }
        while (try? iterator.next()) == true {}
    }

    private static func apiParameters(_ form: String) {
        let parameters = RequestParameters(form: form)
        try? parameters.validate()
        _ = try? parameters.time("time", fallback: 0)
        _ = try? parameters.duration("step")
        for selector in parameters.all("match[]").prefix(PrometheusAPI.maximumSelectors) {
            _ = try? PrometheusAPI.matchers(selector, parameter: "match[]")
        }
    }

    // MARK: - Helpers

    /// A few series over ten minutes, for queries to select.
    private static let store: FuzzStore = {
        var series: [StoredSeries] = []
        for instance in ["127.0.10.1:2379", "127.0.10.1:3379", "127.0.10.2:2379"] {
            for (name, step) in [("up", 0.0), ("etcd_server_has_leader", 0.0), ("etcd_disk_wal_fsync_duration_seconds_count", 3.0)] {
                let labels = Labels([Label(Labels.metricName, name), Label("instance", instance), Label("job", "etcd")])
                let times = Array(stride(from: Int64(0), through: 600_000, by: 15_000))
                series.append(StoredSeries(labels: labels, timestamps: times, values: times.indices.map { 1 + Double($0) * step }))
            }
        }
        return FuzzStore(series: series.sorted { $0.labels < $1.labels })
    }()

    /// A directory of this process's own, with `data` written at `relativePath` inside it.
    private static func scratch(write data: UnsafeRawBufferPointer, to relativePath: String) throws -> String {
        let directory = NSTemporaryDirectory() + "etcdmon-fuzz-\(getpid())"
        let path = directory + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(data).write(to: URL(fileURLWithPath: path))
        return directory
    }
}

/// A fixed in-memory store.
struct FuzzStore: Querier {
    let series: [StoredSeries]

    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        series.compactMap { stored in
            guard matchers.allSatisfy({ $0.matches(stored.labels[$0.name] ?? "") }) else { return nil }
            let kept = stored.timestamps.indices.filter { stored.timestamps[$0] >= minTime && stored.timestamps[$0] <= maxTime }
            return kept.isEmpty ? nil : StoredSeries(labels: stored.labels, timestamps: kept.map { stored.timestamps[$0] }, values: kept.map { stored.values[$0] })
        }
    }

    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        Array(Set(series.flatMap { $0.labels.map(\.name) })).sorted()
    }

    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        Array(Set(series.compactMap { $0.labels[name] })).sorted()
    }
}

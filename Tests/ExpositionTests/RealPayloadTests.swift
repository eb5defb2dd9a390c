import EtcdmonModel
import Exposition
import Testing
import TestSupport

@Suite("Real etcd captures and Prometheus payloads")
struct RealPayloadTests {
    static let captures = Fixtures.etcdVersions.flatMap { version in
        ["metrics-initial", "metrics-after-1000-puts"].map { "fixtures/etcd/\(version)/\($0)" }
    }

    @Test("families, types, help and series counts match the fixture's families.tsv", arguments: captures)
    func etcdCaptureMatchesFamilyTable(_ capture: String) throws {
        let summary = try FamilySummary.of(try Fixtures.bytes(capture + ".body"), format: .prometheusText)
        let rows = try Fixtures.text(capture + ".families.tsv")
            .split(separator: "\n").dropFirst()
            .map { $0.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false) }

        #expect(summary.types.count == rows.count)
        var expectedSeries = 0
        for row in rows {
            let name = String(row[0])
            #expect(summary.types[name]?.rawValue == String(row[1]), "type of \(name)")
            #expect(summary.seriesPerFamily[name, default: 0] == Int(row[2]), "series of \(name)")
            #expect(summary.helps[name] == String(row[3]), "help of \(name)")
            expectedSeries += Int(row[2]) ?? 0
        }
        #expect(summary.samples == expectedSeries)
    }

    @Test("the OpenMetrics-negotiated capture (etcd answers text 0.0.4) parses identically")
    func openMetricsNegotiatedCapture() throws {
        for version in Fixtures.etcdVersions {
            let plain = try FamilySummary.of(
                try Fixtures.bytes("fixtures/etcd/\(version)/metrics-openmetrics.body"), format: .prometheusText)
            #expect(plain.types.count > 100)
            #expect(plain.samples > 1000)
        }
    }

    @Test("Prometheus's own benchmark payloads parse with the documented counts")
    func prometheusPayloads() throws {
        let all = try FamilySummary.of(
            try Fixtures.bytes("conformance/textparse/alltypes.237mfs.prom.txt"), format: .prometheusText)
        #expect(all.types.count == 237)
        #expect(all.helps.count == 237)
        #expect(all.samples == 1857)
        #expect(all.types.values.filter { $0 == .counter }.count == 112)
        #expect(all.types.values.filter { $0 == .gauge }.count == 97)
        #expect(all.types.values.filter { $0 == .histogram }.count == 15)
        #expect(all.types.values.filter { $0 == .summary }.count == 13)

        let noMeta = try FamilySummary.of(
            try Fixtures.bytes("conformance/textparse/alltypes.237mfs.nometa.prom.txt"), format: .prometheusText)
        #expect(noMeta.types.isEmpty)
        #expect(noMeta.samples == 1857)

        let old = try FamilySummary.of(
            try Fixtures.bytes("conformance/textparse/v2.42.0/promtestdata.txt"), format: .prometheusText)
        #expect(old.samples == 410)
    }

    @Test("OpenMetrics payloads: exemplars, _created series and # EOF")
    func openMetricsPayloads() throws {
        let five = try FamilySummary.of(
            try Fixtures.bytes("conformance/textparse/alltypes.5mfs.om.txt"), format: .openMetrics)
        #expect(five.types.count == 5)
        #expect(five.samples == 53)
        #expect(five.exemplars == 6)

        let histogram = try FamilySummary.of(
            try Fixtures.bytes("conformance/textparse/1histogram.om.txt"), format: .openMetrics)
        #expect(histogram.types.count == 1)
        #expect(histogram.samples == 42)
    }

    @Test("a specific etcd sample decodes to the exact labels and value")
    func specificEtcdSample() throws {
        let body = try Fixtures.bytes("fixtures/etcd/v3.5.1/metrics-initial.body")
        var found: (Labels, Double)?
        try ExpositionParser.withParser(body, format: .prometheusText) { parser in
            while let entry = try parser.next() {
                if entry == .sample, parser.metricName == "etcd_server_has_leader" {
                    found = (parser.labels(), parser.value)
                }
            }
        }
        #expect(found?.0 == Labels(["__name__": "etcd_server_has_leader"]))
        #expect(found?.1 == 1)
    }
}

import Foundation
import FuzzTargets
import Testing
import TestSupport

/// Every input saved under `Tests/fuzz/TARGET/` — each crash or hang fuzzing found, kept after its
/// fix, and hand-made hostile inputs — replayed through its fuzz target, plus the real fixtures the
/// fuzzers start from. A regression crashes this test process, which fails the run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = Fixtures.repositoryRoot.appendingPathComponent("Tests/fuzz")

    /// The saved inputs of `target`.
    static func savedInputs(_ target: FuzzTarget) -> [URL] {
        let folder = directory.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test("every saved input of every target runs to completion", arguments: FuzzTarget.allCases)
    func savedInputsReplay(target: FuzzTarget) throws {
        let inputs = Self.savedInputs(target)
        #expect(!inputs.isEmpty, "Tests/fuzz/\(target.rawValue) holds at least one input")
        for input in inputs {
            let data = try Data(contentsOf: input)
            let started = ContinuousClock.now
            target.run([UInt8](data))
            #expect(ContinuousClock.now - started < .seconds(10), "\(input.lastPathComponent) took \(ContinuousClock.now - started)")
        }
    }

    @Test("the fuzzers' seeds (real pages, queries, configurations) run to completion")
    func seedsReplay() throws {
        let pages = ["fixtures/etcd/v3.5.1/metrics-initial.body", "fixtures/etcd/v3.4.23/metrics-initial.body",
                     "conformance/textparse/v2.42.0/promtestdata.txt"]
        for page in pages {
            FuzzTarget.expositionText.run(try Fixtures.bytes(page))
        }
        FuzzTarget.expositionOpenMetrics.run(try Fixtures.bytes("fixtures/etcd/v3.5.1/metrics-openmetrics.body"))
        let queries = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Tests/promql/queries.txt"), encoding: .utf8)
        for query in queries.split(separator: "\n") where !query.hasPrefix("#") {
            FuzzTarget.promql.run(Array(query.utf8))
        }
        for example in ["examples/etcdmon.yml", "examples/prometheus-guide.yml"] {
            FuzzTarget.config.run([UInt8](try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent(example))))
        }
    }
}

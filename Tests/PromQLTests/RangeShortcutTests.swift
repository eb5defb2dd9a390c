import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import PromQL
import TSDB

/// The range-query shortcuts (series by series, step vectors, aggregations folded series by series)
/// must give exactly what evaluating each step on its own gives: an instant query at every step is
/// the definition, and the results are compared bit for bit (a NaN as any NaN: its sign comes from
/// which operand the compiler puts first in an addition, and no answer shows it), over data with
/// gaps, NaN, infinities and stale markers.
@Suite("Range shortcuts agree with step-by-step evaluation")
struct RangeShortcutTests {
    static func store(seed: UInt64) -> MemoryQuerier {
        var random = SeededGenerator(seed: seed)
        let store = MemoryQuerier()
        let stale = Double(bitPattern: 0x7FF0_0000_0000_0002)
        for instance in 0..<6 {
            for code in ["OK", "Unavailable", "Internal"] {
                for le in ["0.1", "1", "+Inf"] {
                    let labels = Labels([Label("__name__", "h_bucket"), Label("instance", "i\(instance)"), Label("code", code), Label("le", le)])
                    var counter = 0.0
                    for step in 0..<120 where Int.random(in: 0..<10, using: &random) > 0 {
                        counter += Double(Int.random(in: 0..<5, using: &random)) * (le == "0.1" ? 1 : le == "1" ? 2 : 3)
                        // A reset now and then, a value that is NaN, infinite or a stale marker rarely.
                        if Int.random(in: 0..<60, using: &random) == 0 { counter = 0 }
                        var value = counter
                        switch Int.random(in: 0..<200, using: &random) {
                        case 0: value = .nan
                        case 1: value = .infinity
                        case 2: value = stale
                        default: break
                        }
                        store.add(labels, Int64(step) * 15_000 + Int64(instance) * 1_000, value)
                    }
                }
            }
            let gauge = Labels([Label("__name__", "g"), Label("instance", "i\(instance)"), Label("job", instance % 2 == 0 ? "a" : "b")])
            for step in 0..<120 where Int.random(in: 0..<8, using: &random) > 0 {
                store.add(gauge, Int64(step) * 15_000 + 500, Double(Int.random(in: -50...50, using: &random)) / 7)
            }
        }
        return store
    }

    static let queries = [
        "sum by (instance) (rate(h_bucket[1m]))",
        "sum without (code) (rate(h_bucket[2m]))",
        "avg by (le) (increase(h_bucket[1m]))",
        "max by (code) (h_bucket)",
        "min(g)",
        "count by (job) (g)",
        "group by (instance) (h_bucket)",
        "sum(g)",
        "avg without (instance) (g)",
        "histogram_quantile(0.9, sum by (instance, le) (rate(h_bucket[1m])))",
        "sum by (job) (g) / on (job) group_left count by (job) (g)",
        "sum(sum by (code) (rate(h_bucket[1m])))",
        "max by (instance) (max_over_time(g[45s]))",
        "sum by (instance) (h_bucket{code=~\"Unavailable|Internal\"})",
        "histogram_quantile(0.9, rate(h_bucket[1m]))",
        "histogram_quantile(0.5, h_bucket) > 2",
        "histogram_quantile(0.99, rate(h_bucket{code=\"OK\"}[2m])) > 0.5",
        "histogram_quantile(1.5, increase(h_bucket[1m]))",
        "predict_linear(g[2m], 4 * 60 * 60)",
        "predict_linear(g[1m] offset 30s, -(60))",
        "max by (job) (predict_linear(g[2m], 3600)) > 0",
        "quantile_over_time(0.9, g[1m])",
        "holt_winters(g[2m], 0.3, 0.6)",
        "deriv(g[1m])",
        "sum(g or h_bucket)",
        "avg by (job) (g > 1 or g < -1)",
    ] + binaryQueries

    /// Binary operations, which a range query takes series by series (`binarySeries`).
    static let binaryQueries = [
        "last_over_time(g[1m]) / last_over_time(g[2m])",
        "(last_over_time(g[1m]) / last_over_time(g[2m])) < 0.5 and g > 1",
        "(last_over_time(h_bucket[1m]) / last_over_time(h_bucket[2m])) * 100 > 95",
        "predict_linear(g[2m], 3600) > g",
        "max_over_time(g[1m]) >= on (instance, job) g",
        "g > bool 0",
        "2 - g",
        "-1 < g",
        "rate(h_bucket[1m]) unless h_bucket{code=\"OK\"}",
        "rate(h_bucket[1m]) and ignoring (code) rate(h_bucket{code=\"Internal\"}[2m]) > 0.1",
        "sum by (job) (g) > bool on (job) count by (job) (g)",
        "g - ignoring (job) g",
        "g atan2 g",
        // Aggregations of binary operations (`foldInput`), the quorum alert's shape first.
        "sum(g == bool 1) without (instance) < ((count(g) without (instance) + 1) / 2)",
        "avg by (job) (g / 3 - 0.1)",
        "sum by (job) (rate(h_bucket[1m]) * 2 > 0.05)",
        "max(10 - max_over_time(g[1m]) > bool on (instance, job) g)",
        "count by (code) (rate(h_bucket[1m]) unless ignoring (le) h_bucket{le=\"+Inf\"} > 100)",
        "min(1 / g and g > 0)",
    ]

    @Test("binary operations are taken series by series", arguments: binaryQueries)
    func binaryShortcut(query: String) throws {
        let expression = try Parser.parse(query)
        let evaluation = try Evaluation(
            engine: Engine(), expression: expression, start: 60_000, end: 1_790_000, step: 30_000, querier: Self.store(seed: 1))
        #expect(try evaluation.seriesBySeries(expression) != nil, "\(query)")
    }

    /// A value's bits, every NaN but the stale marker as one.
    static func bits(_ value: Double) -> UInt64 {
        value.isNaN && value.bitPattern != 0x7FF0_0000_0000_0002 ? Double.nan.bitPattern : value.bitPattern
    }

    @Test("each step of a range query equals the instant query at that step", arguments: queries)
    func agrees(query: String) throws {
        let expression = try Parser.parse(query)
        for seed in 1...4 as ClosedRange<UInt64> {
            let store = Self.store(seed: seed)
            let (start, end, step): (Int64, Int64, Int64) = (60_000, 1_790_000, 30_000)
            guard case .matrix(let series) = try Engine().range(expression, start: start, end: end, step: step, querier: store) else {
                Issue.record("not a matrix")
                return
            }
            var expected: [Labels: [(Int64, UInt64)]] = [:]
            var time = start
            while time <= end {
                guard case .vector(let samples) = try Engine().instant(expression, at: time, querier: store) else { return }
                for sample in samples { expected[sample.labels, default: []].append((time, Self.bits(sample.value))) }
                time += step
            }
            var actual: [Labels: [(Int64, UInt64)]] = [:]
            for points in series {
                actual[points.labels] = zip(points.timestamps, points.values).map { ($0, Self.bits($1)) }
            }
            #expect(Set(actual.keys) == Set(expected.keys), "seed \(seed): \(query)")
            for (labels, points) in expected {
                let got = actual[labels] ?? []
                let firstDifference = zip(got, points).first { $0.1 != $1.1 }.map { "at \($0.0.0): \(Double(bitPattern: $0.0.1)) vs \(Double(bitPattern: $0.1.1))" } ?? ""
                #expect(got.map(\.0) == points.map(\.0) && got.map(\.1) == points.map(\.1), "seed \(seed): \(query) \(labels) \(firstDifference)")
            }
        }
    }
}

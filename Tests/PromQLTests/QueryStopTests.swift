import EtcdmonModel
import Synchronization
import Testing
@testable import PromQL

/// A query stops at its deadline, at its sample budget and when its caller says it is cancelled,
/// wherever it is: between steps, inside a subquery, inside one step's aggregation.
@Suite("Queries stop when they should")
struct QueryStopTests {
    @Test("cancellation is seen between a subquery's steps")
    func cancellationInSubquery() throws {
        let calls = Atomic<Int>(0)
        var engine = Engine()
        engine.isCancelled = { calls.add(1, ordering: .relaxed).newValue > 100 }
        #expect(throws: EvaluationError(.canceled, "query canceled: the client went away")) {
            try engine.instant(try Parser.parse("count_over_time(vector(1)[1d:1s])"), at: 86_400_000, querier: EmptyQuerier())
        }
        #expect(calls.load(ordering: .relaxed) == 101, "stopped at the first check that saw it")
    }

    /// An instant query has one step: without checks inside the aggregation it would run to its end.
    @Test("cancellation is seen inside one step's aggregation", arguments: ["count_values(\"v\", big)", "sum by (i) (big)"])
    func cancellationInAggregation(query: String) throws {
        let store = MemoryQuerier()
        for index in 0..<20_000 { store.add(Labels([Label("__name__", "big"), Label("i", "\(index)")]), 0, Double(index)) }
        let calls = Atomic<Int>(0)
        var engine = Engine()
        engine.isCancelled = { calls.add(1, ordering: .relaxed).newValue > 1 }
        #expect(throws: EvaluationError(.canceled, "query canceled: the client went away")) {
            try engine.instant(try Parser.parse(query), at: 0, querier: store)
        }
    }

    @Test("subquery steps and results count against max-samples; too many steps are refused before evaluation")
    func sampleBudget() throws {
        var engine = Engine()
        engine.maxSamples = 1_000
        let small = try Parser.parse("count_over_time(vector(1)[10m:1s])")
        // 600 inner steps fit the budget.
        #expect(throws: Never.self) { try engine.instant(small, at: 600_000, querier: EmptyQuerier()) }
        let large = try Parser.parse("count_over_time(vector(1)[1h:1s])")
        #expect(throws: EvaluationError.self) { try engine.instant(large, at: 3_600_000, querier: EmptyQuerier()) }
        do {
            _ = try engine.instant(large, at: 3_600_000, querier: EmptyQuerier())
        } catch {
            #expect(error.kind == .tooManySamples)
            #expect(error.message.contains("3600 steps"), "\(error.message)")
        }
        // A range query's result is held until its last step, so its points count too.
        let range = try Parser.parse("vector(1) + vector(2)")
        #expect(throws: EvaluationError.self) { try engine.range(range, start: 0, end: 2_000_000, step: 1_000, querier: EmptyQuerier()) }
    }

    @Test("a deadline that has passed stops evaluation at once")
    func deadline() throws {
        var engine = Engine()
        engine.deadline = .now - .seconds(1)
        #expect(throws: EvaluationError(.timeout, "query timed out in expression evaluation")) {
            try engine.instant(try Parser.parse("count_over_time(vector(1)[1h:1s])"), at: 3_600_000, querier: EmptyQuerier())
        }
    }
}

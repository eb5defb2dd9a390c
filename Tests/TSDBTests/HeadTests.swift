import EtcdmonModel
import Testing
@testable import TSDB

@Suite("Head and appender")
struct HeadTests {
    let up = Labels(["__name__": "up", "instance": "a"])
    let load = Labels(["__name__": "load", "instance": "a"])

    @Test("a batch is invisible until committed, and gone after rollback")
    func commitAndRollback() throws {
        let head = Head()
        var appender = head.appender()
        try appender.append(up, timestamp: 1000, value: 1)
        try appender.append(load, timestamp: 1000, value: 0.5)
        #expect(try head.querier().select([], minTime: .min, maxTime: .max).isEmpty)
        let result = try appender.commit()
        #expect(result.appended == 2 && result.seriesCreated == 2)
        #expect(try head.querier().select([], minTime: .min, maxTime: .max).count == 2)

        try appender.append(up, timestamp: 2000, value: 0)
        appender.rollback()
        try appender.commit()
        let series = try head.querier().select([LabelMatcher(.equal, "__name__", "up")], minTime: .min, maxTime: .max)
        #expect(series.first?.timestamps == [1000])
    }

    @Test("out-of-order and conflicting samples are refused and counted; an exact repeat is accepted")
    func rejections() throws {
        let head = Head()
        var appender = head.appender()
        try appender.append(up, timestamp: 1000, value: 1)
        try appender.commit()
        #expect(throws: AppendError.outOfOrder(series: up, timestamp: 500, latest: 1000)) {
            try appender.append(up, timestamp: 500, value: 1)
        }
        #expect(throws: AppendError.duplicateTimestamp(series: up, timestamp: 1000)) {
            try appender.append(up, timestamp: 1000, value: 2)
        }
        try appender.append(up, timestamp: 1000, value: 1)
        // Within one batch, too.
        try appender.append(load, timestamp: 3000, value: 1)
        #expect(throws: AppendError.self) { try appender.append(load, timestamp: 2000, value: 1) }
        try appender.commit()
        let statistics = head.statistics
        #expect(statistics.outOfOrderRejected == 2)
        #expect(statistics.duplicateRejected == 1)
        #expect(statistics.samplesAppended == 2)
        #expect(statistics.seriesCreated == 2)
    }

    @Test("two appenders racing: the later commit's stale samples are rejected at commit")
    func racingAppenders() throws {
        let head = Head()
        var first = head.appender()
        var second = head.appender()
        try first.append(up, timestamp: 2000, value: 1)
        try second.append(up, timestamp: 1000, value: 1)
        #expect(try first.commit().appended == 1)
        let result = try second.commit()
        #expect(result.appended == 0 && result.outOfOrder == 1)
    }

    @Test("a batch appending by reference across two truncations commits each sample to its series, moved or dropped, without asking for labels")
    func batchAcrossTruncations() throws {
        let head = Head()
        let old = Labels(["__name__": "old"]), a = Labels(["__name__": "a"]), b = Labels(["__name__": "b"])
        var setup = head.appender()
        let oldReference = try setup.append(nil, old, timestamp: 100, value: 1)
        let aReference = try setup.append(nil, a, timestamp: 100, value: 1)
        try setup.append(a, timestamp: 1500, value: 1)
        let bReference = try setup.append(nil, b, timestamp: 1500, value: 1)
        try setup.append(b, timestamp: 1700, value: 1)
        try setup.commit()

        var labelsAsked = 0
        func counted(_ labels: Labels) -> Labels {
            labelsAsked += 1
            return labels
        }
        var batch = head.appender()
        for (reference, labels) in [(oldReference, old), (aReference, a), (bReference, b)] {
            try batch.append(reference, counted(labels), timestamp: 2000, value: 2)
        }
        // The first drops "old" and moves the others; the second drops "a" (its samples end at 1500).
        head.truncate(before: 1000)
        head.truncate(before: 1600)
        let result = try batch.commit()
        #expect(labelsAsked == 0)
        #expect(result.appended == 3 && result.outOfOrder == 0)
        func timestamps(_ name: String) throws -> [Int64]? {
            try head.querier().select([LabelMatcher(.equal, "__name__", name)], minTime: .min, maxTime: .max).first?.timestamps
        }
        #expect(try timestamps("old") == [2000], "a dropped series is recreated for its pending sample")
        #expect(try timestamps("a") == [2000])
        #expect(try timestamps("b") == [1500, 1700, 2000])
        #expect(head.state.withLock { $0.pins.isEmpty && $0.relocations.isEmpty }, "the commit released what the pin kept")

        // A batch dropped without a commit releases its pin too.
        do {
            var abandoned = head.appender()
            try abandoned.append(nil, b, timestamp: 3000, value: 3)
            let current = try abandoned.append(nil, a, timestamp: 3000, value: 3)
            try abandoned.append(current, a, timestamp: 4000, value: 4)
            #expect(head.state.withLock { $0.pins.count } == 1)
        }
        #expect(head.state.withLock { $0.pins.isEmpty })
    }

    @Test("stale markers and NaN are stored apart; a select reads what is committed when it runs, and its chunks are values")
    func snapshots() throws {
        let head = Head()
        var appender = head.appender()
        let stale = Double(bitPattern: 0x7FF0_0000_0000_0002)
        try appender.append(up, timestamp: 1000, value: .nan)
        try appender.append(up, timestamp: 2000, value: stale)
        try appender.commit()
        let querier = head.querier()
        let before = try querier.select([], minTime: .min, maxTime: .max)
        for step in 3...500 {
            try appender.append(up, timestamp: Int64(step) * 1000, value: Double(step))
            try appender.commit()
        }
        #expect(before.first?.timestamps == [1000, 2000])
        #expect(before.first?.values.map(\.bitPattern) == [Double.nan.bitPattern, 0x7FF0_0000_0000_0002])
        #expect(try querier.select([], minTime: .min, maxTime: .max).first?.timestamps.count == 500, "a later select sees later commits")
        let after = try head.querier().select([], minTime: 100_000, maxTime: 100_999)
        #expect(after.first?.timestamps == [100_000])
        #expect(after.first?.values == [100])
    }

    @Test("chunks are cut as Prometheus's head cuts them: 120 samples, never across the chunk range")
    func chunkCutting() {
        var series = ChunkedSeries(chunkRange: 7_200_000)
        for step in 0..<480 { series.append(timestamp: Int64(step) * 15_000, value: Double(step)) }
        #expect(series.chunks.map(\.count) == [120, 120, 120, 120])
        var straddling = ChunkedSeries(chunkRange: 7_200_000)
        for step in 0..<100 { straddling.append(timestamp: 7_200_000 - 50 * 15_000 + Int64(step) * 15_000, value: 1) }
        #expect(straddling.chunks.map(\.count) == [50, 50])
        #expect(straddling.chunks[1].minTime == 7_200_000)
    }
}

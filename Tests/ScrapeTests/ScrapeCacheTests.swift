import EtcdmonModel
@testable import Scrape
import Testing

/// The scrape cache as a scrape loop drives it: each page's lines offered in the expected order
/// first, looked up by text otherwise.
@Suite("Scrape cache")
struct ScrapeCacheTests {
    /// What one scrape of `lines` did: per line, whether it matched the expected series, whether it
    /// was new, its labels; and the series returned as vanished.
    struct Outcome {
        var expected: [Bool] = []
        var new: [Bool] = []
        var labels: [Labels?] = []
        var vanished: [Labels] = []
    }

    /// Runs one scrape of `lines` (series texts) through `cache` as `ScrapeLoop` does.
    func scrape(_ lines: [String], _ cache: inout ScrapeCache, succeeded: Bool = true) -> Outcome {
        var outcome = Outcome()
        cache.beginScrape()
        for line in lines {
            var bytes = Array(line.utf8)
            let matched = cache.withExpectedKey { expected in expected.elementsEqual(bytes) } ?? false
            if matched {
                let index = cache.seeExpected(explicitTimestamp: false)
                outcome.expected.append(true)
                outcome.new.append(false)
                outcome.labels.append(cache.isDropped(index) ? nil : cache.labels(at: index))
                continue
            }
            let seen = bytes.withUnsafeMutableBufferPointer { buffer in
                cache.see(UnsafeBufferPointer(buffer), explicitTimestamp: false) { line == "dropped" ? nil : Labels(["__name__": line]) }
            }
            outcome.expected.append(false)
            outcome.new.append(seen.isNew)
            outcome.labels.append(cache.isDropped(seen.index) ? nil : cache.labels(at: seen.index))
        }
        outcome.vanished = cache.endScrape(succeeded: succeeded)
        return outcome
    }

    @Test("a page in the same order is matched line by line; inserted, moved and vanished series are found by text")
    func order() {
        var cache = ScrapeCache()
        let first = scrape(["a", "b", "c", "dropped"], &cache)
        #expect(first.new == [true, true, true, true])
        #expect(first.labels.map { $0?.name } == ["a", "b", "c", nil], "labels are made once, nil when relabelling drops the series")

        let same = scrape(["a", "b", "c", "dropped"], &cache)
        #expect(same.expected == [true, true, true, true])
        #expect(same.labels.map { $0?.name } == ["a", "b", "c", nil])

        // "x" is inserted, "c" and "a" swap places, "b" vanishes.
        let changed = scrape(["c", "x", "a", "dropped"], &cache)
        #expect(changed.new == [false, true, false, false])
        #expect(changed.labels.map { $0?.name } == ["c", "x", "a", nil])
        #expect(changed.vanished.map(\.name) == ["b"], "dropped series get no stale marker")

        let again = scrape(["c", "x", "a", "dropped"], &cache)
        #expect(again.expected == [true, true, true, true], "the new order is the expected one next time")
        #expect(again.labels.map { $0?.name } == ["c", "x", "a", nil])
    }

    @Test("a failed scrape returns every series for stale markers and forgets them")
    func failure() {
        var cache = ScrapeCache()
        _ = scrape(["a", "b"], &cache)
        let failed = scrape([], &cache, succeeded: false)
        #expect(failed.vanished.map(\.name) == ["a", "b"])
        let after = scrape(["b", "a"], &cache)
        #expect(after.new == [true, true])
        #expect(after.vanished.isEmpty)
    }

    @Test("a series repeated within the first page keeps matching in later scrapes")
    func repeatedSeries() {
        var cache = ScrapeCache()
        _ = scrape(["a", "a", "b"], &cache)
        let next = scrape(["a", "a", "b"], &cache)
        #expect(next.expected == [true, true, true])
        let reordered = scrape(["b", "a"], &cache)
        #expect(reordered.new == [false, false])
        #expect(reordered.labels.map { $0?.name } == ["b", "a"])
        #expect(reordered.vanished.isEmpty, "the unmatched twin of an exposed series is not stale")
    }
}

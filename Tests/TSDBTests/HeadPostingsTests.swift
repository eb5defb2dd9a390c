import EtcdmonModel
import Testing
import TestSupport
@testable import TSDB

/// The head's postings index against the definition it replaces: a select's series are exactly
/// those whose labels every matcher accepts (a missing label read as ""), for every matcher kind,
/// before and after a truncation moves series.
@Suite("Head postings")
struct HeadPostingsTests {
    @Test("intersecting lists of very different lengths (galloping) gives what a walk of both gives")
    func galloping() {
        var generator = SeededGenerator(seed: 7)
        for (shortCount, longCount) in [(0, 100), (1, 1_000), (10, 50_000), (300, 200_000), (5_000, 100_000), (64, 64)] {
            let long = (0..<longCount).map { _ in UInt32.random(in: 0..<UInt32(longCount * 2), using: &generator) }
            let short = (0..<shortCount).map { _ in UInt32.random(in: 0..<UInt32(longCount * 2), using: &generator) }
                + long.prefix(shortCount / 2)
            let (a, b) = (Array(Set(short)).sorted(), Array(Set(long)).sorted())
            let expected = Array(Set(a).intersection(b)).sorted()
            #expect(Postings.intersect(a, b) == expected, "\(shortCount) × \(longCount)")
            #expect(Postings.intersect(b, a) == expected)
        }
    }

    static let names = ["etcd_server_has_leader", "etcd_disk_wal_fsync_duration_seconds_bucket", "up", "process_open_fds"]

    /// A head with series of a few metrics over a few instances, some with `le`, some without `job`.
    static func filledHead(seed: UInt64) throws -> (Head, [Labels]) {
        var random = SeededGenerator(seed: seed)
        let head = Head(chunkRange: 3_600_000)
        var appender = head.appender()
        var all: [Labels] = []
        for instance in 0..<12 {
            for name in names {
                for bucket in name.hasSuffix("_bucket") ? ["0.001", "0.01", "+Inf"] : [""] {
                    var labels = [Label("__name__", name), Label("instance", "10.0.0.\(instance):2379")]
                    if !bucket.isEmpty { labels.append(Label("le", bucket)) }
                    if Bool.random(using: &random) { labels.append(Label("job", instance % 2 == 0 ? "etcd" : "etcd-b")) }
                    let set = Labels(labels)
                    all.append(set)
                    // Some series get their only sample early, so a truncation drops them.
                    try appender.append(set, timestamp: Bool.random(using: &random) ? 1_000 : 7_300_000, value: 1)
                }
            }
        }
        try appender.commit()
        return (head, all)
    }

    static let matcherSets: [[(LabelMatcher.Kind, String, String)]] = [
        [],
        [(.equal, "__name__", "up")],
        [(.equal, "__name__", "up"), (.equal, "instance", "10.0.0.3:2379")],
        [(.equal, "job", "")],
        [(.notEqual, "job", "etcd")],
        [(.regexMatch, "__name__", "etcd_.*")],
        [(.regexMatch, "__name__", "up|process_open_fds"), (.notEqual, "instance", "10.0.0.1:2379")],
        [(.regexMatch, "le", ".*")],
        [(.regexMatch, "le", ".+")],
        [(.regexNoMatch, "le", "\\+Inf"), (.regexMatch, "__name__", ".*bucket")],
        [(.regexNoMatch, "job", ".+")],
        [(.equal, "__name__", "absent")],
        [(.equal, "nolabel", "x")],
        [(.notEqual, "nolabel", "x"), (.equal, "__name__", "up")],
        [(.regexMatch, "instance", "10\\.0\\.0\\.1[01]:2379|10.0.0.2:.*")],
    ]

    @Test("selects match a walk over every series, for every matcher kind, before and after a truncation")
    func agreesWithWalk() throws {
        for seed in 1...5 as ClosedRange<UInt64> {
            let (head, all) = try Self.filledHead(seed: seed)
            for round in 0..<2 {
                let live = Set(try head.querier().select([], minTime: .min, maxTime: .max).map(\.labels))
                for set in Self.matcherSets {
                    let matchers = try set.map { try LabelMatcher($0.0, $0.1, $0.2) }
                    let expected = all.filter { labels in live.contains(labels) && matchers.allSatisfy { $0.matches(labels[$0.name] ?? "") } }.sorted()
                    let selected = try head.querier().select(matchers, minTime: .min, maxTime: .max).map(\.labels)
                    #expect(selected == expected, "seed \(seed) round \(round) \(matchers)")
                    let names = Set(expected.flatMap { $0.map(\.name) }).sortedByBytes()
                    if !matchers.isEmpty { #expect(try head.querier().labelNames(matchers) == names, "\(matchers)") }
                }
                // The truncation drops the series whose only sample was early, moving the rest.
                head.truncate(before: 3_600_000)
            }
            #expect(try head.querier().labelValues("le", []) == ["+Inf", "0.001", "0.01"])
        }
    }
}

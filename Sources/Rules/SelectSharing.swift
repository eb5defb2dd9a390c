import EtcdmonModel
import Synchronization
import TSDB

/// The selects of the rule being evaluated and of the rule before it, kept for one group
/// evaluation: rules evaluate at one instant, so consecutive rules that read the same series over
/// the same window (the etcd mixin's warning/critical pairs, `up` in the membership alerts) load
/// them once. What the next rule does not read again is let go, so memory stays within two rules'
/// selects.
final class SelectSharing: QuerierSource {
    private let base: any QuerierSource
    private let state = Mutex(State())

    struct State {
        var entries: [String: [StoredSeries]] = [:]
        var used: Set<String> = []
    }

    init(base: any QuerierSource) {
        self.base = base
    }

    func querier() -> any Querier { SharingQuerier(sharing: self, base: base.querier()) }

    /// Called between rules: drops what the rule that just ran did not read.
    func nextRule() {
        state.withLock { state in
            state.entries = state.entries.filter { state.used.contains($0.key) }
            state.used = []
        }
    }

    fileprivate func select(
        _ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool, base: any Querier
    ) throws(TSDBError) -> [StoredSeries] {
        let key = matchers.map { "\($0.name)\u{0}\($0.kind.rawValue)\u{0}\($0.value)" }.joined(separator: "\u{1}")
            + "\u{2}\(minTime)\u{2}\(maxTime)\u{2}\(sorted)"
        if let known = state.withLock({ state -> [StoredSeries]? in
            guard let known = state.entries[key] else { return nil }
            state.used.insert(key)
            return known
        }) {
            return known
        }
        let series = try base.select(matchers, minTime: minTime, maxTime: maxTime, sorted: sorted)
        state.withLock { state in
            state.entries[key] = series
            state.used.insert(key)
        }
        return series
    }
}

/// A querier whose selects go through a `SelectSharing`.
private struct SharingQuerier: Querier {
    let sharing: SelectSharing
    let base: any Querier

    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        try sharing.select(matchers, minTime: minTime, maxTime: maxTime, sorted: sorted, base: base)
    }

    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { try base.labelNames(matchers) }

    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] { try base.labelValues(name, matchers) }
}

import EtcdmonModel

/// The store's `Querier`: the blocks and the head, read when each select runs. The head is read
/// first, then the list of blocks: compaction publishes a block before it truncates the head, so
/// whatever the head has lost by then is in a block this select sees (a range seen in both merges
/// away). Selects of one query may thus see the store at slightly different moments, as
/// Prometheus's head queriers do without isolation.
struct StorageQuerier: Querier {
    let storage: Storage

    private func blocks() -> MergedQuerier {
        MergedQuerier(storage.blocks.map { BlockQuerier(block: $0) })
    }

    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries] {
        let fromHead = try storage.head.querier().select(matchers, minTime: minTime, maxTime: maxTime, sorted: sorted)
        return MergedQuerier.merge(try blocks().select(matchers, minTime: minTime, maxTime: maxTime, sorted: sorted), fromHead)
    }

    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        let fromHead = try storage.head.querier().labelNames(matchers)
        return Set(fromHead).union(try blocks().labelNames(matchers)).sortedByBytes()
    }

    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String] {
        let fromHead = try storage.head.querier().labelValues(name, matchers)
        return Set(fromHead).union(try blocks().labelValues(name, matchers)).sortedByBytes()
    }
}

import EtcdmonModel

/// Reads series from storage: the seam between the TSDB and its readers (PromQL, the HTTP API).
public protocol Querier: Sendable {
    /// The series matching every matcher with samples in `[minTime, maxTime]` (milliseconds,
    /// inclusive), each with its samples in that range in time order; sorted by labels when
    /// `sorted` is true, otherwise in whatever order is cheapest (as Prometheus's `Select(sortSeries:
    /// false)`: the PromQL engine does not need the order, and sorting 200,000 head series costs
    /// more than reading them).
    func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64, sorted: Bool) throws(TSDBError) -> [StoredSeries]
    /// Label names present in series matching `matchers` (all series when empty), sorted.
    func labelNames(_ matchers: [LabelMatcher]) throws(TSDBError) -> [String]
    /// Values of `name` in series matching `matchers` (all series when empty), sorted.
    func labelValues(_ name: String, _ matchers: [LabelMatcher]) throws(TSDBError) -> [String]
}

extension Querier {
    /// The series matching every matcher with samples in `[minTime, maxTime]`, sorted by labels.
    public func select(_ matchers: [LabelMatcher], minTime: Int64, maxTime: Int64) throws(TSDBError) -> [StoredSeries] {
        try select(matchers, minTime: minTime, maxTime: maxTime, sorted: true)
    }
}

/// One series and its samples, as a `Querier` returns it.
public struct StoredSeries: Sendable, Equatable {
    /// The series' labels.
    public var labels: Labels
    /// Sample timestamps in milliseconds, ascending.
    public var timestamps: [Int64]
    /// Sample values, parallel to `timestamps`.
    public var values: [Double]

    public init(labels: Labels, timestamps: [Int64] = [], values: [Double] = []) {
        self.labels = labels
        self.timestamps = timestamps
        self.values = values
    }

    /// Appends the samples of `newer` (the same series from later data) that come after this
    /// series' last one: where two sources overlap, the older one's samples stand.
    mutating func appendSamples(after newer: StoredSeries) {
        let last = timestamps.last ?? .min
        let from = newer.timestamps.firstIndex { $0 > last } ?? newer.timestamps.count
        timestamps.append(contentsOf: newer.timestamps[from...])
        values.append(contentsOf: newer.values[from...])
    }

    public static func == (lhs: StoredSeries, rhs: StoredSeries) -> Bool {
        lhs.labels == rhs.labels && lhs.timestamps == rhs.timestamps
            && zip(lhs.values, rhs.values).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}

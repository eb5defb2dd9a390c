import EtcdmonModel

extension Evaluation {
    /// `histogram_quantile(φ, inner)` at every step of a range query, for a number φ and an `inner`
    /// that is a selector, a range function of one (`histogram_quantile(0.99, rate(x_bucket[5m]))`)
    /// or an aggregation folded series by series (`sum by (le) (rate(…))`): the buckets are grouped
    /// into histograms once, then each histogram's quantile is computed per step from its members'
    /// points, instead of grouping a whole vector at every step. Members are taken in the order the
    /// step-by-step path meets them, so the quantiles are identical. `nil` for other shapes, and
    /// where two histograms would give the same labels (the step-by-step path reports that).
    func quantileSeries(_ arguments: [Expression]) throws(EvaluationError) -> AggregatedSeries? {
        guard step > 0, arguments.count == 2, case .number(let phi) = arguments[0], let input = try quantileInput(arguments[1]) else { return nil }
        let series = input.series
        // Where each input series stands in the step's vector: its ordinal, or for an aggregation
        // the ordinal of the first series folded into the group at that step.
        func position(_ ordinal: Int, _ step: Int) -> Int32 {
            input.firstSeries.isEmpty ? Int32(truncatingIfNeeded: ordinal) : input.firstSeries[ordinal][step]
        }
        var groupOf: [Labels: Int] = [:]
        var keys: [Labels] = []
        var members: [[(ordinal: Int, bound: Double)]] = []
        for (ordinal, points) in series.enumerated() {
            guard let text = points.labels["le"], let bound = Self.bucketBound(text) else { continue }
            let key = derive(Self.bucketDropping, points.labels) { $0.subset { $0.name != "le" } }
            if let group = groupOf[key] {
                members[group].append((ordinal, bound))
            } else {
                groupOf[key] = keys.count
                keys.append(key)
                members.append([(ordinal, bound)])
            }
        }
        let labels = keys.map(withoutName)
        guard Set(labels).count == labels.count else { return nil }
        let steps = Int((end - start) / step) + 1
        var cursors = [Int](repeating: 0, count: series.count)
        var output: [SeriesPoints] = []
        var firstSeries: [[Int32]] = []
        for (group, key) in labels.enumerated() {
            try checkDeadline()
            var points = SeriesPoints(labels: key)
            var first = [Int32](repeating: 0, count: steps)
            var buckets: [(bound: Double, count: Double)] = []
            for index in 0..<steps {
                let time = start + Int64(index) * step
                buckets.removeAll(keepingCapacity: true)
                for member in members[group] {
                    let timestamps = series[member.ordinal].timestamps
                    var cursor = cursors[member.ordinal]
                    while cursor < timestamps.count && timestamps[cursor] < time { cursor += 1 }
                    cursors[member.ordinal] = cursor
                    guard cursor < timestamps.count, timestamps[cursor] == time else { continue }
                    let at = position(member.ordinal, index)
                    if buckets.isEmpty || at < first[index] { first[index] = at }
                    buckets.append((member.bound, series[member.ordinal].values[cursor]))
                }
                guard !buckets.isEmpty else { continue }
                points.timestamps.append(time)
                points.values.append(Self.bucketQuantile(phi, buckets))
            }
            output.append(points)
            firstSeries.append(first)
        }
        return AggregatedSeries(series: output, firstSeries: firstSeries)
    }

    /// The input series of a quantile folded series by series; `firstSeries` is empty unless the
    /// input is an aggregation.
    private func quantileInput(_ expression: Expression) throws(EvaluationError) -> AggregatedSeries? {
        switch expression {
        case .parenthesized(let inner):
            return try quantileInput(inner)
        case .aggregate(let op, let inner, nil, let grouping, let without):
            return try aggregateSeries(op, inner, grouping: grouping, without: without)
        default:
            return try foldInput(expression).map { AggregatedSeries(series: $0, firstSeries: []) }
        }
    }
}

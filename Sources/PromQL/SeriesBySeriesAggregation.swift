import EtcdmonModel
import TSDB

extension Evaluation {
    /// The most group × step accumulators one series-by-series aggregation may hold; past it the
    /// step-by-step path (which holds one step at a time) takes over.
    static let maximumAggregationCells = 10_000_000

    /// Whether `op`'s value at a step folds in each series' value one by one, so it can be computed
    /// series by series with the same arithmetic in the same order as step by step.
    static func foldsSeriesBySeries(_ op: AggregationOperator) -> Bool {
        switch op {
        case .sum, .avg, .count, .min, .max, .group: true
        default: false
        }
    }

    /// `op by/without (grouping) (inner)` at every step of a range query, for an `inner` that
    /// `foldInput` reads (`sum by (instance) (rate(x[1m]))`, `sum(up == bool 1)`): each inner series is
    /// given its group once and its points folded into that group's per-step accumulators, instead of
    /// grouping a whole vector at every step. Series are folded in the order the step-by-step path
    /// meets them within a step, with its arithmetic, so the results are identical. `nil` for other
    /// shapes, or when the accumulators would be too many.
    func aggregateSeries(
        _ op: AggregationOperator, _ inner: Expression, grouping: [String], without: Bool
    ) throws(EvaluationError) -> AggregatedSeries? {
        guard step > 0, Self.foldsSeriesBySeries(op), let series = try foldInput(inner) else { return nil }
        let steps = Int((end - start) / step) + 1
        let groupingKey = derivation((without ? "without:" : "by:") + grouping.joined(separator: ","))
        var groupOf: [Labels: Int] = [:]
        var groups: [Labels] = []
        var values: [[Double]] = []
        var counts: [[Int32]] = []
        // The first series folded into each group at each step: a step's vector lists its groups in
        // the order the step-by-step path first meets them.
        var firstSeries: [[Int32]] = []
        for (ordinal, points) in series.enumerated() {
            try checkDeadline()
            let key = derive(groupingKey, points.labels) { Self.groupLabels($0, grouping: grouping, without: without) }
            let group: Int
            if let known = groupOf[key] {
                group = known
            } else {
                guard (groups.count + 1) * steps <= Self.maximumAggregationCells else { return nil }
                group = groups.count
                groupOf[key] = group
                groups.append(key)
                values.append([Double](repeating: 0, count: steps))
                counts.append([Int32](repeating: 0, count: steps))
                firstSeries.append([Int32](repeating: 0, count: steps))
            }
            for (time, value) in zip(points.timestamps, points.values) {
                let index = Int((time - start) / step)
                let seen = counts[group][index]
                counts[group][index] = seen + 1
                if seen == 0 { firstSeries[group][index] = Int32(truncatingIfNeeded: ordinal) }
                switch op {
                case .sum:
                    values[group][index] += value // from 0, as the step-by-step `reduce(0, +)`
                case .avg:
                    // `Evaluation.mean`'s running mean, one value at a time.
                    let count = Double(seen + 1)
                    let mean = values[group][index]
                    if mean.isInfinite {
                        if value.isInfinite && (mean > 0) == (value > 0) { continue }
                        if !value.isInfinite && !value.isNaN { continue }
                    }
                    values[group][index] = mean + (value / count - mean / count)
                case .min, .max:
                    let current = values[group][index]
                    if seen == 0 || current.isNaN || (op == .min ? value < current : value > current) { values[group][index] = value }
                default:
                    break
                }
            }
        }
        var output: [SeriesPoints] = []
        output.reserveCapacity(groups.count)
        for (group, labels) in groups.enumerated() {
            var points = SeriesPoints(labels: labels)
            for index in 0..<steps where counts[group][index] > 0 {
                points.timestamps.append(start + Int64(index) * step)
                switch op {
                case .count: points.values.append(Double(counts[group][index]))
                case .group: points.values.append(1)
                default: points.values.append(values[group][index])
                }
            }
            output.append(points)
        }
        return AggregatedSeries(series: output, firstSeries: firstSeries)
    }

    /// The series a fold reads, counted against the sample budget as the step-by-step path counts its
    /// step vectors: a selector or a range function of one (`selectorOrWindowSeries`), or a binary
    /// operation whose series come out in the step-by-step order (`listsSeriesInStepOrder`), such as
    /// the quorum alert's `sum(up == bool 1)`.
    func foldInput(_ inner: Expression) throws(EvaluationError) -> [SeriesPoints]? {
        if let series = try selectorOrWindowSeries(inner) {
            try hold(samples: series.reduce(0) { $0 + $1.timestamps.count })
            return series
        }
        // `binarySeries` has counted its result already.
        guard Self.listsSeriesInStepOrder(inner), let series = try seriesBySeries(inner) else { return nil }
        return series
    }

    /// Whether `expression`'s series by series result lists its series in the order the step-by-step
    /// path puts them in each step's vector, which a fold needs to add in the same order: true of
    /// selectors and range functions of one, and of a binary operation other than `or` whose vector
    /// operand (the left one between two vectors) is itself such: each step's result keeps that
    /// operand's order, and so does `binarySeries`.
    static func listsSeriesInStepOrder(_ expression: Expression) -> Bool {
        switch expression {
        case .parenthesized(let inner):
            return listsSeriesInStepOrder(inner)
        case .vectorSelector:
            return true
        case .call(let function, let arguments):
            return WindowCall(function, arguments) != nil
        case .binary(let op, let left, let right, _, let matching):
            guard op != .or, op.isSetOperator || (matching ?? VectorMatching()).cardinality == .oneToOne else { return false }
            return listsSeriesInStepOrder(constant(left) == nil ? left : right)
        default:
            return false
        }
    }

    /// An aggregation's series over all steps, and for each group and step the ordinal of the first
    /// inner series folded in (the order of the groups in that step's vector).
    struct AggregatedSeries {
        var series: [SeriesPoints]
        var firstSeries: [[Int32]]
    }

    /// In a range query, the value at step `time` of an aggregation that `aggregateSeries` handles
    /// (`sum by (instance, le) (rate(…))` inside `histogram_quantile`, say), computed for all steps at
    /// once on first use and then read per step. `nil` when the aggregation is of another shape or
    /// `time` is not a step.
    func aggregateStepVector(
        _ op: AggregationOperator, _ inner: Expression, grouping: [String], without: Bool, at time: Int64
    ) throws(EvaluationError) -> [VectorSample]? {
        guard isStep(time), Self.foldsSeriesBySeries(op) else { return nil }
        let key = Expression.aggregate(op, inner, parameter: nil, grouping: grouping, without: without).description
        return try foldedStepVector(key, at: time) { () throws(EvaluationError) in
            try aggregateSeries(op, inner, grouping: grouping, without: without)
        }
    }

    /// `histogram_quantile(φ, …)` inside a larger expression of a range query (`… > 0.5` in an alert),
    /// from `quantileSeries`, computed for all steps on first use and read per step.
    func quantileStepVector(_ function: Function, _ arguments: [Expression], at time: Int64) throws(EvaluationError) -> [VectorSample]? {
        guard function.name == "histogram_quantile", isStep(time) else { return nil }
        return try foldedStepVector(Expression.call(function, arguments).description, at: time) { () throws(EvaluationError) in
            try quantileSeries(arguments)
        }
    }

    /// The vector at step `time` of a result folded series by series, known by `key` (its PromQL):
    /// computed by `fold` on first use, `nil` when it cannot be. Each step's vector lists its series in
    /// the order the step-by-step path would.
    private func foldedStepVector(
        _ key: String, at time: Int64, _ fold: () throws(EvaluationError) -> AggregatedSeries?
    ) throws(EvaluationError) -> [VectorSample]? {
        if let known = foldedStepVectors[key] { return known?[Int((time - start) / step)] }
        guard let aggregated = try fold() else {
            foldedStepVectors[key] = .some(nil)
            return nil
        }
        var ordered = [[(first: Int32, sample: VectorSample)]](repeating: [], count: Int((end - start) / step) + 1)
        for (group, points) in aggregated.series.enumerated() {
            for (time, value) in zip(points.timestamps, points.values) {
                let index = Int((time - start) / step)
                ordered[index].append((aggregated.firstSeries[group][index], VectorSample(labels: points.labels, value: value, timestamp: time)))
            }
        }
        let vectors = ordered.map { step in step.sorted { $0.first < $1.first }.map(\.sample) }
        foldedStepVectors[key] = vectors
        return vectors[Int((time - start) / step)]
    }
}

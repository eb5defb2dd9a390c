import EtcdmonModel

extension Evaluation {
    /// A binary operation of a range query computed series by series: both operands as timelines
    /// (`seriesBySeries`), series matched once by signature instead of at every step, result labels
    /// made once per pair, then the two timelines merged step by step. Handles arithmetic and
    /// comparisons between a vector and a constant or between two vectors matched one to one, and
    /// `and`/`unless`: the alert pack's shapes (`last_over_time(a[5m]) / last_over_time(b[5m]) < 0.5
    /// and c > 1e8`, `predict_linear(…) > quota`). `nil` for anything else, and wherever a signature
    /// or a result's labels repeat, which the step-by-step path either reports as an error or
    /// resolves per step: it then answers instead.
    func binarySeries(
        _ op: BinaryOperator, _ left: Expression, _ right: Expression, returnBool: Bool, matching: VectorMatching?
    ) throws(EvaluationError) -> [SeriesPoints]? {
        let (leftConstant, rightConstant) = (Self.constant(left), Self.constant(right))
        switch (leftConstant, rightConstant) {
        case (nil, nil):
            let matching = matching ?? VectorMatching()
            switch op {
            case .or: return nil  // a step's union may put two series under one label set
            case .and, .unless:
                guard let leftSeries = try seriesBySeries(left), let rightSeries = try seriesBySeries(right) else { return nil }
                return try uniqueLabels(setSeries(op, leftSeries, rightSeries, matching: matching))
            default:
                guard matching.cardinality == .oneToOne, let leftSeries = try seriesBySeries(left),
                      let rightSeries = try seriesBySeries(right),
                      let matched = try matchedSeries(op, leftSeries, rightSeries, returnBool: returnBool, matching: matching) else { return nil }
                return try uniqueLabels(matched)
            }
        case (nil, let constant?):
            guard !op.isSetOperator, let series = try seriesBySeries(left) else { return nil }
            return try uniqueLabels(scalarSeries(op, series, constant, constantOnLeft: false, returnBool: returnBool))
        case (let constant?, nil):
            guard !op.isSetOperator, let series = try seriesBySeries(right) else { return nil }
            return try uniqueLabels(scalarSeries(op, series, constant, constantOnLeft: true, returnBool: returnBool))
        case (_?, _?):
            return nil  // a scalar, not series
        }
    }

    /// Each series against a constant: what `binary` does for a vector and a scalar, at every step.
    private func scalarSeries(
        _ op: BinaryOperator, _ series: [SeriesPoints], _ constant: Double, constantOnLeft: Bool, returnBool: Bool
    ) throws(EvaluationError) -> [SeriesPoints] {
        var output: [SeriesPoints] = []
        for points in series {
            try checkDeadlinePeriodically()
            var result = SeriesPoints(labels: elementLabels(points.labels, op, returnBool: returnBool))
            for (time, sample) in zip(points.timestamps, points.values) {
                guard let value = Self.apply(op, element: sample, constant, constantOnLeft: constantOnLeft, returnBool: returnBool) else { continue }
                result.timestamps.append(time)
                result.values.append(value)
            }
            if !result.timestamps.isEmpty { output.append(result) }
        }
        return output
    }

    /// Two vectors matched one to one; `nil` where a signature repeats on either side.
    private func matchedSeries(
        _ op: BinaryOperator, _ left: [SeriesPoints], _ right: [SeriesPoints], returnBool: Bool, matching: VectorMatching
    ) throws(EvaluationError) -> [SeriesPoints]? {
        let number = signatureDerivation(matching)
        var rightBySignature: [Labels: Int] = [:]
        rightBySignature.reserveCapacity(right.count)
        for (index, points) in right.enumerated() {
            guard rightBySignature.updateValue(index, forKey: signature(points.labels, matching, derivation: number)) == nil else { return nil }
        }
        var leftSignatures = Set<Labels>()
        var output: [SeriesPoints] = []
        for points in left {
            try checkDeadlinePeriodically()
            let signature = signature(points.labels, matching, derivation: number)
            guard leftSignatures.insert(signature).inserted else { return nil }
            guard let partner = rightBySignature[signature].map({ right[$0] }) else { continue }
            var labels = resultLabels(many: points.labels, one: partner.labels, op: op, matching: matching)
            if returnBool { labels = withoutName(labels) }
            var result = SeriesPoints(labels: labels)
            var other = 0
            for (time, value) in zip(points.timestamps, points.values) {
                while other < partner.timestamps.count && partner.timestamps[other] < time { other += 1 }
                guard other < partner.timestamps.count, partner.timestamps[other] == time,
                      let applied = Self.apply(op, value, partner.values[other], returnBool: returnBool) else { continue }
                result.timestamps.append(time)
                result.values.append(op.isComparison && !returnBool ? value : applied)
            }
            if !result.timestamps.isEmpty { output.append(result) }
        }
        return output
    }

    /// `and` / `unless`: each left series' points at the steps where some right series with its
    /// signature has (or has no) point.
    private func setSeries(
        _ op: BinaryOperator, _ left: [SeriesPoints], _ right: [SeriesPoints], matching: VectorMatching
    ) throws(EvaluationError) -> [SeriesPoints] {
        let number = signatureDerivation(matching)
        var stepsBySignature: [Labels: Set<Int64>] = [:]
        for points in right {
            try checkDeadlinePeriodically()
            stepsBySignature[signature(points.labels, matching, derivation: number), default: []].formUnion(points.timestamps)
        }
        let keepsMatches = op == .and
        var output: [SeriesPoints] = []
        for points in left {
            try checkDeadlinePeriodically()
            let steps = stepsBySignature[signature(points.labels, matching, derivation: number)]
            guard let steps else {
                if !keepsMatches { output.append(points) }
                continue
            }
            var result = SeriesPoints(labels: points.labels)
            for (time, value) in zip(points.timestamps, points.values) where steps.contains(time) == keepsMatches {
                result.timestamps.append(time)
                result.values.append(value)
            }
            if !result.timestamps.isEmpty { output.append(result) }
        }
        return output
    }

    /// `series` when no two share a label set (the step-by-step path would merge or refuse them),
    /// else `nil`; its points count against the query's sample limit, as the steps' vectors would.
    private func uniqueLabels(_ series: [SeriesPoints]) throws(EvaluationError) -> [SeriesPoints]? {
        var seen = Set<Labels>(minimumCapacity: series.count)
        for points in series where !seen.insert(points.labels).inserted { return nil }
        try hold(samples: series.reduce(0) { $0 + $1.timestamps.count })
        return series
    }
}

import EtcdmonModel
import TSDB

extension Evaluation {
    /// A range query's result computed series by series over all steps, for the commonest shapes: a
    /// selector, or a function of one range selector (`rate(x[5m])`, `max_over_time(x[1h])`, …),
    /// aggregations and quantiles of those, and binary operations between them (`binarySeries`). Each
    /// series' window then advances with two indexes instead of two binary searches per step, and its
    /// output labels are derived once rather than at every step. `nil` for any other expression (and
    /// where dropped metric names could collide, which the step-by-step path reports as an error).
    func seriesBySeries(_ expression: Expression) throws(EvaluationError) -> [SeriesPoints]? {
        try Self.checkStack()
        switch expression {
        case .parenthesized(let inner):
            return try seriesBySeries(inner)
        case .call(let function, let arguments) where function.name == "histogram_quantile":
            return try quantileSeries(arguments)?.series
        case .aggregate(let op, let inner, nil, let grouping, let without):
            return try aggregateSeries(op, inner, grouping: grouping, without: without)?.series
        case .binary(let op, let left, let right, let returnBool, let matching):
            return try binarySeries(op, left, right, returnBool: returnBool, matching: matching)
        default:
            return try selectorOrWindowSeries(expression)
        }
    }

    /// `expression` series by series when it is a selector or a range function of one (in
    /// parentheses or not): the shapes whose series come out in the order the step-by-step path
    /// lists them, which is what a fold over them (an aggregation, a quantile) needs. `nil` otherwise.
    func selectorOrWindowSeries(_ expression: Expression) throws(EvaluationError) -> [SeriesPoints]? {
        switch expression {
        case .parenthesized(let inner):
            return try selectorOrWindowSeries(inner)
        case .vectorSelector(let selector):
            return try selectorSeries(selector)
        case .call(let function, let arguments):
            guard let call = WindowCall(function, arguments) else { return nil }
            return try windowSeries(call)
        default:
            return nil
        }
    }

    /// Whether `time` is one of the range query's steps (a range query, not an instant one).
    func isStep(_ time: Int64) -> Bool {
        step > 0 && time >= start && time <= end && (time - start) % step == 0
    }

    /// The call shape both series-by-series paths handle: a range function (a `windowReducer`) of one
    /// range selector, its other arguments constant (`predict_linear(x[4h], 4 * 60 * 60)`).
    struct WindowCall {
        var argument: Expression
        var selector: VectorSelector
        var range: Int64
        var parameters: [Double]
        var reducer: WindowReducer
        var keepName: Bool

        /// `nil` for any other shape, and where the reducer refuses its parameters (the step-by-step
        /// path then reports the error).
        init?(_ function: Function, _ arguments: [Expression]) {
            let rangeIndex = Evaluation.rangeArgumentIndex(function.name)
            guard rangeIndex < arguments.count, case .matrixSelector(let selector, let range) = arguments[rangeIndex] else { return nil }
            var parameters: [Double] = []
            for (index, argument) in arguments.enumerated() where index != rangeIndex {
                guard let value = Evaluation.constant(argument) else { return nil }
                parameters.append(value)
            }
            guard let reducer = try? Evaluation.windowReducer(function.name, parameters: parameters) else { return nil }
            (argument, self.selector, self.range, self.parameters, self.reducer) = (arguments[rangeIndex], selector, range, parameters, reducer)
            keepName = Evaluation.keepsMetricName(function.name)
        }
    }

    /// The value of a scalar expression made of number literals alone (`4 * 60 * 60`), the same at
    /// every step; `nil` for anything that reads data or time.
    static func constant(_ expression: Expression) -> Double? {
        switch expression {
        case .number(let value): value
        case .parenthesized(let inner): constant(inner)
        case .unaryMinus(let inner): constant(inner).map { -$0 }
        case .binary(let op, let left, let right, let returnBool, nil):
            constant(left).flatMap { left in constant(right).flatMap { apply(op, left, $0, returnBool: returnBool) } }
        default: nil
        }
    }

    /// In a range query, the value at step `time` of a function of one range selector (`rate(x[5m])`
    /// inside `sum(…)`, say), computed for all steps at once, series by series, on first use: the
    /// outer expression still goes step by step, but reads these vectors instead of building a window
    /// per series per step. `nil` when the call is of another shape or `time` is not a step.
    func stepVector(_ function: Function, _ arguments: [Expression], at time: Int64) throws(EvaluationError) -> [VectorSample]? {
        guard isStep(time), let call = WindowCall(function, arguments) else { return nil }
        let key = StepVectorKey(function: function.name, selector: call.selector, range: call.range, parameters: call.parameters)
        if let known = stepVectors[key] { return known?[Int((time - start) / step)] }
        guard let series = try windowSeries(call) else {
            stepVectors[key] = .some(nil)
            return nil
        }
        try hold(samples: series.reduce(0) { $0 + $1.timestamps.count })
        var vectors = [[VectorSample]](repeating: [], count: Int((end - start) / step) + 1)
        for points in series {
            for (time, value) in zip(points.timestamps, points.values) {
                vectors[Int((time - start) / step)].append(VectorSample(labels: points.labels, value: value, timestamp: time))
            }
        }
        stepVectors[key] = vectors
        return vectors[Int((time - start) / step)]
    }

    /// The latest sample within the lookback window at each step, stale markers hiding the series.
    func selectorSeries(_ selector: VectorSelector) throws(EvaluationError) -> [SeriesPoints] {
        var output: [SeriesPoints] = []
        for series in loadedSeries(selector) {
            try checkDeadline()
            var points = SeriesPoints(labels: series.labels)
            var latest = -1
            var time = start
            while time <= end {
                let reference = referenceTime(selector.at, offset: selector.offset, evaluatedAt: time)
                while latest + 1 < series.timestamps.count && series.timestamps[latest + 1] <= reference { latest += 1 }
                if latest >= 0, series.timestamps[latest] >= reference - engine.lookbackDelta,
                   series.values[latest].bitPattern != staleMarkerBits {
                    points.timestamps.append(time)
                    points.values.append(series.values[latest])
                }
                time += step
            }
            if !points.timestamps.isEmpty { output.append(points) }
        }
        return output
    }

    /// `call`'s reducer over each series' window `[t - range, t]` at each step, stale markers left out;
    /// `nil` where dropping the metric name could make two series collide (the step-by-step path
    /// reports that as an error).
    func windowSeries(_ call: WindowCall) throws(EvaluationError) -> [SeriesPoints]? {
        let (selector, range) = (call.selector, call.range)
        let loaded = loadedSeries(selector)
        guard call.keepName || Self.selectsOneName(call.argument) || Self.shareOneName(loaded.lazy.map(\.labels)) else { return nil }
        var output: [SeriesPoints] = []
        for series in loaded {
            try checkDeadline()
            var points = SeriesPoints(labels: call.keepName ? series.labels : withoutName(series.labels))
            // Stale markers seen before each index, so a window knows in O(1) whether it has any.
            var staleBefore: [Int] = []
            if series.values.contains(where: { $0.bitPattern == staleMarkerBits }) {
                staleBefore.reserveCapacity(series.values.count + 1)
                var count = 0
                staleBefore.append(0)
                for value in series.values {
                    if value.bitPattern == staleMarkerBits { count += 1 }
                    staleBefore.append(count)
                }
            }
            var first = 0
            var last = -1
            var time = start
            while time <= end {
                defer { time += step }
                let reference = referenceTime(selector.at, offset: selector.offset, evaluatedAt: time)
                while last + 1 < series.timestamps.count && series.timestamps[last + 1] <= reference { last += 1 }
                while first < series.timestamps.count && series.timestamps[first] < reference - range { first += 1 }
                guard first <= last,
                      let window = Self.window(series, first...last, labels: points.labels,
                                               hasStaleMarkers: !staleBefore.isEmpty && staleBefore[last + 1] > staleBefore[first]),
                      let value = call.reducer(window, WindowBounds(start: reference - range, end: reference, range: range, time: time)) else { continue }
                points.timestamps.append(time)
                points.values.append(value)
            }
            if !points.timestamps.isEmpty { output.append(points) }
        }
        return output
    }
}

/// Identifies a call of a range function on one selector within a query.
struct StepVectorKey: Hashable {
    var function: String
    var selector: VectorSelector
    var range: Int64
    var parameters: [Double]

    static func == (lhs: StepVectorKey, rhs: StepVectorKey) -> Bool {
        lhs.function == rhs.function && lhs.range == rhs.range && lhs.parameters.map(\.bitPattern) == rhs.parameters.map(\.bitPattern)
            && lhs.selector.matchersKey == rhs.selector.matchersKey
            && lhs.selector.offset == rhs.selector.offset && lhs.selector.at == rhs.selector.at
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(function)
        hasher.combine(selector.matchersKey)
        hasher.combine(range)
        hasher.combine(parameters.map(\.bitPattern))
    }
}

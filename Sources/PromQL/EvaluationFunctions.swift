import EtcdmonModel
import Foundation

extension Evaluation {
    /// The range and reference time of a range-vector argument, for extrapolation.
    private func window(of argument: Expression, at time: Int64) -> (range: Int64, end: Int64) {
        switch argument {
        case .matrixSelector(let selector, let range):
            return (range, referenceTime(selector.at, offset: selector.offset, evaluatedAt: time))
        case .subquery(_, let range, _, let offset, let at):
            return (range, referenceTime(at, offset: offset, evaluatedAt: time))
        case .parenthesized(let inner):
            return window(of: inner, at: time)
        default:
            return (0, time)
        }
    }

    func call(_ function: Function, _ arguments: [Expression], at time: Int64) throws(EvaluationError) -> Value {
        var values: [Value] = []
        for argument in arguments { values.append(try evaluate(argument, at: time)) }
        func vector(_ index: Int) -> [VectorSample] {
            if case .vector(let samples) = values[index] { return samples }
            return []
        }
        func matrix(_ index: Int) -> [SeriesWindow] {
            if case .matrix(let series) = values[index] { return series }
            return []
        }
        func scalar(_ index: Int) -> Double {
            if case .scalar(let value) = values[index] { return value }
            return .nan
        }
        func string(_ index: Int) -> String {
            if case .string(let text) = values[index] { return text }
            return ""
        }
        func mapValues(_ transform: (Double) -> Double) throws(EvaluationError) -> Value {
            let input = vector(0)
            let output = input.map { VectorSample(labels: withoutName($0.labels), value: transform($0.value), timestamp: $0.timestamp) }
            return .vector(Self.selectsOneName(arguments[0]) || Self.shareOneName(input.lazy.map(\.labels)) ? output : try unique(output))
        }
        func overTime(keepName: Bool, rangeIndex: Int, _ reduce: (SeriesWindow) -> Double?) throws(EvaluationError) -> Value {
            var output: [VectorSample] = []
            let series = matrix(rangeIndex)
            output.reserveCapacity(series.count)
            for series in series {
                guard let value = reduce(series) else { continue }
                output.append(VectorSample(labels: keepName ? series.labels : withoutName(series.labels), value: value, timestamp: time))
            }
            // Series of one metric name stay distinct without it; only a selector that may match
            // several names can collide once they are dropped.
            if keepName || Self.selectsOneName(arguments[rangeIndex]) || Self.shareOneName(series.lazy.map(\.labels)) { return .vector(output) }
            return .vector(try unique(output))
        }

        let rangeIndex = Self.rangeArgumentIndex(function.name)
        let parameters = arguments.indices.filter { $0 != rangeIndex }.map(scalar)
        if let reducer = try Self.windowReducer(function.name, parameters: parameters) {
            let (range, end) = window(of: arguments[rangeIndex], at: time)
            let bounds = WindowBounds(start: end - range, end: end, range: range, time: time)
            return try overTime(keepName: Self.keepsMetricName(function.name), rangeIndex: rangeIndex) { reducer($0, bounds) }
        }
        switch function.name {
        case "abs": return try mapValues { abs($0) }
        case "ceil": return try mapValues { ceil($0) }
        case "floor": return try mapValues { floor($0) }
        case "exp": return try mapValues { exp($0) }
        case "ln": return try mapValues { log($0) }
        case "log2": return try mapValues { log2($0) }
        case "log10": return try mapValues { log10($0) }
        case "sqrt": return try mapValues { $0.squareRoot() }
        case "sgn": return try mapValues { $0 > 0 ? 1 : $0 < 0 ? -1 : $0 }
        case "deg": return try mapValues { $0 * 180 / .pi }
        case "rad": return try mapValues { $0 * .pi / 180 }
        case "acos": return try mapValues { acos($0) }
        case "acosh": return try mapValues { acosh($0) }
        case "asin": return try mapValues { asin($0) }
        case "asinh": return try mapValues { asinh($0) }
        case "atan": return try mapValues { atan($0) }
        case "atanh": return try mapValues { atanh($0) }
        case "cos": return try mapValues { cos($0) }
        case "cosh": return try mapValues { cosh($0) }
        case "sin": return try mapValues { sin($0) }
        case "sinh": return try mapValues { sinh($0) }
        case "tan": return try mapValues { tan($0) }
        case "tanh": return try mapValues { tanh($0) }
        case "round":
            let nearest = values.count > 1 ? scalar(1) : 1
            let inverse = 1 / nearest
            return try mapValues { floor($0 * inverse + 0.5) / inverse }
        case "clamp":
            let (low, high) = (scalar(1), scalar(2))
            if high < low { return .vector([]) }
            return try mapValues { Self.goMax(low, Self.goMin(high, $0)) }
        case "clamp_max":
            let high = scalar(1)
            return try mapValues { Self.goMin(high, $0) }
        case "clamp_min":
            let low = scalar(1)
            return try mapValues { Self.goMax(low, $0) }
        case "timestamp":
            return .vector(try unique(vector(0).map {
                VectorSample(labels: withoutName($0.labels), value: Double($0.timestamp) / 1000, timestamp: $0.timestamp)
            }))
        case "sort", "sort_desc":
            let descending = function.name == "sort_desc"
            return .vector(vector(0).sorted { a, b in
                if a.value.isNaN { return false }
                if b.value.isNaN { return true }
                return descending ? a.value > b.value : a.value < b.value
            })
        case "vector": return .vector([VectorSample(labels: .empty, value: scalar(0), timestamp: time)])
        case "scalar":
            let samples = vector(0)
            return .scalar(samples.count == 1 ? samples[0].value : .nan)
        case "time": return .scalar(Double(time) / 1000)
        case "pi": return .scalar(.pi)
        case "absent", "absent_over_time":
            let present = function.name == "absent" ? !vector(0).isEmpty : !matrix(0).isEmpty
            if present { return .vector([]) }
            return .vector([VectorSample(labels: absentLabels(arguments[0]), value: 1, timestamp: time)])
        case "histogram_quantile":
            return .vector(try unique(histogramQuantile(scalar(0), vector(1), time: time)))
        case "label_replace":
            return .vector(try unique(try labelReplace(vector(0), destination: string(1), replacement: string(2), source: string(3), pattern: string(4))))
        case "label_join":
            let destination = string(1)
            guard LabelName.isValid(destination) else { throw EvaluationError("invalid destination label name in label_join(): \(destination)") }
            let separator = string(2)
            let sources = (3..<values.count).map(string)
            return .vector(try unique(vector(0).map { sample in
                let joined = sources.map { sample.labels[$0] ?? "" }.joined(separator: separator)
                var elements = sample.labels.elements.filter { $0.name != destination }
                if !joined.isEmpty { elements.append(Label(destination, joined)) }
                return VectorSample(labels: Labels(elements), value: sample.value, timestamp: sample.timestamp)
            }))
        case "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year":
            let samples = values.isEmpty
                ? [VectorSample(labels: .empty, value: Double(time) / 1000, timestamp: time)]
                : vector(0)
            return .vector(try unique(samples.map { sample in
                VectorSample(labels: withoutName(sample.labels), value: Self.dateComponent(function.name, of: sample.value), timestamp: sample.timestamp)
            }))
        default:
            throw EvaluationError("function \(function.name) is not supported (native histograms are not supported)")
        }
    }

    /// What a function of one range vector computes from one series' window (`nil`: no output for it),
    /// given the window's bounds; `nil` for every other function. One table serves step-by-step
    /// evaluation and the series-by-series path of range queries.
    typealias WindowReducer = (_ window: SeriesWindow, _ bounds: WindowBounds) -> Double?

    /// Where a range function's window lies: `[start, end]` (the reference time, after `offset` and
    /// `@`), its length, and the step's own time (where `predict_linear` anchors its line).
    struct WindowBounds {
        var start: Int64
        var end: Int64
        var range: Int64
        var time: Int64
    }

    /// Which argument of a range function is the range vector (the others are scalars).
    static func rangeArgumentIndex(_ name: String) -> Int { name == "quantile_over_time" ? 1 : 0 }

    /// Whether the range function `name` keeps its input's metric name (`last_over_time` alone does).
    static func keepsMetricName(_ name: String) -> Bool { name == "last_over_time" }

    /// The reducer of range function `name` given its scalar arguments in order (`predict_linear`'s
    /// duration, `quantile_over_time`'s φ, `holt_winters`' two factors).
    static func windowReducer(_ name: String, parameters: [Double]) throws(EvaluationError) -> WindowReducer? {
        switch name {
        case "present_over_time": return { _, _ in 1 }
        case "count_over_time": return { window, _ in Double(window.values.count) }
        case "sum_over_time": return { window, _ in window.values.reduce(0, +) }
        case "avg_over_time": return { window, _ in mean(window.values) }
        case "min_over_time":
            return { window, _ in window.values.dropFirst().reduce(window.values.first!) { $1 < $0 || $0.isNaN ? $1 : $0 } }
        case "max_over_time":
            return { window, _ in window.values.dropFirst().reduce(window.values.first!) { $1 > $0 || $0.isNaN ? $1 : $0 } }
        case "last_over_time": return { window, _ in window.values.last }
        case "stdvar_over_time": return { window, _ in variance(window.values) }
        case "stddev_over_time": return { window, _ in variance(window.values).squareRoot() }
        case "quantile_over_time":
            let q = parameters[0]
            return { window, _ in quantile(q, window.values) }
        case "predict_linear":
            let duration = parameters[0]
            return { window, bounds in
                guard window.values.count >= 2 else { return nil }
                let (slope, intercept) = linearRegression(window, interceptTime: bounds.time)
                return slope * duration + intercept
            }
        case "holt_winters":
            let (smoothing, trend) = (parameters[0], parameters[1])
            guard smoothing > 0 && smoothing < 1 else { throw EvaluationError("invalid smoothing factor. Expected: 0 < sf < 1, got: \(smoothing)") }
            guard trend > 0 && trend < 1 else { throw EvaluationError("invalid trend factor. Expected: 0 < tf < 1, got: \(trend)") }
            return { window, _ in holtWinters(Array(window.values), smoothing: smoothing, trend: trend) }
        case "changes":
            return { window, _ in
                var changes = 0.0
                for index in window.values.indices.dropFirst() {
                    let (previous, current) = (window.values[index - 1], window.values[index])
                    if current != previous && !(current.isNaN && previous.isNaN) { changes += 1 }
                }
                return changes
            }
        case "resets":
            return { window, _ in
                var resets = 0.0
                for index in window.values.indices.dropFirst() where window.values[index] < window.values[index - 1] { resets += 1 }
                return resets
            }
        case "rate", "increase", "delta":
            let isCounter = name != "delta"
            let isRate = name == "rate"
            return { window, bounds in
                extrapolatedRate(window, rangeStart: bounds.start, rangeEnd: bounds.end, range: bounds.range, isCounter: isCounter, isRate: isRate)
            }
        case "irate", "idelta":
            let isRate = name == "irate"
            return { window, _ in
                guard window.values.count >= 2 else { return nil }
                let (end, timeEnd) = (window.values.endIndex, window.timestamps.endIndex)
                let (last, previous) = (window.values[end - 1], window.values[end - 2])
                var result = last - previous
                if isRate && last < previous { result = last }
                let interval = window.timestamps[timeEnd - 1] - window.timestamps[timeEnd - 2]
                guard interval != 0 else { return nil }
                return isRate ? result / (Double(interval) / 1000) : result
            }
        case "deriv":
            return { window, _ in
                guard window.values.count >= 2 else { return nil }
                return linearRegression(window, interceptTime: window.timestamps.first!).slope
            }
        default:
            return nil
        }
    }

    /// Whether `argument` is a selector with an equality matcher on `__name__` (all its series share one name).
    static func selectsOneName(_ argument: Expression) -> Bool {
        switch argument {
        case .matrixSelector(let selector, _), .vectorSelector(let selector):
            selector.matchers.contains { $0.name == Labels.metricName && $0.kind == .equal }
        case .parenthesized(let inner): selectsOneName(inner)
        default: false
        }
    }

    /// Whether every label set has the same metric name (or none): distinct sets then stay distinct
    /// once the name is dropped, so no uniqueness check is needed.
    static func shareOneName(_ labels: some Sequence<Labels>) -> Bool {
        var iterator = labels.makeIterator()
        guard let first = iterator.next()?.name else { return true }
        while let next = iterator.next() {
            if next.name != first { return false }
        }
        return true
    }

    /// Go's `math.Min`: NaN if either is NaN.
    static func goMin(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.min(a, b) }
    /// Go's `math.Max`: NaN if either is NaN.
    static func goMax(_ a: Double, _ b: Double) -> Double { a.isNaN || b.isNaN ? .nan : Swift.max(a, b) }

    /// Rejects vectors with two elements of the same labels (after a function dropped `__name__`).
    func unique(_ samples: [VectorSample]) throws(EvaluationError) -> [VectorSample] {
        var seen = Set<Labels>()
        for sample in samples where !seen.insert(sample.labels).inserted {
            throw EvaluationError("vector cannot contain metrics with the same labelset")
        }
        return samples
    }

    /// The labels `absent` gives its result: the argument's equality matchers (each name used once).
    private func absentLabels(_ argument: Expression) -> Labels {
        let selector: VectorSelector
        switch argument {
        case .vectorSelector(let value), .matrixSelector(let value, _): selector = value
        default: return .empty
        }
        var counts: [String: Int] = [:]
        for matcher in selector.matchers { counts[matcher.name, default: 0] += 1 }
        return Labels(selector.matchers.filter { $0.kind == .equal && $0.name != Labels.metricName && counts[$0.name] == 1 }
            .map { Label($0.name, $0.value) })
    }

    static func extrapolatedRate(
        _ series: SeriesWindow, rangeStart: Int64, rangeEnd: Int64, range: Int64, isCounter: Bool, isRate: Bool
    ) -> Double? {
        let values = series.values
        let times = series.timestamps
        guard values.count >= 2, let firstValue = values.first, let lastValue = values.last,
              let firstTime = times.first, let lastTime = times.last else { return nil }
        var result = lastValue - firstValue
        if isCounter {
            var last = 0.0
            for value in values {
                if value < last { result += last }
                last = value
            }
        }
        var durationToStart = Double(firstTime - rangeStart) / 1000
        let durationToEnd = Double(rangeEnd - lastTime) / 1000
        let sampled = Double(lastTime - firstTime) / 1000
        let averageInterval = sampled / Double(values.count - 1)
        if isCounter && result > 0 && firstValue >= 0 {
            let durationToZero = sampled * (firstValue / result)
            if durationToZero < durationToStart { durationToStart = durationToZero }
        }
        let threshold = averageInterval * 1.1
        var interval = sampled
        interval += durationToStart < threshold ? durationToStart : averageInterval / 2
        interval += durationToEnd < threshold ? durationToEnd : averageInterval / 2
        // One factor, applied once, as Prometheus 2.40+ computes it (the rounding matches).
        var factor = interval / sampled
        if isRate { factor /= Double(range) / 1000 }
        return result * factor
    }

    static func linearRegression(_ series: SeriesWindow, interceptTime: Int64) -> (slope: Double, intercept: Double) {
        var n = 0.0, sumX = 0.0, sumY = 0.0, sumXY = 0.0, sumX2 = 0.0
        for (time, value) in zip(series.timestamps, series.values) {
            let x = Double(time - interceptTime) / 1000
            n += 1
            sumX += x
            sumY += value
            sumXY += x * value
            sumX2 += x * x
        }
        let covariance = sumXY - sumX * sumY / n
        let variance = sumX2 - sumX * sumX / n
        let slope = covariance / variance
        return (slope, sumY / n - slope * sumX / n)
    }

    static func holtWinters(_ values: [Double], smoothing: Double, trend: Double) -> Double? {
        guard values.count >= 2 else { return nil }
        var s0 = 0.0
        var s1 = values[0]
        var b = values[1] - values[0]
        for index in 1..<values.count {
            let x = smoothing * values[index]
            if index > 1 { b = trend * (s1 - s0) + (1 - trend) * b }
            let y = (1 - smoothing) * (s1 + b)
            s0 = s1
            s1 = x + y
        }
        return s1
    }

    func histogramQuantile(_ q: Double, _ samples: [VectorSample], time: Int64) -> [VectorSample] {
        var groups: [Labels: [(bound: Double, count: Double)]] = [:]
        var order: [Labels] = []
        for sample in samples {
            guard let text = sample.labels["le"], let bound = Self.bucketBound(text) else { continue }
            // Grouped with the metric name, which the result then drops: two histograms that differ
            // only in name collide, as in Prometheus.
            let key = derive(Self.bucketDropping, sample.labels) { $0.subset { $0.name != "le" } }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((bound, sample.value))
        }
        return order.map { VectorSample(labels: withoutName($0), value: Self.bucketQuantile(q, groups[$0]!), timestamp: time) }
    }

    /// An `le` label's bound (Go's ParseFloat after trimming spaces: `+Inf`, `1e-3`, ` 0.5 `).
    static func bucketBound(_ text: String) -> Double? {
        if let bound = Double(text) { return bound }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return Double(trimmed) ?? (trimmed == "+Inf" ? .infinity : nil)
    }

    static func bucketQuantile(_ q: Double, _ input: [(bound: Double, count: Double)]) -> Double {
        if q.isNaN { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        var buckets = input.sorted { $0.bound < $1.bound }
        guard let last = buckets.last, last.bound == .infinity else { return .nan }
        var merged: [(bound: Double, count: Double)] = []
        for bucket in buckets {
            if let previous = merged.last, previous.bound == bucket.bound {
                merged[merged.count - 1].count += bucket.count
            } else {
                merged.append(bucket)
            }
        }
        buckets = merged
        var maximum = -Double.infinity
        for index in buckets.indices {
            if buckets[index].count > maximum { maximum = buckets[index].count } else if buckets[index].count < maximum { buckets[index].count = maximum }
        }
        guard buckets.count >= 2 else { return .nan }
        let observations = buckets[buckets.count - 1].count
        guard observations != 0 else { return .nan }
        var rank = q * observations
        var b = 0
        while b < buckets.count - 1 && buckets[b].count < rank { b += 1 }
        if b == buckets.count - 1 { return buckets[buckets.count - 2].bound }
        if b == 0 && buckets[0].bound <= 0 { return buckets[0].bound }
        var start = 0.0
        let end = buckets[b].bound
        var count = buckets[b].count
        if b > 0 {
            start = buckets[b - 1].bound
            count -= buckets[b - 1].count
            rank -= buckets[b - 1].count
        }
        return start + (end - start) * (rank / count)
    }

    private func labelReplace(
        _ samples: [VectorSample], destination: String, replacement: String, source: String, pattern: String
    ) throws(EvaluationError) -> [VectorSample] {
        let regex: LabelPattern
        do { regex = try LabelPattern(pattern) } catch {
            throw EvaluationError("invalid regular expression in label_replace(): \(pattern)")
        }
        guard LabelName.isValid(destination) else { throw EvaluationError("invalid destination label name in label_replace(): \(destination)") }
        return samples.map { sample in
            guard let expanded = regex.expand(replacement, matching: sample.labels[source] ?? "") else { return sample }
            var elements = sample.labels.elements.filter { $0.name != destination }
            if !expanded.isEmpty { elements.append(Label(destination, expanded)) }
            return VectorSample(labels: Labels(elements), value: sample.value, timestamp: sample.timestamp)
        }
    }

    static func dateComponent(_ name: String, of seconds: Double) -> Double {
        guard seconds.isFinite else { return .nan }
        let date = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        switch name {
        case "day_of_month": return Double(components.day!)
        case "day_of_week": return Double(components.weekday! - 1)
        case "day_of_year": return Double(calendar.ordinality(of: .day, in: .year, for: date)!)
        case "days_in_month": return Double(calendar.range(of: .day, in: .month, for: date)!.count)
        case "hour": return Double(components.hour!)
        case "minute": return Double(components.minute!)
        case "month": return Double(components.month!)
        default: return Double(components.year!)
        }
    }
}

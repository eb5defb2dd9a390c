import EtcdmonModel
import TSDB

/// Evaluates PromQL over a `Querier` with Prometheus 2.42's semantics for floats: a 5-minute
/// lookback, staleness markers hide series, closed ranges `[t - range, t]`, subqueries aligned to
/// their step, Prometheus's extrapolation in `rate`/`increase`/`delta`.
public struct Engine: Sendable {
    /// How far back an instant selector looks for a sample.
    public var lookbackDelta: Int64 = 5 * 60_000
    /// Step of a subquery written without one (`[1h:]`), when the query has none of its own.
    public var defaultSubqueryStep: Int64 = 60_000
    /// The most samples a query may hold in memory at once.
    public var maxSamples = 50_000_000
    /// When evaluation must give up with a `timeout` error (checked at every step and subquery step).
    public var deadline: ContinuousClock.Instant?
    /// When evaluation must give up with a `sliceExhausted` error (checked where the deadline is):
    /// for a caller that tries a query on a thread that must not be held for long, and runs it again
    /// elsewhere when it turns out expensive.
    public var slice: ContinuousClock.Instant?
    /// Asked where the deadline is checked: `true` stops evaluation with a `canceled` error (an API
    /// request whose client has disconnected). Called from the evaluating thread; must be cheap.
    public var isCancelled: (@Sendable () -> Bool)?
    /// Subexpression results shared with other instant queries at the same time (a rule group's
    /// evaluation), or nil.
    public var sharedResults: SharedResults?

    public init() {}

    /// Evaluates `expression` at one time (milliseconds).
    public func instant(_ expression: Expression, at time: Int64, querier: any Querier) throws(EvaluationError) -> QueryValue {
        let evaluation = try Evaluation(engine: self, expression: expression, start: time, end: time, step: 0, querier: querier)
        switch try evaluation.evaluate(expression, at: time) {
        case .scalar(let value): return .scalar(value, timestamp: time)
        case .string(let text): return .string(text, timestamp: time)
        case .vector(let samples): return .vector(samples.map { VectorSample(labels: $0.labels, value: $0.value, timestamp: time) })
        case .matrix(let windows):
            return .matrix(windows.map { SeriesPoints(labels: $0.labels, timestamps: Array($0.timestamps), values: Array($0.values)) })
        }
    }

    /// Evaluates `expression` at every step from `start` to `end`; the result is a matrix.
    public func range(
        _ expression: Expression, start: Int64, end: Int64, step: Int64, querier: any Querier
    ) throws(EvaluationError) -> QueryValue {
        guard step > 0 else { throw EvaluationError("zero or negative query resolution step widths are not accepted") }
        guard end >= start else { throw EvaluationError("end timestamp must not be before start time") }
        guard expression.type == .scalar || expression.type == .vector else {
            throw EvaluationError("invalid expression type \"\(expression.type.rawValue)\" for range query, must be Scalar or instant Vector")
        }
        let evaluation = try Evaluation(engine: self, expression: expression, start: start, end: end, step: step, querier: querier)
        if let series = try evaluation.seriesBySeries(expression) {
            return .matrix(series.sorted { $0.labels < $1.labels })
        }
        var series = SeriesAccumulator()
        var time = start
        while time <= end {
            try evaluation.checkDeadline()
            switch try evaluation.evaluate(expression, at: time) {
            case .scalar(let value):
                series.append(.empty, value, at: time)
            case .vector(let samples):
                // The result is held until the last step, so its points count as Prometheus counts them.
                try evaluation.hold(samples: samples.count)
                for sample in samples { series.append(sample.labels, sample.value, at: time) }
            default:
                throw EvaluationError("range query of an expression that is not a scalar or instant vector")
            }
            time += step
        }
        return .matrix(series.series.sorted { $0.labels < $1.labels })
    }
}

/// Points gathered per series as evaluation steps produce them, series in order of first appearance.
struct SeriesAccumulator {
    private(set) var series: [SeriesPoints] = []
    private var positions: [Labels: Int] = [:]

    /// Appends a point to the series of `labels`; returns the series' position when it is new.
    @discardableResult
    mutating func append(_ labels: Labels, _ value: Double, at time: Int64) -> Int? {
        var added: Int?
        let position: Int
        if let known = positions[labels] {
            position = known
        } else {
            position = series.count
            positions[labels] = position
            series.append(SeriesPoints(labels: labels))
            added = position
        }
        series[position].timestamps.append(time)
        series[position].values.append(value)
        return added
    }
}

/// Prometheus's stale marker.
let staleMarkerBits = StaleMarker.bitPattern

/// A value during evaluation.
enum Value: Sendable {
    case scalar(Double)
    case string(String)
    case vector([VectorSample])
    case matrix([SeriesWindow])
}

/// A range of one series' samples during evaluation: slices of the loaded arrays, so a range
/// selector hands its window to a function without copying it at every step.
struct SeriesWindow: Sendable {
    var labels: Labels
    var timestamps: ArraySlice<Int64>
    var values: ArraySlice<Double>
}

/// One query's evaluation: the data its selectors need, loaded once, then sliced per step.
final class Evaluation {
    let engine: Engine
    let start: Int64
    let end: Int64
    let step: Int64
    private var data: [String: [StoredSeries]] = [:]
    /// Samples held for the query: loaded by selectors, and computed and kept by subqueries and
    /// series-by-series calls; bounded by the engine's `maxSamples`.
    private var loadedSamples = 0
    /// Items processed since the deadline was last checked, for loops within one step.
    private var sinceLastCheck = 0
    /// Label sets derived from others (name dropped, grouping keys, match signatures), computed
    /// once per query rather than once per step: building `Labels` hashes every string.
    private var derived: [DerivedLabels: Labels] = [:]
    /// Whether derived label sets are memoized: only where one can be asked for again (a range
    /// query's steps, a subquery's inner steps).
    private var memoizes: Bool
    /// Derivations by name (`by:job,instance`), numbered so a lookup per sample hashes an integer,
    /// not the name.
    private var derivations: [String: Int] = ["-name": 0, "-le": 1]
    /// The derivation that drops `__name__`.
    static let nameDropping = 0
    /// The derivation that drops `le` (histogram_quantile's grouping).
    static let bucketDropping = 1

    /// Each subquery's inner results so far. Inner steps are aligned to absolute multiples of the
    /// subquery step, and outer steps move forward, so each inner step is evaluated once per query
    /// (as Prometheus evaluates a subquery's inner range once) and each outer step slices windows.
    private var subqueryTimelines: [SubqueryKey: SubqueryTimeline] = [:]

    /// A subquery node and its step.
    private struct SubqueryKey: Hashable {
        var inner: ObjectIdentifier
        var step: Int64
    }
    /// Range-function results computed series by series for every step of a range query, by call.
    var stepVectors: [StepVectorKey: [[VectorSample]]?] = [:]
    /// Aggregations and quantiles folded series by series for every step of a range query, by their
    /// PromQL text.
    var foldedStepVectors: [String: [[VectorSample]]?] = [:]

    /// A subquery's inner results as series over a run of consecutive inner steps.
    private struct SubqueryTimeline {
        /// The first and last inner step evaluated; `last < first` while empty.
        var first: Int64 = 0
        var last: Int64 = -1
        var points = SeriesAccumulator()
        /// `points.series` indexes in label order, kept as series arrive.
        var sorted: [Int] = []

        mutating func append(_ labels: Labels, _ value: Double, at time: Int64) {
            guard let position = points.append(labels, value, at: time) else { return }
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if points.series[sorted[middle]].labels < labels { low = middle + 1 } else { high = middle }
            }
            sorted.insert(position, at: low)
        }
    }

    private struct DerivedLabels: Hashable {
        var operation: Int
        var labels: Labels
    }

    /// The number of the derivation called `name`; look it up once per operation, not per sample.
    func derivation(_ name: String) -> Int {
        if let known = derivations[name] { return known }
        let number = derivations.count
        derivations[name] = number
        return number
    }

    /// `labels` transformed by derivation number `operation`, memoized for the query.
    func derive(_ operation: Int, _ labels: Labels, _ transform: (Labels) -> Labels) -> Labels {
        // An instant query without subqueries meets each label set once: remembering it only costs.
        guard memoizes else { return transform(labels) }
        let lookup = DerivedLabels(operation: operation, labels: labels)
        if let known = derived[lookup] { return known }
        let result = transform(labels)
        derived[lookup] = result
        return result
    }

    /// The labels without `__name__`, memoized.
    func withoutName(_ labels: Labels) -> Labels {
        derive(Self.nameDropping, labels) { $0.droppingMetricName }
    }

    init(engine: Engine, expression: Expression, start: Int64, end: Int64, step: Int64, querier: any Querier) throws(EvaluationError) {
        self.engine = engine
        self.start = start
        self.end = end
        self.step = step
        memoizes = step > 0
        var windows: [String: (matchers: [LabelMatcher], minTime: Int64, maxTime: Int64)] = [:]
        try collectWindows(expression, from: start, to: end, into: &windows)
        for (key, window) in windows {
            do {
                // As Prometheus's engine: the order series are read in does not matter to evaluation.
                let series = try querier.select(window.matchers, minTime: window.minTime, maxTime: window.maxTime, sorted: false)
                try hold(samples: series.reduce(0) { $0 + $1.timestamps.count })
                data[key] = series
                try checkDeadline()
            } catch let error as EvaluationError {
                throw error
            } catch {
                throw EvaluationError(.storage, "\(error)")
            }
        }
    }

    /// The time range each selector may read, over all the times it will be evaluated at.
    private func collectWindows(
        _ expression: Expression, from: Int64, to: Int64,
        into windows: inout [String: (matchers: [LabelMatcher], minTime: Int64, maxTime: Int64)]
    ) throws(EvaluationError) {
        try Self.checkStack()
        func add(_ selector: VectorSelector, back: Int64) {
            let (low, high) = pinned(selector.at, from, to)
            let minTime = low - selector.offset - back
            let maxTime = high - selector.offset
            let key = Self.key(selector)
            if let existing = windows[key] {
                windows[key] = (selector.matchers, min(existing.minTime, minTime), max(existing.maxTime, maxTime))
            } else {
                windows[key] = (selector.matchers, minTime, maxTime)
            }
        }
        switch expression {
        case .vectorSelector(let selector): add(selector, back: engine.lookbackDelta)
        case .matrixSelector(let selector, let range): add(selector, back: range)
        case .subquery(let inner, let range, let step, let offset, let at):
            memoizes = true
            let (low, high) = pinned(at, from, to)
            try collectWindows(inner.expression, from: low - offset - range - (step ?? engine.defaultSubqueryStep), to: high - offset, into: &windows)
        case .parenthesized(let inner), .unaryMinus(let inner): try collectWindows(inner, from: from, to: to, into: &windows)
        case .binary(_, let left, let right, _, _):
            try collectWindows(left, from: from, to: to, into: &windows)
            try collectWindows(right, from: from, to: to, into: &windows)
        case .aggregate(_, let inner, let parameter, _, _):
            try collectWindows(inner, from: from, to: to, into: &windows)
            if let parameter { try collectWindows(parameter, from: from, to: to, into: &windows) }
        case .call(_, let arguments):
            for argument in arguments { try collectWindows(argument, from: from, to: to, into: &windows) }
        case .number, .string: break
        }
    }

    private func pinned(_ at: AtModifier?, _ from: Int64, _ to: Int64) -> (Int64, Int64) {
        switch at {
        case .timestamp(let time)?: (time, time)
        case .start?: (start, start)
        case .end?: (end, end)
        case nil: (from, to)
        }
    }

    static func key(_ selector: VectorSelector) -> String { selector.matchersKey }

    /// The series loaded for `selector`.
    func loadedSeries(_ selector: VectorSelector) -> [StoredSeries] { data[Self.key(selector)] ?? [] }

    /// Throws a `timeout` error once the engine's deadline has passed, `sliceExhausted` once its
    /// slice has.
    func checkDeadline() throws(EvaluationError) {
        sinceLastCheck = 0
        if let isCancelled = engine.isCancelled, isCancelled() {
            throw EvaluationError(.canceled, "query canceled: the client went away")
        }
        guard engine.deadline != nil || engine.slice != nil else { return }
        let now = ContinuousClock.now
        if let deadline = engine.deadline, now > deadline {
            throw EvaluationError(.timeout, "query timed out in expression evaluation")
        }
        if let slice = engine.slice, now > slice {
            throw EvaluationError(.sliceExhausted, "query evaluation took longer than its time slice")
        }
    }

    /// `checkDeadline()` once every 4,096 calls: for loops over the samples of one step
    /// (aggregations, `count_values`), which can be long enough on their own to outlast a timeout.
    @inline(__always)
    func checkDeadlinePeriodically() throws(EvaluationError) {
        sinceLastCheck += 1
        if sinceLastCheck >= 4_096 { try checkDeadline() }
    }

    /// Counts `count` more samples held by the query; throws once they exceed the engine's limit.
    func hold(samples count: Int) throws(EvaluationError) {
        loadedSamples += count
        guard loadedSamples <= engine.maxSamples else {
            throw EvaluationError(.tooManySamples, "query processing would load too many samples into memory in query execution")
        }
    }

    /// Throws when the thread's stack could not take another level of a deep expression. The parser
    /// bounds nesting (`Parser.maximumDepth`), but evaluation may run on another thread than parsing
    /// and its frames are larger.
    static func checkStack() throws(EvaluationError) {
        guard StackGuard.hasRoom else {
            throw EvaluationError("expression nests too deeply to evaluate on this thread's stack")
        }
    }

    /// The time a selector or subquery reads at, evaluated at `time`.
    func referenceTime(_ at: AtModifier?, offset: Int64, evaluatedAt time: Int64) -> Int64 {
        switch at {
        case .timestamp(let pinned)?: pinned - offset
        case .start?: start - offset
        case .end?: end - offset
        case nil: time - offset
        }
    }

    // MARK: - Evaluation

    func evaluate(_ expression: Expression, at time: Int64) throws(EvaluationError) -> Value {
        try Self.checkStack()
        if let shared = engine.sharedResults, step == 0 {
            switch expression {
            case .aggregate, .call, .binary:
                let key = "\(time)\u{0}\(expression)"
                if let known = shared.value(key) { return known }
                let value = try evaluateUnshared(expression, at: time)
                shared.store(value, key)
                return value
            default:
                break
            }
        }
        return try evaluateUnshared(expression, at: time)
    }

    private func evaluateUnshared(_ expression: Expression, at time: Int64) throws(EvaluationError) -> Value {
        switch expression {
        case .number(let value): return .scalar(value)
        case .string(let text): return .string(text)
        case .parenthesized(let inner): return try evaluate(inner, at: time)
        case .vectorSelector(let selector): return .vector(instantSelect(selector, at: time))
        case .matrixSelector(let selector, let range): return .matrix(rangeSelect(selector, range: range, at: time))
        case .subquery(let inner, let range, let subqueryStep, let offset, let at):
            return .matrix(try subquery(inner, range: range, step: subqueryStep, offset: offset, at: at, time: time))
        case .unaryMinus(let inner):
            switch try evaluate(inner, at: time) {
            case .scalar(let value): return .scalar(-value)
            case .vector(let samples):
                return .vector(try unique(samples.map { VectorSample(labels: withoutName($0.labels), value: -$0.value, timestamp: time) }))
            default: throw EvaluationError("unary minus on a value that is not a scalar or vector")
            }
        case .binary(let op, let left, let right, let returnBool, let matching):
            return Self.stamped(try binary(op, try evaluate(left, at: time), try evaluate(right, at: time), returnBool: returnBool, matching: matching), time)
        case .aggregate(let op, let inner, let parameter, let grouping, let without):
            if parameter == nil, let samples = try aggregateStepVector(op, inner, grouping: grouping, without: without, at: time) {
                return .vector(samples)
            }
            guard case .vector(let samples) = try evaluate(inner, at: time) else { throw EvaluationError("aggregation over a non-vector") }
            let parameterValue = try parameter.map { expression throws(EvaluationError) in try evaluate(expression, at: time) }
            return Self.stamped(.vector(try aggregate(op, samples, parameter: parameterValue, grouping: grouping, without: without)), time)
        case .call(let function, let arguments):
            if let samples = try stepVector(function, arguments, at: time) { return .vector(samples) }
            if let samples = try quantileStepVector(function, arguments, at: time) { return .vector(samples) }
            return Self.stamped(try call(function, arguments, at: time), time)
        }
    }

    /// Computed vectors carry the evaluation time; only a selector's samples keep their own
    /// (which `timestamp()` reads).
    static func stamped(_ value: Value, _ time: Int64) -> Value {
        guard case .vector(let samples) = value, samples.contains(where: { $0.timestamp != time }) else { return value }
        return .vector(samples.map { VectorSample(labels: $0.labels, value: $0.value, timestamp: time) })
    }

    /// The latest sample of each series within the lookback window, unless it is a stale marker.
    func instantSelect(_ selector: VectorSelector, at time: Int64) -> [VectorSample] {
        let reference = referenceTime(selector.at, offset: selector.offset, evaluatedAt: time)
        var output: [VectorSample] = []
        for series in data[Self.key(selector)] ?? [] {
            let index = Self.lastIndex(in: series.timestamps, atOrBefore: reference)
            guard index >= 0, series.timestamps[index] >= reference - engine.lookbackDelta,
                  series.values[index].bitPattern != staleMarkerBits else { continue }
            output.append(VectorSample(labels: series.labels, value: series.values[index], timestamp: series.timestamps[index]))
        }
        return output
    }

    /// The samples of each series in `[t - range, t]`, stale markers left out.
    func rangeSelect(_ selector: VectorSelector, range: Int64, at time: Int64) -> [SeriesWindow] {
        let reference = referenceTime(selector.at, offset: selector.offset, evaluatedAt: time)
        var output: [SeriesWindow] = []
        for series in data[Self.key(selector)] ?? [] {
            let last = Self.lastIndex(in: series.timestamps, atOrBefore: reference)
            guard last >= 0 else { continue }
            let first = Self.lastIndex(in: series.timestamps, atOrBefore: reference - range - 1) + 1
            guard first <= last else { continue }
            let hasStaleMarkers = series.values[first...last].contains { $0.bitPattern == staleMarkerBits }
            if let window = Self.window(series, first...last, labels: series.labels, hasStaleMarkers: hasStaleMarkers) {
                output.append(window)
            }
        }
        return output
    }

    /// The samples of `series` at `indexes` as a window, stale markers left out; `nil` when none remain.
    /// Without stale markers (the common case) the window is a view of the loaded arrays, not a copy.
    static func window(_ series: StoredSeries, _ indexes: ClosedRange<Int>, labels: Labels, hasStaleMarkers: Bool) -> SeriesWindow? {
        guard hasStaleMarkers else {
            return SeriesWindow(labels: labels, timestamps: series.timestamps[indexes], values: series.values[indexes])
        }
        var timestamps: [Int64] = []
        var values: [Double] = []
        for index in indexes where series.values[index].bitPattern != staleMarkerBits {
            timestamps.append(series.timestamps[index])
            values.append(series.values[index])
        }
        return timestamps.isEmpty ? nil : SeriesWindow(labels: labels, timestamps: timestamps[...], values: values[...])
    }

    private func subquery(
        _ inner: SubqueryInner, range: Int64, step subqueryStep: Int64?, offset: Int64, at: AtModifier?, time: Int64
    ) throws(EvaluationError) -> [SeriesWindow] {
        let interval = subqueryStep ?? engine.defaultSubqueryStep
        let reference = referenceTime(at, offset: offset, evaluatedAt: time)
        // Each inner step costs an evaluation even when it yields nothing: a subquery with more
        // steps than the query may hold samples is refused before it starts.
        guard range / interval <= Int64(engine.maxSamples) else {
            throw EvaluationError(.tooManySamples, "query processing would load too many samples into memory in query execution: a subquery of \(range / interval) steps")
        }
        let lowest = reference - range
        var current = interval * (lowest / interval)
        if current < lowest { current += interval }
        let key = SubqueryKey(inner: ObjectIdentifier(inner), step: interval)
        var timeline = subqueryTimelines.removeValue(forKey: key) ?? SubqueryTimeline()
        defer { subqueryTimelines[key] = timeline }
        if timeline.last < timeline.first || current < timeline.first || current > timeline.last + interval {
            timeline = SubqueryTimeline(first: current, last: current - interval)
        }
        var next = timeline.last + interval
        while next <= reference {
            try checkDeadline()
            switch try evaluate(inner.expression, at: next) {
            case .vector(let samples):
                try hold(samples: max(1, samples.count))
                for sample in samples { timeline.append(sample.labels, sample.value, at: next) }
            case .scalar(let value):
                try hold(samples: 1)
                timeline.append(.empty, value, at: next)
            default: throw EvaluationError("subquery of a value that is not a scalar or vector")
            }
            timeline.last = next
            next += interval
        }
        var windows: [SeriesWindow] = []
        windows.reserveCapacity(timeline.sorted.count)
        for position in timeline.sorted {
            let points = timeline.points.series[position]
            let low = Self.lastIndex(in: points.timestamps, atOrBefore: current - 1) + 1
            let high = Self.lastIndex(in: points.timestamps, atOrBefore: reference)
            guard low <= high else { continue }
            windows.append(SeriesWindow(labels: points.labels, timestamps: points.timestamps[low...high], values: points.values[low...high]))
        }
        return windows
    }

    /// Index of the last timestamp ≤ `time`, or -1.
    static func lastIndex(in timestamps: [Int64], atOrBefore time: Int64) -> Int {
        var low = 0
        var high = timestamps.count
        while low < high {
            let middle = (low + high) / 2
            if timestamps[middle] <= time { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }
}

extension Labels {
    /// The labels without `__name__`.
    var droppingMetricName: Labels {
        guard self[Labels.metricName] != nil else { return self }
        return subset { $0.name != Labels.metricName }
    }
}

import EtcdmonModel
import Foundation

extension Evaluation {
    func aggregate(
        _ op: AggregationOperator, _ samples: [VectorSample], parameter: Value?, grouping: [String], without: Bool
    ) throws(EvaluationError) -> [VectorSample] {
        let groupingKey = derivation((without ? "without:" : "by:") + grouping.joined(separator: ","))
        func groupLabels(_ labels: Labels) -> Labels {
            if !without && grouping.isEmpty { return .empty }
            return derive(groupingKey, labels) { Self.groupLabels($0, grouping: grouping, without: without) }
        }
        var scalarParameter = 0.0
        var stringParameter = ""
        switch parameter {
        case .scalar(let value)?: scalarParameter = value
        case .string(let text)?: stringParameter = text
        default: break
        }
        if op == .countValues {
            return try countValues(samples, label: stringParameter, groupLabels: groupLabels)
        }
        var groups: [Labels: [VectorSample]] = [:]
        var order: [Labels] = []
        for sample in samples {
            try checkDeadlinePeriodically()
            let key = groupLabels(sample.labels)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(sample)
        }
        var output: [VectorSample] = []
        for key in order {
            let members = groups[key]!
            let values = members.map(\.value)
            let time = members[0].timestamp
            switch op {
            case .topk, .bottomk:
                let k = Int(clamping: scalarParameter.isFinite ? Int64(scalarParameter) : 0)
                guard k >= 1 else { continue }
                // NaN sorts last for both, as in Prometheus.
                let sorted = members.sorted { a, b in
                    if a.value.isNaN { return false }
                    if b.value.isNaN { return true }
                    return op == .topk ? a.value > b.value : a.value < b.value
                }
                output += sorted.prefix(k)
                continue
            case .sum: output.append(VectorSample(labels: key, value: values.reduce(0, +), timestamp: time))
            case .avg: output.append(VectorSample(labels: key, value: Self.mean(values), timestamp: time))
            case .count: output.append(VectorSample(labels: key, value: Double(values.count), timestamp: time))
            case .group: output.append(VectorSample(labels: key, value: 1, timestamp: time))
            case .min, .max:
                var result = values[0]
                for value in values.dropFirst() {
                    if result.isNaN || (op == .min ? value < result : value > result) { result = value }
                }
                output.append(VectorSample(labels: key, value: result, timestamp: time))
            case .stddev, .stdvar:
                let variance = Self.variance(values)
                output.append(VectorSample(labels: key, value: op == .stddev ? variance.squareRoot() : variance, timestamp: time))
            case .quantile:
                output.append(VectorSample(labels: key, value: Self.quantile(scalarParameter, values), timestamp: time))
            case .countValues: break
            }
        }
        return output
    }

    /// The labels of the group `labels` falls in: those in `grouping`, or (`without`) all but those
    /// and the metric name.
    static func groupLabels(_ labels: Labels, grouping: [String], without: Bool) -> Labels {
        if without { return labels.subset { $0.name != Labels.metricName && !grouping.contains($0.name) } }
        return labels.subset { grouping.contains($0.name) }
    }

    private func countValues(_ samples: [VectorSample], label: String, groupLabels: (Labels) -> Labels) throws(EvaluationError) -> [VectorSample] {
        guard !label.isEmpty, label.first.map({ $0.isLetter || $0 == "_" }) == true,
              label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw EvaluationError("invalid label name \"\(label)\"")
        }
        var counts: [Labels: Int] = [:]
        var order: [Labels] = []
        for sample in samples {
            try checkDeadlinePeriodically()
            var elements = groupLabels(sample.labels).elements.filter { $0.name != label }
            elements.append(Label(label, GoFloat.format(sample.value)))
            let key = Labels(elements)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { VectorSample(labels: $0, value: Double(counts[$0]!), timestamp: samples.first?.timestamp ?? 0) }
    }

    /// Prometheus's running mean, which stays finite where a plain sum would overflow.
    static func mean(_ values: some Collection<Double>) -> Double {
        var mean = 0.0
        var count = 0.0
        for value in values {
            count += 1
            if mean.isInfinite {
                if value.isInfinite && (mean > 0) == (value > 0) { continue }
                if !value.isInfinite && !value.isNaN { continue }
            }
            mean += value / count - mean / count
        }
        return mean
    }

    /// Population variance by Welford's method, as Prometheus computes stdvar.
    static func variance(_ values: some Collection<Double>) -> Double {
        var count = 0.0
        var mean = 0.0
        var squares = 0.0
        for value in values {
            count += 1
            let delta = value - mean
            mean += delta / count
            squares += delta * (value - mean)
        }
        return count > 0 ? squares / count : .nan
    }

    /// The φ-quantile with linear interpolation between closest ranks (Prometheus's `quantile`).
    static func quantile(_ q: Double, _ values: some Collection<Double>) -> Double {
        guard !values.isEmpty, !q.isNaN else { return .nan }
        if q < 0 { return -.infinity }
        if q > 1 { return .infinity }
        let sorted = values.sorted()
        let n = Double(sorted.count)
        let rank = q * (n - 1)
        let lower = max(0, floor(rank))
        let upper = min(n - 1, lower + 1)
        let weight = rank - lower
        return sorted[Int(lower)] * (1 - weight) + sorted[Int(upper)] * weight
    }
}

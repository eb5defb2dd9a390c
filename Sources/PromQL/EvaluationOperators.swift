import EtcdmonModel
import Foundation

extension Evaluation {
    /// Applies an arithmetic or comparison operator to two floats; `nil` means "filtered out".
    static func apply(_ op: BinaryOperator, _ left: Double, _ right: Double, returnBool: Bool) -> Double? {
        switch op {
        case .add: return left + right
        case .subtract: return left - right
        case .multiply: return left * right
        case .divide: return left / right
        case .modulo: return fmod(left, right)
        case .power: return pow(left, right)
        case .atan2: return atan2(left, right)
        case .equal, .notEqual, .greater, .less, .greaterOrEqual, .lessOrEqual:
            let holds: Bool
            switch op {
            case .equal: holds = left == right
            case .notEqual: holds = left != right
            case .greater: holds = left > right
            case .less: holds = left < right
            case .greaterOrEqual: holds = left >= right
            default: holds = left <= right
            }
            if returnBool { return holds ? 1 : 0 }
            return holds ? left : nil
        case .and, .or, .unless: return nil
        }
    }

    /// A vector element against a constant: the result's value, `nil` where a comparison filters the
    /// element out (a filter keeps the element's own value).
    static func apply(
        _ op: BinaryOperator, element: Double, _ constant: Double, constantOnLeft: Bool, returnBool: Bool
    ) -> Double? {
        let applied = constantOnLeft
            ? apply(op, constant, element, returnBool: returnBool) : apply(op, element, constant, returnBool: returnBool)
        guard let value = applied else { return nil }
        return op.isComparison && !returnBool ? element : value
    }

    /// A vector element's labels after an operation with a constant: without the metric name where
    /// the operator or `bool` drops it.
    func elementLabels(_ labels: Labels, _ op: BinaryOperator, returnBool: Bool) -> Labels {
        Self.dropsMetricName(op) || returnBool ? withoutName(labels) : labels
    }

    /// Arithmetic drops `__name__`; in Prometheus 2.42 `atan2` does not.
    static func dropsMetricName(_ op: BinaryOperator) -> Bool {
        switch op {
        case .add, .subtract, .multiply, .divide, .modulo, .power: true
        default: false
        }
    }

    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, returnBool: Bool, matching: VectorMatching?) throws(EvaluationError) -> Value {
        switch (left, right) {
        case (.scalar(let l), .scalar(let r)):
            return .scalar(Self.apply(op, l, r, returnBool: returnBool) ?? .nan)
        case (.vector(let samples), .scalar(let constant)), (.scalar(let constant), .vector(let samples)):
            let constantOnLeft = if case .scalar = left { true } else { false }
            return .vector(samples.compactMap { sample in
                guard let value = Self.apply(op, element: sample.value, constant, constantOnLeft: constantOnLeft, returnBool: returnBool) else { return nil }
                return VectorSample(labels: elementLabels(sample.labels, op, returnBool: returnBool), value: value, timestamp: sample.timestamp)
            })
        case (.vector(let l), .vector(let r)):
            let matching = matching ?? VectorMatching()
            switch op {
            case .and, .or, .unless: return .vector(setOperation(op, l, r, matching: matching))
            default: return .vector(try vectorBinary(op, l, r, returnBool: returnBool, matching: matching))
            }
        default:
            throw EvaluationError("binary operation on unsupported operand types")
        }
    }

    /// The derivation number of `matching`'s signature.
    func signatureDerivation(_ matching: VectorMatching) -> Int {
        derivation((matching.on ? "on:" : "ignoring:") + matching.labels.joined(separator: ","))
    }

    /// The labels two series are matched by (memoized for the query).
    func signature(_ labels: Labels, _ matching: VectorMatching, derivation number: Int) -> Labels {
        derive(number, labels) { labels in
            if matching.on { return labels.subset { matching.labels.contains($0.name) } }
            return labels.subset { $0.name != Labels.metricName && !matching.labels.contains($0.name) }
        }
    }

    private func setOperation(_ op: BinaryOperator, _ left: [VectorSample], _ right: [VectorSample], matching: VectorMatching) -> [VectorSample] {
        let number = signatureDerivation(matching)
        let rightSignatures = Set(right.map { signature($0.labels, matching, derivation: number) })
        switch op {
        case .and: return left.filter { rightSignatures.contains(signature($0.labels, matching, derivation: number)) }
        case .unless: return left.filter { !rightSignatures.contains(signature($0.labels, matching, derivation: number)) }
        default:
            let leftSignatures = Set(left.map { signature($0.labels, matching, derivation: number) })
            return left + right.filter { !leftSignatures.contains(signature($0.labels, matching, derivation: number)) }
        }
    }

    private func vectorBinary(
        _ op: BinaryOperator, _ left: [VectorSample], _ right: [VectorSample], returnBool: Bool, matching: VectorMatching
    ) throws(EvaluationError) -> [VectorSample] {
        // The "one" side is indexed by signature; the "many" side walks it.
        let oneToMany = matching.cardinality == .oneToMany
        let (many, one) = oneToMany ? (right, left) : (left, right)
        let number = signatureDerivation(matching)
        var oneBySignature: [Labels: VectorSample] = [:]
        for sample in one {
            let signature = signature(sample.labels, matching, derivation: number)
            if oneBySignature[signature] != nil {
                let side = oneToMany ? "left" : "right"
                throw EvaluationError("found duplicate series for the match group \(signature) on the \(side) hand-side of the operation: [\(oneBySignature[signature]!.labels), \(sample.labels)];many-to-many matching not allowed: matching labels must be unique on one side")
            }
            oneBySignature[signature] = sample
        }
        var output: [VectorSample] = []
        var seenOneToOne: [Labels: Labels] = [:]
        var seenResults = Set<Labels>()
        for sample in many {
            let signature = signature(sample.labels, matching, derivation: number)
            guard let partner = oneBySignature[signature] else { continue }
            let (leftSample, rightSample) = oneToMany ? (partner, sample) : (sample, partner)
            if matching.cardinality == .oneToOne {
                if let previous = seenOneToOne[signature] {
                    throw EvaluationError("found duplicate series for the match group \(signature) on the left hand-side of the operation: [\(previous), \(sample.labels)];many-to-many matching not allowed: matching labels must be unique on one side")
                }
                seenOneToOne[signature] = sample.labels
            }
            guard var value = Self.apply(op, leftSample.value, rightSample.value, returnBool: returnBool) else { continue }
            if op.isComparison && !returnBool { value = oneToMany ? rightSample.value : leftSample.value }
            var labels = resultLabels(many: sample.labels, one: partner.labels, op: op, matching: matching)
            if returnBool { labels = withoutName(labels) }
            guard seenResults.insert(labels).inserted else {
                throw EvaluationError("multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)")
            }
            output.append(VectorSample(labels: labels, value: value, timestamp: sample.timestamp))
        }
        return output
    }

    /// The labels of a vector operation's result: the "many" side's, less what the operator and the
    /// matching drop, plus the `group_left`/`group_right` labels of the "one" side.
    func resultLabels(many: Labels, one: Labels, op: BinaryOperator, matching: VectorMatching) -> Labels {
        var elements = many.elements
        if Self.dropsMetricName(op) { elements.removeAll { $0.name == Labels.metricName } }
        if matching.cardinality == .oneToOne {
            if matching.on {
                elements.removeAll { !matching.labels.contains($0.name) }
            } else {
                elements.removeAll { matching.labels.contains($0.name) }
            }
        }
        for name in matching.include {
            elements.removeAll { $0.name == name }
            if let value = one[name], !value.isEmpty { elements.append(Label(name, value)) }
        }
        return Labels(elements)
    }
}

import EtcdmonModel

extension Expression: CustomStringConvertible {
    /// The expression in PromQL, normalized (parsing it again gives the same expression).
    public var description: String {
        switch self {
        case .number(let value): Self.format(value)
        case .string(let text): Self.quote(text)
        case .vectorSelector(let selector): Self.describe(selector, range: nil)
        case .matrixSelector(let selector, let range): Self.describe(selector, range: range)
        case .subquery(let inner, let range, let step, let offset, let at):
            "\(inner.expression)[\(Self.format(duration: range)):\(step.map(Self.format(duration:)) ?? "")]" + Self.modifiers(offset: offset, at: at)
        case .parenthesized(let inner): "(\(inner))"
        case .unaryMinus(let inner): "-\(inner)"
        case .binary(let op, let left, let right, let returnBool, let matching):
            "\(left) \(op.rawValue)\(returnBool ? " bool" : "")\(matching.map(Self.describe) ?? "") \(right)"
        case .aggregate(let op, let inner, let parameter, let grouping, let without):
            op.rawValue + (without ? " without (\(grouping.joined(separator: ", ")))" : grouping.isEmpty ? "" : " by (\(grouping.joined(separator: ", ")))")
                + " (" + (parameter.map { "\($0), " } ?? "") + "\(inner))"
        case .call(let function, let arguments):
            "\(function.name)(\(arguments.map(\.description).joined(separator: ", ")))"
        }
    }

    private static func describe(_ matching: VectorMatching) -> String {
        var text = ""
        if matching.explicit { text += " \(matching.on ? "on" : "ignoring") (\(matching.labels.joined(separator: ", ")))" }
        switch matching.cardinality {
        case .manyToOne: text += " group_left (\(matching.include.joined(separator: ", ")))"
        case .oneToMany: text += " group_right (\(matching.include.joined(separator: ", ")))"
        default: break
        }
        return text
    }

    private static func describe(_ selector: VectorSelector, range: Int64?) -> String {
        let others = selector.matchers.filter { !(selector.name != nil && $0.name == Labels.metricName && $0.kind == .equal) }
        var text = selector.name ?? ""
        if !others.isEmpty || selector.name == nil {
            text += "{" + others.map { "\($0.name)\($0.kind.rawValue)\(quote($0.value))" }.joined(separator: ", ") + "}"
        }
        if let range { text += "[\(format(duration: range))]" }
        return text + modifiers(offset: selector.offset, at: selector.at)
    }

    private static func modifiers(offset: Int64, at: AtModifier?) -> String {
        var text = ""
        switch at {
        case .timestamp(let milliseconds)?: text += " @ \(format(Double(milliseconds) / 1000))"
        case .start?: text += " @ start()"
        case .end?: text += " @ end()"
        case nil: break
        }
        if offset > 0 { text += " offset \(format(duration: offset))" }
        if offset < 0 { text += " offset -\(format(duration: -offset))" }
        return text
    }

    /// A float as Go prints it with `%v`: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e21 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A duration as Prometheus prints it: `1h30m`, `5m`, `500ms`, `2d`.
    public static func format(duration milliseconds: Int64) -> String {
        PrometheusDuration.format(milliseconds: milliseconds)
    }

    /// A string in double quotes with the escapes PromQL reads back.
    static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 {
                    output += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

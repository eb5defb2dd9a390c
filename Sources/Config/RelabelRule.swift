import Crypto
import EtcdmonModel

/// What a relabelling step does (Prometheus's `model/relabel` actions).
public enum RelabelAction: String, Sendable, CaseIterable {
    case replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase
}

/// One entry of `relabel_configs` or `metric_relabel_configs`.
public struct RelabelRule: Sendable {
    /// Labels whose values are joined (with `separator`) into the input.
    public var sourceLabels: [String] = []
    public var separator = ";"
    /// Anchored at both ends, as in Prometheus.
    public var regex: LabelPattern
    public var modulus: UInt64 = 0
    public var targetLabel = ""
    public var replacement = "$1"
    public var action = RelabelAction.replace

    /// Creates a rule; defaults as in Prometheus (`regex: (.*)`, `replacement: $1`, `action: replace`).
    public init(sourceLabels: [String] = [], separator: String = ";", regex: String = "(.*)", modulus: UInt64 = 0,
                targetLabel: String = "", replacement: String = "$1", action: RelabelAction = .replace) throws(LabelPatternError) {
        self.sourceLabels = sourceLabels
        self.separator = separator
        self.regex = try LabelPattern(regex)
        self.modulus = modulus
        self.targetLabel = targetLabel
        self.replacement = replacement
        self.action = action
    }

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        let actionText = try yaml.string("action") ?? "replace"
        guard let action = RelabelAction(rawValue: actionText.lowercased()) else {
            throw yaml.error("action", "unknown relabel action \"\(actionText)\" (one of "
                + RelabelAction.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        self.action = action
        sourceLabels = try yaml.strings("source_labels") ?? []
        separator = try yaml.string("separator") ?? ";"
        let regexText = try yaml.string("regex") ?? "(.*)"
        do { regex = try LabelPattern(regexText) } catch { throw yaml.error("regex", error.reason) }
        modulus = UInt64(try yaml.integer("modulus") ?? 0)
        targetLabel = try yaml.string("target_label") ?? ""
        replacement = try yaml.string("replacement") ?? "$1"
        try yaml.finish()
        for name in sourceLabels where !LabelName.isValid(name) {
            throw yaml.error("source_labels", "\"\(name)\" is not a valid label name")
        }
        switch action {
        case .replace, .hashmod, .lowercase, .uppercase, .keepequal, .dropequal:
            guard !targetLabel.isEmpty else { throw yaml.error("target_label", "relabel action \(action) requires target_label") }
            if action != .replace, !LabelName.isValid(targetLabel) {
                throw yaml.error("target_label", "\"\(targetLabel)\" is not a valid label name")
            }
            if action == .hashmod && modulus == 0 { throw yaml.error("modulus", "relabel action hashmod requires a modulus > 0") }
        case .labeldrop, .labelkeep:
            if !sourceLabels.isEmpty || !targetLabel.isEmpty {
                throw yaml.error("\(action) takes only regex (no source_labels or target_label)")
            }
        case .keep, .drop, .labelmap: break
        }
        if action == .keep || action == .drop || action == .keepequal || action == .dropequal, sourceLabels.isEmpty {
            throw yaml.error("source_labels", "relabel action \(action) requires source_labels")
        }
    }

    /// Applies `rules` in order; `nil` when a rule drops the set.
    public static func apply(_ rules: [RelabelRule], to labels: Labels) -> Labels? {
        guard !rules.isEmpty else { return labels }
        var builder = LabelBuilder(labels)
        for rule in rules {
            guard rule.apply(to: &builder) else { return nil }
        }
        return builder.labels()
    }

    /// Applies this rule; `false` when the set is dropped.
    func apply(to builder: inout LabelBuilder) -> Bool {
        let value = sourceLabels.map { builder[$0] ?? "" }.joined(separator: separator)
        switch action {
        case .keep: return regex.matches(value)
        case .drop: return !regex.matches(value)
        case .keepequal: return value == (builder[targetLabel] ?? "")
        case .dropequal: return value != (builder[targetLabel] ?? "")
        case .replace:
            guard let target = regex.expand(targetLabel, matching: value),
                  let result = regex.expand(replacement, matching: value) else { return true }
            guard LabelName.isValid(target) else { return true }
            builder[target] = result.isEmpty ? nil : result
        case .lowercase: builder[targetLabel] = value.lowercased()
        case .uppercase: builder[targetLabel] = value.uppercased()
        case .hashmod:
            let digest = Array(Insecure.MD5.hash(data: Array(value.utf8)))
            let tail = digest[8...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            builder[targetLabel] = String(tail % modulus)
        case .labelmap:
            for label in builder.current {
                if let name = regex.expand(replacement, matching: label.name), LabelName.isValid(name) {
                    builder[name] = label.value
                }
            }
        case .labeldrop:
            for label in builder.current where regex.matches(label.name) { builder[label.name] = nil }
        case .labelkeep:
            for label in builder.current where !regex.matches(label.name) { builder[label.name] = nil }
        }
        return true
    }
}

/// A mutable label set for relabelling: set or remove names, then build sorted `Labels`.
public struct LabelBuilder: Sendable {
    private var values: [String: String]

    /// Starts from `labels`.
    public init(_ labels: Labels) {
        values = Dictionary(labels.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    /// A label's value; setting `nil` or `""` removes it.
    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = (newValue?.isEmpty ?? true) ? nil : newValue }
    }

    /// The labels as they are now.
    public var current: [Label] { values.map { Label($0.key, $0.value) } }

    /// The result, sorted.
    public func labels() -> Labels { Labels(current) }
}

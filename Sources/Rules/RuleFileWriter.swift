import Config
import EtcdmonModel

/// Writes rule groups back as a Prometheus rule file (`etcdmon export rules`): every string
/// double-quoted, expressions as literal blocks, durations in Prometheus's form.
public enum RuleFileWriter {
    public static func yaml(_ file: RuleFile) -> String {
        var out = "groups:\n"
        for group in file.groups {
            out += "  - name: \(quoted(group.name))\n"
            if let interval = group.interval { out += "    interval: \(PrometheusDuration.format(milliseconds: interval))\n" }
            if group.limit > 0 { out += "    limit: \(group.limit)\n" }
            out += group.rules.isEmpty ? "    rules: []\n" : "    rules:\n"
            for rule in group.rules {
                out += rule.kind == .alerting ? "      - alert: \(quoted(rule.name))\n" : "      - record: \(quoted(rule.name))\n"
                out += "        expr: |\n"
                for line in rule.expression.split(separator: "\n", omittingEmptySubsequences: false).dropLast(rule.expression.hasSuffix("\n") ? 1 : 0) {
                    out += "          \(line)\n"
                }
                if rule.holdDuration > 0 { out += "        for: \(PrometheusDuration.format(milliseconds: rule.holdDuration))\n" }
                if rule.keepFiringFor > 0 { out += "        keep_firing_for: \(PrometheusDuration.format(milliseconds: rule.keepFiringFor))\n" }
                for (key, pairs) in [("labels", rule.labels), ("annotations", rule.annotations)] where !pairs.isEmpty {
                    out += "        \(key):\n"
                    for pair in pairs { out += "          \(pair.name): \(quoted(pair.value))\n" }
                }
            }
        }
        return out
    }

    /// A YAML double-quoted scalar (Go's JSON escapes are YAML's).
    static func quoted(_ text: String) -> String { GoJSON.quoted(text) }
}

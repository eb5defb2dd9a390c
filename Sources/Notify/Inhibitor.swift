import Config
import EtcdmonModel

/// Inhibition rules over the stored alerts (Alertmanager's `inhibit.Inhibitor`): an alert
/// matching a rule's target matchers is muted while an unresolved alert matches its source
/// matchers with equal values of the `equal` labels (both absent counts as equal). An alert that
/// matches both sides neither inhibits nor is inhibited by another such alert, so never itself.
public struct Inhibitor: Sendable {
    public let rules: [InhibitRuleConfig]
    let store: AlertStore

    public init(rules: [InhibitRuleConfig], store: AlertStore) {
        (self.rules, self.store) = (rules, store)
    }

    /// The fingerprint of the alert inhibiting one with `labels`, or nil.
    public func inhibitor(of labels: Labels, now: Int64) -> UInt64? {
        guard !rules.isEmpty else { return nil }
        let alerts = store.all
        for rule in rules where AlertMatcher.all(rule.targetMatchers, match: labels) {
            let targetIsSource = AlertMatcher.all(rule.sourceMatchers, match: labels)
            for source in alerts where !source.isResolved(at: now) && AlertMatcher.all(rule.sourceMatchers, match: source.labels) {
                guard rule.equal.allSatisfy({ source.labels[$0] == labels[$0] }) else { continue }
                if targetIsSource && AlertMatcher.all(rule.targetMatchers, match: source.labels) { continue }
                return source.fingerprint
            }
        }
        return nil
    }
}

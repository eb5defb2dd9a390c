import Synchronization

/// Results of subexpressions shared between queries evaluated at the same instant over the same
/// data: the rules of one group evaluation. The etcd mixin's alerts come in pairs that differ only
/// in their threshold (`… > 1` and `… > 5` over the same error ratio); with a `SharedResults` the
/// second computes only its comparison. Keyed by the subexpression's text and the time; only
/// aggregations, function calls and binary operations of instant evaluations are kept. Live for
/// one group evaluation, then dropped.
public final class SharedResults: Sendable {
    private let entries = Mutex<[String: Value]>([:])

    public init() {}

    func value(_ key: String) -> Value? { entries.withLock { $0[key] } }

    func store(_ value: Value, _ key: String) { entries.withLock { $0[key] = value } }
}

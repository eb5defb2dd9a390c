/// How rules are run: Prometheus's `--rules.*` flags and where failures are reported.
public struct RuleOptions: Sendable {
    /// Minimum time between two sends of a firing alert (`--rules.alert.resend-delay`, 1m).
    public var resendDelay: Int64 = 60_000
    /// How long an outage may be for the `for` state to be restored (`--rules.alert.for-outage-tolerance`, 1h).
    public var outageTolerance: Int64 = 3_600_000
    /// The least time an alert waits to fire after its `for` state is restored (`--rules.alert.for-grace-period`, 10m).
    public var gracePeriod: Int64 = 600_000
    /// Called when a rule fails (group, rule, error); logs by default nowhere.
    public var logFailure: @Sendable (RuleGroup, any Rule, String) -> Void = { _, _, _ in }

    public init() {}
}

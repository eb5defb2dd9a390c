/// The state of a target as `/api/v1/targets` reports it.
public struct TargetHealth: Sendable, Equatable {
    /// `up`, `down` or `unknown` (not scraped yet).
    public enum State: String, Sendable { case up, down, unknown }

    public var state = State.unknown
    /// The last scrape's error; empty when it succeeded.
    public var lastError = ""
    /// When the last scrape started, in milliseconds since the epoch; 0 before the first.
    public var lastScrape: Int64 = 0
    /// How long the last scrape took, in seconds.
    public var lastScrapeDuration = 0.0
    /// Samples the last scrape stored.
    public var lastSamples = 0

    public init() {}
}

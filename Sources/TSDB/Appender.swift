import EtcdmonModel

/// Writes samples into storage in batches — one batch per scrape: `append` buffers and checks,
/// `commit` makes the whole batch visible to readers at once, `rollback` discards it.
public protocol Appender {
    /// Buffers one sample; throws when the sample can never be stored (older than what the
    /// series already holds, or a different value at the same timestamp).
    mutating func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError)
    /// Buffers one sample of a series the caller has appended to before: `reference` is what that append
    /// returned (found without hashing labels while the head keeps the series), `labels` finds or recreates
    /// the series otherwise, and is evaluated only then. Returns the reference to keep — Prometheus's
    /// `Append(ref, labels, t, v)`. With a current reference the order checks happen at commit, which
    /// counts what it refuses.
    @discardableResult
    mutating func append(
        _ reference: SeriesReference?, _ labels: @autoclosure () -> Labels, timestamp: Int64, value: Double
    ) throws(AppendError) -> SeriesReference
    /// Stores the buffered samples; returns what was stored and what was rejected. Throws when
    /// the batch could not be made durable (the WAL could not be written); nothing is stored then.
    @discardableResult
    mutating func commit() throws(TSDBError) -> CommitResult
    /// Discards the buffered samples.
    mutating func rollback()
}

/// Why a sample was rejected. Rejections are counted, never silent.
public enum AppendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The series already has a later sample.
    case outOfOrder(series: Labels, timestamp: Int64, latest: Int64)
    /// The series already has a different value at this timestamp.
    case duplicateTimestamp(series: Labels, timestamp: Int64)

    public var description: String {
        switch self {
        case let .outOfOrder(series, timestamp, latest):
            "out-of-order sample for \(series) at \(timestamp) (latest stored: \(latest))"
        case let .duplicateTimestamp(series, timestamp):
            "different value for \(series) at an already stored timestamp \(timestamp)"
        }
    }
}

/// The outcome of a commit.
public struct CommitResult: Sendable, Equatable {
    /// Samples stored.
    public var appended = 0
    /// Series created by this batch.
    public var seriesCreated = 0
    /// Samples rejected at commit because another batch stored a later sample first.
    public var outOfOrder = 0
    /// Samples rejected at commit for a different value at a stored timestamp.
    public var duplicates = 0

    public init() {}
}

/// A series' identity in the head (and in WAL records), stable while the head holds the series;
/// never reused for another series.
public struct SeriesReference: Hashable, Sendable {
    let rawValue: UInt64
    /// Where the head kept the series when the reference was handed out, valid while the head's layout
    /// `generation` is unchanged (a truncation moves series): lets the hot path skip a hash lookup.
    let slot: Int32
    let generation: Int32
}

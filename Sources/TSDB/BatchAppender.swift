import EtcdmonModel

/// A sample waiting in a batch, with the series it was resolved to.
public struct PendingSample: Sendable {
    public var reference: SeriesReference
    /// Kept so the series can be found again if the head dropped it (compaction) before the commit.
    public var labels: Labels
    public var timestamp: Int64
    public var value: Double
}

/// The `Appender` of both the bare `Head` and the `Storage`: it checks each sample as it comes
/// (against what is stored and against the batch itself) so a scrape learns at once which samples
/// are refused, and hands the batch to `commitBatch` on commit.
public struct BatchAppender: Appender {
    /// Finds (or creates) a series by reference or labels and decides whether a sample may join the batch.
    typealias Admit = @Sendable (SeriesReference?, Labels, (timestamp: Int64, value: Double)?, Int64, Double) -> (SeriesReference, Head.Admission)

    private let admit: Admit
    private let generation: @Sendable () -> Int32
    private let commitBatch: @Sendable ([PendingSample]) throws(TSDBError) -> CommitResult
    private var batch: [PendingSample] = []
    /// The latest sample this batch holds of series appended by labels, so the batch refuses its own
    /// out-of-order samples at once. (Appends by a current reference are checked at commit.)
    private var latestByLabels: [Labels: (timestamp: Int64, value: Double)] = [:]

    init(
        admit: @escaping Admit, generation: @escaping @Sendable () -> Int32,
        commitBatch: @escaping @Sendable ([PendingSample]) throws(TSDBError) -> CommitResult
    ) {
        self.admit = admit
        self.generation = generation
        self.commitBatch = commitBatch
    }

    public mutating func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) {
        try append(nil, labels, timestamp: timestamp, value: value)
    }

    @discardableResult
    public mutating func append(_ reference: SeriesReference?, _ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) -> SeriesReference {
        if let reference, reference.generation == generation() {
            // A series the caller appended to before, still where the head keeps it: the order checks
            // wait for the commit (which counts refusals), so the hot path takes no lock per sample.
            batch.append(PendingSample(reference: reference, labels: labels, timestamp: timestamp, value: value))
            return reference
        }
        let (resolved, admission) = admit(reference, labels, latestByLabels[labels], timestamp, value)
        switch admission {
        case .accepted:
            batch.append(PendingSample(reference: resolved, labels: labels, timestamp: timestamp, value: value))
            latestByLabels[labels] = (timestamp, value)
        case .repeated: break
        case .refused(let error): throw error
        }
        return resolved
    }

    @discardableResult
    public mutating func commit() throws(TSDBError) -> CommitResult {
        defer { rollback() }
        return try commitBatch(batch)
    }

    public mutating func rollback() {
        batch.removeAll(keepingCapacity: true)
        latestByLabels.removeAll(keepingCapacity: true)
    }
}

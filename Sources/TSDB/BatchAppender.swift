import EtcdmonModel

/// A sample waiting in a batch, with the series it was resolved to.
public struct PendingSample: Sendable {
    public var reference: SeriesReference
    /// The series' labels when the sample came by labels; `nil` when it came by a reference of the
    /// batch's pinned layout (the head finds that series again from the reference alone, even after
    /// a truncation, so the hot path never touches the labels).
    public var labels: Labels?
    public var timestamp: Int64
    public var value: Double
}

/// The `Appender` of both the bare `Head` and the `Storage`: it checks each sample as it comes
/// (against what is stored and against the batch itself) so a scrape learns at once which samples
/// are refused, and hands the batch to `commitBatch` on commit.
public struct BatchAppender: Appender, Sendable {
    /// Finds (or creates) a series by reference or labels and decides whether a sample may join the batch.
    typealias Admit = @Sendable (SeriesReference?, Labels, (timestamp: Int64, value: Double)?, Int64, Double) -> (SeriesReference, Head.Admission)

    private let admit: Admit
    private let pinLayout: @Sendable () -> Head.LayoutPin
    /// Stores a batch; with `waiting` false, returns `nil` at once instead of waiting for a busy store.
    typealias CommitBatch = @Sendable (_ batch: [PendingSample], _ waiting: Bool) throws(TSDBError) -> CommitResult?

    private let commitBatch: CommitBatch
    private var batch: [PendingSample] = []
    /// Taken at the first append by reference and held until commit or rollback: the head keeps
    /// what it needs to find this layout's series until then.
    private var pin: Head.LayoutPin?
    /// The latest sample this batch holds of series appended by labels, so the batch refuses its own
    /// out-of-order samples at once. (Appends by a current reference are checked at commit.)
    private var latestByLabels: [Labels: (timestamp: Int64, value: Double)] = [:]

    init(
        admit: @escaping Admit, pinLayout: @escaping @Sendable () -> Head.LayoutPin,
        commitBatch: @escaping CommitBatch
    ) {
        self.admit = admit
        self.pinLayout = pinLayout
        self.commitBatch = commitBatch
    }

    public mutating func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) {
        try append(nil, labels, timestamp: timestamp, value: value)
    }

    @discardableResult
    public mutating func append(
        _ reference: SeriesReference?, _ labels: @autoclosure () -> Labels, timestamp: Int64, value: Double
    ) throws(AppendError) -> SeriesReference {
        if let reference {
            if pin == nil { pin = pinLayout() }
            if reference.generation == pin?.generation {
                // A series the caller appended to before, in the pinned layout: neither a lock nor the
                // labels per sample; the order checks wait for the commit, which counts refusals.
                batch.append(PendingSample(reference: reference, labels: nil, timestamp: timestamp, value: value))
                return reference
            }
        }
        let labels = labels()
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
        return try commitBatch(batch, true) ?? CommitResult()
    }

    /// Commits like `commit()` unless the store is busy with a long task (compaction holds it): then
    /// returns `nil` at once, the batch kept, so a caller on a thread that must not wait can hand
    /// the commit to one that may.
    public mutating func commitUnlessBusy() throws(TSDBError) -> CommitResult? {
        guard let result = try commitBatch(batch, false) else { return nil }
        rollback()
        return result
    }

    public mutating func rollback() {
        batch.removeAll(keepingCapacity: true)
        latestByLabels.removeAll(keepingCapacity: true)
        pin = nil
    }
}

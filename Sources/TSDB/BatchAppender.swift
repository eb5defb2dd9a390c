import EtcdmonModel

/// A sample waiting in a batch.
public struct PendingSample: Sendable {
    public var labels: Labels
    public var timestamp: Int64
    public var value: Double
}

/// The `Appender` of both the bare `Head` and the `Storage`: it checks each sample as it comes
/// (against what is stored and against the batch itself) so a scrape learns at once which samples
/// are refused, and hands the batch to `commitBatch` on commit.
public struct BatchAppender: Appender {
    private let latestStored: @Sendable (Labels) -> (timestamp: Int64, value: Double)?
    private let countRejected: @Sendable (AppendError) -> Void
    private let commitBatch: @Sendable ([PendingSample]) throws(TSDBError) -> CommitResult
    private var batch: [PendingSample] = []
    private var latestInBatch: [Labels: (timestamp: Int64, value: Double)] = [:]

    init(
        latestStored: @escaping @Sendable (Labels) -> (timestamp: Int64, value: Double)?,
        countRejected: @escaping @Sendable (AppendError) -> Void,
        commitBatch: @escaping @Sendable ([PendingSample]) throws(TSDBError) -> CommitResult
    ) {
        self.latestStored = latestStored
        self.countRejected = countRejected
        self.commitBatch = commitBatch
    }

    public mutating func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) {
        if let latest = latestInBatch[labels] ?? latestStored(labels), timestamp <= latest.timestamp {
            if timestamp == latest.timestamp && latest.value.bitPattern == value.bitPattern { return } // the same sample again
            let error = timestamp == latest.timestamp
                ? AppendError.duplicateTimestamp(series: labels, timestamp: timestamp)
                : AppendError.outOfOrder(series: labels, timestamp: timestamp, latest: latest.timestamp)
            countRejected(error)
            throw error
        }
        batch.append(PendingSample(labels: labels, timestamp: timestamp, value: value))
        latestInBatch[labels] = (timestamp, value)
    }

    @discardableResult
    public mutating func commit() throws(TSDBError) -> CommitResult {
        defer { rollback() }
        return try commitBatch(batch)
    }

    public mutating func rollback() {
        batch.removeAll(keepingCapacity: true)
        latestInBatch.removeAll(keepingCapacity: true)
    }
}

import EtcdmonModel

/// A batch of samples for a `Head`. Checks each sample as it comes (against the head and the
/// batch itself) so a scrape learns at once which samples are refused.
public struct HeadAppender: Appender {
    private let head: Head
    private var batch: [(labels: Labels, timestamp: Int64, value: Double)] = []
    /// Latest timestamp and value per series within this batch.
    private var latestInBatch: [Labels: (timestamp: Int64, value: Double)] = [:]

    init(head: Head) {
        self.head = head
    }

    public mutating func append(_ labels: Labels, timestamp: Int64, value: Double) throws(AppendError) {
        let latest = latestInBatch[labels] ?? head.latestTimestamp(of: labels)
        if let latest, timestamp <= latest.timestamp {
            if timestamp == latest.timestamp {
                if latest.value.bitPattern == value.bitPattern { return } // the same sample again
                let error = AppendError.duplicateTimestamp(series: labels, timestamp: timestamp)
                head.countRejected(error)
                throw error
            }
            let error = AppendError.outOfOrder(series: labels, timestamp: timestamp, latest: latest.timestamp)
            head.countRejected(error)
            throw error
        }
        batch.append((labels, timestamp, value))
        latestInBatch[labels] = (timestamp, value)
    }

    @discardableResult
    public mutating func commit() -> CommitResult {
        defer { rollback() }
        return head.commit(batch)
    }

    public mutating func rollback() {
        batch.removeAll(keepingCapacity: true)
        latestInBatch.removeAll(keepingCapacity: true)
    }
}

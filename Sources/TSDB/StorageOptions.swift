/// How a `Storage` keeps its data; names follow Prometheus's `--storage.tsdb.*` flags.
public struct StorageOptions: Sendable {
    /// Width of the blocks cut from the head (Prometheus: 2 h).
    public var blockRange: Int64 = 2 * 3_600_000
    /// Blocks older than this (behind the newest data) are deleted; 0 keeps them (Prometheus: 15 d).
    public var retentionTime: Int64 = 15 * 24 * 3_600_000
    /// The blocks and WAL together are kept under this many bytes by deleting the oldest blocks; 0: no limit.
    public var retentionSize: Int64 = 0
    /// Compress WAL records with Snappy (Prometheus's default).
    public var walCompression = true
    /// Size of a WAL segment file.
    public var walSegmentSize = WALWriter.defaultSegmentSize
    /// fsync the WAL on every commit: survives power loss at the cost of one fsync per batch.
    /// Without it, a commit is in the OS's page cache when it returns (survives a crash of etcdmon)
    /// and reaches the disk at the next segment cut, block write or close.
    public var syncEveryCommit = false
    /// The most bytes of WAL segments kept past a checkpoint for readers that still need them
    /// (remote-write queues behind, `Storage.retainWAL`); beyond it the oldest go and the reader
    /// loses their samples, with a warning and a count. 0: keep only what replay needs.
    public var walRetentionLimit: Int64 = 4 << 30
    /// Open without the lock and without writing: for reading a directory another process uses.
    public var readOnly = false

    /// Default options.
    public init() {}
}

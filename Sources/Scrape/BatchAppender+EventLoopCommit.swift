import NIOPosix
import TSDB

extension BatchAppender {
    /// Commits from an event loop: at once, unless the store is compacting (which holds it for
    /// seconds); the commit then waits on NIO's blocking pool, not on the loop, whose other
    /// connections and timers would stall with it.
    @discardableResult
    mutating func commitFromEventLoop() async throws -> CommitResult {
        if let result = try commitUnlessBusy() { return result }
        let batch = self
        defer { rollback() }
        return try await NIOThreadPool.singleton.runIfActive {
            var batch = batch
            return try batch.commit()
        }
    }
}

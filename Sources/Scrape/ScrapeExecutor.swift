import Dispatch

/// The threads scrape loops run on: Dispatch's global pool, not NIO's event loops. `etcdmon serve`
/// makes the event loops Swift concurrency's global executor so that API requests are answered
/// without a thread hop; a scrape's parse and commit, though, can wait on the head's lock (while a
/// query takes its snapshot or compaction cuts a block), and on an event loop that wait would stall
/// every connection the loop carries. This is the pool Swift's default global executor uses, so
/// scrape loops run where they would without the takeover.
public final class ScrapeExecutor: TaskExecutor {
    /// The process's scrape executor.
    public static let shared = ScrapeExecutor()

    private let queue = DispatchQueue.global()

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}

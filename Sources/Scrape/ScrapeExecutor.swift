import NIOCore
import NIOPosix

/// Where a scrape loop runs: one event loop of a group kept for scraping, which also carries the
/// loop's target connection and timer. The timer fires, the request goes out, the response is read,
/// parsed and committed on that one thread, with no wake-up of another thread on the way (through
/// Dispatch's pool a scrape took four). Scraping has its own group, apart from the one the HTTP
/// server and Swift's global executor run on: a commit can wait on the store's lock (while a query
/// takes its snapshot or compaction cuts a block), and that wait then holds up scrapes, never
/// API requests.
public final class ScrapeExecutor: TaskExecutor {
    /// The event loops scrapes run on, one per core.
    public static let group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)

    /// The event loop this executor runs jobs on.
    public let eventLoop: any EventLoop

    /// An executor on the next of the scrape group's event loops.
    public init() {
        eventLoop = Self.group.next()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { [self] in job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
}

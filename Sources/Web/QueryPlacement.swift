import CPlatform
import CoreMetrics
import EtcdmonModel
import NIOCore
import NIOPosix
import PromQL
import Synchronization
import TSDB

/// Decides which thread evaluates a query. `etcdmon serve` runs Swift concurrency on NIO's event
/// loops, so a request is answered without a thread hop (see `docs/architecture.md`); but a query
/// evaluated there holds an event loop that also carries other connections and scrapes. So a query
/// first runs in place with a short time slice; one that exhausts it runs again on the blocking
/// thread pool, and its shape is remembered, so the next time (dashboards repeat their queries) it
/// goes to the pool at once. Most queries finish within the slice and never pay for a hop.
///
/// The slice is checked between selectors and steps, not inside one selector's load, which takes
/// every series it matches at once; so while the head is larger than `largestHeadInPlace` a query
/// goes to the pool until it has been seen to be cheap there (a select of a few series: the hop
/// to the pool and back would be most of its time), and the series and label lookups (`read`)
/// always do.
///
/// The pool is the queries' own (`queryPool`): its threads run at a lower priority than the scrape
/// loops' and the server's event loops, so on a busy machine a scrape preempts a long query rather
/// than queueing behind it for the scheduler's time slices (a target must not look slow or down
/// because a dashboard is open). After a long query on the pool the heap's free pages go back to
/// the system (`releaseMemoryAfter`), so the memory a burst of range queries took does not stay.
package final class QueryPlacement: Sendable {
    /// How long a query may run in place before it is moved to the pool.
    let slice: Duration
    private let pool: NIOThreadPool
    /// The head whose size decides whether anything runs in place.
    private let head: Head
    /// Shapes (the query text, plus the range's width and step) that exhausted their slice.
    private let expensive = Mutex<Set<String>>([])
    /// Shapes that ran on the pool within a tenth of the slice while the head was large.
    private let cheap = Mutex<Set<String>>([])
    /// Shapes remembered before the set starts over: bounds memory against clients that never
    /// repeat a query (forgetting only costs one more slice for each).
    static let capacity = 4_096
    /// Head series beyond which no query runs in place: taking the head's snapshot costs about
    /// 20–40 ns per series, so this bounds it to one or two milliseconds.
    static let largestHeadInPlace = 50_000
    /// The part of the slice a query may take on the pool and still be remembered as cheap.
    static let cheapShare = 10

    /// Threads for queries and storage reads, one per core, started on first use and kept for the
    /// process's life.
    package static let queryPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()
    /// The nice value of `queryPool`'s threads: 10 gives a scrape thread about nine tenths of a core
    /// it shares with a query (Linux's weights 1024 against 110), and a query alone still all of it.
    static let queryNiceness: Int32 = 10
    /// A query on the pool at least this long gives free memory back afterwards…
    static let releaseMemoryAfter: Duration = .milliseconds(100)
    /// …unless memory was given back less than this long ago (`malloc_trim` walks the whole heap).
    static let releaseMemoryAtMostEvery: Duration = .seconds(5)

    init(slice: Duration, head: Head, pool: NIOThreadPool = QueryPlacement.queryPool) {
        self.slice = slice
        self.head = head
        self.pool = pool
    }

    /// Whether the head is small enough for its snapshot to be taken in place.
    private var headIsSmall: Bool { head.seriesCount <= Self.largestHeadInPlace }

    /// The value of `evaluate` under `engine`: in place if the head is small, `shape` is not known to
    /// be expensive and it finishes within the slice; otherwise on the pool.
    func run(
        _ shape: String, engine: Engine, _ evaluate: @escaping @Sendable (Engine) throws(EvaluationError) -> QueryValue
    ) async throws(EvaluationError) -> QueryValue {
        let headIsSmall = headIsSmall
        if headIsSmall ? !expensive.withLock({ $0.contains(shape) }) : cheap.withLock({ $0.contains(shape) }) {
            var sliced = engine
            sliced.slice = .now + slice
            do {
                return try evaluate(sliced)
            } catch where error.kind == .sliceExhausted {
                Counter(label: "etcdmon_query_slices_exhausted_total").increment()
                _ = cheap.withLock { $0.remove(shape) }
                Self.remember(shape, in: expensive)
            }
        }
        // Timed where it runs: the wait for a pool thread (busy with another query, or woken late on a
        // loaded machine) says nothing about what evaluating the query in place would cost.
        let (value, took) = try await onPool { () throws(EvaluationError) in
            let started = ContinuousClock.now
            let value = try evaluate(engine)
            return (value, ContinuousClock.now - started)
        } unavailable: { error in
            EvaluationError(.execution, "query not evaluated: the query thread pool is shut down (\(error))")
        }
        if !headIsSmall, took < slice / Self.cheapShare { Self.remember(shape, in: cheap) }
        return value
    }

    /// Adds `shape` to `shapes`, starting the set over once it holds `capacity`.
    private static func remember(_ shape: String, in shapes: borrowing Mutex<Set<String>>) {
        shapes.withLock { known in
            if known.count >= capacity { known.removeAll(keepingCapacity: true) }
            known.insert(shape)
        }
    }

    /// The result of `work`, storage reads whose cost grows with the head (series and label lookups,
    /// head statistics): in place while the head holds at most `largestHeadInPlace` series, on the
    /// pool beyond (and always with a zero slice).
    func read<Value: Sendable>(_ work: @escaping @Sendable () throws(APIError) -> Value) async throws(APIError) -> Value {
        if headIsSmall, slice > .zero { return try work() }
        return try await onPool(work) { error in APIError(.internal, "not read: the query thread pool is shut down (\(error))") }
    }

    /// `work` on the pool; `unavailable` makes the error for a pool that has shut down.
    private func onPool<Value: Sendable, Failure: Error>(
        _ work: @escaping @Sendable () throws(Failure) -> Value, unavailable: (any Error) -> Failure
    ) async throws(Failure) -> Value {
        let outcome: Result<Value, Failure>
        do {
            outcome = try await pool.runIfActive { () -> Result<Value, Failure> in
                Self.asQueryThread { () -> Result<Value, Failure> in
                    do throws(Failure) { return .success(try work()) } catch { return .failure(error) }
                }
            }
        } catch {
            throw unavailable(error)
        }
        return try outcome.get()
    }

    /// Runs `work` on the query pool at its lower priority (rule evaluations, which are queries too).
    package static func onQueryPool(_ work: @escaping @Sendable () -> Void) async {
        _ = try? await queryPool.runIfActive { asQueryThread(work) }
    }

    /// `work` as the query pool runs it: at the pool's lower priority, and followed by a heap trim
    /// when it ran long (and so probably allocated much).
    private static func asQueryThread<Result>(_ work: () -> Result) -> Result {
        _ = etcdmon_lower_thread_priority_once(queryNiceness)
        let started = ContinuousClock.now
        // The trim runs as a work item of its own, after this one has answered: inline, it held back
        // the answer of the query that triggered it (up to seconds, walking a large heap).
        defer { if ContinuousClock.now - started >= releaseMemoryAfter { queryPool.submit { _ in memoryRelease.releaseIfDue() } } }
        return work()
    }

    /// Spaces the trims of every query and rule evaluation: `malloc_trim` is process-wide.
    private static let memoryRelease = MemoryRelease()

    /// `malloc_trim` at most once per `releaseMemoryAtMostEvery` (it walks the whole heap).
    final class MemoryRelease: Sendable {
        private let last = Mutex<ContinuousClock.Instant?>(nil)

        func releaseIfDue() {
            let now = ContinuousClock.now
            let due = last.withLock { last in
                guard last.map({ now - $0 >= QueryPlacement.releaseMemoryAtMostEvery }) ?? true else { return false }
                last = now
                return true
            }
            guard due else { return }
            let started = ContinuousClock.now
            _ = etcdmon_release_free_memory()
            Counter(label: "etcdmon_query_memory_releases_total").increment()
            Timer(label: "etcdmon_query_memory_release_duration_seconds").recordSeconds((ContinuousClock.now - started).totalSeconds)
        }
    }
}

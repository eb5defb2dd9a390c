/// Only one cluster at a time may hold the reference addresses (127.0.10.1/.2 with fixed ports),
/// while test suites run in parallel: `LocalCluster` takes this lock for clusters started
/// without `--hosts` and releases it when they stop.
public actor ReferenceLayoutLock {
    /// The one lock of the test process.
    public static let shared = ReferenceLayoutLock()

    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits until the addresses are free, then holds them.
    public func acquire() async {
        guard held else {
            held = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees the addresses for the next waiter.
    public func release() {
        if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
    }
}

extension ReferenceLayoutLock {
    /// Runs `body` holding the lock without a reference cluster: for suites that load two cores
    /// enough (several clusters, Prometheus, etcdmons at once) to starve the timing-sensitive suites
    /// that hold it for the reference layout.
    public nonisolated func holding<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }
}

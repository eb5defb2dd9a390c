import Crypto
import NIOPosix
import Synchronization

/// Checks basic-auth passwords against bcrypt hashes as exporter-toolkit does: one bcrypt at a time
/// (each costs tens of milliseconds of CPU), and the outcome remembered for the user, hash and
/// password, so a dashboard's many requests cost one bcrypt, not one each. The checks run on a
/// thread of their own, not on the event loops nor on the pool that runs queries and compaction, and
/// at most `maximumWaiting` wait for it: a flood of wrong passwords is answered "busy" instead of
/// queueing minutes of CPU. The cache keys are SHA-256 digests: no password is kept in memory after
/// its request.
package final class PasswordChecker: Sendable {
    /// What a check says.
    package enum Outcome: Sendable {
        case accepted, refused
        /// Too many checks are waiting: try again later.
        case busy
    }

    /// How many outcomes are remembered; a tenth go at random when it is full.
    package static let capacity = 100
    /// How many uncached checks may wait for the bcrypt thread.
    package static let maximumWaiting = 64

    /// A bcrypt hash of "fakepassword", checked for unknown users so that a request takes as long
    /// whether the user exists or not.
    static let decoyHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi"

    private let outcomes = Mutex<[SHA256Digest: Bool]>([:])
    private let waiting = Atomic<Int>(0)
    /// One thread: bcrypt runs one at a time, as exporter-toolkit serializes it.
    private let thread: NIOThreadPool

    package init() {
        thread = NIOThreadPool(numberOfThreads: 1)
        thread.start()
    }

    deinit {
        thread.shutdownGracefully { _ in }
    }

    /// Whether `password` is `user`'s, given the users and their hashes.
    package func check(user: String, password: String, users: [String: String]) async -> Outcome {
        let known = users[user]
        let hash = known ?? Self.decoyHash
        var hasher = SHA256()
        for part in [user, hash, password] {
            hasher.update(data: Array(part.utf8))
            hasher.update(data: [0])
        }
        let key = hasher.finalize()
        if let outcome = outcomes.withLock({ $0[key] }) { return outcome && known != nil ? .accepted : .refused }
        guard waiting.add(1, ordering: .relaxed).newValue <= Self.maximumWaiting else {
            waiting.subtract(1, ordering: .relaxed)
            return .busy
        }
        let matches = (try? await thread.runIfActive { Bcrypt.matches(password: password, hash: hash) }) ?? false
        waiting.subtract(1, ordering: .relaxed)
        let outcome = matches && known != nil
        outcomes.withLock { cache in
            if cache.count >= Self.capacity {
                for _ in 0..<max(cache.count / 10, 1) {
                    if let victim = cache.keys.randomElement() { cache.removeValue(forKey: victim) }
                }
            }
            cache[key] = outcome
        }
        return outcome ? .accepted : .refused
    }

    /// How many outcomes are remembered now.
    package var cachedCount: Int { outcomes.withLock { $0.count } }
}

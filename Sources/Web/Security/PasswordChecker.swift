import Crypto
import NIOPosix
import Synchronization

/// Checks basic-auth passwords against bcrypt hashes as exporter-toolkit does: one bcrypt at a time
/// (each costs tens of milliseconds of CPU), off the event loops, and the outcome remembered for
/// the user, hash and password, so a dashboard's many requests cost one bcrypt, not one each. The
/// cache keys are SHA-256 digests: no password is kept in memory after its request.
package final class PasswordChecker: Sendable {
    /// How many outcomes are remembered; a tenth go at random when it is full.
    package static let capacity = 100

    /// A bcrypt hash of "fakepassword", checked for unknown users so that a request takes as long
    /// whether the user exists or not.
    static let decoyHash = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi"

    private let outcomes = Mutex<[SHA256Digest: Bool]>([:])
    /// Serializes bcrypt runs.
    private let bcrypt = Mutex<Void>(())

    package init() {}

    /// Whether `password` is `user`'s, given the users and their hashes.
    package func check(user: String, password: String, users: [String: String]) async -> Bool {
        let known = users[user]
        let hash = known ?? Self.decoyHash
        var hasher = SHA256()
        for part in [user, hash, password] {
            hasher.update(data: Array(part.utf8))
            hasher.update(data: [0])
        }
        let key = hasher.finalize()
        if let outcome = outcomes.withLock({ $0[key] }) { return outcome && known != nil }
        let matches = (try? await NIOThreadPool.singleton.runIfActive { [self] in
            self.bcrypt.withLock { _ in Bcrypt.matches(password: password, hash: hash) }
        }) ?? false
        let outcome = matches && known != nil
        outcomes.withLock { cache in
            if cache.count >= Self.capacity {
                for _ in 0..<max(cache.count / 10, 1) {
                    if let victim = cache.keys.randomElement() { cache.removeValue(forKey: victim) }
                }
            }
            cache[key] = outcome
        }
        return outcome
    }

    /// How many outcomes are remembered now.
    package var cachedCount: Int { outcomes.withLock { $0.count } }
}

import Config
import NIOCore
import Synchronization

/// `rate_limit`'s token bucket: `burst` requests at once, one more each interval (Go's
/// `rate.Limiter` with `rate.Every(interval)`, which exporter-toolkit uses).
package final class RateLimiter: Sendable {
    private let state = Mutex<(tokens: Double, updated: NIODeadline, limit: WebRateLimit?)>((0, .now(), nil))

    package init() {}

    /// Takes a token under `limit` (`nil`: no limit); false when none is left.
    package func allow(_ limit: WebRateLimit?) -> Bool {
        guard let limit else { return true }
        let now = NIODeadline.now()
        return state.withLock { bucket in
            if bucket.limit != limit {
                // A new limit (at start or after the file changed) starts with a full bucket.
                bucket = (Double(limit.burst), now, limit)
            }
            let elapsed = Double((now - bucket.updated).nanoseconds) / 1e6
            bucket.tokens = min(Double(limit.burst), bucket.tokens + elapsed / Double(limit.intervalMilliseconds))
            bucket.updated = now
            guard bucket.tokens >= 1 else { return false }
            bucket.tokens -= 1
            return true
        }
    }
}

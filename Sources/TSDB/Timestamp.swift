#if canImport(Glibc)
import Glibc
#endif

/// Milliseconds since the Unix epoch, the time unit of every sample.
public enum Timestamp {
    /// The current wall-clock time in milliseconds.
    public static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}

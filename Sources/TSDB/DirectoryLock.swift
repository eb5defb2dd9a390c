import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on `DIR/lock`, as Prometheus takes it: a second process on the same data
/// directory fails to open it instead of corrupting it. The lock dies with the process.
public final class DirectoryLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// Takes the lock or throws `.locked` naming the holder's PID when it recorded one.
    public init(directory: String) throws(TSDBError) {
        path = directory + "/lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TSDBError.system(path: path, operation: "open lock file", errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            let holder = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
            Glibc.close(descriptor)
            throw TSDBError.locked(path: path, reason: "the data directory is in use by another process" + (holder.isEmpty ? "" : " (pid \(holder))"))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        Glibc.close(descriptor)
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// A storage failure, always naming the file and saying what was wrong with it.
public enum TSDBError: Error, Sendable, CustomStringConvertible {
    /// A system call failed (disk full, permissions, missing file).
    case system(path: String, operation: String, errno: Int32)
    /// A file's contents are not what the format says (bad magic, checksum, truncation).
    case corrupt(path: String, reason: String)
    /// The directory or file is of a format or version etcdmon does not read.
    case unsupported(path: String, reason: String)
    /// Another process holds the data directory.
    case locked(path: String, reason: String)
    /// A file operation failed for a reason reported by Foundation.
    case io(path: String, reason: String)
    /// A caller's request that cannot be carried out (bad range, unknown series).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .system(path, operation, code):
            "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        case let .corrupt(path, reason): "\(path): corrupt: \(reason)"
        case let .unsupported(path, reason): "\(path): unsupported: \(reason)"
        case let .locked(path, reason): "\(path): \(reason)"
        case let .io(path, reason): "\(path): \(reason)"
        case let .invalidArgument(reason): reason
        }
    }

    /// Whether the failure was the disk running out of space.
    public var isDiskFull: Bool {
        if case let .system(_, _, code) = self { return code == ENOSPC || code == EDQUOT }
        return false
    }

    /// Runs Foundation code that throws untyped errors, reporting them against `path`.
    static func wrap<T>(path: String, _ body: () throws -> T) throws(TSDBError) -> T {
        do {
            return try body()
        } catch let error as TSDBError {
            throw error
        } catch {
            throw TSDBError.io(path: path, reason: "\(error)")
        }
    }
}

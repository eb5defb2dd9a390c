import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files so that a crash leaves either the old state or the new one: write, fsync the
/// file, and (for renames) fsync the directory.
package enum DurableFile {
    /// Writes `bytes` to `path` and fsyncs it.
    package static func write(_ bytes: [UInt8], to path: String) throws(TSDBError) {
        try write(bytes, to: path, mode: O_TRUNC, sync: true)
    }

    /// Replaces the file at `path` with `bytes` atomically: written beside it, then renamed over it.
    /// The old file's inode is left as it was, so a hard link to it (a snapshot's) keeps the old bytes.
    static func replace(_ bytes: [UInt8], at path: String) throws(TSDBError) {
        let temporary = path + ".tmp"
        try write(bytes, to: temporary)
        try rename(temporary, to: path)
    }

    /// Appends `bytes` to `path` (created if missing), fsyncing it with `sync`.
    static func append(_ bytes: [UInt8], to path: String, sync: Bool) throws(TSDBError) {
        try write(bytes, to: path, mode: O_APPEND, sync: sync)
    }

    private static func write(_ bytes: [UInt8], to path: String, mode: Int32, sync: Bool) throws(TSDBError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | mode, 0o644)
        guard descriptor >= 0 else { throw TSDBError.system(path: path, operation: "create", errno: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw TSDBError.system(path: path, operation: "write", errno: errno)
            }
            written += result
        }
        guard !sync || fsync(descriptor) == 0 else { throw TSDBError.system(path: path, operation: "fsync", errno: errno) }
    }

    /// fsyncs a directory so that entries created or renamed in it survive a crash.
    static func syncDirectory(_ path: String) throws(TSDBError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TSDBError.system(path: path, operation: "open directory", errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw TSDBError.system(path: path, operation: "fsync directory", errno: errno) }
    }

    /// Renames `source` to `destination` atomically and makes the rename durable.
    package static func rename(_ source: String, to destination: String) throws(TSDBError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw TSDBError.system(path: source, operation: "rename to \(destination)", errno: errno)
        }
        try syncDirectory((destination as NSString).deletingLastPathComponent)
    }
}

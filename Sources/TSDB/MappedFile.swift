#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory for the lifetime of the object.
///
/// `@unchecked Sendable` is sound here: the mapping is created once, never written through, and
/// unmapped only in `deinit`, when no other reference can exist.
public final class MappedFile: @unchecked Sendable {
    /// The file's path, for error messages.
    public let path: String
    /// The mapped bytes.
    public let bytes: UnsafeRawBufferPointer

    /// Maps the whole file at `path`.
    public init(path: String) throws(TSDBError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TSDBError.system(path: path, operation: "open", errno: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw TSDBError.system(path: path, operation: "stat", errno: errno) }
        let size = Int(info.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0), address != MAP_FAILED else {
            throw TSDBError.system(path: path, operation: "mmap", errno: errno)
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}

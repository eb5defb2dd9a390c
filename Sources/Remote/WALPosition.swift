import Foundation
import TSDB

/// Where a remote-write queue is in the WAL: the next record to send is at byte `offset` of
/// segment `segment`. Kept in a file, written whole and renamed, so a crash leaves the old or the
/// new position, never a torn one.
package struct WALPosition: Codable, Sendable, Equatable, Comparable {
    package var segment: Int
    package var offset: Int

    package init(segment: Int, offset: Int) { (self.segment, self.offset) = (segment, offset) }

    package static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { (lhs.segment, lhs.offset) < (rhs.segment, rhs.offset) }

    /// The position kept in `file`, or nil when there is none (a new queue) or it cannot be read.
    package static func load(_ file: String) -> WALPosition? {
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        return try? JSONDecoder().decode(WALPosition.self, from: data)
    }

    /// Writes the position durably: a temporary file, fsync, rename, fsync of the directory.
    package func save(_ file: String) throws(TSDBError) {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        try DurableFile.write(Array(data), to: file + ".tmp")
        try DurableFile.rename(file + ".tmp", to: file)
    }
}

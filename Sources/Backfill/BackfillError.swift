import Exposition
import TSDB

/// Why a backfill stopped.
public enum BackfillError: Error, CustomStringConvertible {
    /// The input could not be read.
    case input(path: String, reason: String)
    /// A malformed line or rejected sample under `--strict`.
    case strict(path: String, line: Int, reason: String)
    /// Writing a block failed.
    case storage(TSDBError)

    public var description: String {
        switch self {
        case let .input(path, reason): "\(path): \(reason)"
        case let .strict(path, line, reason): "\(path):\(line): \(reason)"
        case let .storage(error): error.description
        }
    }
}

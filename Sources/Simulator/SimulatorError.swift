/// Why a simulation could not start.
public enum SimulatorError: Error, Sendable, CustomStringConvertible {
    /// The capture used as the metrics template could not be read or parsed.
    case invalidCapture(source: String, reason: String)
    /// A listener could not be opened.
    case bindFailed(address: String, reason: String)
    /// The targets file could not be written.
    case targetsFileNotWritten(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidCapture(let source, let reason): "metrics capture \(source): \(reason)"
        case .bindFailed(let address, let reason): "cannot listen on \(address): \(reason)"
        case .targetsFileNotWritten(let path, let reason): "cannot write targets file \(path): \(reason)"
        }
    }
}

import Foundation

/// Locates the repository and the shared fixtures (`../shared` beside the repository).
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, or `$ETCDMON_SHARED` when set.
    public static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["ETCDMON_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// A file under `../shared`, e.g. `fixtures/etcd/v3.5.1/health.body`.
    public static func url(_ relativePath: String) -> URL {
        shared.appendingPathComponent(relativePath)
    }

    /// The bytes of a file under `../shared`.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }

    /// The text of a file under `../shared`.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// The etcd versions captured under `fixtures/etcd/`.
    public static let etcdVersions = ["v3.4.23", "v3.5.1"]
}

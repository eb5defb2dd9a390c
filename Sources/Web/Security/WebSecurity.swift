import Config
import Foundation
import Logging
import Synchronization

/// The `--web.config.file` in force. Like exporter-toolkit, it re-reads the file (and the
/// certificates it names) for each new connection and each request, so certificates can rotate and
/// users change without a restart; unlike it, a file that turns bad is refused with its reason
/// logged and the last good one stays in force, instead of failing every request. A change is
/// noticed by the files' modification times, sizes and inodes, so an unchanged file costs a few
/// `stat` calls, not a parse.
package final class WebSecurity: Sendable {
    /// The configuration and the TLS context made from it.
    package struct Snapshot: Sendable {
        package let config: WebConfig
        package let tls: ServerTLS?
    }

    package let file: String
    /// Whether the server speaks TLS: fixed at start, as the listener is.
    package let servesTLS: Bool
    package let passwords = PasswordChecker()
    private let logger: Logger
    private let state: Mutex<(snapshot: Snapshot, signature: [FileSignature], refused: [FileSignature]?)>

    /// Reads and checks `file` and loads its certificates.
    package init(file: String, logger: Logger) throws(ConfigError) {
        self.file = file
        self.logger = logger
        let (snapshot, signature) = try Self.load(file)
        servesTLS = snapshot.tls != nil
        state = Mutex((snapshot, signature, nil))
    }

    /// What is in force, re-read first if a file changed.
    package func current() -> Snapshot {
        let (snapshot, signature, refused) = state.withLock { ($0.snapshot, $0.signature, $0.refused) }
        let now = Self.signature(of: snapshot.config, file: file)
        guard now != signature, now != refused else { return snapshot }
        do {
            return try refresh()
        } catch {
            // Logged once per bad version of the files, not once per request.
            state.withLock { $0.refused = now }
            logger.error("web config file refused; keeping the one in force", metadata: ["error": "\(error)"])
            return snapshot
        }
    }

    /// Re-reads the files now (for `/-/reload` and SIGHUP); throws, keeping what is in force, when
    /// they are bad.
    @discardableResult
    package func refresh() throws(ConfigError) -> Snapshot {
        let (snapshot, signature) = try Self.load(file)
        if (snapshot.tls != nil) != servesTLS {
            throw ConfigError(file: file, reason: servesTLS
                ? "tls_server_config is gone, but the server was started with TLS; restart to serve plain HTTP"
                : "tls_server_config was added, but the server was started without TLS; restart to serve HTTPS")
        }
        state.withLock { $0 = (snapshot, signature, nil) }
        return snapshot
    }

    /// Reads, checks and loads `file` as a server would (for `etcdmon web check` too).
    package static func load(_ file: String) throws(ConfigError) -> (Snapshot, [FileSignature]) {
        // The signature is taken first: a file changed while it is read is read again next time.
        let before = signature(ofConfigFile: file)
        let config = try WebConfig.load(file: file)
        let tls = try config.tls.map { (tls) throws(ConfigError) in try ServerTLS(tls) }
        return (Snapshot(config: config, tls: tls), before + signature(ofFilesOf: config))
    }

    private static func signature(of config: WebConfig, file: String) -> [FileSignature] {
        signature(ofConfigFile: file) + signature(ofFilesOf: config)
    }

    private static func signature(ofConfigFile file: String) -> [FileSignature] { [FileSignature(file)] }

    private static func signature(ofFilesOf config: WebConfig) -> [FileSignature] {
        [config.tls?.certFile, config.tls?.keyFile, config.tls?.clientCAFile].compactMap { $0 }.map(FileSignature.init)
    }
}

/// What tells that a file changed: device, inode, size and modification time (`nil` fields when it
/// cannot be read).
package struct FileSignature: Equatable, Sendable {
    var device: UInt64 = 0
    var inode: UInt64 = 0
    var size: Int64 = -1
    var modified: Int64 = 0

    init(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}

extension WebSecurity {
    /// A bcrypt hash of `password` for `basic_auth_users`.
    package static func hashPassword(_ password: String, cost: Int) -> String? {
        Bcrypt.hash(password: password, cost: cost)
    }
}

import Config
import CoreMetrics
import Foundation
import Logging
import Synchronization

/// The `--web.config.file` in force. Like exporter-toolkit, it re-reads the file (and the
/// certificates it names) for each new connection and each request, so certificates can rotate and
/// users change without a restart; unlike it, a file that turns bad is refused with its reason
/// logged and the last good one stays in force, instead of failing every request (so a typo does
/// not lock everyone out, but a user removed in the same edit stays until the file is fixed:
/// `etcdmon_web_config_last_reload_successful` says when that is the case). A change is noticed by
/// the files' modification times, sizes and inodes, so an unchanged file costs a few `stat` calls,
/// not a parse; one caller re-reads it while the others go on with the version in force.
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
    private let state: Mutex<State>
    private let reloadSuccessful = Gauge(label: "etcdmon_web_config_last_reload_successful")

    private struct State {
        var snapshot: Snapshot
        /// The files as they were when the snapshot was read.
        var signature: [FileSignature]
        /// The files as they were when last refused: not read again until they change again.
        var refused: [FileSignature]?
        /// Whether a caller is re-reading them now.
        var reloading = false
    }

    /// Reads and checks `file` and loads its certificates.
    package init(file: String, logger: Logger) throws(ConfigError) {
        self.file = file
        self.logger = logger
        let (snapshot, signature) = try Self.load(file)
        servesTLS = snapshot.tls != nil
        state = Mutex(State(snapshot: snapshot, signature: signature))
        reloadSuccessful.record(1)
    }

    /// What is in force, re-read first if a file changed.
    package func current() -> Snapshot {
        let known = state.withLock { $0 }
        guard !known.reloading else { return known.snapshot }
        let now = [FileSignature(file)] + Self.signatures(ofFilesOf: known.snapshot.config)
        guard now != known.signature, now != known.refused else { return known.snapshot }
        let mine = state.withLock { state in
            defer { state.reloading = true }
            return !state.reloading
        }
        guard mine else { return known.snapshot }
        defer { state.withLock { $0.reloading = false } }
        do {
            return try refresh()
        } catch {
            // Logged once per bad version of the files, not once per request.
            state.withLock { $0.refused = now }
            logger.error("web config file refused; keeping the one in force", metadata: ["error": "\(error)"])
            return known.snapshot
        }
    }

    /// Re-reads the files now (for `/-/reload` and SIGHUP); throws, keeping what is in force, when
    /// they are bad.
    @discardableResult
    package func refresh() throws(ConfigError) -> Snapshot {
        do throws(ConfigError) {
            let (snapshot, signature) = try Self.load(file)
            if (snapshot.tls != nil) != servesTLS {
                throw ConfigError(file: file, reason: servesTLS
                    ? "tls_server_config is gone, but the server was started with TLS; restart to serve plain HTTP"
                    : "tls_server_config was added, but the server was started without TLS; restart to serve HTTPS")
            }
            state.withLock { state in
                state.snapshot = snapshot
                state.signature = signature
                state.refused = nil
            }
            reloadSuccessful.record(1)
            return snapshot
        } catch {
            reloadSuccessful.record(0)
            throw error
        }
    }

    /// Reads, checks and loads `file` as a server would (for `etcdmon web check` too).
    package static func load(_ file: String) throws(ConfigError) -> (Snapshot, [FileSignature]) {
        // Each file's signature is taken before it is read: one that changes while it is read (a
        // certificate rotated meanwhile) is read again next time, never missed.
        let configSignature = FileSignature(file)
        let config = try WebConfig.load(file: file)
        let signature = [configSignature] + signatures(ofFilesOf: config)
        let tls = try config.tls.map { (tls) throws(ConfigError) in try ServerTLS(tls) }
        return (Snapshot(config: config, tls: tls), signature)
    }

    /// The signatures of the certificate and key files `config` names.
    private static func signatures(ofFilesOf config: WebConfig) -> [FileSignature] {
        [config.tls?.certFile, config.tls?.keyFile, config.tls?.clientCAFile].compactMap { $0 }.map(FileSignature.init)
    }
}

/// What tells that a file changed: device, inode, size and modification time (all zero, size -1,
/// when it cannot be read).
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

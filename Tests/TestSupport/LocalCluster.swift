import Foundation

/// A real etcd cluster started by `scripts/cluster.sh` in a fresh temporary directory.
public struct LocalCluster: Sendable {
    /// One member: its name, client URL and process ID.
    public struct Member: Sendable {
        /// `etcd1` … `etcd5`.
        public var name: String
        /// The client URL.
        public var endpoint: String
        /// The etcd process.
        public var pid: Int32
    }

    /// Where data, logs and PID files live.
    public let directory: String
    /// The members, in layout order.
    public let members: [Member]
    /// `3.4` or `3.5`.
    public let version: String
    /// Whether it holds `ReferenceLayoutLock` until `stop()`.
    let holdsReferenceAddresses: Bool
    /// The options it was started with (`resume` gives them again).
    let options: [String]

    /// Starts a cluster; `options` are passed to `cluster.sh start` (`--tls DIR`, `--hosts A,B`, `--members N`).
    public static func start(version: String, options: [String] = []) async throws -> LocalCluster {
        let usesReferenceAddresses = !options.contains("--hosts")
        if usesReferenceAddresses { await ReferenceLayoutLock.shared.acquire() }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("etcdmon-test-\(UUID().uuidString.prefix(8))").path
        let result: CommandResult
        do {
            result = try await Command.script("cluster.sh", ["start", directory, "--version", version] + options)
            guard result.exitCode == 0 else { throw CommandError(message: "cluster.sh start failed: \(result)") }
        } catch {
            // Never leave members behind holding the fixed reference addresses.
            _ = try? await Command.script("cluster.sh", ["stop", directory, "--purge"])
            if usesReferenceAddresses { await ReferenceLayoutLock.shared.release() }
            throw error
        }
        let members = result.standardOutput.split(separator: "\n").compactMap { line -> Member? in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let pid = Int32(fields[1].dropFirst(4)) else { return nil }
            return Member(name: String(fields[0]), endpoint: String(fields[2].dropFirst(7)), pid: pid)
        }
        return LocalCluster(directory: directory, members: members, version: version, holdsReferenceAddresses: usesReferenceAddresses,
                            options: options)
    }

    /// All client URLs, comma-separated, as `--endpoints` takes them.
    public var endpoints: String { members.map(\.endpoint).joined(separator: ",") }

    /// The member with this name.
    public func member(_ name: String) -> Member { members.first { $0.name == name }! }

    /// The member whose client URL this is.
    public func member(endpoint: String) -> Member? { members.first { $0.endpoint == endpoint } }

    /// Restarts the members that were killed, on their data, and waits until all are healthy.
    public func resume() async throws {
        let result = try await Command.script("cluster.sh", ["start", directory, "--version", version, "--resume"] + options)
        guard result.exitCode == 0 else { throw CommandError(message: "cluster.sh start --resume failed: \(result)") }
    }

    /// Sends a signal (`SIGSTOP`, `SIGCONT`, `SIGKILL`) to a member.
    public func signal(_ name: String, _ signal: Int32) {
        kill(member(name).pid, signal)
    }

    /// The leader according to etcd itself (`etcdctl endpoint status`), independent of etcdmon.
    public func leaderByEtcdctl() async throws -> String {
        let etcdctl = try await Command.script("etcd-bin.sh", [version, "etcdctl"]).standardOutput
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try await Command.run(
            etcdctl, ["--endpoints", endpoints, "endpoint", "status", "-w", "json"],
            environment: ["ETCDCTL_API": "3"])
        guard let entries = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]] else {
            throw CommandError(message: "etcdctl endpoint status: \(result)")
        }
        for entry in entries {
            guard let status = entry["Status"] as? [String: Any],
                  let header = status["header"] as? [String: Any],
                  let memberID = header["member_id"] as? NSNumber, let leader = status["leader"] as? NSNumber,
                  memberID.uint64Value == leader.uint64Value,
                  let endpoint = entry["Endpoint"] as? String, let member = member(endpoint: endpoint)
            else { continue }
            return member.name
        }
        throw CommandError(message: "etcdctl names no leader: \(result.standardOutput)")
    }

    /// Starts a cluster, runs `body` on it and stops it, whether `body` returns or throws.
    public static func with(version: String, options: [String] = [], _ body: (LocalCluster) async throws -> Void) async throws {
        let cluster = try await start(version: version, options: options)
        do {
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    /// Stops every member and removes the directory.
    public func stop() async {
        _ = try? await Command.script("cluster.sh", ["stop", directory, "--purge"])
        if holdsReferenceAddresses { await ReferenceLayoutLock.shared.release() }
    }
}

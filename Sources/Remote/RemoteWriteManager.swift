import Config
import EtcdmonModel
import Logging
import Synchronization
import TSDB

/// The `remote_write` queues of a configuration: started, and on reload stopped and started again
/// where their entry changed (a queue keeps its WAL position across both, by name).
package final class RemoteWriteManager: Sendable {
    private struct Running {
        var queue: RemoteWriteQueue
        var task: Task<Void, Never>
        /// What identifies the entry; a change restarts the queue.
        var signature: String
    }

    private let storage: Storage
    private let logger: Logger
    private let running = Mutex<[String: Running]>([:])

    package init(storage: Storage, logger: Logger) { (self.storage, self.logger) = (storage, logger) }

    /// Where a queue keeps its position.
    package static func directory(_ storage: Storage, name: String) -> String { storage.directory + "/remote-write/" + name }

    /// Starts, keeps or restarts a queue per entry; stops the others. Queues are created (and a new
    /// one's starting position taken) before this returns, so no sample committed after it is missed.
    package func apply(_ configs: [RemoteWriteConfig], externalLabels: Labels) async throws {
        var fresh: [String: (RemoteWriteConfig, String)] = [:]
        for config in configs {
            fresh[config.name] = (config, "\(config.url)|\(config.queue)|\(config.headers.map { "\($0.0)=\($0.1)" })|\(config.writeRelabelConfigs.count)|\(externalLabels)|\(config.remoteTimeout)")
        }
        var created: [String: RemoteWriteQueue] = [:]
        for (name, (config, signature)) in fresh where running.withLock({ $0[name]?.signature != signature }) {
            created[name] = try RemoteWriteQueue(config: config, storage: storage, directory: Self.directory(storage, name: name),
                                                 externalLabels: externalLabels, logger: logger)
        }
        let stale: [Running] = running.withLock { running in
            let gone = running.filter { fresh[$0.key] == nil || created[$0.key] != nil }
            for name in gone.keys { running[name] = nil }
            return Array(gone.values)
        }
        for old in stale {
            old.queue.stop()
            await old.task.value
            if fresh[old.queue.config.name] == nil { storage.retainWAL(old.queue.config.name, from: nil) }
        }
        for (name, queue) in created {
            try queue.prepare()
            let task = Task { await queue.run() }
            running.withLock { $0[name] = Running(queue: queue, task: task, signature: fresh[name]!.1) }
        }
    }

    /// Stops every queue after its request in flight.
    package func stop() async {
        let all = running.withLock { running in
            defer { running = [:] }
            return Array(running.values)
        }
        for one in all { one.queue.stop() }
        for one in all { await one.task.value }
    }
}

import CPlatform
import Config
import Notifier
import Notify
import Remote
import Rules
import Logging
import NIOPosix
import Scrape
import ServiceLifecycle
import Synchronization
import TSDB
import UnixSignals

/// Runs the scrape manager for the life of the service group; on graceful shutdown, scrapes in
/// flight finish before it returns.
struct ScrapeService: Service {
    let manager: ScrapeManager
    let configuration: Configuration

    func run() async throws {
        try await manager.apply(configuration)
        try? await gracefulShutdown()
        await manager.shutdown()
    }
}

/// Evaluates rules and delivers their alerts for the life of the service group.
struct RuleService: Service {
    let manager: RuleManager
    let groups: [RuleGroup]
    let sender: AlertmanagerSender

    func run() async throws {
        manager.update(groups: groups)
        let delivery = Task { await sender.run() }
        try? await gracefulShutdown()
        manager.stop()
        await sender.shutdown()
        delivery.cancel()
    }
}

/// Reloads the configuration on SIGHUP (and through `/-/reload`, which calls `reload()`).
struct ReloadService: Service {
    let reload: @Sendable () async throws -> Void
    let logger: Logger

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                do { try await reload() } catch {
                    logger.error("reload failed; keeping the running configuration", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}

/// Cuts the head into blocks, merges blocks and applies retention at start (after the WAL is
/// replayed) and then every minute, as Prometheus does, on the blocking thread pool: compaction
/// takes seconds of CPU and file I/O, which must not hold an event loop (tasks run on them in
/// `serve`). Compacting at start matters for a server restarted more often than once a minute, whose
/// head would otherwise grow without ever being cut.
struct CompactionService: Service {
    let storage: Storage
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let started = ContinuousClock.now
                    let written = try await NIOThreadPool.singleton.runIfActive {
                        let written = try storage.compact()
                        // A compaction frees hundreds of megabytes (the merged series, the cut head
                        // range) that glibc's arenas would otherwise keep: give it back to the system.
                        if !written.isEmpty { _ = etcdmon_release_free_memory() }
                        return written
                    }
                    if !written.isEmpty {
                        logger.info("compacted", metadata: [
                            "blocks": "\(written.map(\.ulid))", "duration": "\(ContinuousClock.now - started)",
                        ])
                    }
                } catch {
                    logger.error("compaction failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
    }
}

/// Lets `POST /-/quit` stop the service group that runs the server answering it (the group is made
/// after the server, so it is handed over once it exists).
final class ShutdownTrigger: Sendable {
    private let state = Mutex<ServiceGroup?>(nil)

    var group: ServiceGroup? {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    /// Starts the group's graceful shutdown, as SIGTERM does.
    func trigger() {
        guard let group else { return }
        Task { await group.triggerGracefulShutdown() }
    }
}

/// The built-in Alertmanager (`--alertmanager.config.file`): receives the rules' alerts until
/// shutdown, then saves its silences and notification log.
struct AlertmanagerService: Service {
    let alertmanager: BuiltInAlertmanager

    func run() async throws {
        let receiving = Task { await alertmanager.run() }
        try? await gracefulShutdown()
        await alertmanager.shutdown()
        await receiving.value
    }
}

/// Stops the remote-write queues (started before the group, so no sample escapes them) at shutdown,
/// before the WAL closes.
struct RemoteWriteService: Service {
    let manager: RemoteWriteManager

    func run() async throws {
        try? await gracefulShutdown()
        await manager.stop()
    }
}

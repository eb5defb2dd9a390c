import ArgumentParser
import Config
import EtcdmonModel
import Foundation
import Logging
import Notifier
import Notify
import Remote
import Profiling
import PromQL
import Rules
import NIOCore
import NIOPosix
import Scrape
import ServiceLifecycle
import TSDB
import Web

/// `etcdmon serve`: scrapes and probes what the configuration names into the local store, and
/// serves Prometheus's HTTP API over it.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Scrape and probe etcd clusters into the local store and serve Prometheus's HTTP API.",
        discussion: """
            Flags take Prometheus's names. Without --config.file only the existing store is served.
            SIGHUP, or POST /-/reload with --web.enable-lifecycle, re-reads the configuration (a bad one is
            refused and the running one kept); POST /-/quit (also gated) stops the server as SIGTERM does.
            SIGTERM or SIGINT shut down cleanly: scrapes in flight finish, then the WAL is closed.
            """)

    @OptionGroup var data: DataDirectoryOptions
    @OptionGroup var tracing: TracingOptions

    @Option(name: .customLong("config.file"), help: "Configuration file (prometheus.yml keys plus an etcd: section).")
    var configFile: String?

    @Option(name: .customLong("web.listen-address"), help: "host:port to listen on.")
    var listenAddress = "127.0.0.1:9090"

    @Option(name: .customLong("query.timeout"), help: "Maximum time a query may take.")
    var queryTimeout = "2m"

    @Option(name: .customLong("query.max-samples"), help: "Maximum samples a query may load into memory.")
    var maxSamples = 50_000_000

    @Option(name: .customLong("query.max-concurrency"), help: "Maximum queries evaluated at once.")
    var maxConcurrency = 20

    @Option(name: .customLong("query.lookback-delta"), help: "How far back an instant selector looks for a sample.")
    var lookbackDelta = "5m"

    @Option(name: .customLong("query.in-place-slice"), help: "How long a query may run on the thread that received the request before it moves to the query thread pool (etcdmon only).")
    var inPlaceSlice = "5ms"

    @Option(name: .customLong("storage.tsdb.retention.time"), help: "How long to keep samples.")
    var retentionTime = "15d"

    @Option(name: .customLong("storage.tsdb.retention.size"), help: "Maximum bytes of storage (0: no limit).")
    var retentionSize: Int64 = 0

    @Option(name: .customLong("storage.tsdb.min-block-duration"),
            help: ArgumentHelp("How much of the head is cut into a block at a time (as Prometheus's hidden flag: for tests and benchmarks).",
                               visibility: .hidden))
    var minBlockDuration = "2h"

    @Option(name: .customLong("web.external-url"), help: """
        The URL under which etcdmon is reachable (behind a reverse proxy, say); its path, if any, \
        prefixes every route unless --web.route-prefix says otherwise. Default: http://HOST:PORT/ \
        from --web.listen-address.
        """)
    var externalURL: String?

    @Option(name: .customLong("web.route-prefix"), help: "Prefix of every route (default: the path of --web.external-url).")
    var routePrefix: String?

    @Option(name: .customLong("web.cors.origin"), help: "Regex for CORS origin; fully anchored, as Prometheus's (e.g. 'https?://(domain1|domain2)\\.com').")
    var corsOrigin = ".*"

    @Flag(name: .customLong("web.enable-lifecycle"), help: "Enable shutdown and reload via HTTP request (POST /-/quit, /-/reload).")
    var enableLifecycle = false

    @Flag(name: .customLong("web.enable-remote-write-receiver"), help: "Accept remote-write requests (POST /api/v1/write) into the store.")
    var enableRemoteWriteReceiver = false

    @Flag(name: .customLong("web.enable-admin-api"), help: "Enable the admin endpoints (TSDB snapshot, delete_series, clean_tombstones).")
    var enableAdminAPI = false

    @Option(name: .customLong("web.config.file"), help: """
        Web configuration in the exporter-toolkit format (TLS, basic_auth_users with bcrypt hashes, \
        headers, rate_limit), as Prometheus's. Re-read on each connection; check one with `etcdmon web check`.
        """)
    var webConfigFile: String?

    @Option(name: .customLong("web.max-connections"), help: "Maximum simultaneous connections (0: no limit).")
    var maxConnections = 512

    @Option(name: .customLong("web.read-timeout"), help: "Maximum time a connection may take to deliver a request; idle connections close after it too.")
    var readTimeout = "5m"

    @Option(name: .customLong("rules.alert.for-outage-tolerance"), help: "Max time to tolerate an outage for restoring the 'for' state of alerts.")
    var forOutageTolerance = "1h"

    @Option(name: .customLong("rules.alert.for-grace-period"), help: "Minimum duration between an alert's restart and its firing (alerts with 'for' at least this long).")
    var forGracePeriod = "10m"

    @Option(name: .customLong("rules.alert.resend-delay"), help: "Minimum time to wait before resending an alert to Alertmanager.")
    var resendDelay = "1m"

    @Option(name: .customLong("alertmanager.notification-queue-capacity"), help: "The capacity of the queue of alerts waiting for Alertmanager.")
    var notificationQueueCapacity = 10_000

    @Option(name: .customLong("alertmanager.config.file"), help: """
        An alertmanager.yml (Alertmanager 0.25's format): etcdmon then notifies its receivers itself, and serves         Alertmanager's API v2 under /api/v2 for amtool. Reloaded with the rest of the configuration.
        """)
    var alertmanagerConfigFile: String?

    @Option(name: .customLong("log.level"), help: "debug, info, warn or error.")
    var logLevel = "info"

    @Option(name: .customLong("log.format"), help: "logfmt or json.")
    var logFormat = "logfmt"

    func validate() throws {
        guard StructuredLogHandler.Format(rawValue: logFormat) != nil else { throw ValidationError("--log.format must be logfmt or json") }
        guard ["debug", "info", "warn", "error"].contains(logLevel) else { throw ValidationError("--log.level must be debug, info, warn or error") }
        do { _ = try LabelPattern(corsOrigin) } catch { throw ValidationError("--web.cors.origin: \(error)") }
        if let externalURL {
            guard let url = URLComponents(string: externalURL), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
                throw ValidationError("--web.external-url must be an http or https URL with a host, got \(externalURL)")
            }
        }
    }

    func run() async throws {
        // Tasks run on NIO's event loops, where the HTTP server does its I/O: a request is answered
        // on the thread that read it, with no hop to Swift's cooperative pool and back (0.05–0.1 ms
        // per query). What may block or wait runs elsewhere: scrape loops on `ScrapeExecutor`;
        // compaction, and queries that outgrow their slice, on NIO's thread pool.
        let onEventLoops = EventLoopGlobalExecutor.install()
        let (host, port) = try Self.address(listenAddress)
        var limits = QueryLimits()
        var options = StorageOptions()
        do {
            limits.timeout = .milliseconds(try PrometheusDuration.milliseconds(queryTimeout))
            limits.lookbackDelta = try PrometheusDuration.milliseconds(lookbackDelta)
            limits.inPlaceSlice = .milliseconds(try PrometheusDuration.milliseconds(inPlaceSlice))
            options.retentionTime = try PrometheusDuration.milliseconds(retentionTime)
            options.blockRange = try PrometheusDuration.milliseconds(minBlockDuration)
        } catch {
            throw ValidationError("\(error)")
        }
        let readTimeoutMilliseconds: Int64
        do { readTimeoutMilliseconds = try PrometheusDuration.milliseconds(readTimeout) } catch {
            throw ValidationError("--web.read-timeout: \(error)")
        }
        guard readTimeoutMilliseconds > 0 else { throw ValidationError("--web.read-timeout must be more than 0") }
        guard maxConnections >= 0 else { throw ValidationError("--web.max-connections must be 0 or more") }
        guard options.blockRange > 0 else { throw ValidationError("--storage.tsdb.min-block-duration must be more than 0") }
        var ruleOptions = RuleOptions()
        do {
            ruleOptions.outageTolerance = try PrometheusDuration.milliseconds(forOutageTolerance)
            ruleOptions.gracePeriod = try PrometheusDuration.milliseconds(forGracePeriod)
            ruleOptions.resendDelay = try PrometheusDuration.milliseconds(resendDelay)
        } catch {
            throw ValidationError("--rules.alert.*: \(error)")
        }
        guard notificationQueueCapacity > 0 else { throw ValidationError("--alertmanager.notification-queue-capacity must be more than 0") }
        limits.maxSamples = maxSamples
        limits.maxConcurrency = maxConcurrency
        options.retentionSize = retentionSize

        let format = StructuredLogHandler.Format(rawValue: logFormat)!
        let level = Logger.Level(rawValue: logLevel == "warn" ? "warning" : logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StructuredLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "etcdmon")
        if !onEventLoops { logger.warning("tasks run on Swift's default executor: its global-executor hook is taken") }

        var configuration = Config.Configuration()
        if let configFile {
            do { configuration = try Config.Configuration.load(file: configFile) } catch {
                printError("etcdmon serve: \(error)")
                throw ExitCode(2)
            }
        }
        let ruleGroups: [RuleGroup]
        do { ruleGroups = try Self.ruleGroups(configuration) } catch {
            printError("etcdmon serve: error loading rules: \(error)")
            throw ExitCode(2)
        }
        limits.defaultSubqueryStep.value = configuration.global.evaluationInterval
        var security: WebSecurity?
        if let webConfigFile {
            do { security = try WebSecurity(file: webConfigFile, logger: logger) } catch {
                printError("etcdmon serve: --web.config.file: \(error)")
                throw ExitCode(2)
            }
        }
        let storage: Storage
        do { storage = try Storage(directory: data.path, options: options) } catch {
            printError("etcdmon serve: \(error)")
            throw ExitCode(2)
        }
        for warning in storage.warnings { logger.warning("\(warning)") }

        // Remote-write queues take their place in the WAL before anything is scraped.
        let remoteWrite = RemoteWriteManager(storage: storage, logger: logger)
        do { try await remoteWrite.apply(configuration.remoteWrite, externalLabels: configuration.global.externalLabels) } catch {
            printError("etcdmon serve: remote_write: \(error)")
            throw ExitCode(2)
        }
        let metrics = SelfMetrics(storage: storage)
        let manager = ScrapeManager(sink: storage, logger: logger)
        let external = externalURL ?? Self.derivedExternalURL(host: host, port: port, tls: security?.servesTLS == true)
        let sender = AlertmanagerSender(capacity: notificationQueueCapacity, logger: logger)
        do { try sender.apply(configuration.alerting, externalLabels: configuration.global.externalLabels) } catch {
            printError("etcdmon serve: alerting: \(error)")
            throw ExitCode(2)
        }
        ruleOptions.logFailure = { group, rule, error in
            logger.warning("evaluating rule failed", metadata: ["group": "\(group.name)", "rule": "\(rule.name)", "error": "\(error)"])
        }
        // The built-in Alertmanager runs when an alertmanager.yml is given: by the flag, or inline.
        var builtIn: BuiltInAlertmanager?
        if alertmanagerConfigFile != nil || configuration.alertmanagerConfig != nil {
            do {
                let alertmanager = try BuiltInAlertmanager(
                    externalURL: external, dataDirectory: data.path + "/alertmanager", logger: logger)
                try alertmanager.apply(try Self.alertmanagerConfig(flag: alertmanagerConfigFile, configuration)!)
                builtIn = alertmanager
            } catch {
                printError("etcdmon serve: alertmanager configuration: \(error)")
                throw ExitCode(2)
            }
        }
        // Members' profiles, captured through the API, the Profiles page and on alerts, live beside the store.
        let profiles: ProfileStore
        do { profiles = try ProfileStore(directory: data.path + "/profiles") } catch {
            printError("etcdmon serve: \(data.path)/profiles: \(error)")
            throw ExitCode(1)
        }
        let profiler = AlertProfiler(
            config: configuration.etcdProfiling, next: builtIn.map { AlertSenders([sender, $0]) } ?? sender,
            profiling: ScrapeMemberProfiling(capturer: ProfileCapturer(manager: manager, store: profiles)), externalURL: external, logger: logger)
        let ruleManager = RuleManager(
            sink: storage, context: Self.ruleContext(configuration, limits: limits, storage: storage, externalURL: external),
            sender: profiler, options: ruleOptions, run: QueryPlacement.onQueryPool)
        let prefix = Self.routePrefix(routePrefix ?? URLComponents(string: external)?.path ?? "")
        var flags = [
            "storage.tsdb.path": data.path, "web.listen-address": listenAddress, "query.timeout": queryTimeout,
            "query.max-samples": String(maxSamples), "query.max-concurrency": String(maxConcurrency),
            "query.lookback-delta": lookbackDelta, "query.in-place-slice": inPlaceSlice, "storage.tsdb.retention.time": retentionTime,
            "storage.tsdb.min-block-duration": minBlockDuration,
            "storage.tsdb.retention.size": String(retentionSize), "log.level": logLevel, "log.format": logFormat,
            "web.enable-lifecycle": String(enableLifecycle), "web.cors.origin": corsOrigin,
            "web.external-url": external, "web.route-prefix": prefix, "web.enable-admin-api": String(enableAdminAPI),
            "web.enable-remote-write-receiver": String(enableRemoteWriteReceiver),
            "web.config.file": webConfigFile ?? "", "web.max-connections": String(maxConnections), "web.read-timeout": readTimeout,
        ]
        flags["config.file"] = configFile ?? ""
        let reload: @Sendable () async throws -> Void = { [configFile, security, limits, alertmanagerConfigFile, builtIn] in
            // The web config file is re-read on its own as connections come; a reload checks it now
            // and reports a bad one (which stays out of force). The configuration is applied
            // whatever it says, as Prometheus's reload (which never reads it) would.
            var webConfigError: ConfigError?
            if let security {
                do throws(ConfigError) {
                    try security.refresh()
                    logger.info("web config file reloaded", metadata: ["file": "\(security.file)"])
                } catch {
                    webConfigError = error
                }
            }
            // Every file is read and checked before any is applied: a broken one keeps all running.
            let fresh = try configFile.map { file throws(ConfigError) in try Config.Configuration.load(file: file) }
            let alertmanagerConfig = try Self.alertmanagerConfig(flag: alertmanagerConfigFile, fresh ?? Config.Configuration())
            if let configFile, let fresh {
                let groups = try Self.ruleGroups(fresh)
                try sender.apply(fresh.alerting, externalLabels: fresh.global.externalLabels)
                try await manager.apply(fresh)
                ruleManager.update(context: Self.ruleContext(fresh, limits: limits, storage: storage, externalURL: external))
                limits.defaultSubqueryStep.value = fresh.global.evaluationInterval
                ruleManager.update(groups: groups)
                profiler.update(fresh.etcdProfiling)
                try await remoteWrite.apply(fresh.remoteWrite, externalLabels: fresh.global.externalLabels)
                logger.info("configuration reloaded", metadata: ["file": "\(configFile)"])
            }
            if let alertmanagerConfig, let builtIn {
                try builtIn.apply(alertmanagerConfig)
                logger.info("alertmanager configuration reloaded", metadata: ["file": "\(alertmanagerConfig.file)"])
            }
            if let webConfigError { throw webConfigError }
        }
        let cors = try LabelPattern(corsOrigin) // checked by validate()
        var server = APIServer(
            host: host, port: port, api: PrometheusAPI(storage: storage, limits: limits, flags: flags, scrapeManager: manager, ruleManager: ruleManager, corsOrigin: cors))
        server.reload = reload
        server.lifecycleEnabled = enableLifecycle
        server.routePrefix = prefix
        server.security = security
        server.maxConnections = maxConnections
        server.readTimeout = .milliseconds(readTimeoutMilliseconds)
        server.adminEnabled = enableAdminAPI
        server.remoteWriteReceiver = enableRemoteWriteReceiver
        let shutdown = ShutdownTrigger()
        server.quit = { shutdown.trigger() }
        server.selfMetrics = { metrics.render() }
        server.alertmanager = builtIn
        server.profiles = profiles
        server.started = Dispatcher.wallClock()
        let traces = try tracing.services(manager: manager, sink: storage, writeInterval: configuration.global.scrapeInterval, logger: logger)
        server.traces = traces?.0

        var services: [any Service] = [
            CompactionService(storage: storage, logger: logger),
            ScrapeService(manager: manager, configuration: configuration),
            RuleService(manager: ruleManager, groups: ruleGroups, sender: sender),
            ReloadService(reload: reload, logger: logger),
            RemoteWriteService(manager: remoteWrite),
            server.application(logger: logger),
        ]
        if let builtIn { services.append(AlertmanagerService(alertmanager: builtIn)) }
        services += traces?.1 ?? []
        let group = ServiceGroup(configuration: .init(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        shutdown.group = group
        logger.info("etcdmon started", metadata: [
            "address": "\(security?.servesTLS == true ? "https" : "http")://\(host):\(port)", "data": "\(data.path)", "config": "\(configFile ?? "none")",
        ])
        do {
            try await group.run()
        } catch {
            logger.error("stopped on error", metadata: ["error": "\(error)"])
        }
        try storage.close()
        logger.info("stopped; WAL closed")
    }

    /// The alertmanager.yml in force: the flag's file, else the configuration's `alertmanager_config:`.
    static func alertmanagerConfig(flag file: String?, _ configuration: Config.Configuration) throws(ConfigError) -> NotificationConfig? {
        if let file { return try NotificationConfig.load(file: file) }
        return configuration.alertmanagerConfig
    }

    /// The rule groups a configuration asks for: the built-in etcd alert pack (unless
    /// `etcd.alerts.enabled` is false), then the `rule_files`.
    static func ruleGroups(_ configuration: Config.Configuration) throws(ConfigError) -> [RuleGroup] {
        let interval = configuration.global.evaluationInterval
        return try EtcdAlertPack.groups(configuration.etcdAlerts, defaultInterval: interval)
            + RuleLoader.load(files: configuration.ruleFiles, defaultInterval: interval)
    }

    /// What rules evaluate with: the API's query bounds, the store, the configuration's external labels.
    static func ruleContext(_ configuration: Config.Configuration, limits: QueryLimits, storage: Storage, externalURL: String) -> RuleContext {
        var engine = Engine()
        engine.lookbackDelta = limits.lookbackDelta
        engine.maxSamples = limits.maxSamples
        engine.defaultSubqueryStep = configuration.global.evaluationInterval
        let url = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        return RuleContext(query: RuleQuery(engine: engine, source: storage), externalLabels: configuration.global.externalLabels, externalURL: url)
    }

    /// The external URL Prometheus derives from the listen address when none is given.
    static func derivedExternalURL(host: String, port: Int, tls: Bool = false) -> String {
        let shown = host == "0.0.0.0" || host == "::" ? ProcessInfo.processInfo.hostName : host
        return "\(tls ? "https" : "http")://\(shown.contains(":") ? "[\(shown)]" : shown):\(port)/"
    }

    /// A route prefix as `/name` (`/` for none), however its slashes were written.
    static func routePrefix(_ path: String) -> String {
        "/" + path.split(separator: "/").joined(separator: "/")
    }

    /// Splits `host:port` (or `[v6]:port`).
    static func address(_ text: String, flag: String = "--web.listen-address") throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else {
            throw ValidationError("\(flag) must be host:port, got \(text)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }
}

import Config
import EtcdmonModel
import Foundation
import Logging
import Rules
import Synchronization

/// Takes a member's profiles (`etcd.profiling`): the capture behind an alert-triggered profile set.
public protocol MemberProfiling: Sendable {
    /// Captures one profile of a member; returns the capture's ID.
    func captureProfile(cluster: String, member: String, kind: String, seconds: Int, reason: String) async throws -> String
    /// The cluster and member an alert's labels name (`cluster`/`member`, or an `instance` host:port).
    func member(for labels: Labels) -> (cluster: String, member: String)?
}

/// Stands in front of the alert senders: when an alert of `etcd.profiling.on_alerts` fires for a
/// member, it links the member's captures from the alert's annotations (`profiles`) and, at most once
/// per `min_interval` and member, captures the configured profiles from it in the background.
public final class AlertProfiler: AlertSender {
    private struct State {
        var config: EtcdProfilingConfig
        /// When each member's last capture set started (milliseconds), by "cluster/member".
        var lastCapture: [String: Int64] = [:]
        var running: Set<String> = []
    }

    private let next: any AlertSender
    private let profiling: any MemberProfiling
    /// Where the Profiles page lives (`--web.external-url`), for the annotation's link.
    private let externalURL: String
    private let logger: Logger
    private let state: Mutex<State>
    /// Capture sets started, and individual captures that failed, since the start.
    private let counts = Mutex<(sets: Int, failures: Int)>((0, 0))

    public init(config: EtcdProfilingConfig, next: any AlertSender, profiling: any MemberProfiling, externalURL: String, logger: Logger) {
        self.next = next
        self.profiling = profiling
        self.externalURL = externalURL.hasSuffix("/") ? String(externalURL.dropLast()) : externalURL
        self.logger = logger
        state = Mutex(State(config: config))
    }

    /// Applies a reloaded `etcd.profiling`.
    public func update(_ config: EtcdProfilingConfig) { state.withLock { $0.config = config } }

    /// Capture sets started and captures failed so far.
    public var statistics: (sets: Int, failures: Int) { counts.withLock { $0 } }

    public func send(_ alerts: [AlertNotification]) {
        let config = state.withLock { $0.config }
        guard config.enabled else { return next.send(alerts) }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var annotated = alerts
        for index in annotated.indices {
            let alert = annotated[index]
            guard let name = alert.labels["alertname"], config.onAlerts.contains(name),
                  let (cluster, member) = profiling.member(for: alert.labels) else { continue }
            var query = URLComponents()
            query.queryItems = [URLQueryItem(name: "cluster", value: cluster), URLQueryItem(name: "member", value: member)]
            var annotations = Array(alert.annotations)
            annotations.append(Label("profiles", externalURL + "/profiles" + (query.string ?? "")))
            annotated[index].annotations = Labels(annotations)
            // Resolved alerts carry an end in the past; only firing ones capture.
            if alert.endsAt > now { startCapture(cluster: cluster, member: member, alert: name, config: config, now: now) }
        }
        next.send(annotated)
    }

    private func startCapture(cluster: String, member: String, alert: String, config: EtcdProfilingConfig, now: Int64) {
        let key = cluster + "/" + member
        let due = state.withLock { state in
            guard !state.running.contains(key), now - (state.lastCapture[key] ?? .min / 2) >= config.minInterval else { return false }
            state.lastCapture[key] = now
            state.running.insert(key)
            return true
        }
        guard due else { return }
        counts.withLock { $0.sets += 1 }
        logger.info("alert fired: capturing profiles", metadata: ["alert": "\(alert)", "cluster": "\(cluster)", "member": "\(member)",
                                                               "profiles": "\(config.profiles.joined(separator: ","))"])
        Task {
            for kind in config.profiles {
                do {
                    _ = try await profiling.captureProfile(cluster: cluster, member: member, kind: kind, seconds: config.cpuSeconds, reason: "alert \(alert)")
                } catch {
                    counts.withLock { $0.failures += 1 }
                    logger.warning("alert-triggered profile failed", metadata: ["member": "\(member)", "profile": "\(kind)", "error": "\(error)"])
                }
            }
            state.withLock { _ = $0.running.remove(key) }
        }
    }
}

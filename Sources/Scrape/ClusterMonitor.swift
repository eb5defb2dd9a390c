import ClusterInsight
import ClusterProbe
import Config
import EtcdClient
import EtcdmonModel
import Logging
import Synchronization
import TSDB

/// Watches one etcd cluster: follows its member list (members added or removed become or stop
/// being scrape targets, without a restart) and probes every member each round, writing the
/// results as series (`ProbeSeries`).
final class ClusterMonitor: Sendable {
    let config: EtcdClusterConfig
    private let client: EtcdClient
    private let sink: any SampleSink
    private let logger: Logger
    private let onTargets: @Sendable ([TargetGroup]) -> Void
    private let state: Mutex<State>

    private struct State {
        /// Members to probe: the configured endpoints until the member list says otherwise.
        var endpoints: [EtcdEndpoint]
        var published: [TargetGroup]?
        var staleness = StalenessTracker()
        var lastLeader: UInt64?
        var leaderChanges = 0
        var latest: ClusterSnapshot?
    }

    /// The latest probe round's result, nil before the first round ends.
    var latest: ClusterSnapshot? { state.withLock { $0.latest } }

    init(config: EtcdClusterConfig, sink: any SampleSink, logger: Logger,
         onTargets: @escaping @Sendable ([TargetGroup]) -> Void) throws(ConfigError) {
        self.config = config
        self.sink = sink
        self.onTargets = onTargets
        var logger = logger
        logger[metadataKey: "cluster"] = "\(config.name)"
        self.logger = logger
        var endpoints: [EtcdEndpoint] = []
        for url in config.endpoints {
            do { endpoints.append(try EtcdEndpoint(parsing: url)) } catch {
                throw ConfigError(file: "etcd.clusters[\(config.name)]", reason: "\(error)")
            }
        }
        do {
            client = try EtcdClient(configuration: EtcdClientConfiguration(cluster: config))
        } catch {
            throw ConfigError(file: "etcd.clusters[\(config.name)]", reason: "\(error)")
        }
        state = Mutex(State(endpoints: endpoints))
    }

    /// Discovers and probes until cancelled.
    func run() async {
        await refreshMembers()
        if state.withLock({ $0.published == nil }) { publish(state.withLock { $0.endpoints }.map { ($0, nil) }) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(config.refreshInterval))
                    await refreshMembers()
                }
            }
            group.addTask { [self] in
                while !Task.isCancelled {
                    let started = ContinuousClock.now
                    await probeRound()
                    try? await Task.sleep(until: started + .milliseconds(config.probeInterval))
                }
            }
        }
    }

    /// A member's `/debug/pprof` answer (`path`), over the cluster's own connection settings; the
    /// member is found by name in the latest probe round.
    func pprof(member: String, path: String, timeout: Duration) async throws(ProfileCaptureError) -> (endpoint: String, status: Int, body: [UInt8]) {
        guard let report = latest?.check?.reports.first(where: { $0.name == member }),
              let endpoint = try? EtcdEndpoint(parsing: report.endpoint) else {
            throw ProfileCaptureError("cluster \(config.name) has no member \"\(member)\" in its latest probe round")
        }
        do {
            let answer = try await client.pprof(endpoint, path: path, timeout: timeout)
            return (endpoint.url, answer.status, answer.body)
        } catch {
            throw ProfileCaptureError("\(error)")
        }
    }

    /// Closes connections (after `run()`'s task was cancelled).
    func stop() async {
        await client.shutdown()
    }

    /// Asks the known members for the member list (first answer wins) and republishes targets.
    /// Without discovery the list only names the configured members.
    func refreshMembers() async {
        let endpoints = state.withLock { $0.endpoints }
        var failures: [String] = []
        for endpoint in endpoints {
            do {
                let list = try await client.memberList(endpoint)
                var (found, notes) = ClusterProber.clientEndpoints(of: list.members, scheme: endpoint.scheme)
                if !config.discovery { found = endpoints }
                for note in notes { logger.debug("discovery", metadata: ["note": "\(note)"]) }
                guard !found.isEmpty else { return }
                state.withLock { $0.endpoints = found }
                publish(found.map { endpoint in (endpoint, ClusterProber.member(servingClientURL: endpoint.url, in: list.members)) })
                return
            } catch {
                failures.append("\(error)")
            }
        }
        guard !Task.isCancelled else { return }
        logger.warning("member list unavailable; keeping the known members", metadata: ["errors": "\(failures.joined(separator: "; "))"])
    }

    private func publish(_ members: [(EtcdEndpoint, Member?)]) {
        let targets = members.map { endpoint, member -> Labels in
            var labels = [Label("__address__", "\(endpoint.host):\(endpoint.port)"), Label("__scheme__", endpoint.scheme)]
            if let member {
                labels += [
                    Label("member", member.name), Label("__meta_etcd_member_name", member.name),
                    Label("__meta_etcd_member_id", hex(member.id)),
                    Label("__meta_etcd_member_learner", member.isLearner ? "true" : "false"),
                ]
            }
            return Labels(labels)
        }
        let groups = [TargetGroup(targets: targets, labels: Labels([Label("cluster", config.name)]), source: "etcd/\(config.name)")]
        let changed = state.withLock { state in
            defer { state.published = groups }
            return state.published != groups
        }
        if changed {
            logger.info("members discovered", metadata: ["members": "\(members.map { $0.1?.name ?? $0.0.url })"])
            onTargets(groups)
        }
    }

    /// Probes every known member once and appends the results.
    func probeRound() async {
        let endpoints = state.withLock { $0.endpoints }
        let check = await ClusterProber(client: client).check(endpoints, discover: false)
        let timestamp = Timestamp.now()
        let leaderChanges = state.withLock { state in
            state.latest = ClusterSnapshot(name: config.name, job: config.jobName, checkedAt: timestamp, check: check,
                                           reportJSON: CheckReport(check).encoded())
            if let leader = check.diagnosis.leader?.id {
                if let last = state.lastLeader, last != leader { state.leaderChanges += 1 }
                state.lastLeader = leader
            }
            return state.leaderChanges
        }
        let samples = ProbeSeries.samples(
            of: check, cluster: config.name, job: config.jobName, probes: config.probes, leaderChanges: leaderChanges)
        var appender = sink.appender()
        for (labels, value) in samples { try? appender.append(labels, timestamp: timestamp, value: value) }
        let vanished = state.withLock { $0.staleness.advance(to: Set(samples.map(\.0))) }
        for labels in vanished { try? appender.append(labels, timestamp: timestamp, value: StaleMarker.value) }
        do { try await appender.commitFromEventLoop() } catch {
            logger.error("probe results not stored", metadata: ["error": "\(error)"])
        }
    }
}


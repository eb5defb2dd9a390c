import ClusterInsight
import EtcdClient

/// Probes every member of a cluster in parallel and diagnoses the result.
///
/// The given endpoints are probed at once while the member list is fetched from all of them
/// (the first answer wins); with discovery on, members the list names but the caller did not
/// give are probed as soon as the list arrives. So a check costs about one request timeout, even
/// with hung members, rather than one per member.
public struct ClusterProber: Sendable {
    /// The client used for every request.
    public let client: EtcdClient
    /// How the reports are judged.
    public var diagnosis: ClusterDiagnosis

    /// Creates a prober.
    public init(client: EtcdClient, diagnosis: ClusterDiagnosis = .init()) {
        self.client = client
        self.diagnosis = diagnosis
    }

    /// Probes the cluster.
    /// - Parameters:
    ///   - endpoints: where to start.
    ///   - discover: also probe every member the cluster's member list names.
    public func check(_ endpoints: [EtcdEndpoint], discover: Bool) async -> ClusterCheck {
        let clock = ContinuousClock()
        let started = clock.now
        var reports: [EtcdEndpoint: MemberReport] = [:]
        var memberList: MemberList?
        var notes: [String] = []

        enum Outcome: Sendable {
            case report(EtcdEndpoint, MemberReport)
            case members(MemberList?, [String])
        }

        await withTaskGroup(of: Outcome.self) { group in
            for endpoint in endpoints {
                group.addTask { .report(endpoint, await probe(endpoint)) }
            }
            group.addTask {
                let (list, failures) = await firstMemberList(from: endpoints)
                return .members(list, failures)
            }
            for await outcome in group {
                switch outcome {
                case let .report(endpoint, report):
                    reports[endpoint] = report
                case let .members(list, failures):
                    memberList = list
                    guard let list else {
                        notes.append("member list unavailable: \(failures.joined(separator: "; "))")
                        continue
                    }
                    guard discover else { continue }
                    let (discovered, unusable) = Self.clientEndpoints(of: list.members, scheme: endpoints.first?.scheme)
                    notes += unusable
                    let extra = discovered.filter { !endpoints.contains($0) }
                    notes.append("discovered \(list.members.count) members from the member list"
                        + (extra.isEmpty ? "" : "; \(extra.count) not given in --endpoints"))
                    for endpoint in extra {
                        group.addTask { .report(endpoint, await probe(endpoint)) }
                    }
                }
            }
        }

        let membership = memberList?.members.map {
            ClusterMember(id: $0.id, name: $0.name, clientURLs: $0.clientURLs, isLearner: $0.isLearner)
        }
        var finished = reports.values.map { report in
            Self.annotate(report, with: memberList)
        }
        finished.sort { ($0.name ?? "~", $0.endpoint) < ($1.name ?? "~", $1.endpoint) }
        return ClusterCheck(
            reports: finished,
            membership: membership,
            diagnosis: diagnosis.diagnose(finished, membership: membership),
            notes: notes,
            elapsed: clock.now - started)
    }

    /// Probes one member: status, health, livez, readyz, version and alarms, concurrently.
    public func probe(_ endpoint: EtcdEndpoint) async -> MemberReport {
        let client = client
        let clock = ContinuousClock()
        async let statusResult = measure(clock) { () async throws(EtcdRequestError) in try await client.status(endpoint) }
        async let healthResult = measure(clock) { () async throws(EtcdRequestError) in try await client.health(endpoint) }
        async let livezResult = measure(clock) { () async throws(EtcdRequestError) in try await client.livez(endpoint) }
        async let readyzResult = measure(clock) { () async throws(EtcdRequestError) in try await client.readyz(endpoint) }
        async let versionResult = measure(clock) { () async throws(EtcdRequestError) in try await client.version(endpoint) }
        async let alarmsResult = capture { () async throws(EtcdRequestError) in try await client.alarms(endpoint) }

        let (status, latency) = await statusResult
        let (health, healthDuration) = await healthResult
        let (livez, livezDuration) = await livezResult
        let (readyz, readyzDuration) = await readyzResult
        let (version, versionDuration) = await versionResult
        let alarms = await alarmsResult

        var report = Self.report(
            endpoint: endpoint, status: status, latency: latency, health: health,
            livez: livez, readyz: readyz, version: version, alarms: alarms)
        report.requestDurations = [
            "status": latency, "health": healthDuration, "livez": livezDuration,
            "readyz": readyzDuration, "version": versionDuration,
        ]
        return report
    }

    /// Assembles a member's report from its answers (or failures). Separate from the requests so
    /// recorded answers can be judged exactly as live ones.
    public static func report(
        endpoint: EtcdEndpoint,
        status: Result<MemberStatus, EtcdRequestError>,
        latency: Duration? = nil,
        health: Result<HealthCheck, EtcdRequestError>,
        livez: Result<ProbeCheck, EtcdRequestError>,
        readyz: Result<ProbeCheck, EtcdRequestError>,
        version: Result<ServerVersion, EtcdRequestError>,
        alarms: Result<AlarmList, EtcdRequestError>
    ) -> MemberReport {
        var report = MemberReport(endpoint: endpoint.url)
        var failures: [EtcdRequestError] = []
        switch status {
        case let .success(status):
            report.memberID = status.header.memberID
            report.clusterID = status.header.clusterID
            report.isLearner = status.isLearner
            report.serverVersion = status.version.isEmpty ? nil : status.version
            report.status = MemberReport.Status(
                leader: status.leader, raftTerm: status.raftTerm, raftIndex: status.raftIndex,
                raftAppliedIndex: status.raftAppliedIndex, dbSize: status.dbSize,
                dbSizeInUse: status.dbSizeInUse, errors: status.errors)
            report.latency = latency
        case let .failure(error): failures.append(error)
        }
        switch health {
        case let .success(health): report.health = .init(isHealthy: health.isHealthy, reason: health.reason)
        case let .failure(error): failures.append(error)
        }
        switch livez {
        case let .success(probe): report.livez = .init(isOK: probe.isOK, usedHealthFallback: probe.source == .healthFallback)
        case let .failure(error): failures.append(error)
        }
        switch readyz {
        case let .success(probe): report.readyz = .init(isOK: probe.isOK, usedHealthFallback: probe.source == .healthFallback)
        case let .failure(error): failures.append(error)
        }
        switch version {
        case let .success(version):
            report.serverVersion = version.server
            report.clusterVersion = version.cluster
        case let .failure(error): failures.append(error)
        }
        switch alarms {
        case let .success(list):
            let id = report.memberID
            report.alarms = list.alarms.filter { $0.memberID == id && $0.type != "NONE" }.map(\.type)
        case let .failure(error): failures.append(error)
        }
        report.errors = summarize(failures)
        report.isUnreachable = failures.count == 6 && failures.allSatisfy(\.isUnreachable)
        return report
    }

    /// Asks every endpoint for the member list at once; the first answer wins.
    private func firstMemberList(from endpoints: [EtcdEndpoint]) async -> (MemberList?, [String]) {
        let client = client
        return await withTaskGroup(of: Result<MemberList, EtcdRequestError>.self) { group in
            for endpoint in endpoints {
                group.addTask { await capture { () async throws(EtcdRequestError) in try await client.memberList(endpoint) } }
            }
            var failures: [String] = []
            for await result in group {
                switch result {
                case let .success(list):
                    group.cancelAll()
                    return (list, failures)
                case let .failure(error):
                    failures.append("\(error.endpoint)\(error.path): \(error.detail)")
                }
            }
            return (nil, failures)
        }
    }

    /// Fills in names and learner flags from the member list, matching by ID, else by client URL.
    static func annotate(_ report: MemberReport, with list: MemberList?) -> MemberReport {
        guard let list else { return report }
        var report = report
        let member = list.members.first { report.memberID != nil && $0.id == report.memberID }
            ?? list.members.first { $0.clientURLs.contains(report.endpoint) }
        if let member {
            report.name = member.name.isEmpty ? nil : member.name
            report.memberID = report.memberID ?? member.id
            report.isLearner = report.isLearner || member.isLearner
        }
        return report
    }

    /// The first client URL of each member; members not started yet have none.
    public static func clientEndpoints(of members: [Member], scheme: String?) -> ([EtcdEndpoint], [String]) {
        var endpoints: [EtcdEndpoint] = []
        var notes: [String] = []
        for member in members {
            let label = member.name.isEmpty ? hex(member.id) : member.name
            guard let url = member.clientURLs.first(where: { scheme == nil || $0.hasPrefix(scheme! + "://") })
                ?? member.clientURLs.first
            else {
                notes.append("member \(label) has no client URL yet (added but not started)")
                continue
            }
            do {
                endpoints.append(try EtcdEndpoint(parsing: url))
            } catch {
                notes.append("member \(label): \(error)")
            }
        }
        return (endpoints, notes)
    }

    /// The member that lists `url` among its client URLs.
    public static func member(servingClientURL url: String, in members: [Member]) -> Member? {
        members.first { $0.clientURLs.contains(url) }
    }

    /// One line per distinct failure; identical timeouts on every path collapse into one.
    static func summarize(_ failures: [EtcdRequestError]) -> [String] {
        var lines: [String] = []
        var seenDetails: Set<String> = []
        for failure in failures where seenDetails.insert(failure.detail).inserted {
            lines.append(failure.description)
        }
        return lines
    }
}

private func capture<T: Sendable>(
    _ body: () async throws(EtcdRequestError) -> T
) async -> Result<T, EtcdRequestError> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

private func measure<T: Sendable>(
    _ clock: ContinuousClock, _ body: () async throws(EtcdRequestError) -> T
) async -> (Result<T, EtcdRequestError>, Duration) {
    let start = clock.now
    let result = await capture(body)
    return (result, clock.now - start)
}

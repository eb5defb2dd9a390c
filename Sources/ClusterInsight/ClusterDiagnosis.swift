/// Judges a cluster from its members' reports. Pure: no I/O, no clock, so the same reports
/// always give the same verdict, and the scrape loop, alert rules and dashboard can share it.
public struct ClusterDiagnosis: Sendable {
    /// The limits used to decide what is a problem.
    public var thresholds: DiagnosisThresholds

    /// Creates a diagnosis with the given thresholds.
    public init(thresholds: DiagnosisThresholds = .init()) {
        self.thresholds = thresholds
    }

    /// Diagnoses the cluster.
    /// - Parameters:
    ///   - reports: one per probed endpoint.
    ///   - membership: the member list, when one member answered it; it decides how many
    ///     voters there are, which members are learners, and which were not probed.
    public func diagnose(_ reports: [MemberReport], membership: [ClusterMember]? = nil) -> Diagnosis {
        var findings: [Finding] = []
        let reachable = reports.filter { !$0.isUnreachable }

        // Cluster identity: the majority's ID; members of another cluster are flagged.
        let clusterIDs = Dictionary(grouping: reachable.compactMap(\.clusterID), by: { $0 }).mapValues(\.count)
        let clusterID = clusterIDs.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        if clusterIDs.count > 1 {
            let strangers = reachable.filter { $0.clusterID != nil && $0.clusterID != clusterID }.map(\.displayName)
            findings.append(Finding(
                severity: .critical, code: .clusterIDMismatch,
                summary: "endpoints belong to \(clusterIDs.count) different clusters; \(strangers.joined(separator: ", ")) not in cluster \(hex(clusterID ?? 0))",
                members: strangers,
                advice: "Check --endpoints: every endpoint must be a member of the same cluster."))
        }

        // Voters: from the member list when known, else from the reports.
        let learnerIDs = Set((membership ?? []).filter(\.isLearner).map(\.id))
        func isLearner(_ report: MemberReport) -> Bool {
            report.isLearner || report.memberID.map(learnerIDs.contains) == true
        }
        let votingReports = reports.filter { !isLearner($0) }
        let votingMembers = membership.map { $0.filter { !$0.isLearner }.count } ?? votingReports.count
        let healthyVoters = votingReports.filter(\.isHealthy).count
        let quorumSize = votingMembers / 2 + 1
        let failuresTolerated = max(0, healthyVoters - quorumSize)

        // The leader: what reachable members say, excluding those that know no leader.
        let leaderVotes = Dictionary(grouping: reachable.compactMap { $0.status?.leader }.filter { $0 != 0 }, by: { $0 })
            .mapValues(\.count)
        let leaderID = leaderVotes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        if leaderVotes.count > 1 {
            let views = reachable.compactMap { report in
                report.status.map { "\(report.displayName) → \(memberName($0.leader, reports: reports, membership: membership))" }
            }
            findings.append(Finding(
                severity: .warning, code: .leaderDisagreement,
                summary: "members disagree on the leader: \(views.joined(separator: ", "))",
                members: reachable.map(\.displayName),
                advice: "Usually transient during an election; if it persists, look for a network partition between members."))
        }
        let terms = Set(reachable.compactMap { $0.status?.raftTerm })
        if terms.count > 1 {
            let views = reachable.compactMap { report in report.status.map { "\(report.displayName)=\($0.raftTerm)" } }
            findings.append(Finding(
                severity: .warning, code: .termDisagreement,
                summary: "members are in different raft terms: \(views.joined(separator: ", "))",
                members: reachable.map(\.displayName),
                advice: "Expected for a moment after an election; persistent disagreement points at a partitioned or flapping member."))
        }

        // A leader that members still name but that does not answer is gone; they have not
        // noticed yet.
        let namedLeaderIsGone = leaderID.map { id in reports.contains { $0.memberID == id && $0.isUnreachable } } ?? false
        if let leaderID, namedLeaderIsGone {
            findings.append(Finding(
                severity: .critical, code: .noLeader,
                summary: "members still name \(memberName(leaderID, reports: reports, membership: membership)) as leader, but it does not answer",
                members: [memberName(leaderID, reports: reports, membership: membership)],
                advice: "The followers will elect a new leader after the election timeout if a quorum of them is healthy."))
        }
        // Without quorum a leader cannot commit anything (and steps down within an election
        // timeout), so a leader that members still name is not reported as one.
        let nobodyKnowsLeader = leaderID == nil || namedLeaderIsGone || healthyVoters < quorumSize
        let leader: Diagnosis.Leader? = nobodyKnowsLeader ? nil : leaderID.map { id in
            let report = reports.first { $0.memberID == id }
            let member = membership?.first { $0.id == id }
            return Diagnosis.Leader(
                id: id,
                name: report?.name ?? member.map(\.name) ?? hex(id),
                endpoint: report?.endpoint ?? member?.clientURLs.first)
        }

        // The cluster-wide verdicts.
        if reachable.isEmpty {
            findings.append(Finding(
                severity: .critical, code: .nothingReachable,
                summary: "no endpoint answered (\(reports.count) tried)",
                members: reports.map(\.displayName),
                advice: "Check that etcd runs and that --endpoints, TLS options and the network are right."))
        } else {
            if healthyVoters < quorumSize {
                let live = votingReports.filter(\.isHealthy).map(\.displayName)
                let alive = reachable.filter { !isLearner($0) }.map(\.displayName)
                findings.append(Finding(
                    severity: .critical, code: .quorumLost,
                    summary: "quorum lost: \(healthyVoters) of \(votingMembers) voting members healthy, \(quorumSize) needed; still answering: \(alive.isEmpty ? "none" : alive.joined(separator: ", "))",
                    members: live.isEmpty ? alive : live,
                    advice: Advice.quorumLost))
            }
            if leader == nil, !namedLeaderIsGone {
                findings.append(Finding(
                    severity: .critical, code: .noLeader,
                    summary: "no leader: the cluster cannot serve writes or linearizable reads",
                    members: reachable.map(\.displayName),
                    advice: healthyVoters < quorumSize
                        ? Advice.noLeaderWithoutQuorum
                        : Advice.noLeader))
            }
        }

        // Per-member problems.
        for report in reports {
            let name = report.displayName
            if report.isUnreachable {
                findings.append(Finding(
                    severity: .warning, code: .memberUnreachable,
                    summary: "\(name) (\(report.endpoint)) is unreachable: \(report.errors.first ?? "no answer")",
                    members: [name],
                    advice: Advice.memberUnreachable))
                continue
            }
            if !report.isHealthy && report.alarms.isEmpty {
                let why = report.health.map { $0.reason.isEmpty ? "/health says unhealthy" : "/health: \($0.reason)" }
                    ?? report.status.flatMap { $0.errors.first }
                    ?? report.errors.first ?? "unhealthy"
                findings.append(Finding(
                    severity: .warning, code: .memberUnhealthy,
                    summary: "\(name) is unhealthy: \(why)",
                    members: [name],
                    advice: Advice.memberUnhealthy))
            }
        }

        // Alarms are cluster-wide; each is reported once with the members that raised it.
        var alarmMembers: [String: [String]] = [:]
        for report in reports { for alarm in report.alarms { alarmMembers[alarm, default: []].append(report.displayName) } }
        for (alarm, members) in alarmMembers.sorted(by: { $0.key < $1.key }) {
            let advice = alarm == "NOSPACE"
                ? Advice.alarmNoSpace
                : Advice.alarmCorrupt
            findings.append(Finding(
                severity: .critical, code: .alarm,
                summary: "alarm \(alarm) raised by \(members.joined(separator: ", "))",
                members: members, advice: advice))
        }

        findings += lagFindings(reachable)
        findings += versionFindings(reachable)
        findings += databaseFindings(reachable)

        // Members the cluster lists but nobody probed.
        if let membership {
            let probedIDs = Set(reports.compactMap(\.memberID))
            let probedURLs = Set(reports.map(\.endpoint))
            let unprobed = membership.filter { member in
                !probedIDs.contains(member.id) && !member.clientURLs.contains(where: probedURLs.contains)
            }
            if !unprobed.isEmpty {
                let names = unprobed.map { $0.name.isEmpty ? hex($0.id) + " (not started)" : $0.name }
                findings.append(Finding(
                    severity: .warning, code: .memberNotProbed,
                    summary: "\(unprobed.count) member(s) listed by the cluster were not probed: \(names.joined(separator: ", "))",
                    members: names,
                    advice: "Add their client URLs to --endpoints or use --discover."))
            }
            let learners = membership.filter(\.isLearner).map { $0.name.isEmpty ? hex($0.id) : $0.name }
            if !learners.isEmpty {
                findings.append(Finding(
                    severity: .info, code: .learner,
                    summary: "learner(s) \(learners.joined(separator: ", ")) replicate but do not vote or count toward quorum",
                    members: learners,
                    advice: "Promote a learner once it has caught up: etcdctl member promote <id>."))
            }
        }

        if !reachable.isEmpty, healthyVoters >= quorumSize, failuresTolerated == 0, votingMembers > 1 {
            findings.append(Finding(
                severity: .warning, code: .noFailureTolerance,
                summary: "quorum holds with no margin: one more failure loses it",
                members: votingReports.filter { !$0.isHealthy }.map(\.displayName),
                advice: Advice.failedMembers))
        }

        findings.sort { ($0.severity, $1.code.rawValue) > ($1.severity, $0.code.rawValue) }

        let health: ClusterHealth
        if reachable.isEmpty || healthyVoters < quorumSize || leader == nil {
            health = .critical
        } else if findings.contains(where: { $0.severity > .info }) {
            health = .degraded
        } else {
            health = .healthy
        }
        return Diagnosis(
            health: health, clusterID: clusterID, votingMembers: votingMembers,
            healthyVotingMembers: healthyVoters, quorumSize: quorumSize,
            failuresTolerated: failuresTolerated, leader: leader, findings: findings)
    }

    private func lagFindings(_ reachable: [MemberReport]) -> [Finding] {
        var findings: [Finding] = []
        guard let highest = reachable.compactMap({ $0.status?.raftIndex }).max() else { return [] }
        for report in reachable {
            guard let status = report.status else { continue }
            let behind = highest - min(highest, status.raftIndex)
            if behind > thresholds.raftIndexLag {
                findings.append(Finding(
                    severity: .warning, code: .raftIndexLag,
                    summary: "\(report.displayName) is \(behind) raft entries behind the most advanced member",
                    members: [report.displayName],
                    advice: Advice.followerLag))
            }
            let backlog = status.raftIndex - min(status.raftIndex, status.raftAppliedIndex)
            if backlog > thresholds.applyBacklog {
                findings.append(Finding(
                    severity: .warning, code: .applyBacklog,
                    summary: "\(report.displayName) has \(backlog) committed entries not yet applied",
                    members: [report.displayName],
                    advice: Advice.applyLag))
            }
        }
        return findings
    }

    private func versionFindings(_ reachable: [MemberReport]) -> [Finding] {
        let versions = Dictionary(grouping: reachable.filter { $0.serverVersion != nil }, by: { $0.serverVersion! })
        guard versions.count > 1 else { return [] }
        let minors = Set(versions.keys.map { $0.split(separator: ".").prefix(2).joined(separator: ".") })
        let detail = versions.sorted { $0.key < $1.key }
            .map { "\($0.key) on \($0.value.map(\.displayName).joined(separator: ", "))" }
            .joined(separator: "; ")
        return [Finding(
            severity: minors.count > 1 ? .warning : .info, code: .versionSkew,
            summary: "members run different etcd versions: \(detail)",
            members: reachable.map(\.displayName),
            advice: minors.count > 1
                ? Advice.versionSkewMinor
                : Advice.versionSkewPatch)]
    }

    private func databaseFindings(_ reachable: [MemberReport]) -> [Finding] {
        var findings: [Finding] = []
        for report in reachable {
            guard let status = report.status else { continue }
            let quota = thresholds.quotaBackendBytes
            if Double(status.dbSize) >= Double(quota) * thresholds.quotaWarningRatio {
                let percent = Int(Double(status.dbSize) / Double(quota) * 100)
                findings.append(Finding(
                    severity: .warning, code: .databaseNearQuota,
                    summary: "\(report.displayName)'s database is \(percent)% of the \(quota >> 20) MiB quota",
                    members: [report.displayName],
                    advice: Advice.databaseNearQuota))
            } else if status.dbSize > thresholds.fragmentationMinimumBytes,
                      Double(status.dbSizeInUse) < Double(status.dbSize) * thresholds.fragmentationInUseRatio {
                findings.append(Finding(
                    severity: .info, code: .databaseFragmented,
                    summary: "\(report.displayName)'s database file is \(status.dbSize >> 20) MiB but only \(status.dbSizeInUse >> 20) MiB is in use",
                    members: [report.displayName],
                    advice: Advice.defragment(report.endpoint)))
            }
        }
        return findings
    }

    private func memberName(_ id: UInt64, reports: [MemberReport], membership: [ClusterMember]?) -> String {
        if id == 0 { return "none" }
        return reports.first { $0.memberID == id }?.name
            ?? membership?.first { $0.id == id }?.name
            ?? hex(id)
    }
}

/// A member or cluster ID as etcd prints it: lower-case hex.
public func hex(_ id: UInt64) -> String { String(id, radix: 16) }

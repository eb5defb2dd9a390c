import ClusterInsight
import Foundation

/// The JSON document `etcdmon check --output json` prints (schema `etcdmon.check/v1`, described
/// in docs/check-json.md). Every key is always present; unknown values are `null`.
public struct CheckReport: Encodable, Sendable {
    /// Identifies the layout; bumped only on incompatible changes.
    public var schema = "etcdmon.check/v1"
    /// `healthy`, `degraded` or `critical`.
    public var verdict: String
    /// 0, 1 or 2, as the process exits.
    public var exitCode: Int32
    /// The cluster ID in hex.
    public var clusterID: String?
    /// Voting members (learners excluded).
    public var votingMembers: Int
    /// Healthy voting members.
    public var healthyVotingMembers: Int
    /// Members needed for quorum.
    public var quorumSize: Int
    /// Further failures quorum survives.
    public var failuresTolerated: Int
    /// The leader, or `null`.
    public var leader: LeaderEntry?
    /// One entry per probed endpoint.
    public var members: [MemberEntry]
    /// Problems, most severe first.
    public var findings: [FindingEntry]
    /// How endpoints were found.
    public var notes: [String]
    /// Duration of the check in milliseconds.
    public var elapsedMilliseconds: Double

    /// The leader as JSON.
    public struct LeaderEntry: Encodable, Sendable {
        var id: String
        var name: String
        var endpoint: String?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(endpoint, forKey: .endpoint)
        }

        private enum CodingKeys: String, CodingKey { case id, name, endpoint }
    }

    /// One member as JSON.
    public struct MemberEntry: Encodable, Sendable {
        var report: MemberReport
        var isLeader: Bool

        private enum CodingKeys: String, CodingKey {
            case name, endpoint, id, isLearner = "is_learner", isLeader = "is_leader", reachable, healthy
            case version, clusterVersion = "cluster_version", raftTerm = "raft_term", raftIndex = "raft_index"
            case raftAppliedIndex = "raft_applied_index", dbSizeBytes = "db_size_bytes"
            case dbSizeInUseBytes = "db_size_in_use_bytes", health, livez, readyz, alarms
            case latencyMilliseconds = "latency_ms", statusErrors = "status_errors", errors
        }

        private enum ProbeKeys: String, CodingKey { case ok, reason, viaHealthFallback = "via_health_fallback" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(report.name, forKey: .name)
            try container.encode(report.endpoint, forKey: .endpoint)
            try container.encode(report.memberID.map(hex), forKey: .id)
            try container.encode(report.isLearner, forKey: .isLearner)
            try container.encode(isLeader, forKey: .isLeader)
            try container.encode(!report.isUnreachable, forKey: .reachable)
            try container.encode(report.isHealthy, forKey: .healthy)
            try container.encode(report.serverVersion, forKey: .version)
            try container.encode(report.clusterVersion, forKey: .clusterVersion)
            try container.encode(report.status?.raftTerm, forKey: .raftTerm)
            try container.encode(report.status?.raftIndex, forKey: .raftIndex)
            try container.encode(report.status?.raftAppliedIndex, forKey: .raftAppliedIndex)
            try container.encode(report.status?.dbSize, forKey: .dbSizeBytes)
            try container.encode(report.status?.dbSizeInUse, forKey: .dbSizeInUseBytes)
            if let health = report.health {
                var nested = container.nestedContainer(keyedBy: ProbeKeys.self, forKey: .health)
                try nested.encode(health.isHealthy, forKey: .ok)
                try nested.encode(health.reason, forKey: .reason)
            } else {
                try container.encodeNil(forKey: .health)
            }
            for (probe, key) in [(report.livez, CodingKeys.livez), (report.readyz, .readyz)] {
                if let probe {
                    var nested = container.nestedContainer(keyedBy: ProbeKeys.self, forKey: key)
                    try nested.encode(probe.isOK, forKey: .ok)
                    try nested.encode(probe.usedHealthFallback, forKey: .viaHealthFallback)
                } else {
                    try container.encodeNil(forKey: key)
                }
            }
            try container.encode(report.alarms, forKey: .alarms)
            try container.encode(report.latency.map(Formatting.milliseconds(double:)), forKey: .latencyMilliseconds)
            try container.encode(report.status?.errors ?? [], forKey: .statusErrors)
            try container.encode(report.errors, forKey: .errors)
        }
    }

    /// One finding as JSON.
    public struct FindingEntry: Encodable, Sendable {
        var severity: String
        var code: String
        var summary: String
        var members: [String]
        var advice: String
    }

    private enum CodingKeys: String, CodingKey {
        case schema, verdict, exitCode = "exit_code", clusterID = "cluster_id", votingMembers = "voting_members"
        case healthyVotingMembers = "healthy_voting_members", quorumSize = "quorum_size"
        case failuresTolerated = "failures_tolerated", leader, members, findings, notes
        case elapsedMilliseconds = "elapsed_ms"
    }

    /// Builds the document from a check.
    public init(_ check: ClusterCheck) {
        let diagnosis = check.diagnosis
        verdict = diagnosis.health.rawValue
        exitCode = diagnosis.health.exitCode
        clusterID = diagnosis.clusterID.map(hex)
        votingMembers = diagnosis.votingMembers
        healthyVotingMembers = diagnosis.healthyVotingMembers
        quorumSize = diagnosis.quorumSize
        failuresTolerated = diagnosis.failuresTolerated
        leader = diagnosis.leader.map { LeaderEntry(id: hex($0.id), name: $0.name, endpoint: $0.endpoint) }
        members = check.reports.map { report in
            MemberEntry(report: report, isLeader: diagnosis.leader.map { $0.id == report.memberID } ?? false)
        }
        findings = diagnosis.findings.map {
            FindingEntry(severity: $0.severity.rawValue, code: $0.code.rawValue, summary: $0.summary, members: $0.members, advice: $0.advice)
        }
        notes = check.notes
        elapsedMilliseconds = Formatting.milliseconds(double: check.elapsed)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(clusterID, forKey: .clusterID)
        try container.encode(votingMembers, forKey: .votingMembers)
        try container.encode(healthyVotingMembers, forKey: .healthyVotingMembers)
        try container.encode(quorumSize, forKey: .quorumSize)
        try container.encode(failuresTolerated, forKey: .failuresTolerated)
        try container.encode(leader, forKey: .leader)
        try container.encode(members, forKey: .members)
        try container.encode(findings, forKey: .findings)
        try container.encode(notes, forKey: .notes)
        try container.encode(elapsedMilliseconds, forKey: .elapsedMilliseconds)
    }

    /// Pretty-printed JSON with sorted keys, newline-terminated.
    public func json() -> String {
        String(decoding: encoded(pretty: true), as: UTF8.self) + "\n"
    }

    /// The document as JSON bytes with sorted keys; compact unless `pretty`.
    public func encoded(pretty: Bool = false) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail; an empty object would hide a bug, so trap is avoided.
        guard let data = try? encoder.encode(self) else { return Array("{}".utf8) }
        return Array(data)
    }
}

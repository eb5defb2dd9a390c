/// The answer of `GET /health`: `{"health":"true","reason":""}` (3.5) or `{"health":"true"}` (3.4).
/// etcd answers 503 with `health` "false" when unhealthy; that is an answer, not an error.
public struct HealthCheck: Sendable, Equatable, Decodable {
    /// Whether the member reports itself healthy.
    public var isHealthy: Bool
    /// Why not, when etcd says (3.5+): e.g. `RAFT NO LEADER`, `ALARM NOSPACE`.
    public var reason: String
    /// The HTTP status of the answer.
    public var httpStatus: Int

    /// Creates a health answer.
    public init(isHealthy: Bool, reason: String = "", httpStatus: Int = 200) {
        self.isHealthy = isHealthy
        self.reason = reason
        self.httpStatus = httpStatus
    }

    private enum CodingKeys: String, CodingKey { case health, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let health = try container.decode(String.self, forKey: .health)
        guard health == "true" || health == "false" else {
            throw DecodingError.dataCorruptedError(
                forKey: .health, in: container, debugDescription: "expected \"true\" or \"false\", got \"\(health)\"")
        }
        isHealthy = health == "true"
        reason = try container.decode(.reason, default: "")
        httpStatus = 200
    }
}

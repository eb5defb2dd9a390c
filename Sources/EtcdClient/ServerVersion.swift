/// The answer of `GET /version`: `{"etcdserver":"3.5.1","etcdcluster":"3.5.0"}`.
public struct ServerVersion: Sendable, Equatable, Decodable {
    /// The member's binary version.
    public var server: String
    /// The version the cluster runs at (the lowest member's minor version); may be "not_decided".
    public var cluster: String

    /// Creates a version answer.
    public init(server: String, cluster: String) {
        self.server = server
        self.cluster = cluster
    }

    private enum CodingKeys: String, CodingKey { case server = "etcdserver", cluster = "etcdcluster" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        server = try container.decode(String.self, forKey: .server)
        cluster = try container.decode(.cluster, default: "")
    }
}

import Foundation

/// One `remote_write` entry of prometheus.yml (Prometheus 2.42's keys and defaults).
public struct RemoteWriteConfig: Sendable {
    /// Where requests go.
    public var url: String
    /// `name`, or a hash of the entry (as Prometheus names unnamed queues): the `remote_name` label and
    /// the directory that keeps the queue's WAL position.
    public var name: String
    /// Milliseconds a request may take.
    public var remoteTimeout: Int64 = 30_000
    /// Extra request headers.
    public var headers: [(String, String)] = []
    /// Credentials and TLS.
    public var http = HTTPClientSettings()
    /// `write_relabel_configs`: applied to each series before it is sent; a dropped series is not sent.
    public var writeRelabelConfigs: [RelabelRule] = []
    public var queue = QueueConfig()
    /// `metadata_config.send`: metric metadata is not sent by etcdmon (accepted, as Prometheus's key).
    public var sendMetadata = true
    /// `send_exemplars`: etcdmon stores no exemplars; only false is meaningful.
    public var sendExemplars = false

    /// `queue_config`.
    public struct QueueConfig: Sendable, Equatable {
        /// Samples a shard buffers before it blocks reading (here: the most samples read per round).
        public var capacity = 2500
        public var maxShards = 200
        public var minShards = 1
        public var maxSamplesPerSend = 500
        /// Milliseconds a partial batch waits for more samples.
        public var batchSendDeadline: Int64 = 5000
        /// Retry backoff, milliseconds, doubling from `minBackoff` to `maxBackoff`.
        public var minBackoff: Int64 = 30
        public var maxBackoff: Int64 = 5000
        /// Whether a 429 answer is retried (otherwise the batch is dropped, as for other 4xx).
        public var retryOnRateLimit = false
    }

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        guard let url = try yaml.string("url"), !url.isEmpty else { throw yaml.error("url", "url for remote_write is empty") }
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""), components.host?.isEmpty == false else {
            throw yaml.error("url", "\"\(url)\" is not an http or https URL")
        }
        self.url = url
        remoteTimeout = try yaml.duration("remote_timeout") ?? remoteTimeout
        headers = try yaml.stringMap("headers") ?? []
        for (header, _) in headers where ["authorization", "host", "content-encoding", "content-length", "content-type", "user-agent",
                                          "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "www-authenticate",
                                          "retry-after", "x-prometheus-remote-write-version"].contains(header.lowercased()) {
            throw yaml.error("headers", "\(header) is a reserved header. It must not be changed")
        }
        http = try HTTPClientSettings(yaml, directory: directory)
        writeRelabelConfigs = try yaml.mappings("write_relabel_configs").map { (entry) throws(ConfigError) in try RelabelRule(entry) }
        if let queueYAML = try yaml.mapping("queue_config") {
            queue.capacity = try queueYAML.integer("capacity") ?? queue.capacity
            queue.maxShards = try queueYAML.integer("max_shards") ?? queue.maxShards
            queue.minShards = try queueYAML.integer("min_shards") ?? queue.minShards
            queue.maxSamplesPerSend = try queueYAML.integer("max_samples_per_send") ?? queue.maxSamplesPerSend
            queue.batchSendDeadline = try queueYAML.duration("batch_send_deadline") ?? queue.batchSendDeadline
            queue.minBackoff = try queueYAML.duration("min_backoff") ?? queue.minBackoff
            queue.maxBackoff = try queueYAML.duration("max_backoff") ?? queue.maxBackoff
            queue.retryOnRateLimit = try queueYAML.bool("retry_on_http_429") ?? false
            try queueYAML.finish()
            guard queue.minShards >= 1, queue.maxShards >= queue.minShards else {
                throw queueYAML.error("max_shards", "shards must be at least 1, and max_shards at least min_shards")
            }
            guard queue.maxSamplesPerSend >= 1, queue.capacity >= 1 else { throw queueYAML.error("max_samples_per_send", "must be positive") }
        }
        if let metadataYAML = try yaml.mapping("metadata_config") {
            sendMetadata = try metadataYAML.bool("send") ?? true
            _ = try metadataYAML.duration("send_interval")
            _ = try metadataYAML.integer("max_samples_per_send")
            try metadataYAML.finish()
        }
        sendExemplars = try yaml.bool("send_exemplars") ?? false
        // The v2 protocol, SigV4, Azure AD and OAuth2 are not spoken; their keys are refused by finish().
        let given = try yaml.string("name")
        name = given ?? Self.hashName(url: url, headers: headers, relabel: writeRelabelConfigs.count)
        try yaml.finish()
    }

    /// A stable name for an unnamed queue: a short hash of what identifies it.
    private static func hashName(url: String, headers: [(String, String)], relabel: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (url + headers.map { $0.0 + "=" + $0.1 }.joined(separator: ",") + "\(relabel)").utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(6))
    }
}

import Config
/// How an `EtcdClient` connects: timeouts, TLS material, credentials and limits.
public struct EtcdClientConfiguration: Sendable {
    /// Time allowed to establish a TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Time allowed for one whole request, from connecting to the last body byte.
    public var requestTimeout: Duration
    /// Certificates for `https` endpoints; `nil` uses the system trust store and no client certificate.
    public var tls: TLSFiles?
    /// Credentials sent as HTTP basic auth (etcd's gateway accepts them when auth is enabled).
    public var basicAuth: BasicAuth?
    /// Responses larger than this are refused rather than buffered.
    public var maximumBodyBytes: Int

    /// Creates a configuration; defaults follow etcdctl (2 s dial timeout, 5 s command timeout).
    public init(
        connectTimeout: Duration = .seconds(2),
        requestTimeout: Duration = .seconds(5),
        tls: TLSFiles? = nil,
        basicAuth: BasicAuth? = nil,
        maximumBodyBytes: Int = 4 << 20
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.tls = tls
        self.basicAuth = basicAuth
        self.maximumBodyBytes = maximumBodyBytes
    }
}

/// PEM files for TLS, named as etcdctl's `--cacert`, `--cert`, `--key`.
public struct TLSFiles: Sendable, Equatable {
    /// CA bundle that signs the members' server certificates.
    public var caCertificate: String?
    /// Client certificate for mutual TLS.
    public var certificate: String?
    /// Private key of the client certificate.
    public var key: String?
    /// Skips server certificate verification (etcdctl's `--insecure-skip-tls-verify`).
    public var insecureSkipVerify: Bool

    /// Creates a TLS file set.
    public init(caCertificate: String? = nil, certificate: String? = nil, key: String? = nil, insecureSkipVerify: Bool = false) {
        self.caCertificate = caCertificate
        self.certificate = certificate
        self.key = key
        self.insecureSkipVerify = insecureSkipVerify
    }
}

/// A user name and password for HTTP basic auth.
public struct BasicAuth: Sendable, Equatable {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// Parses `user:password`, as etcdctl's `--user` takes it.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        self.init(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }
}

extension EtcdClientConfiguration {
    /// The connection settings of a configured cluster's probes: its TLS files and credentials,
    /// its probe timeout (connecting within at most 2 s of it).
    public init(cluster: EtcdClusterConfig) {
        self.init(
            connectTimeout: .milliseconds(min(cluster.probeTimeout, 2_000)), requestTimeout: .milliseconds(cluster.probeTimeout),
            tls: cluster.http.tls?.files,
            basicAuth: cluster.http.basicAuth.map { BasicAuth(username: $0.username, password: $0.password) })
    }
}

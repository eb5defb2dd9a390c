import Foundation

/// The file of `--web.config.file`, in the format of Prometheus's exporter-toolkit (the one
/// Prometheus, Alertmanager and the exporters read): TLS for the server, extra response headers,
/// basic-auth users with bcrypt hashes, and a request rate limit. Checked as strictly as
/// exporter-toolkit checks it (unknown keys, header names and values, hash formats, TLS names),
/// with file:line:column on every error. Certificates are only checked to be readable here; the
/// web server loads them.
public struct WebConfig: Sendable, Equatable {
    /// Where it was read from.
    public var file: String
    /// `tls_server_config`; `nil` when it sets nothing, and the server speaks plain HTTP.
    public var tls: WebTLSConfig?
    /// `http_server_config.http2` (default true). etcdmon answers HTTP/1.1 whatever it says.
    public var http2 = true
    /// `http_server_config.headers`: set on every response.
    public var headers: [String: String] = [:]
    /// `basic_auth_users`: user name to bcrypt hash. Empty: no authentication.
    public var users: [String: String] = [:]
    /// `rate_limit`: at most `burst` requests at once, one more each `interval`. `nil`: no limit.
    public var rateLimit: WebRateLimit?

    /// The headers exporter-toolkit lets a file set, with the values it allows (`nil`: any value).
    /// Kept to this list on purpose, as exporter-toolkit does, so every server of the ecosystem
    /// accepts the same files.
    public static let allowedHeaders: [String: [String]?] = [
        "Strict-Transport-Security": nil,
        "X-Content-Type-Options": ["nosniff"],
        "X-Frame-Options": ["deny", "sameorigin"],
        "X-XSS-Protection": nil,
        "Content-Security-Policy": nil,
    ]

    /// Reads and checks `file`; relative certificate paths resolve against its directory.
    public static func load(file: String) throws(ConfigError) -> WebConfig {
        let text = try YAMLDocument.read(file)
        return try WebConfig(yaml: text, file: file, directory: (file as NSString).deletingLastPathComponent)
    }

    /// Parses and checks YAML text.
    public init(yaml text: String, file: String = "<input>", directory: String = "") throws(ConfigError) {
        self.file = file
        let yaml = try YAMLMapping(try YAMLDocument.compose(text, file: file), file: file, path: "")
        if let tlsYAML = try yaml.mapping("tls_server_config") {
            let tls = try WebTLSConfig(tlsYAML, directory: directory)
            self.tls = tls.isEnabled ? tls : nil
        }
        if let http = try yaml.mapping("http_server_config") {
            http2 = try http.bool("http2") ?? true
            for (name, value) in try http.stringMap("headers") ?? [] {
                guard let allowed = Self.allowedHeaders[name] else {
                    throw http.error("headers", "HTTP header \"\(name)\" can not be configured")
                }
                if let allowed, !allowed.contains(value) {
                    throw http.error("headers", "invalid value for \(name): expected one of \(allowed), got \"\(value)\"")
                }
                headers[name] = value
            }
            try http.finish()
        }
        if let usersYAML = try yaml.mapping("basic_auth_users") {
            for name in usersYAML.keys {
                let hash = try usersYAML.string(name) ?? ""
                if let problem = BcryptHash.problem(hash) { throw usersYAML.error(name, problem) }
                users[name] = hash
            }
        }
        if let limit = try yaml.mapping("rate_limit") {
            let burst = try limit.integer("burst") ?? 0
            let interval = try limit.duration("interval") ?? 0
            try limit.finish()
            if interval > 0 {
                guard burst > 0 else { throw limit.error("burst", "must be at least 1 when interval is set") }
                rateLimit = WebRateLimit(burst: burst, intervalMilliseconds: interval)
            }
        }
        try yaml.finish()
    }
}

/// `rate_limit`: a token bucket of `burst` requests refilled one per interval.
public struct WebRateLimit: Sendable, Equatable {
    public var burst: Int
    public var intervalMilliseconds: Int64

    public init(burst: Int, intervalMilliseconds: Int64) {
        self.burst = burst
        self.intervalMilliseconds = intervalMilliseconds
    }
}

/// `tls_server_config`.
public struct WebTLSConfig: Sendable, Equatable {
    /// How the server asks for client certificates (`client_auth_type`), as Go's `tls.ClientAuthType`.
    public enum ClientAuth: String, Sendable, CaseIterable {
        case noClientCert = "NoClientCert"
        case requestClientCert = "RequestClientCert"
        case requireAnyClientCert = "RequireAnyClientCert"
        case verifyClientCertIfGiven = "VerifyClientCertIfGiven"
        case requireAndVerifyClientCert = "RequireAndVerifyClientCert"

        /// Whether a certificate the client gives is checked against `client_ca_file`.
        public var verifies: Bool { self == .verifyClientCertIfGiven || self == .requireAndVerifyClientCert }
    }

    /// A TLS protocol version by its exporter-toolkit name.
    public enum Version: String, Sendable, Comparable, CaseIterable {
        case tls10 = "TLS10", tls11 = "TLS11", tls12 = "TLS12", tls13 = "TLS13"

        public static func < (lhs: Version, rhs: Version) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The server's certificate chain: a PEM file (`cert_file`) or PEM text (`cert`).
    public var certFile: String?
    public var cert: String?
    /// Its private key: `key_file` or `key`.
    public var keyFile: String?
    public var key: String?
    /// CAs that sign client certificates: `client_ca_file` or `client_ca` (the system's roots when
    /// neither is given, as in Go).
    public var clientCAFile: String?
    public var clientCA: String?
    public var clientAuth = ClientAuth.noClientCert
    /// Go's cipher-suite names (TLS 1.2 and below; TLS 1.3 suites are not configurable, as in Go).
    public var cipherSuites: [String] = []
    /// `CurveP256`, `CurveP384`, `CurveP521`, `X25519`.
    public var curvePreferences: [String] = []
    public var minVersion = Version.tls12
    public var maxVersion = Version.tls13
    /// Accepted for compatibility; like Go since 1.18, the server's order always wins.
    public var preferServerCipherSuites = true
    /// When set, a client certificate must carry one of these SANs (DNS, e-mail, IP or URI). Only
    /// with `RequireAndVerifyClientCert`: etcdmon refuses it with the other policies, where
    /// exporter-toolkit would check the SANs of a certificate it did not verify.
    public var clientAllowedSANs: [String]?
    /// Where each key was written, so that problems found when the server loads the files point at
    /// the line that named them.
    public var places: [String: ConfigError] = [:]

    /// The cipher suites Go's `tls.CipherSuites()` lists (Go 1.19, as Prometheus 2.42 was built),
    /// by name: the names a file may use.
    public static let cipherSuiteNames: Set<String> = [
        "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA",
        "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ]
    /// The curve names a file may use.
    public static let curveNames: Set<String> = ["CurveP256", "CurveP384", "CurveP521", "X25519"]

    /// Whether any key that turns TLS on is set (exporter-toolkit's `IsEnabled`).
    public var isEnabled: Bool {
        certFile != nil || cert != nil || keyFile != nil || key != nil || clientCAFile != nil || clientCA != nil
            || places["client_auth_type"] != nil
    }

    /// An error about `key`, at the line that set it (or the section when it was not set).
    public func error(_ key: String, _ reason: String) -> ConfigError {
        var error = places[key] ?? places[""] ?? ConfigError(file: "<input>", reason: "")
        error.reason = reason
        return error
    }

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        func path(_ key: String) throws(ConfigError) -> String? {
            try yaml.string(key).flatMap { $0.isEmpty ? nil : HTTPClientSettings.resolve($0, in: directory) }
        }
        func text(_ key: String) throws(ConfigError) -> String? { try yaml.string(key).flatMap { $0.isEmpty ? nil : $0 } }
        places[""] = yaml.error("")
        for key in yaml.keys { places[key] = yaml.error(key, "") }
        certFile = try path("cert_file")
        cert = try text("cert")
        keyFile = try path("key_file")
        key = try text("key")
        clientCAFile = try path("client_ca_file")
        clientCA = try text("client_ca")
        if let name = try text("client_auth_type") {
            // "RequireClientCert" is exporter-toolkit's old name for RequireAnyClientCert.
            guard let auth = ClientAuth(rawValue: name == "RequireClientCert" ? "RequireAnyClientCert" : name) else {
                throw yaml.error("client_auth_type", "invalid client_auth_type \"\(name)\": expected one of \(ClientAuth.allCases.map(\.rawValue))")
            }
            clientAuth = auth
        } else {
            places["client_auth_type"] = nil
        }
        cipherSuites = try yaml.strings("cipher_suites") ?? []
        for name in cipherSuites where !Self.cipherSuiteNames.contains(name) {
            throw yaml.error("cipher_suites", "unknown cipher: \(name)")
        }
        curvePreferences = try yaml.strings("curve_preferences") ?? []
        for name in curvePreferences where !Self.curveNames.contains(name) {
            throw yaml.error("curve_preferences", "unknown curve: \(name)")
        }
        for (key, keyPath) in [("min_version", \WebTLSConfig.minVersion), ("max_version", \.maxVersion)] {
            guard let name = try yaml.string(key) else { continue }
            guard let version = Version(rawValue: name) else {
                throw yaml.error(key, "unknown TLS version: \(name) (expected one of \(Version.allCases.map(\.rawValue)))")
            }
            self[keyPath: keyPath] = version
        }
        preferServerCipherSuites = try yaml.bool("prefer_server_cipher_suites") ?? true
        clientAllowedSANs = try yaml.strings("client_allowed_sans")
        try yaml.finish()
        guard isEnabled else { return }
        guard minVersion <= maxVersion else { throw yaml.error("min_version", "min_version is above max_version") }
        guard certFile != nil || cert != nil else { throw yaml.error("missing one of cert or cert_file") }
        guard keyFile != nil || key != nil else { throw yaml.error("missing one of key or key_file") }
        if (clientCAFile != nil || clientCA != nil) && clientAuth == .noClientCert {
            throw yaml.error(clientCAFile != nil ? "client_ca_file" : "client_ca", "client CA's have been configured without a Client Auth Policy")
        }
        if clientAllowedSANs != nil && clientAuth != .requireAndVerifyClientCert {
            throw yaml.error("client_allowed_sans", "client_allowed_sans needs client_auth_type RequireAndVerifyClientCert")
        }
        for (key, file) in [("cert_file", certFile), ("key_file", keyFile), ("client_ca_file", clientCAFile)] {
            if let file, !FileManager.default.isReadableFile(atPath: file) {
                throw yaml.error(key, "cannot read \(file)")
            }
        }
    }
}

/// The shape of a bcrypt hash (`$2b$10$` + 22 characters of salt + 31 of hash), checked as Go's
/// `bcrypt.Cost` checks it before a server accepts a user.
public enum BcryptHash {
    /// Why `hash` is not a bcrypt hash, or `nil` when it is one.
    public static func problem(_ hash: String) -> String? {
        let bytes = Array(hash.utf8)
        guard bytes.count >= 59 else { return "not a bcrypt hash: too short (\(bytes.count) characters, bcrypt's have 60)" }
        guard bytes[0] == UInt8(ascii: "$"), bytes[1] == UInt8(ascii: "2") else {
            return "not a bcrypt hash: it must start with $2a$, $2b$ or $2y$"
        }
        let minor = bytes[2] == UInt8(ascii: "$") ? 2 : 3
        guard minor == 2 || (Array("abxy".utf8).contains(bytes[2]) && bytes[3] == UInt8(ascii: "$")) else {
            return "not a bcrypt hash: unknown version \"\(String(decoding: bytes[0..<4], as: UTF8.self))\""
        }
        let rest = bytes[(minor + 1)...]
        guard rest.count == 56, let cost = Int(String(decoding: rest.prefix(2), as: UTF8.self)),
              rest[rest.startIndex + 2] == UInt8(ascii: "$") else {
            return "not a bcrypt hash: expected $2b$COST$ and 53 characters of salt and hash"
        }
        guard (4...31).contains(cost) else { return "bcrypt cost \(cost) is outside 4 to 31" }
        let alphabet = Set("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        guard rest.dropFirst(3).allSatisfy(alphabet.contains) else { return "not a bcrypt hash: salt and hash must be bcrypt's base64" }
        return nil
    }
}

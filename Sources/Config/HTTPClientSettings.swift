import Foundation

/// How a scrape (or probe) connects: credentials and TLS, as in Prometheus's `http_config`.
public struct HTTPClientSettings: Sendable, Equatable {
    /// `basic_auth`.
    public var basicAuth: BasicAuthSettings?
    /// `authorization` (or the legacy `bearer_token`/`bearer_token_file`).
    public var authorization: AuthorizationSettings?
    /// `tls_config`.
    public var tls: TLSSettings?
    /// `follow_redirects` (default true).
    public var followRedirects = true

    /// No credentials, no TLS settings.
    public init() {}

    /// The `Authorization` header value, reading credential files now (so a rotated file is picked up).
    public func authorizationHeader() throws(ConfigError) -> String? {
        if let basicAuth {
            let password = try basicAuth.passwordFile.map { (file) throws(ConfigError) in try Self.read(file) } ?? basicAuth.password
            return "Basic " + Data("\(basicAuth.username):\(password)".utf8).base64EncodedString()
        }
        if let authorization {
            let credentials = try authorization.credentialsFile.map { (file) throws(ConfigError) in try Self.read(file) }
                ?? authorization.credentials
            return "\(authorization.type) \(credentials)"
        }
        return nil
    }

    private static func read(_ file: String) throws(ConfigError) -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw ConfigError(file: file, reason: "cannot read credentials: \(error.localizedDescription)")
        }
    }

    /// Reads a file holding only HTTP client settings: promtool's `--http.config.file` (Prometheus's
    /// `HTTPClientConfig` YAML). Unknown keys are refused, as promtool refuses them.
    public static func load(file: String) throws(ConfigError) -> HTTPClientSettings {
        let text = try YAMLDocument.read(file)
        let yaml = try YAMLMapping(try YAMLDocument.compose(text, file: file), file: file, path: "")
        let settings = try HTTPClientSettings(yaml, directory: (file as NSString).deletingLastPathComponent)
        try yaml.finish()
        return settings
    }

    /// Reads the HTTP keys of `yaml` (which holds other keys too). Relative paths resolve against `directory`.
    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        if let basic = try yaml.mapping("basic_auth") {
            guard let username = try basic.string("username") else { throw basic.error("username", "required") }
            basicAuth = BasicAuthSettings(
                username: username, password: try basic.string("password") ?? "",
                passwordFile: try basic.string("password_file").map { Self.resolve($0, in: directory) })
            try basic.finish()
        }
        if let authorizationYAML = try yaml.mapping("authorization") {
            let type = try authorizationYAML.string("type") ?? "Bearer"
            guard type.lowercased() != "basic" else {
                throw authorizationYAML.error("type", "use basic_auth for Basic authorization")
            }
            authorization = AuthorizationSettings(
                type: type, credentials: try authorizationYAML.string("credentials") ?? "",
                credentialsFile: try authorizationYAML.string("credentials_file").map { Self.resolve($0, in: directory) })
            try authorizationYAML.finish()
        }
        let bearerToken = try yaml.string("bearer_token")
        let bearerTokenFile = try yaml.string("bearer_token_file")
        if bearerToken != nil || bearerTokenFile != nil {
            guard authorization == nil else {
                throw yaml.error("bearer_token", "at most one of bearer_token, bearer_token_file and authorization may be set")
            }
            authorization = AuthorizationSettings(
                type: "Bearer", credentials: bearerToken ?? "", credentialsFile: bearerTokenFile.map { Self.resolve($0, in: directory) })
        }
        if basicAuth != nil && authorization != nil {
            throw yaml.error("basic_auth", "at most one of basic_auth and authorization may be set")
        }
        if let tlsYAML = try yaml.mapping("tls_config") {
            tls = try TLSSettings(tlsYAML, directory: directory)
        }
        followRedirects = try yaml.bool("follow_redirects") ?? true
        _ = try yaml.bool("enable_http2")
    }

    package static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : directory + "/" + path
    }
}

/// `basic_auth`.
public struct BasicAuthSettings: Sendable, Equatable {
    public var username: String
    public var password: String
    public var passwordFile: String?
}

/// `authorization`: a header `type credentials`.
public struct AuthorizationSettings: Sendable, Equatable {
    public var type: String
    public var credentials: String
    public var credentialsFile: String?
}

/// `tls_config`: files and checks for HTTPS (and mTLS with `cert_file`/`key_file`).
public struct TLSSettings: Sendable, Equatable {
    /// CA bundle to verify the server with (system roots when absent).
    public var caFile: String?
    /// Client certificate (mTLS).
    public var certFile: String?
    /// Client key (mTLS).
    public var keyFile: String?
    /// Expected server name, when it differs from the host scraped.
    public var serverName: String?
    /// Skip verifying the server's certificate.
    public var insecureSkipVerify = false

    /// Creates settings.
    public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, serverName: String? = nil, insecureSkipVerify: Bool = false) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.serverName = serverName
        self.insecureSkipVerify = insecureSkipVerify
    }

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        caFile = try yaml.string("ca_file").map { HTTPClientSettings.resolve($0, in: directory) }
        certFile = try yaml.string("cert_file").map { HTTPClientSettings.resolve($0, in: directory) }
        keyFile = try yaml.string("key_file").map { HTTPClientSettings.resolve($0, in: directory) }
        serverName = try yaml.string("server_name")
        insecureSkipVerify = try yaml.bool("insecure_skip_verify") ?? false
        _ = try yaml.string("min_version")
        try yaml.finish()
        if (certFile == nil) != (keyFile == nil) {
            throw yaml.error(certFile == nil ? "key_file" : "cert_file", "cert_file and key_file must be given together")
        }
        for (key, file) in [("ca_file", caFile), ("cert_file", certFile), ("key_file", keyFile)] {
            if let file, !FileManager.default.isReadableFile(atPath: file) {
                throw yaml.error(key, "cannot read \(file)")
            }
        }
    }
}

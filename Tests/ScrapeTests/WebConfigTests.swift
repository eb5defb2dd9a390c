import Config
import Foundation
import Testing

/// The web configuration file's checks, each against the rule exporter-toolkit applies (the real
/// promtool `check web-config` comparison is in the integration tests).
@Suite("Web configuration file (exporter-toolkit format)")
struct WebConfigTests {
    static func parse(_ text: String) throws(ConfigError) -> WebConfig {
        try WebConfig(yaml: text, file: "web.yml")
    }

    static func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test("defaults: no TLS, TLS 1.2 to 1.3 when enabled, HTTP/2 on, no users")
    func defaults() throws {
        let empty = try Self.parse("")
        #expect(empty.tls == nil && empty.users.isEmpty && empty.headers.isEmpty && empty.http2 && empty.rateLimit == nil)
        let directory = FileManager.default.temporaryDirectory.path
        let tls = try WebConfig(yaml: "tls_server_config:\n  cert: x\n  key: y\n", file: "web.yml", directory: directory)
        #expect(tls.tls?.minVersion == .tls12 && tls.tls?.maxVersion == .tls13 && tls.tls?.clientAuth == .noClientCert)
    }

    @Test("what exporter-toolkit refuses is refused here, at the line that says it")
    func refusals() {
        let cases: [(String, String)] = [
            ("tls_server_config:\n  key: k\n", "web.yml:2:3: tls_server_config: missing one of cert or cert_file"),
            ("tls_server_config:\n  cert: c\n  key: k\n  client_ca: x\n", "web.yml:4:14: tls_server_config.client_ca: client CA's have been configured without a Client Auth Policy"),
            ("tls_server_config:\n  cert: c\n  key: k\n  client_auth_type: Maybe\n", "web.yml:4:21: tls_server_config.client_auth_type: invalid client_auth_type \"Maybe\""),
            ("tls_server_config:\n  cert: c\n  key: k\n  cipher_suites: [TLS_RC4_128]\n", "web.yml:4:18: tls_server_config.cipher_suites: unknown cipher: TLS_RC4_128"),
            ("tls_server_config:\n  cert: c\n  key: k\n  curve_preferences: [P999]\n", "unknown curve: P999"),
            ("tls_server_config:\n  cert: c\n  key: k\n  min_version: TLS14\n", "unknown TLS version: TLS14"),
            ("tls_server_config:\n  cert: c\n  key: k\n  min_version: TLS13\n  max_version: TLS12\n", "min_version is above max_version"),
            ("http_server_config:\n  headers:\n    X-Frame-Options: allow\n", "invalid value for X-Frame-Options"),
            ("basic_auth_users:\n  a: $2b$99$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay\n", "web.yml:2:6: basic_auth_users.a: bcrypt cost 99 is outside 4 to 31"),
            ("basic_auth_users:\n  a: $3b$12$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay\n", "it must start with $2a$, $2b$ or $2y$"),
            ("rate_limit:\n  interval: 1s\n", "burst: must be at least 1"),
            ("tls_server_confg: {}\n", "web.yml:1:1: tls_server_confg: unknown field"),
        ]
        for (text, expected) in cases {
            let message = Self.error(text)
            #expect(message.contains(expected), "\(text) → \(message)")
        }
    }

    @Test("hashes of every bcrypt flavour, the allowed headers, and a rate limit are accepted")
    func accepted() throws {
        let config = try Self.parse("""
            basic_auth_users:
              python: $2b$12$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay
              go: $2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
              old: $2a$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi
            http_server_config:
              http2: false
              headers: {X-Frame-Options: sameorigin, Strict-Transport-Security: max-age=1}
            rate_limit: {burst: 5, interval: 100ms}
            """)
        #expect(config.users.count == 3)
        #expect(config.headers == ["X-Frame-Options": "sameorigin", "Strict-Transport-Security": "max-age=1"])
        #expect(!config.http2)
        #expect(config.rateLimit == WebRateLimit(burst: 5, intervalMilliseconds: 100))
    }
}

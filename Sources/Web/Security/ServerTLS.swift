import Config
import NIOCore
import NIOSSL

/// A `tls_server_config` made ready for connections: the certificates and keys loaded into one
/// NIOSSL context, plus what the handshake must check beyond it.
package struct ServerTLS: Sendable {
    package let context: NIOSSLContext
    /// How client certificates are asked for.
    package let clientAuth: WebTLSConfig.ClientAuth
    /// SANs of which a client certificate must carry one (`client_allowed_sans`).
    package let allowedSANs: Set<String>?

    /// Loads the files `config` names (now, so a bad one is reported with the line that named it).
    package init(_ config: WebTLSConfig) throws(ConfigError) {
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: [], privateKey: .privateKey(try Self.key(config)))
        tls.certificateChain = try Self.certificates(config, file: config.certFile, text: config.cert, key: config.certFile != nil ? "cert_file" : "cert")
            .map { .certificate($0) }
        tls.minimumTLSVersion = Self.version(config.minVersion)
        tls.maximumTLSVersion = Self.version(config.maxVersion)
        // Go ignores cipher_suites for TLS 1.3, whose suites are not configurable; BoringSSL too.
        let ciphers = config.cipherSuites.compactMap { Self.ciphers[$0] }.filter { $0.rawValue < 0x1300 || $0.rawValue > 0x13FF }
        if !ciphers.isEmpty { tls.cipherSuiteValues = ciphers }
        if !config.curvePreferences.isEmpty { tls.curves = config.curvePreferences.compactMap { Self.curves[$0] } }
        if config.clientCAFile != nil || config.clientCA != nil {
            let key = config.clientCAFile != nil ? "client_ca_file" : "client_ca"
            tls.trustRoots = .certificates(try Self.certificates(config, file: config.clientCAFile, text: config.clientCA, key: key))
            tls.sendCANameList = true
        }
        switch config.clientAuth {
        case .noClientCert: tls.certificateVerification = .none
        // Asked for but not checked: the handler's callback accepts whatever comes.
        case .requestClientCert, .verifyClientCertIfGiven: tls.certificateVerification = .optionalVerification
        case .requireAnyClientCert, .requireAndVerifyClientCert: tls.certificateVerification = .noHostnameVerification
        }
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw config.error(config.keyFile != nil ? "key_file" : "key", "cannot use the certificate and key: \(error)")
        }
        clientAuth = config.clientAuth
        allowedSANs = config.clientAllowedSANs.map(Set.init)
    }

    /// The handler that runs the handshake of one connection.
    package func makeHandler() -> NIOSSLServerHandler {
        switch clientAuth {
        case .requestClientCert, .requireAnyClientCert:
            return NIOSSLServerHandler(context: context, customVerificationCallback: { _, promise in
                promise.succeed(.certificateVerified)
            }, configuration: .init())
        case .requireAndVerifyClientCert where allowedSANs != nil:
            let allowed = allowedSANs ?? []
            return NIOSSLServerHandler._makeSSLServerHandler(context: context) { certificate, channel in
                let names = Self.subjectAlternativeNames(certificate)
                guard names.contains(where: allowed.contains) else {
                    return channel.eventLoop.makeFailedFuture(ClientCertificateRefused(found: names))
                }
                return channel.eventLoop.makeSucceededFuture(())
            }
        default:
            return NIOSSLServerHandler(context: context)
        }
    }

    /// The DNS, e-mail, IP and URI SANs of `certificate`, as Go prints them.
    static func subjectAlternativeNames(_ certificate: NIOSSLCertificate) -> [String] {
        certificate._subjectAlternativeNames().compactMap { name in
            let bytes = name.contents.withUnsafeBufferPointer { Array($0) }
            switch name.nameType {
            case .ipAddress:
                if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
                return try? SocketAddress(packedIPAddress: ByteBuffer(bytes: bytes), port: 0).ipAddress
            case .dnsName, .email, .uri: return String(decoding: bytes, as: UTF8.self)
            default: return nil
            }
        }
    }

    private static func key(_ config: WebTLSConfig) throws(ConfigError) -> NIOSSLPrivateKey {
        let key = config.keyFile != nil ? "key_file" : "key"
        do {
            if let file = config.keyFile { return try NIOSSLPrivateKey(file: file, format: .pem) }
            return try NIOSSLPrivateKey(bytes: Array((config.key ?? "").utf8), format: .pem)
        } catch {
            throw config.error(key, "not a PEM private key: \(error)")
        }
    }

    private static func certificates(_ config: WebTLSConfig, file: String?, text: String?, key: String) throws(ConfigError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try file.map { try NIOSSLCertificate.fromPEMFile($0) } ?? NIOSSLCertificate.fromPEMBytes(Array((text ?? "").utf8))
        } catch {
            throw config.error(key, "not PEM certificates: \(error)")
        }
        guard !certificates.isEmpty else { throw config.error(key, "holds no PEM certificate") }
        return certificates
    }

    private static func version(_ version: WebTLSConfig.Version) -> TLSVersion {
        switch version {
        case .tls10: .tlsv1
        case .tls11: .tlsv11
        case .tls12: .tlsv12
        case .tls13: .tlsv13
        }
    }

    /// Go's names of the suites NIOSSL knows.
    private static let ciphers: [String: NIOTLSCipher] = [
        "TLS_RSA_WITH_AES_128_CBC_SHA": .TLS_RSA_WITH_AES_128_CBC_SHA,
        "TLS_RSA_WITH_AES_256_CBC_SHA": .TLS_RSA_WITH_AES_256_CBC_SHA,
        "TLS_RSA_WITH_AES_128_GCM_SHA256": .TLS_RSA_WITH_AES_128_GCM_SHA256,
        "TLS_RSA_WITH_AES_256_GCM_SHA384": .TLS_RSA_WITH_AES_256_GCM_SHA384,
        "TLS_AES_128_GCM_SHA256": .TLS_AES_128_GCM_SHA256,
        "TLS_AES_256_GCM_SHA384": .TLS_AES_256_GCM_SHA384,
        "TLS_CHACHA20_POLY1305_SHA256": .TLS_CHACHA20_POLY1305_SHA256,
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA": .TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA": .TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA": .TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA": .TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256": .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384": .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256": .TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384": .TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256": .TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256": .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    ]

    private static let curves: [String: NIOTLSCurve] = [
        "CurveP256": .secp256r1, "CurveP384": .secp384r1, "CurveP521": .secp521r1, "X25519": .x25519,
    ]
}

/// A client certificate without any of `client_allowed_sans`.
struct ClientCertificateRefused: Error, CustomStringConvertible {
    let found: [String]
    var description: String { "the client certificate carries none of the allowed SANs (it has \(found))" }
}

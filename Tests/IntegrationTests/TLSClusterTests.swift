import Foundation
import Testing
import TestSupport

/// A 3-member etcd 3.5 cluster serving clients over https with client-certificate auth; the
/// certificates are made by openssl for the test. Its own addresses keep it clear of the
/// reference cluster.
@Suite("Mutual TLS", .serialized)
struct TLSClusterTests {
    @Test func checkWithAndWithoutCertificates() async throws {
        let certificates = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-certs-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: certificates) }
        let cluster = try await LocalCluster.start(version: "3.5", options: ["--tls", certificates, "--hosts", "127.0.11.1,127.0.11.2", "--members", "3"])
        do {
            try await check(cluster, certificates: certificates)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    func check(_ cluster: LocalCluster, certificates: String) async throws {
        #expect(cluster.members.allSatisfy { $0.endpoint.hasPrefix("https://") })

        let withCertificates = try await Command.etcdmon([
            "check", "--endpoints", cluster.member("etcd1").endpoint, "--discover", "--output", "json",
            "--cacert", "\(certificates)/ca.pem", "--cert", "\(certificates)/client.pem", "--key", "\(certificates)/client-key.pem",
        ])
        #expect(withCertificates.exitCode == 0, "\(withCertificates)")
        let json = try withCertificates.json()
        #expect((json["members"] as? [[String: Any]])?.count == 3)
        #expect(json["verdict"] as? String == "healthy")

        // Without a CA the server certificate cannot be verified.
        let noCA = try await Command.etcdmon(["check", "--endpoints", cluster.endpoints, "--timeout", "3"])
        #expect(noCA.exitCode == 2)
        #expect(noCA.standardOutput.contains("TLS"), "\(noCA)")

        // With the CA but no client certificate, etcd refuses the handshake.
        let noClientCertificate = try await Command.etcdmon([
            "check", "--endpoints", cluster.endpoints, "--timeout", "3", "--cacert", "\(certificates)/ca.pem", "--output", "json",
        ])
        #expect(noClientCertificate.exitCode == 2)
        let errors = (try noClientCertificate.json()["members"] as? [[String: Any]])?.compactMap { ($0["errors"] as? [String])?.first } ?? []
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0.contains("TLS") || $0.contains("closed the connection") || $0.contains("reset") }, "\(errors)")

        // A missing key file is a usage error naming the file, before any request.
        let badFile = try await Command.etcdmon(["check", "--endpoints", cluster.endpoints, "--cert", "/nonexistent/c.pem", "--key", "/nonexistent/k.pem"])
        #expect(badFile.exitCode == 64)
        #expect(badFile.standardError.contains("/nonexistent/c.pem"))
    }

    @Test("serve scrapes and probes a mutual-TLS cluster with tls_config; without a client certificate the scrape fails, saying why")
    func serveOverMutualTLS() async throws {
        let certificates = FileManager.default.temporaryDirectory.appendingPathComponent("etcdmon-certs-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: certificates) }
        let cluster = try await LocalCluster.start(version: "3.5", options: ["--tls", certificates, "--hosts", "127.0.11.1,127.0.11.2", "--members", "3"])
        do {
            let directory = try ServeScrapeTests.temporaryDirectory("tls")
            let config = directory + "/etcdmon.yml"
            try """
                global: {scrape_interval: 1s}
                scrape_configs:
                  - job_name: no-client-certificate
                    scheme: https
                    tls_config: {ca_file: \(certificates)/ca.pem}
                    static_configs: [{targets: ['127.0.11.1:2379']}]
                etcd:
                  clusters:
                    - name: secure
                      endpoints: [https://127.0.11.1:2379]
                      discovery: {refresh_interval: 1s}
                      tls_config: {ca_file: \(certificates)/ca.pem, cert_file: \(certificates)/client.pem, key_file: \(certificates)/client-key.pem}
                """.write(toFile: config, atomically: true, encoding: .utf8)
            let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--config.file", config])
            defer { kill(server.pid, SIGKILL) }
            try await server.waitUntilReady()
            #expect(try await server.eventually(within: .seconds(10)) {
                try await server.query("up{job=\"etcd\",cluster=\"secure\"} == 1").count == 3
            })
            #expect(try await server.eventually(within: .seconds(5)) {
                try await server.query("etcdmon_probe_success{probe=\"status\"} == 1").count == 3
            })
            #expect(try await server.query("etcdmon_member_is_leader == 1").count == 1)
            let refused = try await server.activeTargets().first { ($0["labels"] as? [String: String])?["job"] == "no-client-certificate" }
            let error = refused?["lastError"] as? String ?? ""
            #expect(refused?["health"] as? String == "down" && !error.isEmpty, "\(String(describing: refused))")
            #expect(try await server.stop() == 0)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }
}

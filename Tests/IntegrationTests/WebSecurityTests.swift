import Foundation
import Testing
import TestSupport

/// `--web.config.file` (exporter-toolkit's format) with real peers: a real Prometheus 2.42 scraping
/// etcdmon over HTTPS with basic auth and a client certificate, `etcdmon query` as a client, promtool's `check web-config` as the reference for which files are valid, curl for the rest. Certificates are made by openssl in each test.
@Suite("Web security: TLS, basic auth, the web config file, admin API, connection limits", .serialized)
struct WebSecurityTests {
    /// bcrypt of "test" as Prometheus's documentation gives it (made by Python's bcrypt).
    static let hashOfTest = "$2b$12$hNf2lSsxfm0.i4a.1kVpSOVyBCfIB51VRjgBUyv6kdnyTlgWj81Ay"
    /// bcrypt of "fakepassword" as Go's x/crypto/bcrypt wrote it (exporter-toolkit's decoy).
    static let goHashOfFakePassword = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi"

    /// A CA, a server certificate it signs for `etcdmon.test` and `address`'s IP, and a client
    /// certificate signed by a second CA, as PEM files in `directory` (`<prefix>ca.crt`, `server.crt`…).
    static func makeCertificates(in directory: String, for address: String, prefix: String = "") async throws {
        func openssl(_ arguments: [String]) async throws {
            let result = try await Command.run("/usr/bin/openssl", arguments)
            guard result.exitCode == 0 else { throw CommandError(message: "openssl \(arguments): \(result.standardError)") }
        }
        let path = { (name: String) in "\(directory)/\(prefix)\(name)" }
        try "subjectAltName=DNS:etcdmon.test,IP:\(address.split(separator: ":")[0])\n".write(toFile: path("server.ext"), atomically: true, encoding: .utf8)
        try "subjectAltName=DNS:prometheus.client\n".write(toFile: path("client.ext"), atomically: true, encoding: .utf8)
        for (ca, subject) in [("ca", "/CN=etcdmon test CA"), ("client-ca", "/CN=etcdmon client CA")] {
            try await openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", subject,
                               "-keyout", path("\(ca).key"), "-out", path("\(ca).crt")])
        }
        for (name, ca, subject) in [("server", "ca", "/CN=etcdmon.test"), ("client", "client-ca", "/CN=prometheus")] {
            try await openssl(["req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", path("\(name).key"), "-out", path("\(name).csr")])
            try await openssl(["x509", "-req", "-in", path("\(name).csr"), "-CA", path("\(ca).crt"), "-CAkey", path("\(ca).key"),
                               "-CAcreateserial", "-days", "2", "-extfile", path("\(name).ext"), "-out", path("\(name).crt")])
        }
    }

    /// curl through `server`'s TLS; returns "body status".
    static func curl(_ server: EtcdmonServer, _ path: String, _ options: [String]) async throws -> CommandResult {
        try await Command.run("/usr/bin/curl", ["-s", "-w", " %{http_code}"] + options + ["https://\(server.address)\(path)"])
    }

    @Test("a real Prometheus scrapes etcdmon over HTTPS with basic auth and a client certificate; without either, or over HTTP, it is refused")
    func prometheusScrapesOverTLS() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("websec")
        let address = EtcdmonServer.randomAddress()
        try await Self.makeCertificates(in: directory, for: address)
        let webConfig = directory + "/web.yml"
        try """
            tls_server_config:
              cert_file: server.crt
              key_file: server.key
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: client-ca.crt
            basic_auth_users:
              prom: \(Self.hashOfTest)
            http_server_config:
              headers:
                X-Frame-Options: deny
                Strict-Transport-Security: max-age=31536000
            """.write(toFile: webConfig, atomically: true, encoding: .utf8)
        let check = try await Command.etcdmon(["web", "check", webConfig])
        #expect(check.exitCode == 0 && check.standardOutput.contains("SUCCESS: TLS (RequireAndVerifyClientCert), 1 basic-auth users"), "\(check)")
        let promtoolCheck = try await Command.run("/usr/bin/promtool", ["check", "web-config", webConfig])
        #expect(promtoolCheck.exitCode == 0, "promtool agrees: \(promtoolCheck)")

        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--web.config.file", webConfig], address: address)
        defer { kill(server.pid, SIGKILL) }
        let client = ["--cacert", directory + "/ca.crt", "--cert", directory + "/client.crt", "--key", directory + "/client.key"]
        try await server.waitUntilReady(scheme: "https", curl: client + ["-u", "prom:test"])

        // curl: the answers exporter-toolkit gives.
        let unauthorized = try await Command.run("/usr/bin/curl", ["-s", "-D", "-", "-o", "/dev/null"] + client + ["https://\(server.address)/metrics"])
        #expect(unauthorized.standardOutput.hasPrefix("HTTP/1.1 401"), "\(unauthorized)")
        #expect(unauthorized.standardOutput.lowercased().contains("www-authenticate: basic"), "\(unauthorized)")
        #expect(unauthorized.standardOutput.lowercased().contains("x-frame-options: deny"), "headers on refusals too")
        let wrong = try await Self.curl(server, "/-/healthy", client + ["-u", "prom:nope"])
        #expect(wrong.standardOutput == "Unauthorized\n 401", "\(wrong)")
        let noCertificate = try await Self.curl(server, "/-/healthy", ["--cacert", directory + "/ca.crt", "-u", "prom:test"])
        #expect(noCertificate.exitCode != 0, "the handshake needs a client certificate: \(noCertificate)")
        let plain = try await Command.run("/usr/bin/curl", ["-s", "-w", "%{http_code}", "http://\(server.address)/-/healthy"])
        #expect(plain.exitCode != 0 || plain.standardOutput.hasSuffix("000"), "plain HTTP to the TLS port: \(plain)")

        // A real Prometheus, four ways.
        let tls = "tls_config: {ca_file: \(directory)/ca.crt, server_name: etcdmon.test, cert_file: \(directory)/client.crt, key_file: \(directory)/client.key}"
        let tlsWithoutCertificate = "tls_config: {ca_file: \(directory)/ca.crt, server_name: etcdmon.test}"
        let prometheusConfig = directory + "/prometheus.yml"
        try """
            global: {scrape_interval: 1s, scrape_timeout: 900ms}
            scrape_configs:
              - job_name: authorized
                scheme: https
                basic_auth: {username: prom, password: test}
                \(tls)
                static_configs: [{targets: ['\(server.address)']}]
              - job_name: no-credentials
                scheme: https
                \(tls)
                static_configs: [{targets: ['\(server.address)']}]
              - job_name: no-client-certificate
                scheme: https
                basic_auth: {username: prom, password: test}
                \(tlsWithoutCertificate)
                static_configs: [{targets: ['\(server.address)']}]
              - job_name: plain-http
                static_configs: [{targets: ['\(server.address)']}]
            """.write(toFile: prometheusConfig, atomically: true, encoding: .utf8)
        let prometheus = try PrometheusProcess(dataDirectory: directory + "/prometheus", configuration: prometheusConfig)
        defer { prometheus.stop() }
        var up: [String: String] = [:]
        for _ in 0..<60 {
            let now = String(Date().timeIntervalSince1970)
            up = Dictionary(try await prometheus.query("up", time: now).map { ($0.labels["job"] ?? "", $0.value) }, uniquingKeysWith: { $1 })
            if up.count == 4 { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(up == ["authorized": "1", "no-credentials": "0", "no-client-certificate": "0", "plain-http": "0"], "\(up)")
        let targets = try await prometheus.api("/api/v1/targets", []) ["activeTargets"] as? [[String: Any]] ?? []
        let errors = Dictionary(targets.map { (($0["labels"] as? [String: String])?["job"] ?? "", $0["lastError"] as? String ?? "") }, uniquingKeysWith: { $1 })
        #expect(errors["no-credentials"]?.contains("401") == true, "\(errors)")
        #expect(errors["authorized"] == "", "\(errors)")
        // Prometheus really read etcdmon's own metrics through TLS.
        let scraped = try await prometheus.query("count({job=\"authorized\"})", time: String(Date().timeIntervalSince1970))
        #expect((Double(scraped.first?.value ?? "0") ?? 0) > 5, "\(scraped)")

        // Clients etcdmon ships, and promtool, through TLS, the client certificate and basic auth.
        let httpConfig = directory + "/http.yml"
        try """
            basic_auth: {username: prom, password: test}
            tls_config: {ca_file: ca.crt, cert_file: client.crt, key_file: client.key}
            """.write(toFile: httpConfig, atomically: true, encoding: .utf8)
        let ours = try await Command.etcdmon(["query", "--server", "https://\(server.address)", "--http.config.file", httpConfig, "vector(42)"])
        #expect(ours.exitCode == 0 && ours.standardOutput.hasPrefix("{} => 42"), "\(ours)")
        let refused = try await Command.etcdmon(["query", "--server", "https://\(server.address)", "vector(42)"])
        #expect(refused.exitCode != 0, "\(refused)")
        #expect(try await server.stop() == 0)
    }

    @Test("the file is re-read: users change and certificates rotate without a restart; a bad file is refused with file:line and the good one kept")
    func reloadAndBadFiles() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("webreload")
        let address = EtcdmonServer.randomAddress()
        try await Self.makeCertificates(in: directory, for: address)
        let webConfig = directory + "/web.yml"
        func write(users: [String: String]) throws {
            let lines = users.keys.sorted().map { "  \($0): \(users[$0]!)" }.joined(separator: "\n")
            try "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n\(lines)\n"
                .write(toFile: webConfig, atomically: true, encoding: .utf8)
        }
        try write(users: ["alice": Self.hashOfTest, "gopher": Self.goHashOfFakePassword])
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--web.config.file", webConfig, "--web.enable-lifecycle"], address: address)
        defer { kill(server.pid, SIGKILL) }
        let ca = ["--cacert", directory + "/ca.crt"]
        try await server.waitUntilReady(scheme: "https", curl: ca + ["-u", "alice:test"])
        #expect(try await Self.curl(server, "/-/healthy", ca + ["-u", "gopher:fakepassword"]).standardOutput.hasSuffix(" 200"), "Go's $2y$ hashes")
        #expect(try await Self.curl(server, "/-/healthy", ca + ["-u", "nobody:test"]).standardOutput.hasSuffix(" 401"))

        // A new user, hashed by `etcdmon web hash-password`, works on the next request.
        let hashed = try await Command.run("/bin/sh", ["-c", "echo s3cret | \(Command.etcdmonBinary) web hash-password --cost 4"])
        let bobHash = hashed.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bobHash.hasPrefix("$2b$04$") && bobHash.count == 60, "\(hashed)")
        try write(users: ["alice": Self.hashOfTest, "bob": bobHash])
        #expect(try await Self.curl(server, "/-/healthy", ca + ["-u", "bob:s3cret"]).standardOutput.hasSuffix(" 200"))
        #expect(try await Self.curl(server, "/-/healthy", ca + ["-u", "gopher:fakepassword"]).standardOutput.hasSuffix(" 401"), "removed")

        // A rotated certificate (a new CA's) is served to the next connection.
        try await Self.makeCertificates(in: directory, for: address, prefix: "next-")
        for file in ["server.crt", "server.key"] { rename("\(directory)/next-\(file)", "\(directory)/\(file)") }
        #expect(try await Self.curl(server, "/-/healthy", ["--cacert", directory + "/next-ca.crt", "-u", "bob:s3cret"]).standardOutput.hasSuffix(" 200"))
        #expect(try await Self.curl(server, "/-/healthy", ca + ["-u", "bob:s3cret"]).exitCode != 0, "the old CA no longer verifies it")
        let nextCA = ["--cacert", directory + "/next-ca.crt"]

        // A bad file: refused on reload with file:line, and the one in force kept.
        try "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\nbasic_auth_users:\n  bob: not-a-hash\n"
            .write(toFile: webConfig, atomically: true, encoding: .utf8)
        let reload = try await Self.curl(server, "/-/reload", nextCA + ["-u", "bob:s3cret", "-X", "POST"])
        #expect(reload.standardOutput.hasSuffix(" 500") && reload.standardOutput.contains("web.yml:5:8: basic_auth_users.bob: not a bcrypt hash"), "\(reload)")
        #expect(try await Self.curl(server, "/-/healthy", nextCA + ["-u", "bob:s3cret"]).standardOutput.hasSuffix(" 200"), "kept")
        #expect(server.log.contains("web config file refused; keeping the one in force"))
        #expect(try await server.stop() == 0)

        // Bad files at start and in `web check`: file:line and the reason, as exporter-toolkit names it.
        let bad: [(String, String, String)] = [
            ("missing-key.yml", "tls_server_config:\n  cert_file: server.crt\n", "missing-key.yml:2:3: tls_server_config: missing one of key or key_file"),
            ("hash.yml", "basic_auth_users:\n  alice: secret\n", "hash.yml:2:10: basic_auth_users.alice: not a bcrypt hash: too short"),
            ("unknown.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  cert_flie: x\n", "unknown.yml:4:3: tls_server_config.cert_flie: unknown field"),
            ("header.yml", "http_server_config:\n  headers:\n    X-Powered-By: etcdmon\n", "header.yml:3:5: http_server_config.headers: HTTP header \"X-Powered-By\" can not be configured"),
            ("key.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: server.crt\n", "key.yml:3:13: tls_server_config.key_file: not a PEM private key"),
        ]
        for (name, text, message) in bad {
            let path = directory + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let checked = try await Command.etcdmon(["web", "check", path])
            #expect(checked.exitCode == 1 && checked.standardOutput.contains("FAILED: " + path.replacingOccurrences(of: name, with: "") + message), "\(checked)")
            let promtool = try await Command.run("/usr/bin/promtool", ["check", "web-config", path])
            #expect(promtool.exitCode == 1, "promtool refuses \(name) too: \(promtool)")
        }
        let refused = try await Command.etcdmon(["serve", "--data-dir", directory + "/data", "--web.listen-address", "127.0.14.1:29999",
                                                 "--web.config.file", directory + "/hash.yml"])
        #expect(refused.exitCode == 2 && refused.standardError.contains("hash.yml:2:10"), "\(refused)")
    }

    @Test("admin endpoints: 503 without --web.enable-admin-api; with it a snapshot that promtool opens, delete_series and clean_tombstones")
    func adminAPI() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("admin")
        func post(_ server: EtcdmonServer, _ path: String, _ form: [String] = []) async throws -> CommandResult {
            try await Command.run("/usr/bin/curl", ["-s", "-X", "POST", "-w", " %{http_code}"] + form.flatMap { ["--data-urlencode", $0] }
                                  + ["http://\(server.address)\(path)"])
        }
        let gated = try EtcdmonServer(directory: directory + "/gated")
        try await gated.waitUntilReady()
        for path in ["snapshot", "delete_series", "clean_tombstones"] {
            let answer = try await post(gated, "/api/v1/admin/tsdb/" + path, ["match[]=up"])
            #expect(answer.standardOutput == "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"admin APIs disabled\"} 503", "\(path): \(answer)")
        }
        #expect(try await gated.stop() == 0)

        // A server scraping itself, so there is something to copy and delete.
        let config = directory + "/self.yml"
        try "global: {}\n".write(toFile: config, atomically: true, encoding: .utf8)
        let server = try EtcdmonServer(directory: directory + "/data", arguments: ["--web.enable-admin-api", "--config.file", config])
        defer { kill(server.pid, SIGKILL) }
        try await server.waitUntilReady()
        // Its address is known once it is started: the job goes in with a reload.
        try "global: {scrape_interval: 500ms}\nscrape_configs:\n  - job_name: self\n    static_configs: [{targets: ['\(server.address)']}]\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        kill(server.pid, SIGHUP)
        #expect(try await server.eventually(within: .seconds(10)) {
            (try await server.query("count_over_time(up[1m])").first?.value ?? 0) >= 4
        })
        let snapshot = try await post(server, "/api/v1/admin/tsdb/snapshot")
        let name = (try? JSONSerialization.jsonObject(with: Data(snapshot.standardOutput.dropLast(4).utf8)) as? [String: Any])
            .flatMap { ($0["data"] as? [String: Any])?["name"] as? String } ?? ""
        #expect(snapshot.standardOutput.hasSuffix(" 200") && name.count > 17, "\(snapshot)")
        let copy = directory + "/data/snapshots/" + name
        let list = try await Command.run("/usr/bin/promtool", ["tsdb", "list", copy])
        #expect(list.exitCode == 0 && list.standardOutput.split(separator: "\n").count == 2, "the head as one block: \(list)")
        let dump = try await Command.run("/usr/bin/promtool", ["tsdb", "dump", copy])
        #expect(dump.standardOutput.split(separator: "\n").filter { $0.hasPrefix("{__name__=\"up\"") }.count >= 4, "\(dump.standardError)")
        let fromCopy = try await Command.etcdmon(["query", "--data-dir", copy, "count_over_time(up[10m])"])
        #expect(fromCopy.exitCode == 0 && fromCopy.standardOutput.contains("job=\"self\""), "\(fromCopy)")

        // delete_series: gone from answers at once; the snapshot keeps its copy.
        #expect(try await post(server, "/api/v1/admin/tsdb/delete_series").standardOutput.hasSuffix(" 400"), "match[] is required")
        let deleted = try await post(server, "/api/v1/admin/tsdb/delete_series", ["match[]=up{job=\"self\"}"])
        #expect(deleted.standardOutput == " 204", "\(deleted)")
        let left = try await server.query("count_over_time(up[1m])").first?.value ?? 0
        #expect(left <= 2, "only samples scraped since the deletion: \(left)")
        #expect(try await post(server, "/api/v1/admin/tsdb/clean_tombstones").standardOutput == " 204")
        let again = try await Command.run("/usr/bin/promtool", ["tsdb", "dump", copy])
        #expect(again.standardOutput == dump.standardOutput, "the snapshot is a copy, not a view")
        #expect(try await server.stop() == 0)
    }

    @Test("--web.read-timeout closes a connection that trickles its request; --web.max-connections holds back the connection past the limit")
    func connectionLimits() async throws {
        let directory = try ServeScrapeTests.temporaryDirectory("connections")
        let slow = try EtcdmonServer(directory: directory + "/slow", arguments: ["--web.read-timeout", "1s"])
        defer { kill(slow.pid, SIGKILL) }
        try await slow.waitUntilReady()
        let (host, port) = (slow.address.split(separator: ":")[0], slow.address.split(separator: ":")[1])
        // Half a request line, then silence: the server must close within the timeout (plus slack).
        let trickle = try await Command.run("/usr/bin/python3", ["-c", """
            import socket, time
            s = socket.create_connection(("\(host)", \(port)))
            s.sendall(b"GET /-/healthy HTTP/1.1\\r\\nHo")
            start = time.time()
            s.settimeout(10)
            data = s.recv(1024)
            print("closed" if data == b"" else "data", round(time.time() - start, 1))
            """])
        let words = trickle.standardOutput.split(separator: " ")
        #expect(words.first == "closed" && (Double(words.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 99) < 5, "\(trickle)")
        // A request answered before its body arrived (a 404 answers the head): once the body is in,
        // the connection is idle and must still be closed in time.
        let early = try await Command.run("/usr/bin/python3", ["-c", """
            import socket, time
            s = socket.create_connection(("\(host)", \(port)))
            s.sendall(b"POST /nowhere HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 4\\r\\n\\r\\n")
            s.settimeout(10)
            answer = s.recv(4096)
            s.sendall(b"body")
            start = time.time()
            while s.recv(4096):
                pass
            print(answer.split(b" ")[1].decode(), round(time.time() - start, 1))
            """])
        let parts = early.standardOutput.split(separator: " ")
        #expect(parts.first == "404" && (Double(parts.last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 99) < 5, "\(early)")
        #expect(try await slow.stop() == 0)

        let limited = try EtcdmonServer(directory: directory + "/limited", arguments: ["--web.max-connections", "2"])
        defer { kill(limited.pid, SIGKILL) }
        try await limited.waitUntilReady()
        let (limitedHost, limitedPort) = (limited.address.split(separator: ":")[0], limited.address.split(separator: ":")[1])
        let held = try await Command.run("/usr/bin/python3", ["-c", """
            import socket, subprocess
            idle = [socket.create_connection(("\(limitedHost)", \(limitedPort))) for _ in range(2)]
            third = subprocess.run(["curl", "-s", "-m", "2", "-o", "/dev/null", "-w", "%{http_code}", "http://\(limited.address)/-/healthy"], capture_output=True, text=True)
            for s in idle: s.close()
            fourth = subprocess.run(["curl", "-s", "-m", "5", "-o", "/dev/null", "-w", "%{http_code}", "http://\(limited.address)/-/healthy"], capture_output=True, text=True)
            print(third.returncode, third.stdout, fourth.returncode, fourth.stdout)
            """], timeout: .seconds(30))
        #expect(held.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "28 000 0 200", "held at the limit, answered once a connection closed: \(held)")
        #expect(try await limited.stop() == 0)
    }
}

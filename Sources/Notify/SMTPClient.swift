import Crypto
import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// An SMTP conversation, as Go's `net/smtp` holds it for Alertmanager: greeting, EHLO, STARTTLS
/// when offered (required unless `requireTLS` is false), AUTH with the first mechanism of the
/// server's that can be used (CRAM-MD5, PLAIN, LOGIN), then MAIL FROM, RCPT TO for each recipient,
/// DATA and QUIT. Port 465 speaks TLS from the start. Every reply line is bounded, and the whole
/// conversation has a deadline.
struct SMTPClient {
    var host: String
    var port: Int
    var hello: String
    var requireTLS: Bool
    var tls: TLSConfiguration
    /// The server name TLS verifies (the host unless the config says otherwise).
    var serverName: String?
    var username = ""
    var password = ""
    var identity = ""
    var secret = ""

    /// The longest reply line read; a server sending longer ones is refused.
    static let maximumLine = 4096
    static let timeout: Duration = .seconds(30)

    /// Sends `message` (the whole RFC 5322 text, CRLF line ends) from `from` to `recipients`.
    func send(_ message: [UInt8], from: String, to recipients: [String]) async throws(NotifyError) {
        let client = self
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await client.converse(message, from: from, to: recipients) }
                group.addTask {
                    try await Task.sleep(for: Self.timeout)
                    throw SMTPFailure("no answer from \(client.host):\(client.port) within \(Self.timeout)", retryable: true)
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let failure as SMTPFailure {
            throw NotifyError(failure.message, retryable: failure.retryable)
        } catch {
            throw NotifyError("establish connection to server: \(error)", retryable: true)
        }
    }

    private func converse(_ message: [UInt8], from: String, to recipients: [String]) async throws {
        let implicitTLS = port == 465
        let context = try NIOSSLContext(configuration: tls)
        // SNI carries names only: for an address, the chain is verified without a name (as
        // AsyncHTTPClient does).
        let candidate = serverName ?? host
        let name: String? = candidate.allSatisfy({ $0.isNumber || $0 == "." }) || candidate.contains(":") ? nil : candidate
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicitTLS {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: name))
                    }
                    // Bounded where lines are framed: a server that never ends a line cannot grow the buffer.
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder(), maximumBufferSize: Self.maximumLine))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            var encrypted = implicitTLS
            func reply() async throws -> (code: Int, lines: [String]) {
                var text: [String] = []
                while true {
                    let next: ByteBuffer?
                    do { next = try await lines.next() } catch is ByteToMessageDecoderError.PayloadTooLargeError {
                        throw SMTPFailure("a reply line longer than \(Self.maximumLine) bytes", retryable: false)
                    }
                    guard var buffer = next else { throw SMTPFailure("connection closed by \(host)", retryable: true) }
                    var line = buffer.readString(length: buffer.readableBytes) ?? ""
                    if line.hasSuffix("\r") { line.removeLast() }
                    text.append(line)
                    guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPFailure("malformed reply: \(line)", retryable: true) }
                    if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " { return (code, text) }
                }
            }
            func command(_ text: String, expect expected: Int) async throws -> [String] {
                try await outbound.write(ByteBuffer(string: text + "\r\n"))
                let answer = try await reply()
                guard answer.code == expected else {
                    // 4xx replies are temporary: worth trying again.
                    throw SMTPFailure(answer.lines.joined(separator: "\n"), retryable: answer.code >= 400 && answer.code < 500)
                }
                return answer.lines
            }
            let greeting = try await reply()
            guard greeting.code == 220 else { throw SMTPFailure(greeting.lines.joined(separator: "\n"), retryable: true) }
            var extensions = Self.extensions(try await command("EHLO " + hello, expect: 250))
            if !encrypted {
                if extensions["STARTTLS"] != nil {
                    _ = try await command("STARTTLS", expect: 220)
                    let handler = try NIOSSLClientHandler(context: context, serverHostname: name)
                    try await channel.channel.eventLoop.submit {
                        try channel.channel.pipeline.syncOperations.addHandler(handler, position: .first)
                    }.get()
                    encrypted = true
                    extensions = Self.extensions(try await command("EHLO " + hello, expect: 250))
                } else if requireTLS {
                    throw SMTPFailure("'require_tls' is true (default) but \"\(host):\(port)\" does not advertise the STARTTLS extension", retryable: true)
                }
            }
            if !username.isEmpty, let mechanisms = extensions["AUTH"] {
                try await authenticate(mechanisms.split(separator: " ").map(String.init), encrypted: encrypted, command: command)
            }
            _ = try await command("MAIL FROM:<\(from)>" + (extensions["8BITMIME"] != nil ? " BODY=8BITMIME" : ""), expect: 250)
            for recipient in recipients { _ = try await command("RCPT TO:<\(recipient)>", expect: 250) }
            _ = try await command("DATA", expect: 354)
            try await outbound.write(ByteBuffer(bytes: Self.dotStuffed(message)))
            let accepted = try await reply()
            guard accepted.code == 250 else { throw SMTPFailure(accepted.lines.joined(separator: "\n"), retryable: accepted.code < 500) }
            _ = try? await command("QUIT", expect: 221)
        }
    }

    /// The first of the server's mechanisms that can be used, in the server's order (Go's walk).
    private func authenticate(_ mechanisms: [String], encrypted: Bool,
                              command: (String, Int) async throws -> [String]) async throws {
        var errors: [String] = []
        for mechanism in mechanisms.map({ $0.uppercased() }) {
            switch mechanism {
            case "CRAM-MD5":
                guard !secret.isEmpty else { errors.append("missing secret for CRAM-MD5 auth mechanism"); continue }
                let challenge = try await command("AUTH CRAM-MD5", 334)
                let decoded = Data(base64Encoded: String(challenge.first?.dropFirst(4) ?? "")) ?? Data()
                let digest = HMAC<Insecure.MD5>.authenticationCode(for: decoded, using: SymmetricKey(data: Data(secret.utf8)))
                let response = username + " " + digest.map { String(format: "%02x", $0) }.joined()
                _ = try await command(Data(response.utf8).base64EncodedString(), 235)
                return
            case "PLAIN":
                guard !password.isEmpty else { errors.append("missing password for PLAIN auth mechanism"); continue }
                // Go refuses PLAIN in the clear except to this machine.
                guard encrypted || ["localhost", "127.0.0.1", "::1"].contains(host) else { errors.append("unencrypted connection"); continue }
                let credentials = Data((identity + "\u{0}" + username + "\u{0}" + password).utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN " + credentials, 235)
                return
            case "LOGIN":
                guard !password.isEmpty else { errors.append("missing password for LOGIN auth mechanism"); continue }
                _ = try await command("AUTH LOGIN", 334)
                _ = try await command(Data(username.utf8).base64EncodedString(), 334)
                _ = try await command(Data(password.utf8).base64EncodedString(), 235)
                return
            default:
                continue
            }
        }
        throw SMTPFailure(errors.isEmpty ? "unknown auth mechanism: \(mechanisms.joined(separator: " "))" : errors.joined(separator: "; "), retryable: false)
    }

    /// EHLO's extensions: keyword → parameters.
    static func extensions(_ lines: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for line in lines.dropFirst() {
            let text = line.dropFirst(4)
            let parts = text.split(separator: " ", maxSplits: 1)
            guard let keyword = parts.first else { continue }
            found[keyword.uppercased()] = parts.count > 1 ? String(parts[1]) : ""
        }
        return found
    }

    /// The message with lines starting with `.` doubled and the closing `.` line.
    static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + 16)
        var atLineStart = true
        for byte in message {
            if atLineStart && byte == UInt8(ascii: ".") { output.append(byte) }
            output.append(byte)
            atLineStart = byte == 0x0A
        }
        if !atLineStart { output += Array("\r\n".utf8) }
        output += Array(".\r\n".utf8)
        return output
    }
}

/// An SMTP conversation that failed: the server's reply or what went wrong, and whether another
/// attempt may succeed.
struct SMTPFailure: Error {
    var message: String
    var retryable: Bool
    init(_ message: String, retryable: Bool) { (self.message, self.retryable) = (message, retryable) }
}

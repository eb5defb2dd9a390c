import Config
import EtcdClient
import EtcdmonModel
import Foundation
import NIOSSL

/// Delivers by e-mail over SMTP: headers, `to`, `from`, the HTML and text bodies are templates
/// (Alertmanager's defaults: the subject line and an HTML summary); a multipart/alternative
/// message of quoted-printable parts, as Alertmanager writes it.
public struct EmailIntegration: Integration {
    public let name = "email"
    public let config: EmailConfig
    let templates: NotificationTemplates
    let tls: TLSConfiguration

    public var sendResolved: Bool { config.sendResolved }

    init(_ config: EmailConfig, templates: NotificationTemplates) throws {
        (self.config, self.templates) = (config, templates)
        tls = try EtcdClient.makeTLSConfiguration(config.tls?.files)
    }

    public func notify(_ alerts: [Alert], context: NotificationContext) async throws(NotifyError) {
        let data = NotificationData(receiver: context.receiver, groupLabels: context.groupLabels, alerts: alerts,
                                    externalURL: context.externalURL, now: context.now)
        let message: [UInt8]
        let from: [String]
        let to: [String]
        do {
            from = Self.addresses(try templates.text(config.from, data))
            to = Self.addresses(try templates.text(config.to, data))
            message = try self.message(data, now: context.now)
        } catch {
            throw NotifyError("execute template: \(error)", retryable: false)
        }
        guard from.count == 1 else { throw NotifyError("must be exactly one 'from' address (got: \(from.count))", retryable: false) }
        guard !to.isEmpty else { throw NotifyError("no 'to' address", retryable: false) }
        guard let colon = config.smarthost.lastIndex(of: ":"), let port = Int(config.smarthost[config.smarthost.index(after: colon)...]) else {
            throw NotifyError("invalid smarthost \(config.smarthost)", retryable: false)
        }
        var client = SMTPClient(host: String(config.smarthost[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port,
                                hello: config.hello, requireTLS: config.requireTLS, tls: tls, serverName: config.tls?.serverName)
        client.username = config.authUsername
        client.password = config.authPasswordFile.isEmpty
            ? config.authPassword
            : ((try? String(contentsOfFile: config.authPasswordFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        client.identity = config.authIdentity
        client.secret = config.authSecret
        try await client.send(message, from: from[0], to: to)
    }

    public func render(_ data: NotificationData) throws {
        _ = try templates.text(config.to, data)
        _ = try templates.text(config.from, data)
        _ = try message(data, now: 0)
    }

    /// The whole message: headers, then the text and HTML parts.
    func message(_ data: NotificationData, now: Int64) throws -> [UInt8] {
        var headers = ""
        for (name, value) in config.headers.sorted(by: { $0.key < $1.key }) {
            headers += name + ": " + Self.encodedWord(try templates.text(value, data)) + "\r\n"
        }
        if config.headers["Message-Id"] == nil {
            headers += "Message-Id: <\(now).\(UInt64.random(in: 0 ... .max))@\(ProcessInfo.processInfo.hostName)>\r\n"
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        headers += "Date: " + formatter.string(from: Date(timeIntervalSince1970: Double(now) / 1e9)) + "\r\n"
        let boundary = (0..<30).map { _ in String(format: "%02x", UInt8.random(in: 0 ... .max)) }.joined()
        headers += "Content-Type: multipart/alternative;  boundary=\(boundary)\r\nMIME-Version: 1.0\r\n\r\n"
        var body = headers
        let text = try templates.text(config.text, data)
        if !text.isEmpty {
            body += "--\(boundary)\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            body += Self.quotedPrintable(text) + "\r\n"
        }
        let html = try templates.html(config.html, data)
        if !html.isEmpty {
            body += "--\(boundary)\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n"
            body += Self.quotedPrintable(html) + "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return Array(body.utf8)
    }

    /// The addresses of a list (`a@x, "B" <b@y>`), each without its display name.
    static func addresses(_ list: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var (quoted, angled) = (false, false)
        for character in list {
            switch character {
            case "\"": quoted.toggle()
            case "<" where !quoted: angled = true
            case ">" where !quoted: angled = false
            case "," where !quoted && !angled:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts.compactMap { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
                return String(trimmed[trimmed.index(after: open)..<close])
            }
            return trimmed
        }
    }

    /// A header value, as RFC 2047 `=?utf-8?q?…?=` when it is not plain ASCII (Go's `mime.QEncoding`).
    static func encodedWord(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.value > 126 || ($0.value < 32 && $0 != "\t") }) else { return value }
        var encoded = "=?utf-8?q?"
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: " "): encoded += "_"
            case UInt8(ascii: "!")...UInt8(ascii: "~") where byte != UInt8(ascii: "=") && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "_"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default: encoded += String(format: "=%02X", byte)
            }
        }
        return encoded + "?="
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, `=` and bytes outside printable
    /// ASCII as `=XX`, line ends as CRLF.
    static func quotedPrintable(_ text: String) -> String {
        var output = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            var width = 0
            let bytes = Array(line.utf8)
            for (position, byte) in bytes.enumerated() {
                let isLast = position == bytes.count - 1
                var piece: String
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = String(format: "=%02X", byte)
                }
                if width + piece.count > 75 {
                    output += "=\r\n"
                    width = 0
                }
                output += piece
                width += piece.count
            }
            if index < lines.count - 1 { output += "\r\n" }
        }
        return output
    }
}

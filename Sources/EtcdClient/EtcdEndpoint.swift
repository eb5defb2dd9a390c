/// The client URL of one etcd member, e.g. `https://127.0.10.1:2379`.
public struct EtcdEndpoint: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// Host name or IP address (IPv6 without brackets).
    public let host: String
    /// TCP port.
    public let port: Int

    /// Creates an endpoint from parts.
    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses `http://host:port`, `https://host:port` or a bare `host:port` (taken as http, as
    /// etcdctl does). A trailing `/` is accepted; any other path, a query or user info is refused.
    public init(parsing text: String) throws(EndpointParseError) {
        let trimmed = text.trimmingCharacters(in: " \t")
        guard !trimmed.isEmpty else { throw EndpointParseError(input: text, reason: "empty endpoint") }
        var rest = Substring(trimmed)
        var scheme = "http"
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
            guard scheme == "http" || scheme == "https" else {
                throw EndpointParseError(input: text, reason: "unsupported scheme '\(scheme)' (use http or https)")
            }
        }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("@") else {
            throw EndpointParseError(input: text, reason: "an endpoint is scheme://host:port, without path, query or user info")
        }
        let host: Substring
        let portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw EndpointParseError(input: text, reason: "unterminated IPv6 address")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : (after.isEmpty ? nil : after)
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
            portText = nil
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._:".contains($0) }) else {
            throw EndpointParseError(input: text, reason: "invalid host '\(host)'")
        }
        let port: Int
        if let portText {
            guard let parsed = Int(portText), (1...65535).contains(parsed) else {
                throw EndpointParseError(input: text, reason: "invalid port '\(portText)' (1-65535)")
            }
            port = parsed
        } else {
            port = 2379
        }
        self.init(scheme: scheme, host: String(host), port: port)
    }

    /// Parses a comma-separated list, as `--endpoints` takes it; duplicates are dropped.
    public static func parseList(_ text: String) throws(EndpointParseError) -> [EtcdEndpoint] {
        var endpoints: [EtcdEndpoint] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let endpoint = try EtcdEndpoint(parsing: String(part))
            if !endpoints.contains(endpoint) { endpoints.append(endpoint) }
        }
        guard !endpoints.isEmpty else { throw EndpointParseError(input: text, reason: "no endpoints given") }
        return endpoints
    }

    /// `true` for `https` endpoints.
    public var usesTLS: Bool { scheme == "https" }

    /// The URL without a trailing slash.
    public var url: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(hostPart):\(port)"
    }

    public var description: String { url }

    /// Orders by URL, for stable output.
    public static func < (lhs: EtcdEndpoint, rhs: EtcdEndpoint) -> Bool {
        (lhs.host, lhs.port, lhs.scheme) < (rhs.host, rhs.port, rhs.scheme)
    }
}

/// Why an endpoint string could not be used.
public struct EndpointParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was given.
    public let input: String
    /// What is wrong with it.
    public let reason: String

    public var description: String { "invalid endpoint '\(input)': \(reason)" }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

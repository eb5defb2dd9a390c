/// Go's `net.SplitHostPort`, `net.JoinHostPort` and `net.ParseIP` (whether a string is one), for
/// `stripPort` and `stripDomain`.
enum HostPort {
    /// `host:port` or `[host]:port` split; nil where Go's `SplitHostPort` reports an error.
    static func split(_ text: String) -> (host: String, port: String)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let port = String(text[text.index(after: colon)...])
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text.index(after: close) == colon else { return nil }
            return (String(text[text.index(after: text.startIndex)..<close]), port)
        }
        let host = String(text[..<colon])
        guard !host.contains(":"), !host.contains("["), !host.contains("]"), !port.contains("[") , !port.contains("]") else { return nil }
        return (host, port)
    }

    static func join(_ host: String, _ port: String) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    static func isIPAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) { return true }
        return text.contains(":") && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
            && text.split(separator: ":", omittingEmptySubsequences: false).count >= 3
    }
}

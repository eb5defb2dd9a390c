/// A member of an etcd cluster as an exported scrape target: where to scrape it and its name
/// (from the member list; nil when only a configured endpoint is known).
package struct ExportedMember: Sendable, Equatable {
    /// `host:port` of its client URL.
    package var address: String
    /// `http` or `https`.
    package var scheme: String
    /// The member's name.
    package var name: String?

    package init(address: String, scheme: String, name: String?) {
        self.address = address
        self.scheme = scheme
        self.name = name
    }
}

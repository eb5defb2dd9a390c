import EtcdmonModel

/// What every rule needs while it is evaluated: how to query, and the server's identity for
/// templates and links.
public struct RuleContext: Sendable {
    public var query: RuleQuery
    /// `global.external_labels`, for `$externalLabels`.
    public var externalLabels: Labels
    /// The server's external URL, for `$externalURL`, `pathPrefix` and alert links.
    public var externalURL: String

    public init(query: RuleQuery, externalLabels: Labels = .empty, externalURL: String = "") {
        (self.query, self.externalLabels, self.externalURL) = (query, externalLabels, externalURL)
    }
}

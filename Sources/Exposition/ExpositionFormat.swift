/// The two text exposition formats a `/metrics` endpoint may answer with.
public enum ExpositionFormat: Sendable, Equatable, CustomStringConvertible {
    /// Prometheus text format 0.0.4 (`text/plain; version=0.0.4`).
    case prometheusText
    /// OpenMetrics 1.0 text (`application/openmetrics-text; version=1.0.0`): `# EOF` terminated,
    /// timestamps in seconds, `# UNIT`, exemplars.
    case openMetrics

    /// Picks the format from a response's `Content-Type`; anything that is not OpenMetrics is
    /// read as text 0.0.4, as Prometheus does.
    public init(contentType: String?) {
        let mediaType = contentType?
            .split(separator: ";", maxSplits: 1).first?
            .trimmingWhitespace().lowercased() ?? ""
        self = mediaType == "application/openmetrics-text" ? .openMetrics : .prometheusText
    }

    /// The `Accept` header a scraper sends to prefer OpenMetrics and fall back to text 0.0.4.
    public static let acceptHeader =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"

    public var description: String {
        switch self {
        case .prometheusText: "Prometheus text 0.0.4"
        case .openMetrics: "OpenMetrics 1.0"
        }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}

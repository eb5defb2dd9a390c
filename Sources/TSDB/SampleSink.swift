/// Something that hands out appenders: the `Storage` (through its WAL) or a bare `Head` (tests).
/// Scrape loops and probes write through this seam only.
public protocol SampleSink: Sendable {
    /// A new, empty batch.
    func appender() -> BatchAppender
}

extension Storage: SampleSink {}
extension Head: SampleSink {}

extension Duration {
    /// The duration in seconds, as a floating-point number (what `*_seconds` metrics report).
    public var totalSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Prometheus's staleness marker: a NaN with a particular bit pattern, appended when a series
/// disappears from its target so queries stop seeing it at once instead of after 5 minutes.
public enum StaleMarker {
    /// The marker's bits (`0x7ff0000000000002`).
    public static let bitPattern: UInt64 = 0x7FF0_0000_0000_0002
    /// The marker as a sample value.
    public static let value = Double(bitPattern: bitPattern)

    /// Whether `value` is the marker (any other NaN is a real sample).
    public static func isMarker(_ value: Double) -> Bool { value.bitPattern == bitPattern }
}

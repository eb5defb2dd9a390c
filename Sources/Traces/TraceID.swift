/// A trace's 16-byte identifier, as two big-endian halves; printed as 32 lowercase hex digits
/// (OTLP/JSON's and Jaeger's form).
package struct TraceID: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var high: UInt64
    package var low: UInt64

    package init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

    /// The identifier in 16 bytes, or nil for another length or all zeros (OTLP calls both invalid).
    package init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        guard high != 0 || low != 0 else { return nil }
        (self.high, self.low) = (high, low)
    }

    /// Hex as Jaeger prints it (32 digits) or as some clients shorten it (16 digits for a 64-bit ID).
    package init?(hex: String) {
        let digits = hex.utf8
        guard (1...32).contains(digits.count) else { return nil }
        let padded = String(repeating: "0", count: 32 - digits.count) + hex
        guard let high = UInt64(padded.prefix(16), radix: 16), let low = UInt64(padded.suffix(16), radix: 16), high != 0 || low != 0
        else { return nil }
        (self.high, self.low) = (high, low)
    }

    package var description: String { SpanID.hex(high) + SpanID.hex(low) }

    package static func < (lhs: TraceID, rhs: TraceID) -> Bool { (lhs.high, lhs.low) < (rhs.high, rhs.low) }
}

/// A span's 8-byte identifier (0: none, for a root span's parent).
package enum SpanID {
    /// The identifier in 8 bytes; 0 for an empty field (no parent), nil for another length.
    package static func from(bytes: some Collection<UInt8>) -> UInt64? {
        if bytes.isEmpty { return 0 }
        guard bytes.count == 8 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// 16 lowercase hex digits.
    package static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

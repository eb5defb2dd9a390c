/// A ULID: 48 bits of milliseconds and 80 random bits in Crockford base32, 26 characters.
/// Prometheus names block directories by ULID, so directory order is creation order.
public struct ULID: Sendable, Hashable, CustomStringConvertible, Comparable {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// The 26-character text form.
    public let description: String

    /// A new ULID for the time `milliseconds` since the epoch.
    public init(milliseconds: UInt64, using generator: inout some RandomNumberGenerator) {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> UInt64(8 * (5 - index))) }
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        // 128 bits as 26 base32 digits: the first digit holds the top 3 bits (2 leading zero bits).
        var characters = [UInt8](repeating: 0, count: 26)
        var high = UInt64(bytes[0]) << 56 | UInt64(bytes[1]) << 48 | UInt64(bytes[2]) << 40 | UInt64(bytes[3]) << 32
            | UInt64(bytes[4]) << 24 | UInt64(bytes[5]) << 16 | UInt64(bytes[6]) << 8 | UInt64(bytes[7])
        var low = UInt64(bytes[8]) << 56 | UInt64(bytes[9]) << 48 | UInt64(bytes[10]) << 40 | UInt64(bytes[11]) << 32
            | UInt64(bytes[12]) << 24 | UInt64(bytes[13]) << 16 | UInt64(bytes[14]) << 8 | UInt64(bytes[15])
        for position in stride(from: 25, through: 0, by: -1) {
            characters[position] = Self.alphabet[Int(low & 31)]
            low = (low >> 5) | (high << 59)
            high >>= 5
        }
        description = String(decoding: characters, as: UTF8.self)
    }

    /// A new ULID for now.
    public init() {
        var generator = SystemRandomNumberGenerator()
        self.init(milliseconds: UInt64(Timestamp.now()), using: &generator)
    }

    /// Parses the text form; `nil` when it is not 26 base32 characters.
    public init?(_ text: String) {
        let upper = text.uppercased()
        guard upper.utf8.count == 26, upper.utf8.allSatisfy({ Self.alphabet.contains($0) }),
              let first = upper.utf8.first, first <= UInt8(ascii: "7")
        else { return nil }
        description = upper
    }

    public static func < (lhs: ULID, rhs: ULID) -> Bool { lhs.description < rhs.description }
}

/// xxHash64 with seed 0 (Go's `cespare/xxhash` `Sum64`), which Prometheus and Alertmanager hash label
/// sets with: rule groups take their evaluation offset from it (so etcdmon evaluates a group at the
/// instants Prometheus would), and the notification log records alerts by it.
package enum XXHash64 {
    private static let prime1: UInt64 = 11_400_714_785_074_694_791
    private static let prime2: UInt64 = 14_029_467_366_897_019_727
    private static let prime3: UInt64 = 1_609_587_929_392_839_161
    private static let prime4: UInt64 = 9_650_029_242_287_828_579
    private static let prime5: UInt64 = 2_870_177_450_012_600_261

    private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }
    private static func merge(_ accumulator: UInt64, _ value: UInt64) -> UInt64 {
        (accumulator ^ round(0, value)) &* prime1 &+ prime4
    }

    package static func hash(_ bytes: [UInt8]) -> UInt64 {
        func word64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
        func word32(_ at: Int) -> UInt64 { (0..<4).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) } }
        var index = 0
        var hash: UInt64
        if bytes.count >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4 = 0 &- prime1
            while index + 32 <= bytes.count {
                v1 = round(v1, word64(index))
                v2 = round(v2, word64(index + 8))
                v3 = round(v3, word64(index + 16))
                v4 = round(v4, word64(index + 24))
                index += 32
            }
            hash = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4)
        } else {
            hash = prime5
        }
        hash = hash &+ UInt64(bytes.count)
        while index + 8 <= bytes.count {
            hash ^= round(0, word64(index))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= bytes.count {
            hash ^= word32(index) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            index += 4
        }
        while index < bytes.count {
            hash ^= UInt64(bytes[index]) &* prime5
            hash = rotate(hash, 11) &* prime1
            index += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }

    /// Prometheus's `labels.Labels.Hash()` and Alertmanager's alert hash: each name and value followed
    /// by `0xff`, in name order.
    package static func labels(_ pairs: [(String, String)]) -> UInt64 {
        var bytes: [UInt8] = []
        for (name, value) in pairs.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            bytes += name.utf8
            bytes.append(0xFF)
            bytes += value.utf8
            bytes.append(0xFF)
        }
        return hash(bytes)
    }
}

import EtcdmonModel

/// Alertmanager's identities of label sets: the fingerprint (FNV-1a, the API's and payloads'
/// `fingerprint`, groups' identity) and the notification log's alert hash (xxHash64). Both hash
/// each label as name, 0xFF, value, 0xFF in name order.
package enum Fingerprint {
    /// `model.LabelSet.Fingerprint()`: FNV-1a 64.
    package static func of(_ labels: Labels) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 1_099_511_628_211
        }
        for label in labels {
            for byte in label.name.utf8 { add(byte) }
            add(0xFF)
            for byte in label.value.utf8 { add(byte) }
            add(0xFF)
        }
        return hash
    }

    /// The 16 lowercase hex digits Alertmanager prints.
    package static func hex(_ fingerprint: UInt64) -> String {
        let digits = String(fingerprint, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The notification log's alert hash (`hashAlert`): xxHash64 with seed 0.
    package static func alertHash(_ labels: Labels) -> UInt64 {
        XXHash64.labels(labels.map { ($0.name, $0.value) })
    }
}

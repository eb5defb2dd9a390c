import EtcdmonModel

/// Writes JSON straight into bytes — the query path's responses, without Foundation's encoders.
/// Numbers follow Prometheus's API: sample values as strings in Go's `'f'` format, timestamps as
/// seconds with up to three decimals.
struct JSONWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number in Go's shortest `'f'` form, unquoted (durations and intervals in seconds).
    mutating func number(_ value: Double) {
        bytes.append(contentsOf: GoFloat.format(value).utf8)
    }

    /// A sample value as Prometheus writes it: a string in Go's shortest `'f'` form.
    mutating func sampleValue(_ value: Double) {
        // Go's float text never needs escaping.
        bytes.append(UInt8(ascii: "\""))
        GoFloat.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A millisecond timestamp as float seconds, written as Prometheus writes it:
    /// `1435781451.781`, `1435781451.050`, `1435781451` (three decimals unless there are none).
    mutating func timestamp(_ milliseconds: Int64) {
        var value = milliseconds
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            value = -value
        }
        GoFloat.appendDigits(UInt64(value / 1000), to: &bytes)
        let fraction = value % 1000
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        if fraction < 100 { bytes.append(UInt8(ascii: "0")) }
        if fraction < 10 { bytes.append(UInt8(ascii: "0")) }
        GoFloat.appendDigits(UInt64(fraction), to: &bytes)
    }

    mutating func labels(_ labels: Labels) {
        bytes.append(UInt8(ascii: "{"))
        for (position, label) in labels.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            string(label.name)
            bytes.append(UInt8(ascii: ":"))
            string(label.value)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}

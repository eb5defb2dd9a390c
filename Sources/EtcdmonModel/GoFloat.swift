/// Float formatting as Prometheus (Go) writes sample values in its API and in `count_values`
/// labels: `strconv.FormatFloat(v, 'f', -1, 64)` — the shortest digits that round-trip, never an
/// exponent, and `+Inf`, `-Inf`, `NaN`.
public enum GoFloat {
    /// Appends `value` in Go's shortest `'f'` form as UTF-8, without building a `String` for the
    /// common cases (integers, and values whose shortest form has no exponent): API responses write
    /// one per point.
    public static func append(_ value: Double, to bytes: inout [UInt8]) {
        if let integer = exactInteger(value), integer != 0 {
            if integer < 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(integer.magnitude, to: &bytes)
            return
        }
        if value.isFinite, value != 0 {
            let shortest = value.description
            if !shortest.utf8.contains(UInt8(ascii: "e")) {
                bytes.append(contentsOf: shortest.utf8)
                return
            }
        }
        bytes.append(contentsOf: format(value).utf8)
    }

    /// Appends the decimal digits of `value`.
    public static func appendDigits(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// The fast path for most sample values: `value` as an integer when it is one a Double holds exactly.
    private static func exactInteger(_ value: Double) -> Int64? {
        value == value.rounded(.towardZero) && abs(value) < 9_007_199_254_740_992 ? Int64(value) : nil
    }

    /// `value` in Go's shortest `'f'` form.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if let integer = exactInteger(value) {
            if integer == 0 { return value.sign == .minus ? "-0" : "0" }
            return String(integer)
        }
        let shortest = "\(value)"
        guard let e = shortest.utf8.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return shortest.utf8.count > 2 && shortest.utf8.suffix(2).elementsEqual(".0".utf8) ? String(shortest.dropLast(2)) : shortest
        }
        let exponent = Int(shortest[shortest.index(after: e)...]) ?? 0
        var mantissa = String(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        if digits.hasSuffix("0") && parts.count > 1 && parts[1] == "0" { digits.removeLast() }
        let point = parts[0].count + exponent
        let result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
        } else {
            result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + result
    }
}

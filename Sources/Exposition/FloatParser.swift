#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the float tokens of the exposition formats without going through `String`.
///
/// Most values in real payloads are short decimals (`0`, `12`, `0.005`, `1.7268e+09`), which the
/// exact fast path (Clinger's: an integer mantissa below 2^53 times a power of ten up to 10^22)
/// converts correctly; everything else (long mantissas, large exponents, hex, `NaN`, `Inf`) goes
/// to the C library's correctly rounded `strtod`.
enum FloatParser {
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of `token`, or `nil` when it is not a number in Go's `ParseFloat` syntax.
    static func parse(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        if let fast = parseShortDecimal(token) { return fast }
        return parseWithStrtod(token)
    }

    private static func parseShortDecimal(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        var negative = false
        if index < token.count, token[index] == UInt8(ascii: "-") || token[index] == UInt8(ascii: "+") {
            negative = token[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var sawDigit = false
        var exponent = 0
        while index < token.count, token[index].isDigit {
            sawDigit = true
            if mantissa != 0 || token[index] != .zero { significantDigits += 1 }
            mantissa = mantissa &* 10 &+ UInt64(token[index] &- .zero)
            index += 1
        }
        if index < token.count, token[index] == UInt8(ascii: ".") {
            index += 1
            while index < token.count, token[index].isDigit {
                sawDigit = true
                if mantissa != 0 || token[index] != .zero { significantDigits += 1 }
                mantissa = mantissa &* 10 &+ UInt64(token[index] &- .zero)
                exponent -= 1
                index += 1
            }
        }
        guard sawDigit, significantDigits <= 19 else { return nil }
        if index < token.count, token[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < token.count, token[index] == UInt8(ascii: "-") || token[index] == UInt8(ascii: "+") {
                exponentNegative = token[index] == UInt8(ascii: "-")
                index += 1
            }
            var explicit = 0
            let digitsStart = index
            while index < token.count, token[index].isDigit, explicit < 10_000 {
                explicit = explicit * 10 + Int(token[index] &- .zero)
                index += 1
            }
            guard index > digitsStart else { return nil }
            exponent += exponentNegative ? -explicit : explicit
        }
        guard index == token.count else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        var result = Double(mantissa)
        if exponent < 0 { result /= exactPowersOfTen[-exponent] } else { result *= exactPowersOfTen[exponent] }
        return negative ? -result : result
    }

    private static func parseWithStrtod(_ token: UnsafeBufferPointer<UInt8>) -> Double? {
        // Go's ParseFloat rejects what strtod would skip or extend: whitespace, "nan(…)".
        guard !token.isEmpty, token.count < 512,
              !token.contains(where: { $0.isBlank || $0 == UInt8(ascii: "(") || $0 == 0 })
        else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: token.count + 1) { storage in
            for (offset, byte) in token.enumerated() { storage[offset] = CChar(bitPattern: byte) }
            storage[token.count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let result = strtod(storage.baseAddress!, &end)
            guard let end, end - storage.baseAddress! == token.count else { return nil }
            // Overflow: Go reports a range error rather than returning an infinity nobody wrote.
            if result.isInfinite, !token.contains(where: { $0 | 0x20 == UInt8(ascii: "i") }) { return nil }
            return result
        }
    }
}

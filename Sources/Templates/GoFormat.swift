#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `fmt` as templates reach it: `Sprint` and `Sprintln` (what `{{ … }}` prints, `print`,
/// `println`) and `Sprintf` (`printf`, `humanize`'s `%.4g`), byte for byte where rule and
/// notification templates use them: floats in Go's shortest form (`%v`) or rounded like C's
/// `printf` (with a precision), `+Inf`/`NaN` spelt Go's way, `%!verb(type=value)` for mismatches.
public enum GoFormat {
    /// `fmt.Sprint(values...)`: spaces between operands when neither is a string.
    public static func sprint(_ values: [TemplateValue]) -> String {
        var output = ""
        for (index, value) in values.enumerated() {
            if index > 0, !value.isString, !values[index - 1].isString { output += " " }
            output += printed(value)
        }
        return output
    }

    /// `fmt.Sprintln(values...)`: always spaces, and a newline.
    public static func sprintln(_ values: [TemplateValue]) -> String {
        values.map(printed).joined(separator: " ") + "\n"
    }

    /// What `%v` prints for `value`.
    public static func printed(_ value: TemplateValue) -> String {
        switch value {
        case .null: "<nil>"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value): shortest(value, verb: "g")
        case .string(let value): value
        case .list(let values): "[" + values.map(printed).joined(separator: " ") + "]"
        case .map(let entries, _):
            "map[" + entries.keys.sorted().map { "\($0):\(printed(entries[$0]!))" }.joined(separator: " ") + "]"
        case .object(let object): object.printed
        }
    }

    /// `strconv.FormatFloat(value, verb, -1, 64)` for `g`, `e` and `f`: the shortest digits that
    /// read back as `value`.
    public static func shortest(_ value: Double, verb: Character) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 {
            switch verb {
            case "e": return sign + "0e+00"
            default: return sign + "0"
            }
        }
        let (digits, point) = shortestDigits(abs(value))
        let exponent = point - 1
        let useExponent: Bool = switch verb {
        case "e": true
        case "f": false
        default: exponent < -4 || exponent >= 21 && verb == "v" || exponent >= 6 && verb != "v"
        }
        if useExponent {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            return sign + mantissa + exponentSuffix(exponent)
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        return sign + digits.prefix(point) + "." + digits.dropFirst(point)
    }

    private static func exponentSuffix(_ exponent: Int) -> String {
        (exponent < 0 ? "e-" : "e+") + String(abs(exponent)).leftPadded(2)
    }

    /// The shortest decimal digits of a positive finite `value` and where the point goes
    /// (`value = 0.DIGITS × 10^point`), from Swift's shortest round-trip description (the same
    /// digits Go's shortest formatting chooses).
    static func shortestDigits(_ value: Double) -> (digits: String, point: Int) {
        let text = "\(value)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }

    /// `fmt.Sprintf(format, values...)` for the verbs templates use: `%v %s %q %d %f %F %e %E %g %G
    /// %x %X %o %b %c %t %%`, with flags `+ - # 0 space`, width and precision (`*` too).
    public static func sprintf(_ format: String, _ values: [TemplateValue]) -> String {
        let bytes = Array(format.utf8)
        var output: [UInt8] = []
        var argument = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                index += 1
                continue
            }
            index += 1
            var spec = Spec()
            // Flags.
            flags: while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "+"): spec.plus = true
                case UInt8(ascii: "-"): spec.minus = true
                case UInt8(ascii: "#"): spec.sharp = true
                case UInt8(ascii: "0"): spec.zero = true
                case UInt8(ascii: " "): spec.space = true
                default: break flags
                }
                index += 1
            }
            func number() -> Int? {
                if index < bytes.count && bytes[index] == UInt8(ascii: "*") {
                    index += 1
                    defer { argument += 1 }
                    if argument < values.count, case .int(let value) = values[argument] { return value }
                    return nil
                }
                var value: Int?
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    value = min((value ?? 0) * 10 + Int(bytes[index] - 0x30), 1_000_000)
                    index += 1
                }
                return value
            }
            spec.width = number()
            if let width = spec.width, width < 0 {
                spec.minus = true
                spec.width = -width
            }
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                spec.precision = number() ?? 0
            }
            guard index < bytes.count else {
                output += Array("%!(NOVERB)".utf8)
                break
            }
            // The verb: one Unicode scalar.
            let verbStart = index
            index += 1
            while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
            let verb = Character(String(decoding: bytes[verbStart..<index], as: UTF8.self))
            if verb == "%" {
                output.append(UInt8(ascii: "%"))
                continue
            }
            guard argument < values.count else {
                output += Array("%!\(verb)(MISSING)".utf8)
                continue
            }
            output += Array(formatted(values[argument], verb: verb, spec).utf8)
            argument += 1
        }
        if argument < values.count {
            output += Array("%!(EXTRA ".utf8)
            output += Array(values[argument...].map { "\($0.typeName)=\(printed($0))" }.joined(separator: ", ").utf8)
            output.append(UInt8(ascii: ")"))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A conversion's flags, width and precision.
    struct Spec {
        var plus = false
        var minus = false
        var sharp = false
        var zero = false
        var space = false
        var width: Int?
        var precision: Int?
    }

    private static func formatted(_ value: TemplateValue, verb: Character, _ spec: Spec) -> String {
        func bad() -> String { "%!\(verb)(\(value.typeName)=\(printed(value)))" }
        switch value {
        case .float(let number):
            switch verb {
            case "v", "g", "G", "e", "E", "f", "F":
                return pad(float(number, verb: verb == "v" ? "g" : verb, spec), spec, numeric: !number.isNaN && !number.isInfinite)
            default: return bad()
            }
        case .int(let number):
            switch verb {
            case "v", "d": return pad(integer(number, radix: 10, spec), spec, numeric: true)
            case "x": return pad(integer(number, radix: 16, spec, prefix: spec.sharp ? "0x" : ""), spec, numeric: true)
            case "X": return pad(integer(number, radix: 16, spec, prefix: spec.sharp ? "0X" : "").uppercased(), spec, numeric: true)
            case "o": return pad(integer(number, radix: 8, spec, prefix: spec.sharp ? "0" : ""), spec, numeric: true)
            case "b": return pad(integer(number, radix: 2, spec), spec, numeric: true)
            case "c": return pad(Unicode.Scalar(UInt32(clamping: number)).map { String(Character($0)) } ?? "\u{FFFD}", spec, numeric: false)
            case "q": return pad("'" + (Unicode.Scalar(UInt32(clamping: number)).map { String(Character($0)) } ?? "\u{FFFD}") + "'", spec, numeric: false)
            case "e", "E", "f", "F", "g", "G": return pad(float(Double(number), verb: verb, spec), spec, numeric: true)
            default: return bad()
            }
        case .string(let text):
            switch verb {
            case "v", "s": return pad(spec.precision.map { String(text.prefix($0)) } ?? text, spec, numeric: false)
            case "q": return pad(GoQuoting.quote(text), spec, numeric: false)
            case "x", "X":
                let hex = text.utf8.map { String($0, radix: 16).leftPadded(2) }.joined()
                return pad(verb == "X" ? hex.uppercased() : hex, spec, numeric: false)
            default: return bad()
            }
        case .bool(let flag):
            return verb == "v" || verb == "t" ? pad(flag ? "true" : "false", spec, numeric: false) : bad()
        default:
            return verb == "v" || verb == "s" ? pad(printed(value), spec, numeric: false) : bad()
        }
    }

    private static func integer(_ number: Int, radix: Int, _ spec: Spec, prefix: String = "") -> String {
        var digits = String(number.magnitude, radix: radix)
        if let precision = spec.precision { digits = digits.leftPadded(precision) }
        let sign = number < 0 ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        return sign + prefix + digits
    }

    /// A float through C's `snprintf` (Go rounds the same way: exactly), Go's spelling of infinities and NaN.
    private static func float(_ number: Double, verb: Character, _ spec: Spec) -> String {
        if number.isNaN { return spec.plus ? "+NaN" : spec.space ? " NaN" : "NaN" }
        if number.isInfinite { return number < 0 ? "-Inf" : spec.plus || !spec.space ? "+Inf" : " Inf" }
        var body: String
        // Go's default precision is 6 for %e and %f; %g (and %v) without one is the shortest form.
        let precision = spec.precision ?? ("eEfF".contains(verb) ? 6 : nil)
        if let precision {
            let format = "%" + (spec.sharp ? "#" : "") + ".\(min(precision, 500))" + String(verb)
            body = cFormat(format, abs(number))
        } else {
            body = shortest(abs(number), verb: verb.lowercased().first!)
            if verb.isUppercase { body = body.uppercased().replacingOccurrences("INF", with: "Inf") }
        }
        let sign = number.sign == .minus ? "-" : spec.plus ? "+" : spec.space ? " " : ""
        return sign + body
    }

    private static func cFormat(_ format: String, _ number: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 600)
        let count = withVaList([number]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
        }
        return String(decoding: buffer.prefix(Int(max(0, min(count, 599)))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Pads to the width: spaces on the left (or right with `-`), zeros after the sign for numbers with `0`.
    private static func pad(_ text: String, _ spec: Spec, numeric: Bool) -> String {
        guard let width = spec.width, text.count < width else { return text }
        let fill = width - text.count
        if spec.minus { return text + String(repeating: " ", count: fill) }
        if spec.zero && numeric {
            if let first = text.first, "+- ".contains(first) {
                return String(first) + String(repeating: "0", count: fill) + text.dropFirst()
            }
            return String(repeating: "0", count: fill) + text
        }
        return String(repeating: " ", count: fill) + text
    }
}

extension TemplateValue {
    var isString: Bool { if case .string = self { true } else { false } }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// Go's literal syntax where templates meet it: string escapes (`strconv.Unquote`), integer
/// literals with base prefixes (`strconv.ParseInt(s, 0, 64)`), and `%q` quoting (`strconv.Quote`).
public enum GoQuoting {
    /// The value of a double-quoted or character literal's body (without its quotes); nil if an escape is invalid.
    static func unescape(_ body: [UInt8]) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        func hex(_ count: Int) -> UInt32? {
            guard index + count <= body.count, let value = UInt32(String(decoding: body[index..<index + count], as: UTF8.self), radix: 16) else { return nil }
            index += count
            return value
        }
        while index < body.count {
            let byte = body[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard index < body.count else { return nil }
            let escape = body[index]
            index += 1
            switch escape {
            case UInt8(ascii: "a"): output.append(0x07)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "v"): output.append(0x0B)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): output.append(escape)
            case UInt8(ascii: "x"):
                guard let value = hex(2) else { return nil }
                output.append(UInt8(value))
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                guard let value = hex(escape == UInt8(ascii: "u") ? 4 : 8), let scalar = Unicode.Scalar(value) else { return nil }
                output += Array(String(Character(scalar)).utf8)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                guard index + 2 <= body.count,
                      let value = UInt32(String(decoding: body[index - 1..<index + 2], as: UTF8.self), radix: 8), value <= 255 else { return nil }
                index += 2
                output.append(UInt8(value))
            default:
                return nil
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `strconv.ParseInt(text, 0, 64)`: decimal, `0x`, `0o`, `0b`, or a leading `0` for octal.
    static func parseInt(_ text: String) -> Int? {
        var body = Substring(text)
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("+") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        let lower = body.lowercased()
        let value: Int?
        if lower.hasPrefix("0x") { value = Int(lower.dropFirst(2), radix: 16) }
        else if lower.hasPrefix("0o") { value = Int(lower.dropFirst(2), radix: 8) }
        else if lower.hasPrefix("0b") { value = Int(lower.dropFirst(2), radix: 2) }
        else if lower.count > 1 && lower.hasPrefix("0") { value = Int(lower.dropFirst(), radix: 8) }
        else { value = Int(lower, radix: 10) }
        return value.map { negative ? -$0 : $0 }
    }

    /// `strconv.Quote`: double quotes, Go escapes, printable Unicode kept.
    public static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{07}": output += "\\a"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{0B}": output += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\x" + String(scalar.value, radix: 16).leftPadded(2)
                } else if scalar.properties.generalCategory == .unassigned || scalar.properties.generalCategory == .control
                            || scalar.properties.generalCategory == .format && scalar.value != 0xAD {
                    output += scalar.value > 0xFFFF ? "\\U" + String(scalar.value, radix: 16).leftPadded(8)
                        : "\\u" + String(scalar.value, radix: 16).leftPadded(4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

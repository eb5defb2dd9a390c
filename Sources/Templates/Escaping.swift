/// Go's `template.HTMLEscapeString`, `JSEscapeString` and `url.QueryEscape`.
public enum Escaping {
    /// `<`, `>`, `&`, `'`, `"` and NUL as Go's `html` function writes them.
    public static func html(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\0": output += "\u{FFFD}"
            case "\"": output += "&#34;"
            case "'": output += "&#39;"
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Go's `JSEscapeString`.
    public static func javaScript(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "'": output += "\\'"
            case "\"": output += "\\\""
            case "<": output += "\\u003C"
            case ">": output += "\\u003E"
            case "&": output += "\\u0026"
            case "=": output += "\\u003D"
            default:
                if scalar.value < 0x20 {
                    output += "\\u" + String(scalar.value, radix: 16, uppercase: true).leftPadded(4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// `url.QueryEscape`: unreserved bytes kept, space as `+`, the rest `%XX`.
    public static func queryComponent(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                output += "+"
            default:
                output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return output
    }
}

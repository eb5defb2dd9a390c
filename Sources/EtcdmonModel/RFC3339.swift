/// RFC 3339 times at nanosecond precision, as Go reads and writes `time.Time` in JSON
/// (Alertmanager's API and payloads): `2026-11-24T22:04:10.309976484Z`, offsets such as `+02:00`.
/// Times are nanoseconds since the epoch, in UTC.
public enum RFC3339 {
    /// Go's zero `time.Time` (`0001-01-01T00:00:00Z`): "not set", as Alertmanager sends a firing
    /// alert's `endsAt`.
    public static let zero = Int64.min

    /// Parses `2006-01-02T15:04:05[.fraction](Z|±hh:mm)`; `nil` when it is not that form. Go's zero
    /// time parses to `zero`.
    public static func nanoseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[from..<from + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 116,
              bytes[13] == 58, bytes[16] == 58,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var position = 19
        var fraction: Int64 = 0
        if position < bytes.count, bytes[position] == 46 {
            position += 1
            var digits = 0
            while position < bytes.count, bytes[position] >= 48 && bytes[position] <= 57 {
                if digits < 9 { fraction = fraction * 10 + Int64(bytes[position] - 48) }
                digits += 1
                position += 1
            }
            guard digits > 0 else { return nil }
            for _ in min(digits, 9)..<9 { fraction *= 10 }
        }
        guard position < bytes.count else { return nil }
        var offset: Int64 = 0
        switch bytes[position] {
        case 90, 122:
            guard position + 1 == bytes.count else { return nil }
        case 43, 45:
            guard position + 6 == bytes.count, bytes[position + 3] == 58,
                  let hours = number(position + 1, 2), let minutes = number(position + 4, 2), hours < 24, minutes < 60 else { return nil }
            offset = (hours * 60 + minutes) * 60 * (bytes[position] == 45 ? -1 : 1)
        default:
            return nil
        }
        if year == 1, month == 1, day == 1, hour == 0, minute == 0, second == 0, fraction == 0, offset == 0 { return zero }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return nil }
        let (sum, overflowed) = product.addingReportingOverflow(fraction)
        return overflowed ? nil : sum
    }

    /// Go's `time.RFC3339Nano` in UTC: the fraction's trailing zeros dropped; `zero` as Go's zero time.
    public static func text(nanoseconds: Int64) -> String {
        guard nanoseconds != zero else { return "0001-01-01T00:00:00Z" }
        let (seconds, fraction) = split(nanoseconds)
        var text = CivilTime(milliseconds: seconds * 1000).text(separator: "T")
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    /// `2006-01-02T15:04:05.000Z`: always three fraction digits, as Alertmanager's API prints times.
    public static func millisecondText(nanoseconds: Int64) -> String {
        guard nanoseconds != zero else { return "0001-01-01T00:00:00.000Z" }
        let (seconds, fraction) = split(nanoseconds)
        let milliseconds = fraction / 1_000_000
        let digits = String(milliseconds)
        return CivilTime(milliseconds: seconds * 1000).text(separator: "T") + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// Whole seconds (rounded down) and the nanoseconds past them.
    package static func split(_ nanoseconds: Int64) -> (seconds: Int64, fraction: Int64) {
        let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : -((-(nanoseconds + 1)) / 1_000_000_000) - 1
        return (seconds, nanoseconds - seconds * 1_000_000_000)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

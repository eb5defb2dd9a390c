/// Calendar dates and times in UTC from milliseconds since the epoch, without Foundation: Go's
/// `time.Time` text forms, which Prometheus's and Alertmanager's APIs and templates use.
public struct CivilTime: Sendable, Equatable {
    public var year: Int64
    public var month: Int64
    public var day: Int64
    public var hour: Int64
    public var minute: Int64
    public var second: Int64
    public var millisecond: Int64

    public init(milliseconds: Int64) {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : -((-milliseconds + 999) / 1000)
        millisecond = milliseconds - seconds * 1000
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        (hour, minute, second) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        // Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `2006-01-02`, then `separator`, then `15:04:05`, then `.999` with trailing zeros dropped (none when whole).
    public func text(separator: String) -> String {
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        var text = (year < 1000 ? String(repeating: "0", count: 4 - "\(year)".count) : "") + "\(year)-\(two(month))-\(two(day))"
        text += separator + "\(two(hour)):\(two(minute)):\(two(second))"
        if millisecond != 0 {
            var digits = millisecond < 10 ? "00\(millisecond)" : millisecond < 100 ? "0\(millisecond)" : "\(millisecond)"
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// Go's `time.Time` as JSON (RFC 3339 with the fraction's trailing zeros dropped); 0 is Go's zero time.
    public static func rfc3339(milliseconds: Int64) -> String {
        milliseconds == 0 ? "0001-01-01T00:00:00Z" : CivilTime(milliseconds: milliseconds).text(separator: "T") + "Z"
    }
}

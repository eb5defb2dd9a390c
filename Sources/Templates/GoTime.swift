/// A point in time as templates see Go's `time.Time` in UTC: printed as `2006-01-02
/// 15:04:05.999999999 +0000 UTC`, with `Unix`, `UnixMilli` and `UTC` methods. Built from float
/// seconds at Prometheus's millisecond precision (`model.TimeFromUnixNano`).
public struct GoTime: TemplateObject {
    /// Milliseconds since the epoch.
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    init(seconds: Double, function: String) throws(TemplateError) {
        let nanoseconds = seconds * 1e9
        guard nanoseconds <= 9.223372036854775e18, nanoseconds >= -9.223372036854775e18 else {
            throw TemplateError("error calling \(function): \(GoFormat.shortest(seconds, verb: "g")) cannot be represented as a nanoseconds timestamp since it overflows int64")
        }
        milliseconds = Int64(nanoseconds) / 1_000_000
    }

    public var typeName: String { "*time.Time" }

    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Unix": .int(Int(floorDivide(milliseconds, 1000)))
        case "UnixMilli": .int(Int(milliseconds))
        case "UTC": .object(self)
        default: nil
        }
    }

    public var printed: String {
        let seconds = floorDivide(milliseconds, 1000)
        let fraction = milliseconds - seconds * 1000
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        var text = "\(year)".leftPadded(4) + "-" + "\(month)".leftPadded(2) + "-" + "\(day)".leftPadded(2) + " "
            + "\(secondOfDay / 3600)".leftPadded(2) + ":" + "\(secondOfDay / 60 % 60)".leftPadded(2) + ":" + "\(secondOfDay % 60)".leftPadded(2)
        if fraction != 0 {
            var digits = "\(fraction)".leftPadded(3)
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text + " +0000 UTC"
    }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    /// Year, month, day of the proleptic Gregorian calendar for days since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

import Foundation

/// One entry of a `time_intervals:` definition (Alertmanager's `timeinterval.TimeInterval`): times
/// of day, weekdays, days of the month, months and years, each a list of inclusive ranges, all
/// optional; a time is inside when every given field has a range containing it.
public struct TimeIntervalConfig: Sendable, Equatable {
    /// Minutes of the day, half-open: `[start, end)`.
    public var times: [Range<Int>] = []
    /// Sunday 0 … Saturday 6.
    public var weekdays: [ClosedRange<Int>] = []
    /// 1…31, or negative from the month's end (-1 is the last day).
    public var daysOfMonth: [ClosedRange<Int>] = []
    public var months: [ClosedRange<Int>] = []
    public var years: [ClosedRange<Int>] = []
    /// The zone the fields are read in (UTC when not given).
    public var location: TimeZone?

    public init() {}

    private static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                                     "september", "october", "november", "december"]

    init(_ yaml: YAMLMapping) throws(ConfigError) {
        for entry in try yaml.mappings("times") {
            let start = try entry.string("start_time")
            let end = try entry.string("end_time")
            try entry.finish()
            guard let start, let end else { throw entry.error("both start and end times must be provided") }
            let (from, to) = (try Self.minutes(start, entry), try Self.minutes(end, entry))
            guard from < to else { throw entry.error("start time cannot be equal or greater than end time") }
            times.append(from..<to)
        }
        for text in try yaml.strings("weekdays") ?? [] {
            let (first, last) = try Self.range(text, yaml, "weekdays")
            func day(_ name: String) throws(ConfigError) -> Int {
                guard let day = Self.weekdayNames.firstIndex(of: name) else { throw yaml.error("weekdays", "\(name) is not a valid weekday") }
                return day
            }
            let (from, to) = (try day(first), try day(last))
            guard from <= to else { throw yaml.error("weekdays", "start day cannot be before end day") }
            weekdays.append(from...to)
        }
        for text in try yaml.strings("days_of_month") ?? [] {
            let (first, last) = try Self.range(text, yaml, "days_of_month")
            func day(_ text: String) throws(ConfigError) -> Int {
                guard let day = Int(text) else { throw yaml.error("days_of_month", "couldn't parse range \(text), invalid format") }
                guard day != 0, abs(day) <= 31 else { throw yaml.error("days_of_month", "\(day) is not a valid day of the month: out of range") }
                return day
            }
            let (from, to) = (try day(first), try day(last))
            if from < 0 && to > 0 { throw yaml.error("days_of_month", "end day must be negative if start day is negative") }
            // Compared as if every month had 28 days, as Alertmanager checks them.
            let (low, high) = (from < 0 ? 28 + from : from, to < 0 ? 28 + to : to)
            guard low <= high else { throw yaml.error("days_of_month", "end day \(to) is always before start day \(from)") }
            daysOfMonth.append(from...to)
        }
        for text in try yaml.strings("months") ?? [] {
            let (first, last) = try Self.range(text, yaml, "months")
            func month(_ text: String) throws(ConfigError) -> Int {
                if let index = Self.monthNames.firstIndex(of: text) { return index + 1 }
                guard let number = Int(text) else { throw yaml.error("months", "\(text) is not a valid month") }
                return number
            }
            let (from, to) = (try month(first), try month(last))
            guard from <= to else { throw yaml.error("months", "end month \(last) is before start month \(first)") }
            months.append(from...to)
        }
        for text in try yaml.strings("years") ?? [] {
            let (first, last) = try Self.range(text, yaml, "years")
            guard let from = Int(first), let to = Int(last) else { throw yaml.error("years", "couldn't parse range \(text), invalid format") }
            guard from <= to else { throw yaml.error("years", "end year \(to) is before start year \(from)") }
            years.append(from...to)
        }
        if let name = try yaml.string("location") {
            guard let zone = name == "Local" ? TimeZone.current : TimeZone(identifier: name) else {
                throw yaml.error("location", "unknown time zone \(name)")
            }
            location = zone
        }
        try yaml.finish()
    }

    /// `"HH:MM"` (or `24:00`) as minutes of the day.
    private static func minutes(_ text: String, _ yaml: YAMLMapping) throws(ConfigError) -> Int {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...23).contains(hours) && (0...59).contains(minutes) || hours == 24 && minutes == 0 else {
            throw yaml.error("couldn't parse timestamp \(text), invalid format")
        }
        return hours * 60 + minutes
    }

    /// `"x"` or `"x:y"`, lowercased.
    private static func range(_ text: String, _ yaml: YAMLMapping, _ key: String) throws(ConfigError) -> (String, String) {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: return (parts[0], parts[0])
        case 2: return (parts[0], parts[1])
        default: throw yaml.error(key, "couldn't parse range \(text), invalid format")
        }
    }

    /// Whether `date` falls inside the interval.
    public func contains(_ date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = location ?? TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
              let hour = parts.hour, let minute = parts.minute else { return false }
        if !times.isEmpty, !times.contains(where: { $0.contains(hour * 60 + minute) }) { return false }
        if !weekdays.isEmpty, !weekdays.contains(where: { $0.contains(weekday - 1) }) { return false }
        if !months.isEmpty, !months.contains(where: { $0.contains(month) }) { return false }
        if !years.isEmpty, !years.contains(where: { $0.contains(year) }) { return false }
        if !daysOfMonth.isEmpty {
            let length = calendar.range(of: .day, in: .month, for: date)?.count ?? 31
            let inside = daysOfMonth.contains { range in
                var (from, to) = (range.lowerBound, range.upperBound)
                if from < 0 { from = length + from + 1 }
                if to < 0 { to = length + to + 1 }
                guard from <= length else { return false }
                return max(from, -length) <= day && day <= min(to, length)
            }
            if !inside { return false }
        }
        return true
    }
}

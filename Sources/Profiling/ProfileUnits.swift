import Foundation

/// Values in a profile's units as pprof prints them: scaled to the unit that reads best
/// (`380ms`, `24078.89kB`), percentages as `31.58%`, `  100%` or `0.26%`.
package enum ProfileUnits {
    private struct Unit {
        let name: String
        let aliases: [String]
        let factor: Double
    }

    private struct Family {
        let units: [Unit]
        let defaultUnit: Unit

        func find(_ text: String) -> Unit? {
            var unit = text.lowercased()
            if unit.count > 2, unit.hasSuffix("s") { unit.removeLast() }
            return units.first { $0.aliases.contains(unit) }
        }

        /// The largest unit the value is at least one of.
        func autoScale(_ value: Double) -> (Double, String)? {
            var factor = 0.0, name = ""
            for unit in units where unit.factor >= factor && value / unit.factor >= 1 {
                factor = unit.factor
                name = unit.name
            }
            return factor == 0 ? nil : (value / factor, name)
        }

        func convert(_ value: Int64, from: String, to: String) -> (Double, String)? {
            guard let source = find(from) else { return nil }
            let base = Double(value) * source.factor
            if to == "minimum" || to == "auto" {
                return autoScale(base) ?? (base / defaultUnit.factor, defaultUnit.name)
            }
            guard let target = find(to) else { return (base / defaultUnit.factor, defaultUnit.name) }
            return (base / target.factor, target.name)
        }
    }

    private static let bytes = Unit(name: "B", aliases: ["b", "byte"], factor: 1)
    private static let seconds = Unit(name: "s", aliases: ["s", "sec", "second"], factor: 1e9)
    private static let families = [
        Family(units: [
            bytes, Unit(name: "kB", aliases: ["kb", "kbyte", "kilobyte"], factor: 1024),
            Unit(name: "MB", aliases: ["mb", "mbyte", "megabyte"], factor: 1_048_576),
            Unit(name: "GB", aliases: ["gb", "gbyte", "gigabyte"], factor: 1_073_741_824),
            Unit(name: "TB", aliases: ["tb", "tbyte", "terabyte"], factor: 1_099_511_627_776),
            Unit(name: "PB", aliases: ["pb", "pbyte", "petabyte"], factor: 1_125_899_906_842_624),
        ], defaultUnit: bytes),
        Family(units: [
            Unit(name: "ns", aliases: ["ns", "nanosecond"], factor: 1), Unit(name: "us", aliases: ["μs", "us", "microsecond"], factor: 1e3),
            Unit(name: "ms", aliases: ["ms", "millisecond"], factor: 1e6), seconds,
            Unit(name: "hrs", aliases: ["hour", "hr"], factor: 3600e9),
        ], defaultUnit: Unit(name: "s", aliases: [], factor: 1e9)),
    ]

    /// `value` in `from` units expressed in `to` (a unit, or `auto`/`minimum` for the best fit);
    /// counts stay unitless.
    package static func scale(_ value: Int64, from: String, to: String) -> (Double, String) {
        if value < 0, value != .min {
            let (scaled, unit) = scale(-value, from: from, to: to)
            return (-scaled, unit)
        }
        for family in families {
            if let result = family.convert(value, from: from, to: to) { return result }
        }
        switch to {
        case "count", "sample", "unit", "minimum", "auto": return (Double(value), "")
        default: return (Double(value), to)
        }
    }

    /// Two decimals, trailing `.00` dropped, then the unit: `380ms`, `24078.89kB`, `0`.
    package static func label(_ value: Int64, from: String, to: String = "auto") -> String {
        let (scaled, unit) = scale(value, from: from, to: to)
        var text = String(format: "%.2f", scaled)
        if text.hasSuffix(".00") { text.removeLast(3) }
        if text == "0" || text == "-0" { return "0" }
        return text + unit
    }

    /// Five columns wide: `31.58%`, `  100%` near a hundred, two significant digits below one.
    package static func percentage(_ value: Int64, of total: Int64) -> String {
        let ratio = total == 0 ? 0 : abs(Double(value) / Double(total)) * 100
        if ratio >= 99.95 && ratio <= 100.05 { return "  100%" }
        if ratio >= 1 { return String(format: "%5.2f%%", ratio) }
        return String(format: "%5.2g%%", ratio)
    }
}

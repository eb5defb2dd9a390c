import Foundation

/// What `go tool pprof -top` prints for a profile: the functions by their own ("flat") value, with
/// their share, the running sum, and the value including callees ("cum"). Same rules as pprof:
/// nodes are functions (inlined frames their own), a node whose cum is under 0.5 % of the total is
/// dropped (its time no longer counted anywhere), the output unit is chosen from the smallest
/// value shown, and the header names the file, type, time and duration.
package struct TopReport: Sendable {
    /// One function.
    package struct Row: Sendable, Equatable {
        /// The function (or `[binary]`, or `<unknown>` without symbols).
        package var name: String
        /// `(inline)` when every call into it was inlined, `(partial-inline)` when some were, else empty.
        package var inline: String
        package var flat: Int64
        package var cum: Int64
    }

    /// The header lines, as pprof prints them above the table.
    package private(set) var labels: [String] = []
    /// Every function shown, by flat value (then name, then cum).
    package private(set) var rows: [Row] = []
    /// The sum of every sample's value (the 100 %).
    package let total: Int64
    /// The sample type shown (`cpu`, `inuse_space`, …) and its unit.
    package let sampleType: Profile.ValueType
    /// The unit values are printed in (`ms`, `kB`, …).
    package let outputUnit: String

    /// The report for `profile` on sample type `sampleIndex` (pprof's default when nil); with
    /// `top`, only the first `top` functions (pprof's `-nodecount`).
    package init(profile: Profile, sampleIndex: Int? = nil, top: Int? = nil, nodeFraction: Double = 0.005) {
        let index = sampleIndex ?? profile.defaultSampleIndex
        sampleType = profile.sampleTypes.isEmpty
            ? Profile.ValueType(type: "", unit: "count")
            : Profile.ValueType(type: profile.sampleTypes[index].type, unit: profile.sampleTypes[index].unit.lowercased())
        let value: (Profile.Sample) -> Int64 = { $0.values.isEmpty ? 0 : $0.values[index] }
        total = profile.samples.reduce(0) { $0 + abs(value($1)) }

        var graph = Graph(profile: profile, value: value, kept: nil)
        let cutoff = abs(Int64(Double(graph.nodes.values.reduce(0) { $0 + $1.flat }) * nodeFraction))
        var dropped = 0
        if cutoff > 0 {
            let kept = Set(graph.nodes.filter { abs($0.value.cum) >= cutoff }.keys)
            if kept.count != graph.nodes.count {
                dropped = graph.nodes.count - kept.count
                graph = Graph(profile: profile, value: value, kept: kept)
            }
        }
        let all = graph.nodes.map { key, node in
            Row(name: key.printableName, inline: node.inlineLabel, flat: node.flat, cum: node.cum)
        }.sorted { left, right in
            if abs(left.flat) != abs(right.flat) { return abs(left.flat) > abs(right.flat) }
            if left.name != right.name { return left.name < right.name }
            return abs(left.cum) > abs(right.cum)
        }
        rows = top.map { Array(all.prefix(max(0, $0))) } ?? all
        outputUnit = Self.outputUnit(rows: rows, total: total, sampleUnit: sampleType.unit)
        labels = header(profile) + summary(shown: rows.reduce(0) { $0 + $1.flat }, dropped: dropped, cutoff: Int64(Double(total) * nodeFraction),
                                            shownCount: rows.count, count: all.count)
    }

    /// A value in the report's output unit (`120ms`).
    package func format(_ value: Int64) -> String {
        ProfileUnits.label(value, from: sampleType.unit, to: outputUnit)
    }

    /// The report as `go tool pprof -top` prints it.
    package func text() -> String {
        var out = labels.joined(separator: "\n") + "\n"
        out += Self.pad("flat", 10) + " " + Self.pad("flat", 5) + "% " + Self.pad("sum", 5) + "% " + Self.pad("cum", 10) + " " + Self.pad("cum", 5) + "%\n"
        var sum: Int64 = 0
        for row in rows {
            sum += row.flat
            out += Self.pad(format(row.flat), 10) + " " + ProfileUnits.percentage(row.flat, of: total) + " "
                + ProfileUnits.percentage(sum, of: total) + " " + Self.pad(format(row.cum), 10) + " "
                + ProfileUnits.percentage(row.cum, of: total) + "  " + row.name + (row.inline.isEmpty ? "" : " " + row.inline) + "\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The unit of the smallest value shown, or one a hundredth as fine when the values span units.
    private static func outputUnit(rows: [Row], total: Int64, sampleUnit: String) -> String {
        var minimum: Int64 = 0
        for row in rows {
            let value = row.flat != 0 ? abs(row.flat) : abs(row.cum)
            if value > 0 && (minimum == 0 || value < minimum) { minimum = value }
        }
        guard !rows.isEmpty else { return sampleUnit }
        if minimum == 0 { minimum = total }
        let minimumUnit = ProfileUnits.scale(minimum, from: sampleUnit, to: "minimum").1
        let maximumUnit = ProfileUnits.scale(total, from: sampleUnit, to: "minimum").1
        var unit = minimumUnit
        if minimumUnit != maximumUnit && minimum * 100 < total {
            unit = ProfileUnits.scale(100 * minimum, from: sampleUnit, to: "minimum").1
        }
        return unit.isEmpty ? sampleUnit : unit
    }

    private func header(_ profile: Profile) -> [String] {
        var lines: [String] = []
        if let file = profile.mainFile, !file.isEmpty { lines.append("File: " + (file as NSString).lastPathComponent) }
        if let id = profile.buildID, !id.isEmpty { lines.append("Build ID: " + id) }
        lines += profile.comments.filter { !$0.hasPrefix("#") }
        if !sampleType.type.isEmpty { lines.append("Type: " + sampleType.type) }
        if profile.timeNanos != 0 { lines.append("Time: " + Self.time(profile.timeNanos)) }
        if profile.durationNanos != 0 {
            let (nanos, unit) = ProfileUnits.scale(total, from: sampleType.unit, to: "nanoseconds")
            let ratio = unit == "ns" && nanos != 0 ? "(" + ProfileUnits.percentage(Int64(nanos), of: profile.durationNanos) + ")" : ""
            lines.append("Duration: \(ProfileUnits.label(profile.durationNanos, from: "nanoseconds")), Total samples = \(format(total)) \(ratio)")
        }
        return lines
    }

    private func summary(shown: Int64, dropped: Int, cutoff: Int64, shownCount: Int, count: Int) -> [String] {
        let share = ProfileUnits.percentage(shown, of: total).trimmingCharacters(in: .whitespaces)
        var lines = ["Showing nodes accounting for \(format(shown)), \(share) of \(format(total)) total"]
        guard total != 0 else { return lines }
        if dropped > 0 { lines.append("Dropped \(dropped) node\(dropped > 1 ? "s" : "") (cum <= \(format(abs(cutoff))))") }
        if shownCount > 0 && shownCount < count { lines.append("Showing top \(shownCount) nodes out of \(count)") }
        return lines
    }

    /// Go's `Jan 2, 2006 at 3:04pm (MST)` in the local time zone.
    static func time(_ nanoseconds: Int64) -> String {
        var seconds = time_t(nanoseconds / 1_000_000_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let hour = Int(parts.tm_hour) % 12 == 0 ? 12 : Int(parts.tm_hour) % 12
        let zone = parts.tm_zone.map { String(cString: $0) } ?? "UTC"
        return "\(months[Int(parts.tm_mon)]) \(parts.tm_mday), \(Int(parts.tm_year) + 1900) at \(hour):"
            + String(format: "%02d", parts.tm_min) + (parts.tm_hour < 12 ? "am" : "pm") + " (\(zone))"
    }
}

/// The call graph pprof builds from samples: a node per function, flat and cum values, and whether
/// calls into a node were inlined.
struct Graph {
    /// A node's identity: the function's name, else the binary it is in.
    struct Key: Hashable {
        var function: String
        var binary: String

        var printableName: String {
            if !function.isEmpty { return function }
            if !binary.isEmpty { return "[" + (binary as NSString).lastPathComponent + "]" }
            return "<unknown>"
        }
    }

    struct Node {
        var flat: Int64 = 0
        var cum: Int64 = 0
        var inlinedCalls = false
        var outOfLineCalls = false

        var inlineLabel: String {
            guard inlinedCalls else { return "" }
            return outOfLineCalls ? "(partial-inline)" : "(inline)"
        }
    }

    var nodes: [Key: Node] = [:]

    /// Builds the graph; with `kept`, frames of other functions are skipped (and a sample whose
    /// leaf is skipped adds its flat value nowhere, as in pprof).
    init(profile: Profile, value: (Profile.Sample) -> Int64, kept: Set<Key>?) {
        var edges: [Key: [Key: Bool]] = [:]  // caller → callee → every call inlined
        for sample in profile.samples {
            let weight = value(sample)
            guard weight != 0 else { continue }
            var seen: Set<Key> = []
            var seenEdges: Set<[Key]> = []
            var parent: Key?
            var residual = false
            for id in sample.locations.reversed() {
                guard let location = profile.locations[id] else { continue }
                let lines = location.lines.isEmpty ? [Profile.Line(function: nil, file: "", line: 0)] : location.lines
                for (position, line) in lines.enumerated().reversed() {
                    let function = line.function ?? ""
                    let key = Key(function: function, binary: function.isEmpty ? (location.mappingFile ?? "") : "")
                    if let kept, !kept.contains(key) {
                        residual = true
                        continue
                    }
                    if seen.insert(key).inserted { nodes[key, default: Node()].cum += weight }
                    if let caller = parent, caller != key, seenEdges.insert([caller, key]).inserted {
                        let inlined = position != lines.count - 1
                        edges[caller, default: [:]][key] = (edges[caller]?[key] ?? true) && inlined
                    }
                    parent = key
                    residual = false
                }
            }
            if let leaf = parent, !residual { nodes[leaf, default: Node()].flat += weight }
        }
        nodes = nodes.filter { $0.value.flat != 0 || $0.value.cum != 0 }
        for (_, callees) in edges {
            for (callee, inlined) in callees where nodes[callee] != nil {
                if inlined { nodes[callee]!.inlinedCalls = true } else { nodes[callee]!.outOfLineCalls = true }
            }
        }
    }
}

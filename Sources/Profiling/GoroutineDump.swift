import Foundation

/// A Go goroutine dump (`/debug/pprof/goroutine?debug=1` or `debug=2`) grouped by stack: how many
/// goroutines wait where, most first — the view that finds a leak or a pile-up in one glance.
package struct GoroutineDump: Sendable {
    /// One distinct stack.
    package struct Group: Sendable, Equatable {
        /// Goroutines with this stack (and state).
        package var count: Int
        /// What they wait on (`select`, `IO wait`, …), from `debug=2` dumps; nil for `debug=1`.
        package var state: String?
        /// Innermost first: the function and its `file:line`.
        package var frames: [Frame]
    }

    /// One stack frame.
    package struct Frame: Sendable, Equatable, Hashable {
        package var function: String
        package var location: String
    }

    /// The groups, most goroutines first (then by the innermost function).
    package private(set) var groups: [Group] = []
    /// All goroutines.
    package var total: Int { groups.reduce(0) { $0 + $1.count } }

    /// Reads either format; lines it does not know are skipped, so a truncated dump still groups.
    package init(text: String) {
        var byKey: [String: Int] = [:]
        func add(_ group: Group) {
            guard !group.frames.isEmpty || group.count > 0 else { return }
            let key = (group.state ?? "") + "\u{1}" + group.frames.map { $0.function + "\u{2}" + $0.location }.joined(separator: "\u{1}")
            if let index = byKey[key] { groups[index].count += group.count } else {
                byKey[key] = groups.count
                groups.append(group)
            }
        }
        for block in text.split(separator: "\n\n", omittingEmptySubsequences: true) {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let first = lines.first else { continue }
            if first.hasPrefix("goroutine "), first.hasSuffix(":") {
                add(Self.full(lines))
            } else if let grouped = Self.grouped(lines) {
                add(grouped)
            }
        }
        groups.sort { ($0.count, $1.frames.first?.function ?? "") > ($1.count, $0.frames.first?.function ?? "") }
    }

    /// `debug=1`: `N @ 0x… 0x…` then `#\t0xPC\tfunction+0xOFF\tfile:line` frames.
    private static func grouped(_ lines: [String]) -> Group? {
        let header = lines[0].split(separator: " ")
        guard header.count >= 2, header[1] == "@", let count = Int(header[0]) else { return nil }
        var frames: [Frame] = []
        for line in lines.dropFirst() where line.hasPrefix("#\t") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
            guard fields.count >= 4 else { continue }
            let function = fields[2].split(separator: "+").first.map(String.init) ?? String(fields[2])
            frames.append(Frame(function: function, location: String(fields[3]).trimmingCharacters(in: .whitespaces)))
        }
        return Group(count: count, state: nil, frames: frames)
    }

    /// `debug=2`: `goroutine 7 [select, 3 minutes]:`, then `function(args)` and `\tfile:line +0xOFF` pairs.
    private static func full(_ lines: [String]) -> Group {
        var state: String?
        if let open = lines[0].firstIndex(of: "["), let close = lines[0].lastIndex(of: "]"), open < close {
            state = lines[0][lines[0].index(after: open)..<close].split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) }
        }
        var frames: [Frame] = []
        var index = 1
        while index < lines.count {
            var function = lines[index]
            if function.hasPrefix("created by ") { function.removeFirst("created by ".count) }
            if let paren = function.lastIndex(of: "("), function.hasSuffix(")") { function = String(function[..<paren]) }
            var location = ""
            if index + 1 < lines.count, lines[index + 1].hasPrefix("\t") {
                location = lines[index + 1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                index += 1
            }
            frames.append(Frame(function: function, location: location))
            index += 1
        }
        return Group(count: 1, state: state, frames: frames)
    }

    /// `N goroutine(s) [state]` and the frames of each group, the innermost first; at most `limit` groups.
    package func text(limit: Int? = nil) -> String {
        var out = "\(total) goroutines in \(groups.count) distinct stacks\n"
        for group in groups.prefix(limit ?? groups.count) {
            out += "\n\(group.count) goroutine\(group.count == 1 ? "" : "s")" + (group.state.map { " [\($0)]" } ?? "") + "\n"
            for frame in group.frames { out += "    \(frame.function)  \(frame.location)\n" }
        }
        if let limit, groups.count > limit { out += "\n(\(groups.count - limit) more stacks; --top to show more)\n" }
        return out
    }
}

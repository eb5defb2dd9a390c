import CRE2
import Synchronization

/// A fully anchored regular expression over label values, with Go's RE2 syntax and semantics as
/// Prometheus 2.42 compiles them (`^(?:pattern)$`; `.` does not match `\n`), matched by RE2 in
/// time linear in the value. Prometheus's fast paths come first: a plain literal or an
/// alternation of literals (`a|b|c`) is a set lookup, `foo.*` a prefix test and `.*` a newline
/// test, none of which runs the engine.
public struct LabelPattern: Sendable {
    private enum Strategy: Sendable {
        case anyLine
        case literals(Set<String>)
        case prefix(String)
        case regex(CompiledRegex)
    }

    /// The source as given.
    public let source: String
    private let strategy: Strategy

    /// The literal strings the pattern matches, when it is a pure literal alternation.
    public var literals: [String]? {
        if case .literals(let values) = strategy { return values.sorted() }
        return nil
    }

    /// Compiles `source`; throws with RE2's reason when it is not a valid regular expression.
    public init(_ source: String) throws(LabelPatternError) {
        self.source = source
        if source == ".*" {
            strategy = .anyLine
            return
        }
        let special = Set("\\^$.|?*+()[]{}")
        if !source.contains(where: { special.contains($0) }) {
            strategy = .literals([source])
            return
        }
        let alternatives = source.split(separator: "|", omittingEmptySubsequences: false)
        if alternatives.count > 1, alternatives.allSatisfy({ !$0.contains(where: { special.contains($0) }) }) {
            strategy = .literals(Set(alternatives.map(String.init)))
            return
        }
        if source.hasSuffix(".*") {
            let head = source.dropLast(2)
            if !head.isEmpty, !head.contains(where: { special.contains($0) }) {
                strategy = .prefix(String(head))
                return
            }
        }
        if let cached = Self.compiled.withLock({ $0[source] }) {
            strategy = .regex(cached)
            return
        }
        let compiled = try CompiledRegex(source)
        // Dashboards send the same selectors again and again; compiling costs more than matching.
        Self.compiled.withLock { cache in
            if cache.count >= 1024 { cache.removeAll(keepingCapacity: true) }
            cache[source] = compiled
        }
        strategy = .regex(compiled)
    }

    /// Compiled regular expressions by source, shared by every query and scrape of the process.
    private static let compiled = Mutex<[String: CompiledRegex]>([:])

    /// Whether the whole of `value` matches.
    public func matches(_ value: String) -> Bool {
        switch strategy {
        case .anyLine: !value.utf8.contains(UInt8(ascii: "\n"))
        case .literals(let values):
            // Swift's `==` treats canonically equivalent strings as equal; Go compares bytes.
            if let found = values.firstIndex(of: value) { values[found].utf8.elementsEqual(value.utf8) } else { false }
        case .prefix(let prefix):
            value.utf8.starts(with: prefix.utf8) && !value.utf8.dropFirst(prefix.utf8.count).contains(UInt8(ascii: "\n"))
        case .regex(let compiled): compiled.matches(value)
        }
    }
}

/// A regular expression that does not compile.
public struct LabelPatternError: Error, Sendable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// Why it was rejected.
    public var reason: String

    public var description: String { "invalid regular expression \"\(pattern)\": \(reason)" }
}

/// An RE2 program, freed with its last reference. RE2 matches from many threads at once on one
/// compiled program, so sharing it is safe.
final class CompiledRegex: @unchecked Sendable {
    private let program: OpaquePointer
    /// Capturing groups, the whole match (group 0) included.
    let groupCount: Int

    /// Compiles `source`, fully anchored (`^(?:source)$`, as Prometheus's matchers) unless
    /// `anchored` is false (Go's `regexp.Compile`, for searching).
    init(_ source: String, anchored: Bool = true) throws(LabelPatternError) {
        var reason = [CChar](repeating: 0, count: 256)
        var text = source
        let program = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                anchored ? etcdmon_re2_compile($0.baseAddress, $0.count, &reason, reason.count)
                    : etcdmon_re2_compile_unanchored($0.baseAddress, $0.count, &reason, reason.count)
            }
        }
        guard let program else {
            throw LabelPatternError(pattern: source, reason: String(decoding: reason.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self))
        }
        self.program = program
        groupCount = Int(etcdmon_re2_group_count(program)) + 1
    }

    deinit { etcdmon_re2_free(program) }

    func matches(_ value: String) -> Bool {
        Self.withBytes(value) { etcdmon_re2_full_match(program, $0, $1) != 0 }
    }

    /// The number of the group called `name`, if there is one.
    func group(named name: String) -> Int? {
        let index = Self.withBytes(name) { etcdmon_re2_group_index(program, $0, $1) }
        return index < 0 ? nil : Int(index)
    }

    /// Every group's text (nil for a group that took no part) when the whole of `value` matches.
    func groups(_ value: String) -> [Substring?]? {
        var offsets = [Int64](repeating: -1, count: 2 * groupCount)
        let matched = Self.withBytes(value) { etcdmon_re2_full_match_groups(program, $0, $1, &offsets, Int32(groupCount)) != 0 }
        guard matched else { return nil }
        let utf8 = value.utf8
        return (0..<groupCount).map { group in
            let (start, end) = (Int(offsets[2 * group]), Int(offsets[2 * group + 1]))
            guard start >= 0 else { return nil }
            return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
        }
    }

    /// The group offsets (start, end; -1 for a group that took no part) of the leftmost match in
    /// `value` starting at or after byte `start`, for an unanchored program.
    func find(in value: String, from start: Int) -> [Int64]? {
        var offsets = [Int64](repeating: -1, count: 2 * groupCount)
        let found = Self.withBytes(value) { etcdmon_re2_find(program, $0, $1, start, &offsets, Int32(groupCount)) != 0 }
        return found ? offsets : nil
    }

    /// `body` over the UTF-8 bytes of `text`, never with a null pointer (RE2 reports an empty group
    /// at a null address as absent).
    private static func withBytes<Result>(_ text: String, _ body: (UnsafePointer<CChar>, Int) -> Result) -> Result {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return "".withCString { body($0, 0) } }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { body($0, bytes.count) }
        }
    }
}

extension LabelPattern {
    /// When the whole of `value` matches, `template` with `$1`, `${1}`, `$name`, `${name}` replaced
    /// by the match's groups (`$$` is a literal `$`), as Go's `Regexp.Expand` does for relabelling;
    /// `nil` when it does not match. Unknown or unmatched groups expand to nothing.
    public func expand(_ template: String, matching value: String) -> String? {
        let groups: (String) -> String
        switch strategy {
        case .regex(let compiled):
            guard let matched = compiled.groups(value) else { return nil }
            groups = { name in
                guard let index = Int(name) ?? compiled.group(named: name), index >= 0, index < matched.count else { return "" }
                return matched[index].map(String.init) ?? ""
            }
        default:
            guard matches(value) else { return nil }
            groups = { $0 == "0" ? value : "" }
        }
        return Self.expand(template, groups: groups)
    }

    static func expand(_ template: String, groups: (String) -> String) -> String {
        var result = ""
        var rest = Substring(template)
        func isNameCharacter(_ c: Character) -> Bool { c == "_" || c.isASCII && (c.isLetter || c.isNumber) }
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
            } else if rest.first == "{", let close = rest.firstIndex(of: "}"),
                      case let name = rest[rest.index(after: rest.startIndex)..<close],
                      !name.isEmpty, name.allSatisfy(isNameCharacter) {
                result += groups(String(name))
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix(while: isNameCharacter)
                if name.isEmpty {
                    result += "$" // malformed: Go keeps the '$' as text
                } else {
                    result += groups(String(name))
                    rest = rest.dropFirst(name.count)
                }
            }
        }
        return result + rest
    }
}

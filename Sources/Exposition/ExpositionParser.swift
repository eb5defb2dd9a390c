import EtcdmonModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pull parser for Prometheus text 0.0.4 and OpenMetrics 1.0, working on bytes.
///
/// `next()` walks the input one entry at a time and validates it without allocating: it records
/// byte ranges only. Strings (names, labels, help text) are decoded when asked for, so a caller
/// that keys a cache on `seriesBytes` — as a scrape loop does — never builds labels for series
/// it has already seen.
///
/// The parser reads memory it does not own; use it only inside `withParser(_:format:_:)`:
///
/// ```swift
/// try ExpositionParser.withParser(body, format: .prometheusText) { parser in
///     while let entry = try parser.next() {
///         if entry == .sample { print(parser.labels(), parser.value) }
///     }
/// }
/// ```
public struct ExpositionParser {
    /// The format being parsed.
    public let format: ExpositionFormat

    private let buffer: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 0
    private var lineStart = 0
    private var finished = false

    // The current entry, as ranges into `buffer`.
    private var nameRange: Range<Int> = 0..<0
    private var nameIsQuoted = false
    private var textRange: Range<Int> = 0..<0
    private var textHasEscapes = false
    private var seriesRange: Range<Int> = 0..<0
    private var labelSpans: [LabelSpan] = []
    private var exemplarSpans: [LabelSpan] = []
    private var hasExemplar = false
    private var exemplarValue = 0.0
    private var exemplarTimestamp: Int64?

    /// The current entry's type, for `.type` entries.
    public private(set) var metricType: MetricType = .unknown
    /// The current sample's value, for `.sample` entries.
    public private(set) var value: Double = 0
    /// The current sample's timestamp in milliseconds since the epoch, if the line has one.
    /// OpenMetrics timestamps (seconds, possibly fractional) are converted, truncating as Prometheus does.
    public private(set) var timestamp: Int64?

    /// A label's name and value as byte ranges, with whether either needs unescaping.
    private struct LabelSpan {
        var name: Range<Int>
        var nameIsQuoted: Bool
        var value: Range<Int>
        var valueHasEscapes: Bool
    }

    private init(buffer: UnsafeBufferPointer<UInt8>, format: ExpositionFormat) {
        self.buffer = buffer
        self.format = format
        labelSpans.reserveCapacity(16)
    }

    /// Runs `body` with a parser over `bytes`. The parser must not escape `body`.
    public static func withParser<Result>(
        _ bytes: [UInt8],
        format: ExpositionFormat,
        _ body: (inout ExpositionParser) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = ExpositionParser(buffer: buffer, format: format)
            return try body(&parser)
        }
    }

    /// Runs `body` with a parser over raw memory the caller keeps alive for the duration of `body`.
    public static func withParser<Result>(
        _ bytes: UnsafeRawBufferPointer,
        format: ExpositionFormat,
        _ body: (inout ExpositionParser) throws -> Result
    ) rethrows -> Result {
        var parser = ExpositionParser(buffer: bytes.bindMemory(to: UInt8.self), format: format)
        return try body(&parser)
    }

    // MARK: - Reading the current entry

    /// The metric name of the current entry (unescaped if it was quoted).
    public var metricName: String {
        decode(nameRange, escaped: nameIsQuoted)
    }

    /// The raw bytes that identify the current sample's series (`name{labels}` as written).
    /// Stable across scrapes of the same target, so it is a cheap cache key.
    public var seriesBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[seriesRange])
    }

    /// The current entry's whole line as written, newline included: a cheap way to notice whether
    /// comments changed since the last scrape without decoding them.
    public var lineBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: buffer[lineStart..<position])
    }

    /// The help text of a `.help` entry, unescaped.
    public var helpText: String {
        decode(textRange, escaped: textHasEscapes)
    }

    /// The unit of a `.unit` entry.
    public var unit: String {
        decode(textRange, escaped: false)
    }

    /// The current sample's labels, including `__name__`.
    public func labels() -> Labels {
        var labels: [Label] = []
        labels.reserveCapacity(labelSpans.count + 1)
        if !nameRange.isEmpty {
            labels.append(Label(Labels.metricName, metricName))
        }
        for span in labelSpans {
            labels.append(Label(
                decode(span.name, escaped: span.nameIsQuoted),
                decode(span.value, escaped: span.valueHasEscapes)))
        }
        return Labels(labels)
    }

    /// The 1-based line number of the current entry, for messages about it.
    public var currentLine: Int { lineNumber }

    /// The number of labels the current sample has besides its name.
    public var labelCount: Int { labelSpans.count }

    /// The current sample's exemplar, if it has one.
    public func exemplar() -> Exemplar? {
        guard hasExemplar else { return nil }
        let labels = exemplarSpans.map {
            Label(decode($0.name, escaped: $0.nameIsQuoted), decode($0.value, escaped: $0.valueHasEscapes))
        }
        return Exemplar(labels: Labels(labels), value: exemplarValue, timestamp: exemplarTimestamp)
    }

    // MARK: - Walking the input

    /// Advances to the next entry; `nil` at the end of the input (after `# EOF` for OpenMetrics).
    /// Plain comments and blank lines (text format) are skipped.
    public mutating func next() throws(ExpositionError) -> ExpositionEntry? {
        while !finished {
            guard position < buffer.count else {
                finished = true
                if format == .openMetrics {
                    lineNumber += 1
                    lineStart = position
                    throw error("OpenMetrics data must end with '# EOF'")
                }
                return nil
            }
            lineNumber += 1
            lineStart = position
            let first = buffer[position]
            if first == .newline {
                if format == .openMetrics { throw error("blank lines are not allowed in OpenMetrics") }
                position += 1
                continue
            }
            if first.isBlank {
                if format == .openMetrics { throw error("leading whitespace is not allowed in OpenMetrics") }
                skipBlanks()
                if position >= buffer.count || buffer[position] == .newline {
                    skipNewline()
                    continue
                }
            }
            if buffer[position] == .hash {
                if let entry = try parseCommentLine() { return entry }
                continue
            }
            try parseSampleLine()
            return .sample
        }
        return nil
    }

    /// After `next()` threw, moves past the offending line so a lenient reader (a backfill that
    /// reports bad lines and imports the rest) can go on with the next one.
    public mutating func skipToNextLine() {
        guard !finished else { return }
        position = lineStart
        skipToEndOfLine()
        skipNewline()
    }

    // MARK: Comments: # HELP, # TYPE, # UNIT, # EOF

    private mutating func parseCommentLine() throws(ExpositionError) -> ExpositionEntry? {
        position += 1 // '#'
        let afterHash = position
        if format == .openMetrics {
            guard position < buffer.count, buffer[position] == .space else {
                throw error("expected a space after '#'")
            }
            position += 1
        } else {
            skipBlanks()
        }
        let keywordStart = position
        while position < buffer.count, buffer[position].isLetter { position += 1 }
        let keyword = keywordStart..<position
        let atEndOfLine = position >= buffer.count || buffer[position] == .newline

        if format == .openMetrics, matches(keyword, "EOF"), atEndOfLine {
            skipNewline()
            if position < buffer.count {
                throw error("unexpected data after '# EOF'", at: position)
            }
            finished = true
            return nil
        }

        let entry: ExpositionEntry?
        if matches(keyword, "HELP") {
            entry = .help
        } else if matches(keyword, "TYPE") {
            entry = .type
        } else if matches(keyword, "UNIT"), format == .openMetrics {
            entry = .unit
        } else {
            entry = nil
        }
        guard let entry, !atEndOfLine, buffer[position].isBlank else {
            if format == .openMetrics {
                throw error("OpenMetrics allows only '# HELP', '# TYPE', '# UNIT' and '# EOF' comments", at: afterHash)
            }
            skipToEndOfLine()
            skipNewline()
            return nil
        }
        let keywordName: String
        switch entry {
        case .help: keywordName = "HELP"
        case .type: keywordName = "TYPE"
        default: keywordName = "UNIT"
        }
        try expectSeparator("after '# \(keywordName)'")
        try parseMetricName(context: "in '# \(keywordName)'")

        switch entry {
        case .help:
            textRange = position..<position
            textHasEscapes = false
            if position < buffer.count, buffer[position] != .newline {
                try expectSeparator("after the metric name")
                let start = position
                var escapes = false
                while position < buffer.count, buffer[position] != .newline {
                    if buffer[position] == .backslash {
                        escapes = true
                        if position + 1 < buffer.count, buffer[position + 1] != .newline { position += 1 }
                    }
                    position += 1
                }
                textRange = start..<position
                textHasEscapes = escapes
            }
        case .type:
            try expectSeparator("after the metric name")
            let start = position
            while position < buffer.count, !buffer[position].isBlank, buffer[position] != .newline {
                position += 1
            }
            let word = decode(start..<position, escaped: false)
            guard let type = Self.metricType(word, format: format) else {
                throw error("invalid metric type \"\(word)\" for \(format)", at: start)
            }
            metricType = type
            if format == .prometheusText { skipBlanks() }
        case .unit:
            textRange = position..<position
            if position < buffer.count, buffer[position] != .newline {
                try expectSeparator("after the metric name")
                let start = position
                while position < buffer.count, buffer[position] != .newline { position += 1 }
                textRange = start..<position
                let unitText = unit
                if !unitText.isEmpty, !metricName.hasSuffix(unitText) {
                    throw error("unit \"\(unitText)\" is not a suffix of metric \"\(metricName)\"", at: start)
                }
            }
        case .sample:
            break
        }
        try expectEndOfLine()
        return entry
    }

    private static func metricType(_ word: String, format: ExpositionFormat) -> MetricType? {
        switch (word, format) {
        case ("counter", _): .counter
        case ("gauge", _): .gauge
        case ("histogram", _): .histogram
        case ("summary", _): .summary
        case ("untyped", .prometheusText): .untyped
        case ("unknown", .openMetrics): .unknown
        case ("gaugehistogram", .openMetrics): .gaugeHistogram
        case ("info", .openMetrics): .info
        case ("stateset", .openMetrics): .stateset
        default: nil
        }
    }

    // MARK: Samples

    private mutating func parseSampleLine() throws(ExpositionError) {
        let seriesStart = position
        nameRange = position..<position
        nameIsQuoted = false
        labelSpans.removeAll(keepingCapacity: true)
        if buffer[position] != .openBrace {
            try parseMetricName(context: "at the start of a sample")
            // Text 0.0.4 allows blanks between the name and '{'; without a '{' they separate the value.
            let afterName = position
            if format == .prometheusText { skipBlanks() }
            if position >= buffer.count || buffer[position] != .openBrace { position = afterName }
        }
        if position < buffer.count, buffer[position] == .openBrace {
            // Swapped out so the set can be filled while `self` is mutated; keeps its capacity.
            var spans: [LabelSpan] = []
            swap(&spans, &labelSpans)
            defer { swap(&spans, &labelSpans) }
            try parseLabelSet(into: &spans, allowingMetricName: true)
        }
        if nameRange.isEmpty {
            throw error("sample has no metric name", at: seriesStart)
        }
        seriesRange = seriesStart..<position
        try parseSampleValue()
    }

    /// Reads the next line as a sample when it begins with exactly `series` — the `seriesBytes` of a
    /// sample read before — followed by the value: scrape pages repeat their series in the same order,
    /// and bytes already parsed need not be parsed again. Returns `false`, consuming nothing, when the
    /// next line is anything else; call `next()` then. After `true`, read `seriesBytes`, `value`,
    /// `timestamp` and `exemplar()`; the metric name and labels are those of the earlier sample.
    public mutating func nextSample(repeating series: UnsafeBufferPointer<UInt8>) throws(ExpositionError) -> Bool {
        let after = position + series.count
        guard !finished, !series.isEmpty, after < buffer.count, buffer[after].isBlank,
              memcmp(buffer.baseAddress! + position, series.baseAddress!, series.count) == 0 else { return false }
        lineNumber += 1
        lineStart = position
        nameRange = position..<position
        labelSpans.removeAll(keepingCapacity: true)
        seriesRange = position..<after
        position = after
        try parseSampleValue()
        return true
    }

    /// The value, optional timestamp and exemplar after a sample's series, to the end of the line.
    private mutating func parseSampleValue() throws(ExpositionError) {
        try expectSeparator("before the sample value")
        value = try parseFloatToken(what: "sample value")
        timestamp = nil
        hasExemplar = false
        if format == .prometheusText { skipBlanks() } else if position < buffer.count, buffer[position] == .space {
            position += 1
        }
        if position < buffer.count, buffer[position] != .newline, buffer[position] != .hash {
            timestamp = try parseTimestamp()
            if format == .prometheusText { skipBlanks() } else if position < buffer.count, buffer[position] == .space {
                position += 1
            }
        }
        if position < buffer.count, buffer[position] == .hash {
            try parseExemplar()
        }
        try expectEndOfLine()
    }

    private mutating func parseTimestamp() throws(ExpositionError) -> Int64 {
        let start = position
        if format == .openMetrics {
            let seconds = try parseFloatToken(what: "timestamp")
            guard seconds.isFinite, abs(seconds) < 9.2e15 else {
                throw error("invalid timestamp \(seconds)", at: start)
            }
            return Int64(seconds * 1000)
        }
        var negative = false
        if buffer[position] == .minus { negative = true; position += 1 }
        var result: Int64 = 0
        let digitsStart = position
        while position < buffer.count, buffer[position].isDigit {
            let (multiplied, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = multiplied.addingReportingOverflow(Int64(buffer[position] &- .zero))
            if overflow1 || overflow2 { throw error("timestamp out of range", at: start) }
            result = added
            position += 1
        }
        if position == digitsStart || (position < buffer.count && !buffer[position].isBlank && buffer[position] != .newline) {
            while position < buffer.count, !buffer[position].isBlank, buffer[position] != .newline { position += 1 }
            throw error("invalid timestamp \"\(decode(start..<position, escaped: false))\"", at: start)
        }
        return negative ? -result : result
    }

    private mutating func parseExemplar() throws(ExpositionError) {
        position += 1 // '#'
        try expectSeparator("after the exemplar's '#'")
        guard position < buffer.count, buffer[position] == .openBrace else {
            throw error("expected '{' to start the exemplar's labels")
        }
        var spans: [LabelSpan] = []
        swap(&spans, &exemplarSpans)
        defer { swap(&spans, &exemplarSpans) }
        spans.removeAll(keepingCapacity: true)
        try parseLabelSet(into: &spans, allowingMetricName: false)
        try expectSeparator("before the exemplar value")
        exemplarValue = try parseFloatToken(what: "exemplar value")
        exemplarTimestamp = nil
        if position < buffer.count, buffer[position].isBlank {
            skipBlanks()
            if position < buffer.count, buffer[position] != .newline {
                let start = position
                let seconds = try parseFloatToken(what: "exemplar timestamp")
                guard seconds.isFinite, abs(seconds) < 9.2e15 else {
                    throw error("invalid exemplar timestamp \(seconds)", at: start)
                }
                exemplarTimestamp = Int64(seconds * 1000)
            }
        }
        hasExemplar = true
    }

    /// Parses `{name="value", …}` (a trailing comma is allowed). With `allowingMetricName`, a
    /// lone quoted string is the metric name, as in `{"metric.with.dots", a="b"}`.
    private mutating func parseLabelSet(
        into spans: inout [LabelSpan],
        allowingMetricName: Bool
    ) throws(ExpositionError) {
        position += 1 // '{'
        while true {
            skipBlanks()
            guard position < buffer.count else { throw error("unterminated label set: expected '}'") }
            if buffer[position] == .closeBrace { position += 1; return }

            let nameStart = position
            let quoted = buffer[position] == .quote
            let name: Range<Int>
            if quoted {
                name = try parseQuotedString(what: "label name").range
            } else {
                while position < buffer.count, buffer[position].isLabelNameCharacter(first: position == nameStart) {
                    position += 1
                }
                name = nameStart..<position
                if name.isEmpty {
                    throw error("expected a label name, got \(describeByte(at: position))")
                }
            }
            skipBlanks()
            if quoted, allowingMetricName, nameRange.isEmpty,
               position < buffer.count, buffer[position] == .comma || buffer[position] == .closeBrace {
                nameRange = name
                nameIsQuoted = true
            } else {
                guard position < buffer.count, buffer[position] == .equals else {
                    throw error("expected '=' after label name \"\(decode(name, escaped: quoted))\", got \(describeByte(at: position))")
                }
                position += 1
                skipBlanks()
                guard position < buffer.count, buffer[position] == .quote else {
                    throw error("expected '\"' to start the value of label \"\(decode(name, escaped: quoted))\", got \(describeByte(at: position))")
                }
                let value = try parseQuotedString(what: "label value")
                spans.append(LabelSpan(name: name, nameIsQuoted: quoted, value: value.range, valueHasEscapes: value.hasEscapes))
            }
            skipBlanks()
            guard position < buffer.count else { throw error("unterminated label set: expected '}'") }
            switch buffer[position] {
            case .comma: position += 1
            case .closeBrace: position += 1; return
            default: throw error("expected ',' or '}' after a label, got \(describeByte(at: position))")
            }
        }
    }

    /// Parses `"…"` at `position`; returns the range between the quotes.
    private mutating func parseQuotedString(what: String) throws(ExpositionError) -> (range: Range<Int>, hasEscapes: Bool) {
        let open = position
        position += 1
        let start = position
        var escapes = false
        while position < buffer.count {
            switch buffer[position] {
            case .quote:
                let range = start..<position
                position += 1
                return (range, escapes)
            case .backslash:
                escapes = true
                if position + 1 < buffer.count, buffer[position + 1] == .newline {
                    throw error("\(what) contains a raw newline after '\\'", at: position + 1)
                }
                position += 2
            case .newline:
                throw error("\(what) contains a raw newline (write it as \\n)", at: position)
            default:
                position += 1
            }
        }
        position = buffer.count
        throw error("unterminated \(what): missing closing '\"'", at: open)
    }

    /// Parses `[a-zA-Z_:][a-zA-Z0-9_:]*`, or a quoted name where the format allows one.
    // The context is an autoclosure: it is built only for an error, not for every line that parses.
    private mutating func parseMetricName(context: @autoclosure () -> String) throws(ExpositionError) {
        let start = position
        if position < buffer.count, buffer[position] == .quote {
            nameRange = try parseQuotedString(what: "metric name").range
            nameIsQuoted = true
            return
        }
        while position < buffer.count, buffer[position].isMetricNameCharacter(first: position == start) {
            position += 1
        }
        guard position > start else {
            throw error("expected a metric name \(context()), got \(describeByte(at: position))")
        }
        nameRange = start..<position
        nameIsQuoted = false
    }

    /// Reads a float token (up to whitespace or newline): decimal, exponent, `NaN`, `±Inf`, hex.
    private mutating func parseFloatToken(what: String) throws(ExpositionError) -> Double {
        let start = position
        while position < buffer.count, !buffer[position].isBlank, buffer[position] != .newline {
            position += 1
        }
        guard position > start else {
            throw error("expected a \(what), got \(describeByte(at: position))")
        }
        let token = UnsafeBufferPointer(rebasing: buffer[start..<position])
        guard let number = FloatParser.parse(token) else {
            throw error("invalid \(what) \"\(decode(start..<position, escaped: false))\"", at: start)
        }
        return number
    }

    // MARK: Small steps

    private mutating func skipBlanks() {
        while position < buffer.count, buffer[position].isBlank { position += 1 }
    }

    private mutating func skipToEndOfLine() {
        while position < buffer.count, buffer[position] != .newline { position += 1 }
    }

    private mutating func skipNewline() {
        if position < buffer.count, buffer[position] == .newline { position += 1 }
    }

    /// OpenMetrics separates tokens by exactly one space; text 0.0.4 by any run of spaces or tabs.
    private mutating func expectSeparator(_ context: @autoclosure () -> String) throws(ExpositionError) {
        guard position < buffer.count, buffer[position].isBlank else {
            throw error("expected whitespace \(context()), got \(describeByte(at: position))")
        }
        if format == .openMetrics {
            guard buffer[position] == .space else { throw error("expected a single space \(context()), got a tab") }
            position += 1
        } else {
            skipBlanks()
        }
    }

    /// A line ends with '\n'; text 0.0.4 also accepts the end of input.
    private mutating func expectEndOfLine() throws(ExpositionError) {
        if position >= buffer.count {
            if format == .openMetrics { throw error("OpenMetrics data must end with '# EOF'") }
            return
        }
        guard buffer[position] == .newline else {
            throw error("unexpected \(describeByte(at: position)) at the end of the line")
        }
        position += 1
    }

    private func matches(_ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return UnsafeBufferPointer(rebasing: buffer[range]).elementsEqual(expected)
    }

    // MARK: Decoding and errors

    /// Decodes bytes as UTF-8 (invalid sequences become U+FFFD), resolving `\\`, `\"` and `\n`.
    private func decode(_ range: Range<Int>, escaped: Bool) -> String {
        let bytes = UnsafeBufferPointer(rebasing: buffer[range])
        guard escaped else { return String(decoding: bytes, as: UTF8.self) }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .backslash, index + 1 < bytes.count {
                switch bytes[index + 1] {
                case .backslash: unescaped.append(.backslash)
                case .quote: unescaped.append(.quote)
                case UInt8(ascii: "n"): unescaped.append(.newline)
                default: unescaped.append(contentsOf: [byte, bytes[index + 1]])
                }
                index += 2
            } else {
                unescaped.append(byte)
                index += 1
            }
        }
        return String(decoding: unescaped, as: UTF8.self)
    }

    private func describeByte(at index: Int) -> String {
        guard index < buffer.count else { return "end of input" }
        let byte = buffer[index]
        switch byte {
        case .newline: return "end of line"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }

    private func error(_ reason: String, at index: Int? = nil) -> ExpositionError {
        let at = min(index ?? position, buffer.count)
        var lineEnd = lineStart
        while lineEnd < buffer.count, buffer[lineEnd] != .newline, lineEnd - lineStart < 80 { lineEnd += 1 }
        return ExpositionError(
            line: max(lineNumber, 1),
            column: at - lineStart + 1,
            reason: reason,
            excerpt: decode(lineStart..<lineEnd, escaped: false))
    }
}

extension UInt8 {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let hash = UInt8(ascii: "#")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let minus = UInt8(ascii: "-")
    static let zero = UInt8(ascii: "0")

    var isBlank: Bool { self == .space || self == .tab }
    var isDigit: Bool { self &- .zero < 10 }
    var isLetter: Bool { (self | 0x20) &- UInt8(ascii: "a") < 26 }

    func isLabelNameCharacter(first: Bool) -> Bool {
        isLetter || self == UInt8(ascii: "_") || (!first && isDigit)
    }

    func isMetricNameCharacter(first: Bool) -> Bool {
        isLabelNameCharacter(first: first) || self == UInt8(ascii: ":")
    }
}

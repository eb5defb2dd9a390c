import EtcdmonModel
import Exposition
import Testing

@Suite("Text format 0.0.4 edge cases")
struct TextFormatEdgeCaseTests {
    @Test func escapesInLabelValuesAndHelp() throws {
        let entries = try ParsedEntry.parse(#"""
        # HELP m A \\ backslash and a\nnewline
        m{path="C:\\dir",quote="say \"hi\"",nl="a\nb"} 1

        """#)
        #expect(entries == [
            .help("m", "A \\ backslash and a\nnewline"),
            .sample(Labels(["__name__": "m", "path": "C:\\dir", "quote": "say \"hi\"", "nl": "a\nb"]), 1, nil),
        ])
    }

    @Test func trailingCommaWhitespaceAndTimestamps() throws {
        let entries = try ParsedEntry.parse("m{a=\"1\",} 2 1700000000000\n  m { a = \"2\" , b=\"x\" }\t3\t-5\nm 4")
        #expect(entries == [
            .sample(Labels(["__name__": "m", "a": "1"]), 2, 1_700_000_000_000),
            .sample(Labels(["__name__": "m", "a": "2", "b": "x"]), 3, -5),
            .sample(Labels(["__name__": "m"]), 4, nil),
        ])
    }

    @Test func specialValues() throws {
        let entries = try ParsedEntry.parse("a NaN\nb +Inf\nc -Inf\nd 1e-7\ne -0.5\nf 0x1p-2\ng 12345678901234567890123\nh 1.7976931348623157e308\n")
        let values = entries.compactMap { if case let .sample(_, value, _) = $0 { value } else { nil } }
        #expect(values.count == 8)
        #expect(values[0].isNaN)
        #expect(values[1] == .infinity)
        #expect(values[2] == -.infinity)
        #expect(values[3] == 1e-7)
        #expect(values[4] == -0.5)
        #expect(values[5] == 0.25)
        #expect(values[6] == 12345678901234567890123.0)
        #expect(values[7] == .greatestFiniteMagnitude)
    }

    @Test func decimalValuesRoundTripExactly() throws {
        // Values as Go's strconv writes them: the shortest representation that round-trips.
        let values: [Double] = [0.1, 0.2, 0.3, 1.0 / 3.0, 2.5e-5, 123456.789, 9007199254740993, 1e22, 1e23, 5e-324, 1.726839813016397e+09]
        let text = values.enumerated().map { "m{i=\"\($0.offset)\"} \($0.element)" }.joined(separator: "\n")
        let parsed = try ParsedEntry.parse(text).compactMap { if case let .sample(_, value, _) = $0 { value } else { nil } }
        #expect(parsed == values)
    }

    @Test func commentsAndTypes() throws {
        let entries = try ParsedEntry.parse("""
        # a free comment
        # HELPFUL is a word, not a HELP line
        # TYPE u untyped
        # TYPE s summary
        s{quantile="0.5"} 1
        s_sum 2
        s_count 3
        """)
        #expect(entries == [
            .type("u", .untyped),
            .type("s", .summary),
            .sample(Labels(["__name__": "s", "quantile": "0.5"]), 1, nil),
            .sample(Labels(["__name__": "s_sum"]), 2, nil),
            .sample(Labels(["__name__": "s_count"]), 3, nil),
        ])
    }

    @Test func quotedUTF8Names() throws {
        let entries = try ParsedEntry.parse(#"{"go.gc_duration_seconds",quantile="0","ünïcode.label"="v"} 1"# + "\n")
        #expect(entries == [
            .sample(Labels(["__name__": "go.gc_duration_seconds", "quantile": "0", "ünïcode.label": "v"]), 1, nil),
        ])
    }

    @Test("errors name line, column and what was expected", arguments: [
        ("m{a=\"1\" b=\"2\"} 1\n", 1, 9, "expected ',' or '}'"),
        ("ok 1\nm{a} 1\n", 2, 4, "expected '=' after label name \"a\""),
        ("m{a=\"1\"} one\n", 1, 10, "invalid sample value \"one\""),
        ("m 1 2.5\n", 1, 5, "invalid timestamp \"2.5\""),
        ("m{a=\"unterminated} 1\n", 1, 21, "raw newline"),
        ("m\n", 1, 2, "expected whitespace before the sample value"),
        ("# TYPE m flavour\n", 1, 10, "invalid metric type \"flavour\""),
        ("m 1 2 3\n", 1, 7, "unexpected '3'"),
        ("9m 1\n", 1, 1, "expected a metric name"),
        ("m{a=\"1\"\n", 1, 8, "expected ',' or '}'"),
        ("m 1e400\n", 1, 3, "invalid sample value"),
    ])
    func errors(input: String, line: Int, column: Int, reason: String) throws {
        let error = try #require(ParsedEntry.error(input))
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.reason.contains(reason), "\(error)")
        #expect(error.description.hasPrefix("line \(line), column \(column): "))
    }
}

@Suite("OpenMetrics 1.0 edge cases")
struct OpenMetricsEdgeCaseTests {
    @Test func unitInfoStatesetCreatedAndExemplars() throws {
        let text = """
        # TYPE request_seconds histogram
        # UNIT request_seconds seconds
        # HELP request_seconds Request \\"latency\\".
        request_seconds_bucket{le="0.1"} 3 # {trace_id="abc"} 0.05 1700000000.5
        request_seconds_bucket{le="+Inf"} 4 1700000001.25
        request_seconds_count 4
        request_seconds_created 1.7e9
        # TYPE build info
        build_info{version="3.5.1"} 1
        # TYPE feature stateset
        feature{feature="a"} 1
        # EOF

        """
        let entries = try ParsedEntry.parse(text, format: .openMetrics)
        #expect(entries.count == 11)
        #expect(entries[0] == .type("request_seconds", .histogram))
        #expect(entries[1] == .unit("request_seconds", "seconds"))
        #expect(entries[2] == .help("request_seconds", "Request \"latency\"."))
        #expect(entries[4] == .sample(Labels(["__name__": "request_seconds_bucket", "le": "+Inf"]), 4, 1_700_000_001_250))
        #expect(entries[7] == .type("build", .info))
        #expect(entries[10] == .sample(Labels(["__name__": "feature", "feature": "a"]), 1, nil))

        let exemplar = try Exposition.ExpositionParser.withParser(Array(text.utf8), format: .openMetrics) { parser in
            var found: Exemplar?
            while found == nil, let entry = try parser.next() {
                if entry == .sample { found = parser.exemplar() }
            }
            return found
        }
        #expect(exemplar == Exemplar(labels: Labels(["trace_id": "abc"]), value: 0.05, timestamp: 1_700_000_000_500))
    }

    @Test("errors specific to OpenMetrics", arguments: [
        ("m 1\n", 2, "must end with '# EOF'"),
        ("m 1\n# EOF\nm 2\n", 2, "unexpected data after '# EOF'"),
        ("m 1\n\n# EOF\n", 2, "blank lines are not allowed"),
        ("# just a comment\n# EOF\n", 1, "OpenMetrics allows only"),
        ("# TYPE m untyped\n# EOF\n", 1, "invalid metric type \"untyped\""),
        ("# UNIT m_bytes seconds\n# EOF\n", 1, "not a suffix"),
        ("m  1\n# EOF\n", 1, "expected a sample value"),
        ("# HELP\tm text\n# EOF\n", 1, "expected a single space after '# HELP', got a tab"),
        ("# UNIT\tm_bytes bytes\n# EOF\n", 1, "expected a single space after '# UNIT', got a tab"),
        ("# TYPE 1m counter\n# EOF\n", 1, "expected a metric name in '# TYPE'"),
    ])
    func errors(input: String, line: Int, reason: String) throws {
        let error = try #require(ParsedEntry.error(input, format: .openMetrics))
        #expect(error.line == line)
        #expect(error.reason.contains(reason), "\(error)")
    }

    @Test func contentTypeNegotiation() {
        #expect(ExpositionFormat(contentType: "application/openmetrics-text; version=1.0.0; charset=utf-8") == .openMetrics)
        #expect(ExpositionFormat(contentType: "text/plain; version=0.0.4; charset=utf-8") == .prometheusText)
        #expect(ExpositionFormat(contentType: nil) == .prometheusText)
    }
}

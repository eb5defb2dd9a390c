import EtcdmonModel
import Testing

/// `LabelPattern` follows Go's regexp as Prometheus 2.42 uses it (RE2 syntax, `^(?:…)$`), through RE2.
@Suite struct LabelPatternTests {
    private func matches(_ pattern: String, _ value: String) throws -> Bool {
        try LabelPattern(pattern).matches(value)
    }

    @Test func fullyAnchored() throws {
        #expect(try matches("a|b", "a"))
        #expect(try !matches("a|b", "ab"))
        #expect(try !matches("b", "abc"))
        #expect(try matches("a.c", "abc"))
        #expect(try !matches("a.c", "xabcx"))
        // The pattern is wrapped as a group, so a top-level alternation is anchored on both sides.
        #expect(try !matches("x|a.c", "abcx"))
    }

    @Test func fastPathsAgreeWithTheEngine() throws {
        // `.` does not match a newline in Go (no `(?s)` in 2.42), so neither do the fast paths.
        #expect(try matches(".*", "anything at all"))
        #expect(try !matches(".*", "two\nlines"))
        #expect(try matches("foo.*", "foobar"))
        #expect(try !matches("foo.*", "foo\nbar"))
        #expect(try !matches("foo.*", "xfoo"))
        #expect(try matches("(?s)foo.*", "foo\nbar"))
        #expect(try matches("", ""))
        #expect(try matches("a|", ""))
        #expect(try LabelPattern("etcd|etcd-events|").literals == ["", "etcd", "etcd-events"])
        #expect(try LabelPattern("foo.+").literals == nil)
    }

    @Test func re2SyntaxAndClasses() throws {
        #expect(try matches(#"\d+"#, "2379"))
        #expect(try !matches(#"\d+"#, "23a"))
        #expect(try matches("[[:alpha:]]+", "etcd"))
        #expect(try matches(#"\pL+"#, "ünïcode"))
        #expect(try matches("(?i)ETCD", "etcd"))
        #expect(try matches(#"\Qa.b\E"#, "a.b"))
        #expect(try !matches(#"\Qa.b\E"#, "axb"))
        #expect(try matches("é", "é"))
        // Bytes, as Go compares them: a decomposed é is not the precomposed one, by either path.
        #expect(try !matches("\u{E9}", "e\u{301}"))
        #expect(try !matches("(\u{E9})", "e\u{301}"))
        #expect(try matches("e\u{301}|x", "e\u{301}"))
    }

    @Test func refusesWhatGoRefuses() {
        for pattern in ["(a", "a{1001}", #"(a)\1"#, "(?=a)", "[z-a]", "*a"] {
            #expect(throws: LabelPatternError.self, "\(pattern)") { try LabelPattern(pattern) }
        }
        do {
            _ = try LabelPattern("(a")
        } catch {
            #expect(error.description.contains("(a"))
            #expect(error.reason.contains("missing )"))
        }
    }

    /// Swift's backtracking `Regex` took minutes on this; RE2 is linear in the value.
    @Test func noExponentialBacktracking() throws {
        let pattern = try LabelPattern("(a|a)*c")
        #expect(!pattern.matches(String(repeating: "a", count: 30)))
        #expect(!pattern.matches(String(repeating: "a", count: 1_000_000)))
        #expect(try !LabelPattern("(x+x+)+y").matches(String(repeating: "x", count: 100_000)))
    }

    @Test func expandsGroupsAsGoDoes() throws {
        let pattern = try LabelPattern(#"(?P<host>[^:]+):(\d+)"#)
        #expect(pattern.expand("$1", matching: "127.0.0.1:2379") == "127.0.0.1")
        #expect(pattern.expand("${host}-$2", matching: "etcd1:2379") == "etcd1-2379")
        #expect(pattern.expand("$2x", matching: "etcd1:2379") == "") // `$2x` names group "2x"
        #expect(pattern.expand("$$1 $0", matching: "etcd1:2379") == "$1 etcd1:2379")
        #expect(pattern.expand("$1", matching: "no port") == nil)
        let optional = try LabelPattern("(a)|(b)")
        #expect(optional.expand("[$1][$2]", matching: "b") == "[][b]")
        #expect(try LabelPattern("x*").expand("[$0]", matching: "") == "[]")
    }
}

import Testing
@testable import Templates

@Suite("Go templates")
struct TemplateTests {
    func render(_ text: String, _ data: TemplateValue = .null, variables: [String: TemplateValue] = [:]) throws -> String {
        let functions = TemplateFunctions.builtIn.adding(PrometheusFunctions.functions(externalURL: "http://example:9090/prefix") { expression in
            [PrometheusFunctions.Sample(labels: ["instance": "b:1", "query": expression], value: 2),
             PrometheusFunctions.Sample(labels: ["instance": "a:2", "query": expression], value: 1.5)]
        })
        let template = try Template(name: "t", text: text, functions: functions, variables: Array(variables.keys))
        return try template.execute(data, variables: variables, functions: functions)
    }

    @Test("text, actions, trim markers and comments")
    func basics() throws {
        #expect(try render("a {{ 1 }} b") == "a 1 b")
        #expect(try render("a  {{- 1 -}}  b") == "a1b")
        #expect(try render("x {{/* gone */}} y") == "x  y")
        #expect(try render("x {{- /* gone */ -}} y") == "xy")
        #expect(try render("{{ \"q\\tq\" }}|{{ `raw\\n` }}") == "q\tq|raw\\n")
        #expect(try render("{{ 1.5 }} {{ 3.0 }} {{ 1e6 }} {{ 0x10 }} {{ 'a' }}") == "1.5 3 1e+06 16 97")
    }

    @Test("labels and value as Prometheus passes them")
    func prometheusData() throws {
        let variables: [String: TemplateValue] = ["$labels": .stringMap(["job": "etcd", "instance": "10.0.0.1:2379"]), "$value": .float(0.123456)]
        #expect(try render("{{ $labels.job }} {{ $labels.missing }}|{{ $value }}", variables: variables) == "etcd |0.123456")
        #expect(try render("{{ $value | humanizePercentage }} {{ $labels.instance | stripPort }}", variables: variables) == "12.35% 10.0.0.1")
        #expect(try render("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}", variables: variables) == "instance=10.0.0.1:2379;job=etcd;")
        #expect(try render("{{ if eq $labels.job \"etcd\" }}yes{{ else if true }}no{{ end }}", variables: variables) == "yes")
        #expect(try render("{{ with $labels.missing }}x{{ else }}empty{{ end }}", variables: variables) == "empty")
    }

    @Test("humanize family, digit for digit")
    func humanize() throws {
        #expect(try render("{{ humanize 1234567.0 }} {{ humanize 0.000123 }} {{ humanize 0 }} {{ humanize 999.95 }}") == "1.235M 123u 0 1000")
        #expect(try render("{{ humanize1024 1048576.0 }} {{ humanize1024 0.5 }}") == "1Mi 0.5")
        #expect(try render("{{ humanizeDuration 93784.0 }} {{ humanizeDuration 1.5 }} {{ humanizeDuration 0.012 }} {{ humanizeDuration 0 }}")
                == "1d 2h 3m 4s 1.5s 12ms 0s")
        #expect(try render("{{ humanizeTimestamp 1435065584.128 }}") == "2015-06-23 13:19:44.128 +0000 UTC")
        #expect(try render("{{ humanize \"+Inf\" }} {{ humanizePercentage \"NaN\" }}") == "+Inf NaN%")
    }

    @Test("printf and print follow Go's fmt")
    func formatting() throws {
        #expect(try render("{{ printf \"%.2f|%5.1f|%-4d|%s|%q|%x|%v\" 3.14159 2.25 7 \"s\" \"q\" 255 true }}") == "3.14|  2.2|7   |s|\"q\"|ff|true")
        #expect(try render("{{ printf \"%d\" 1.5 }} {{ printf \"%s\" }}") == "%!d(float64=1.5) %!s(MISSING)")
        #expect(try render("{{ print 1 2 \"a\" \"b\" 3 }}") == "1 2ab3")
        #expect(try render("{{ 1234567.0 }} {{ 0.00001 }} {{ 100000.0 }}") == "1.234567e+06 1e-05 100000")
    }

    @Test("query results, regexes and strings")
    func queriesAndStrings() throws {
        #expect(try render("{{ with query \"up\" }}{{ . | first | value }} {{ range . }}{{ .Labels.instance }} {{ end }}{{ end }}") == "2 b:1 a:2 ")
        #expect(try render("{{ range query \"up\" | sortByLabel \"instance\" }}{{ label \"instance\" . }},{{ end }}") == "a:2,b:1,")
        #expect(try render("{{ reReplaceAll \"(a+)\" \"<$1>\" \"baaac aa\" }}") == "b<aaa>c <aa>")
        #expect(try render("{{ match \"^ab\" \"abc\" }} {{ title \"hello wide-world\" }} {{ toUpper \"x\" }}") == "true Hello Wide-World X")
        #expect(try render("{{ graphLink \"rate(x[5m])\" }} {{ pathPrefix }}") == "/graph?g0.expr=rate%28x%5B5m%5D%29&g0.tab=0 /prefix")
        #expect(try render("{{ stripDomain \"node.example.com:9100\" }} {{ stripDomain \"10.0.0.1:80\" }}") == "node:9100 10.0.0.1:80")
        #expect(try render("{{ $x := 1 }}{{ range $i, $e := args 1 2 }}{{ $x = $i }}{{ end }}{{ $x }}") == "arg1")
    }

    @Test("define, template and block")
    func definitions() throws {
        #expect(try render("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" 5 }}{{ block \"y\" 6 }}<{{ . }}>{{ end }}") == "[5]<6>")
    }

    @Test("bad templates fail with Go's wording and position")
    func errors() throws {
        #expect(throws: TemplateError.self) { try render("{{ nosuch 1 }}") }
        do {
            _ = try render("line one\n{{ nosuch 1 }}")
            Issue.record("accepted an undefined function")
        } catch let error as TemplateError {
            #expect(error.description == "template: t:2: function \"nosuch\" not defined")
        }
        do {
            _ = try render("{{ if 1 }}x")
            Issue.record("accepted an unclosed if")
        } catch let error as TemplateError {
            #expect(error.description == "template: t:1: unexpected EOF")
        }
        do {
            _ = try render("{{ index 1 2 }}")
            Issue.record("indexed an int")
        } catch let error as TemplateError {
            #expect(error.description.hasPrefix("template: t:1:3: executing \"t\" at <index 1 2>: error calling index"))
        }
    }

    @Test("runaway templates are stopped, not run for ever")
    func limits() throws {
        #expect(throws: TemplateError.self) {
            try render("{{ define \"a\" }}{{ template \"a\" . }}{{ template \"a\" . }}{{ end }}{{ template \"a\" 1 }}")
        }
        #expect(throws: TemplateError.self) { try render(String(repeating: "{{ if 1 }}", count: 200)) }
    }
}

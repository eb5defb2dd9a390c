import EtcdmonModel
import Testing
@testable import Notify

/// Notification templates with Alertmanager's data model and functions.
@Suite("Notification templates")
struct TemplateTests {
    static func data(_ labelSets: [[String: String]], group: [String: String], resolved: Int = 0) -> NotificationData {
        let now: Int64 = 2_000_000_000_000_000_000
        let alerts = labelSets.enumerated().map { index, labels in
            Alert(labels: Labels(labels.map { Label($0.key, $0.value) }), annotations: Labels(["summary": "s<\(index)>"]),
                  startsAt: now - 1, endsAt: index < resolved ? now - 1 : now + 1, generatorURL: "http://x/graph?a=1&b=2")
        }
        return NotificationData(receiver: "ops.team", groupLabels: Labels(group.map { Label($0.key, $0.value) }), alerts: alerts,
                                externalURL: "http://am", now: now)
    }

    @Test("the subject, Slack and link templates give Alertmanager's texts")
    func defaults() throws {
        let templates = try NotificationTemplates()
        let two = Self.data([["alertname": "Down", "job": "etcd", "instance": "a"], ["alertname": "Down", "job": "etcd", "instance": "b"]],
                            group: ["alertname": "Down"])
        #expect(try templates.text(#"{{ template "__subject" . }}"#, two) == "[FIRING:2] Down (etcd)")
        let one = Self.data([["alertname": "Down", "job": "etcd"]], group: ["alertname": "Down", "job": "etcd"])
        #expect(try templates.text(#"{{ template "__subject" . }}"#, one) == "[FIRING:1] Down etcd ", "a trailing space, as Alertmanager's")
        let resolved = Self.data([["alertname": "Down"]], group: ["alertname": "Down"], resolved: 1)
        #expect(try templates.text(#"{{ template "slack.default.title" . }}"#, resolved) == "[RESOLVED] Down ")
        #expect(try templates.text(#"{{ template "slack.default.titlelink" . }}"#, one) == #"http://am/#/alerts?receiver=ops%5C.team"#)
        #expect(try templates.text("", one) == "")
    }

    @Test("Alertmanager's functions and KV methods")
    func functions() throws {
        let templates = try NotificationTemplates()
        let data = Self.data([["alertname": "Down", "severity": "critical", "zone": "b"]], group: ["alertname": "Down"])
        #expect(try templates.text(#"{{ "hELLO wORLD" | title }}"#, data) == "Hello World")
        #expect(try templates.text(#"{{ stringSlice "a" "b" | join "-" }}"#, data) == "a-b")
        #expect(try templates.text(#"{{ index .CommonLabels "severity" }}/{{ .CommonLabels.zone }}/{{ .CommonLabels.missing }}"#, data) == "critical/b/")
        #expect(try templates.text(#"{{ (.CommonLabels.Remove (stringSlice "alertname")).Names | join "," }}"#, data) == "severity,zone")
        #expect(try templates.text(#"{{ range .Alerts.Firing }}{{ .Labels.alertname }} {{ .Annotations.summary }}{{ end }}"#, data) == "Down s<0>")
        #expect(try templates.text(#"{{ if match "^crit" .CommonLabels.severity }}page{{ end }}"#, data) == "page")
        #expect(try templates.html(#"{{ range .Alerts }}{{ .Annotations.summary }} {{ .GeneratorURL }}{{ end }}"#, data)
                == "s&lt;0&gt; http://x/graph?a=1&amp;b=2")
        #expect(throws: (any Error).self) { try templates.text("{{ .Nope }}", data) }
        #expect(throws: (any Error).self) { try templates.text("{{ date }}", data) }
    }
}

/// The e-mail message's encodings.
@Suite("E-mail encodings")
struct EmailEncodingTests {
    @Test("quoted-printable lines stay within 76 characters and decode back; headers are RFC 2047 words when not ASCII")
    func encodings() {
        let text = String(repeating: "ä = b ", count: 40) + "\nlast line \n"
        let encoded = EmailIntegration.quotedPrintable(text)
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(!encoded.contains("ä") && encoded.contains("=C3=A4") && encoded.contains("=3D"))
        #expect(encoded.hasSuffix("last line=20\r\n"), "trailing space encoded")
        #expect(EmailIntegration.encodedWord("grüße") == "=?utf-8?q?gr=C3=BC=C3=9Fe?=")
        #expect(EmailIntegration.encodedWord("plain text") == "plain text")
        #expect(EmailIntegration.addresses(#"a@x.org, "Doe, J" <j@y.org>,  <k@z>"#) == ["a@x.org", "j@y.org", "k@z"])
        #expect(SMTPClient.dotStuffed(Array("a\r\n.b\r\n".utf8)) == Array("a\r\n..b\r\n.\r\n".utf8))
    }
}

import Config
import EtcdmonModel
import Foundation
import Testing
import TestSupport
@testable import Notify

/// Alertmanager's identities, matcher syntax, times and payload, checked against values taken
/// from a real Alertmanager 0.25 (the shared fixtures and its source's documented cases).
@Suite("Alertmanager model: fingerprints, matchers, times, the webhook payload")
struct ModelTests {
    static let noLeader = Labels(["alertname": "etcdNoLeader", "instance": "127.0.10.1:2379", "job": "etcd", "severity": "critical"])

    @Test("fingerprints and alert hashes are Alertmanager's")
    func fingerprints() {
        #expect(Fingerprint.hex(Fingerprint.of(Self.noLeader)) == "4a6178f701eb0c9f")
        #expect(Fingerprint.hex(Fingerprint.of(.empty)) == "cbf29ce484222325")
        // The notification log's hash is xxHash64 over the same bytes.
        var bytes: [UInt8] = []
        for label in Self.noLeader { bytes += label.name.utf8 + [0xFF] + label.value.utf8 + [0xFF] }
        #expect(Fingerprint.alertHash(Self.noLeader) == XXHash64.hash(bytes))
    }

    @Test("matchers parse, print and refuse as Alertmanager's parser does")
    func matchers() throws {
        #expect(try AlertMatcher.parse("a = b c ").description == #"a="b c""#)
        #expect(try AlertMatcher.parse(#"g="x\ny\\z\q""#).value == "x\ny\\z\\q")
        #expect(try AlertMatcher.parse(#"g="x\ny\\z\q""#).description == #"g="x\ny\\z\\q""#)
        #expect(try AlertMatcher.parse("foo=").value == "")
        #expect(try AlertMatcher.parse(#"job=~"etcd|x""#).matches("etcd"))
        #expect(try !AlertMatcher.parse(#"job=~"etcd|x""#).matches("etcd2"), "regexes are anchored")
        let list = try AlertMatcher.parseList(#"{a="x,y", b!~"z.*",}"#)
        #expect(list.map(\.description) == [#"a="x,y""#, #"b!~"z.*""#])
        #expect(AlertMatcher.description(of: AlertMatcher.sorted(list.reversed())) == #"{a="x,y",b!~"z.*"}"#)
        #expect(throws: AlertMatcherError.self) { try AlertMatcher.parse("x") }
        do { _ = try AlertMatcher.parse(#"a="b"c""#); Issue.record("accepted") } catch {
            #expect(error.description == #"matcher value contains unescaped double quote: "b"c""#)
        }
        do { _ = try AlertMatcher.parseList("a=b,,c=d"); Issue.record("accepted") } catch {
            #expect(error.description == "bad matcher format: ")
        }
    }

    @Test("RFC 3339 times keep nanoseconds and read offsets")
    func times() throws {
        let time = try #require(RFC3339.nanoseconds("2026-11-24T22:04:10.309976484Z"))
        #expect(RFC3339.text(nanoseconds: time) == "2026-11-24T22:04:10.309976484Z")
        #expect(RFC3339.millisecondText(nanoseconds: time) == "2026-11-24T22:04:10.309Z")
        #expect(RFC3339.nanoseconds("2026-11-25T00:04:10.309976484+02:00") == time)
        #expect(RFC3339.text(nanoseconds: RFC3339.nanoseconds("2026-11-24T22:04:10.5Z")!) == "2026-11-24T22:04:10.5Z")
        #expect(RFC3339.nanoseconds("0001-01-01T00:00:00Z") == RFC3339.zero)
        #expect(RFC3339.nanoseconds("yesterday") == nil)
        #expect(RFC3339.nanoseconds("2026-11-24T22:04:10") == nil)
    }

    @Test("the webhook payload is byte for byte the one a real Alertmanager sent")
    func webhookPayload() throws {
        let expected = try Fixtures.bytes("fixtures/alertmanager/webhook-payload.json")
        let alert = Alert(
            labels: Self.noLeader,
            annotations: Labels(["description": "etcd cluster \"etcd\": member 127.0.10.1:2379 has no leader.",
                                 "summary": "etcd cluster has no leader."]),
            startsAt: try #require(RFC3339.nanoseconds("2026-11-24T22:04:10.309976484Z")),
            endsAt: try #require(RFC3339.nanoseconds("2026-11-24T22:09:10Z")),
            generatorURL: "http://127.0.0.1:9090/graph?g0.expr=etcd_server_has_leader+%3D%3D+0")
        var config = AlertRouteConfig(receiver: "hook")
        config.groupBy = ["alertname", "job"]
        let route = Route(config)
        let groupLabels = route.groupLabels(alert.labels)
        let now = try #require(RFC3339.nanoseconds("2026-11-24T22:04:40Z"))
        let data = NotificationData(receiver: "hook", groupLabels: groupLabels, alerts: [alert], externalURL: "http://127.0.0.1:9093", now: now)
        let body = data.webhookJSON(groupKey: route.key + ":" + groupLabels.alertmanagerDescription, truncatedAlerts: 0)
        #expect(String(decoding: body, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(NotificationData.quoteMeta("hook.q") == #"hook\.q"#)
    }
}

import Config
import EtcdmonModel
import Foundation
import Logging
import Synchronization
import Testing
@testable import Notify

/// The route tree, the notification log's decisions, silences, inhibition and the dispatcher's
/// timing, with Alertmanager's semantics.
@Suite("Alertmanager routing, notification log, silences, inhibition, dispatch")
struct RoutingTests {
    static let second: Int64 = 1_000_000_000

    static func config(_ yaml: String) throws -> NotificationConfig {
        try NotificationConfig(yaml: yaml)
    }

    @Test("routes match depth first with continue, inherit options and name their groups by matcher path")
    func routing() throws {
        let config = try Self.config("""
            route:
              receiver: default
              group_by: [alertname]
              group_wait: 10s
              routes:
                - matchers: ['severity="critical"']
                  receiver: pager
                  continue: true
                  group_by: ['...']
                - match: {team: db}
                  receiver: db
                  repeat_interval: 1h
                  routes:
                    - match_re: {service: 'etcd|pg'}
                      receiver: etcd
            receivers: [{name: default}, {name: pager}, {name: db}, {name: etcd}]
            """)
        let root = Route(config.route)
        let critical = root.match(Labels(["alertname": "X", "severity": "critical", "team": "db", "service": "etcd"]))
        #expect(critical.map(\.options.receiver) == ["pager", "etcd"])
        #expect(critical[1].key == #"{}/{team="db"}/{service=~"^(?:etcd|pg)$"}"#)
        #expect(critical[1].options.repeatInterval == 3600 * Self.second, "inherited from the parent")
        #expect(critical[1].options.groupWait == 10 * Self.second)
        #expect(critical[0].options.groupByAll)
        // No child matches: the parent takes it.
        let other = root.match(Labels(["alertname": "Y", "team": "db", "service": "mysql"]))
        #expect(other.map(\.options.receiver) == ["db"])
        #expect(root.match(Labels(["alertname": "Z"])).map(\.key) == ["{}"])
        #expect(root.groupLabels(Labels(["alertname": "Z", "job": "etcd"])).alertmanagerDescription == #"{alertname="Z"}"#)
    }

    @Test("alertmanager.yml errors are Alertmanager's")
    func configErrors() {
        let cases: [(String, String)] = [
            ("route: {receiver: nope}\nreceivers: [{name: a}]", #"undefined receiver "nope" used in route"#),
            ("route: {receiver: a, matchers: ['x=y']}\nreceivers: [{name: a}]", "root route must not have any matchers"),
            ("receivers: [{name: a}]", "no routes provided"),
            ("", "no route provided in config"),
            ("route: {receiver: a}\nreceivers: [{name: a}, {name: a}]", #"notification config name "a" is not unique"#),
            ("route: {receiver: a, group_by: [a, a]}\nreceivers: [{name: a}]", #"duplicated label "a" in group_by"#),
            ("route: {receiver: a, group_interval: 0s}\nreceivers: [{name: a}]", "group_interval cannot be zero"),
            ("route: {receiver: a, group_wait: 5x}\nreceivers: [{name: a}]", #"not a valid duration string: "5x""#),
            ("route: {receiver: a}\nreceivers: [{name: a, email_configs: [{to: x@y}]}]", "no global SMTP smarthost set"),
            ("route: {receiver: a}\nreceivers: [{name: a, webhook_configs: [{}]}]", "missing URL in webhook config"),
            ("route: {receiver: a, routes: [{receiver: a, mute_time_intervals: [w]}]}\nreceivers: [{name: a}]",
             #"undefined time interval "w" used in route"#),
            ("route: {receiver: a, unknown: 1}\nreceivers: [{name: a}]", "unknown field"),
        ]
        for (yaml, reason) in cases {
            do {
                _ = try Self.config(yaml)
                Issue.record("accepted: \(yaml)")
            } catch let error as ConfigError {
                #expect(error.reason == reason, "\(yaml)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("an alertmanager.yml inline in etcdmon's configuration (alertmanager_config:), its errors placed in that file")
    func inline() throws {
        let configuration = try Configuration(yaml: """
            global: {scrape_interval: 15s}
            alertmanager_config:
              route: {receiver: hook, group_by: [alertname]}
              receivers: [{name: hook, webhook_configs: [{url: 'http://127.0.0.1:5001/'}]}]
            """, file: "etcdmon.yml")
        #expect(configuration.alertmanagerConfig?.receivers.map(\.name) == ["hook"])
        #expect(configuration.alertmanagerConfig?.text.contains("receiver: hook") == true)
        do {
            _ = try Configuration(yaml: "alertmanager_config:\n  route: {receiver: nope}\n  receivers: [{name: hook}]\n", file: "etcdmon.yml")
            Issue.record("accepted")
        } catch {
            #expect(error.file == "etcdmon.yml" && error.line == 2 && error.reason == #"undefined receiver "nope" used in route"#, "\(error)")
        }
    }

    @Test("the notification log notifies on news, on all-resolved once, and again after the repeat interval")
    func needsUpdate() {
        let hour = 3600 * Self.second
        let entry = NotificationLog.Entry(groupKey: "g", receiver: .init(receiver: "r", integration: "webhook", index: 0),
                                          firing: [1, 2], resolved: [], timestamp: 10 * hour, expiresAt: 12 * hour)
        func needs(_ entry: NotificationLog.Entry?, _ firing: Set<UInt64>, _ resolved: Set<UInt64>, sendResolved: Bool = true, at now: Int64) -> Bool {
            NotificationLog.needsUpdate(entry, firing: firing, resolved: resolved, sendResolved: sendResolved, repeatInterval: 4 * hour, now: now)
        }
        #expect(needs(nil, [1], [], at: 10 * hour))
        #expect(!needs(nil, [], [1], at: 10 * hour), "nothing firing, nothing ever sent")
        #expect(!needs(entry, [1, 2], [], at: 11 * hour), "nothing new within the repeat interval")
        #expect(!needs(entry, [1], [], at: 11 * hour), "a subset is not news")
        #expect(needs(entry, [1, 3], [], at: 11 * hour))
        #expect(needs(entry, [1], [2], at: 11 * hour), "a newly resolved alert, with send_resolved")
        #expect(!needs(entry, [1], [2], sendResolved: false, at: 11 * hour))
        #expect(needs(entry, [], [1, 2], sendResolved: false, at: 11 * hour), "all resolved: once")
        #expect(needs(entry, [1, 2], [], at: 14 * hour + 1))
    }

    @Test("silences update in place, replace when their matchers change, expire, and refuse what Alertmanager refuses")
    func silences() throws {
        let silences = Silences()
        let now: Int64 = 1_000 * Self.second
        let matcher = try AlertMatcher.parse("alertname=etcdNoLeader")
        let id = try silences.set(Silence(matchers: [matcher], startsAt: now - Self.second, endsAt: now + 3600 * Self.second,
                                          createdBy: "me", comment: "maintenance"), now: now)
        #expect(silences.silence(id)?.startsAt == now, "a start in the past becomes now")
        #expect(silences.matching(Labels(["alertname": "etcdNoLeader"]), now: now + Self.second).active == [id])
        var longer = try #require(silences.silence(id))
        longer.endsAt += 3600 * Self.second
        #expect(try silences.set(longer, now: now + Self.second) == id, "only the end changed: the same silence")
        var other = longer
        other.matchers = [try AlertMatcher.parse("alertname=etcdMembersDown")]
        let replacement = try silences.set(other, now: now + 2 * Self.second)
        #expect(replacement != id)
        #expect(silences.silence(id)?.state(at: now + 3 * Self.second) == .expired)
        try silences.expire(replacement, now: now + 4 * Self.second)
        #expect(silences.silence(replacement)?.reportedState(at: now + 4 * Self.second) == .expired)
        #expect(throws: Silences.Failure.notFound) { try silences.expire("0b1e2b9e-0000-4000-8000-000000000000", now: now) }
        let empty = Silence(matchers: [try AlertMatcher.parse("a=~.*")], startsAt: now, endsAt: now + Self.second, createdBy: "me", comment: "x")
        #expect(throws: Silences.Failure.invalid("at least one matcher must not match the empty string")) { try silences.set(empty, now: now) }
    }

    @Test("inhibition: same equal labels, unresolved sources, never by an alert matching both sides")
    func inhibition() throws {
        let store = AlertStore()
        let rule = InhibitRuleConfig(source: [try AlertMatcher.parse("severity=critical")], target: [try AlertMatcher.parse("severity=~warning|critical")],
                                     equal: ["cluster"])
        let inhibitor = Inhibitor(rules: [rule], store: store)
        let now: Int64 = 1_000 * Self.second
        let critical = Alert(labels: Labels(["alertname": "A", "severity": "critical", "cluster": "c1"]), startsAt: now, endsAt: now + 300 * Self.second)
        store.put(critical, now: now)
        #expect(inhibitor.inhibitor(of: Labels(["alertname": "B", "severity": "warning", "cluster": "c1"]), now: now) == critical.fingerprint)
        #expect(inhibitor.inhibitor(of: Labels(["alertname": "B", "severity": "warning", "cluster": "c2"]), now: now) == nil)
        #expect(inhibitor.inhibitor(of: critical.labels, now: now) == nil, "not by itself")
        #expect(inhibitor.inhibitor(of: Labels(["alertname": "C", "severity": "critical", "cluster": "c1"]), now: now) == nil,
                "both-sided alerts do not inhibit each other")
        #expect(inhibitor.inhibitor(of: Labels(["alertname": "B", "severity": "warning", "cluster": "c1"]), now: now + 301 * Self.second) == nil,
                "a resolved source inhibits nothing")
    }
}

/// Time intervals: Alertmanager's fields, ranges and zones, and a route's active and mute intervals.
@Suite("Time intervals")
struct TimeIntervalTests {
    static func date(_ text: String) -> Date { Date(timeIntervalSince1970: Double(RFC3339.nanoseconds(text)!) / 1e9) }

    @Test("weekdays, times, days of the month counted from the end, months, years and a location")
    func contains() throws {
        let config = try NotificationConfig(yaml: """
            route: {receiver: a, routes: [{receiver: a, mute_time_intervals: [offhours], active_time_intervals: [q1]}]}
            receivers: [{name: a}]
            time_intervals:
              - name: offhours
                time_intervals:
                  - weekdays: [saturday, sunday]
                  - times: [{start_time: '00:00', end_time: '08:00'}]
                    location: Europe/Berlin
              - name: q1
                time_intervals: [{months: ['january:march'], years: ['2026:2027']}]
              - name: lastdays
                time_intervals: [{days_of_month: ['-2:-1']}]
            """)
        let offhours = try #require(config.timeIntervals["offhours"])
        #expect(offhours.contains { $0.contains(Self.date("2026-11-28T12:00:00Z")) }, "a Saturday")
        #expect(offhours.contains { $0.contains(Self.date("2026-11-30T06:30:00Z")) }, "07:30 in Berlin")
        #expect(!offhours.contains { $0.contains(Self.date("2026-11-30T07:30:00Z")) }, "08:30 in Berlin, a Monday")
        let lastDays = try #require(config.timeIntervals["lastdays"]?.first)
        #expect(lastDays.contains(Self.date("2026-02-27T10:00:00Z")) && lastDays.contains(Self.date("2026-02-28T10:00:00Z")))
        #expect(!lastDays.contains(Self.date("2026-02-26T10:00:00Z")) && lastDays.contains(Self.date("2026-11-30T10:00:00Z")))
        // The child route: notifies only in the first quarter, and not off hours.
        let child = Route(config.route).routes[0]
        let muting = Muting(inhibitor: Inhibitor(rules: [], store: AlertStore()), silences: Silences(), marker: AlertMarker(),
                            timeIntervals: config.timeIntervals)
        func at(_ text: String) -> Int64 { RFC3339.nanoseconds(text)! }
        #expect(muting.routeIsActive(child.options, now: at("2026-02-03T12:00:00Z")))
        #expect(!muting.routeIsActive(child.options, now: at("2026-02-07T12:00:00Z")), "a Saturday: muted")
        #expect(!muting.routeIsActive(child.options, now: at("2026-05-05T12:00:00Z")), "outside the active interval")
        #expect(muting.routeIsActive(Route(config.route).options, now: at("2026-02-07T12:00:00Z")), "the root has no intervals")
    }
}

import Config
import EtcdmonModel

/// Runs a `RouteTestFile`: each case's labels through the route tree (and, with `firing`, the
/// inhibition rules), compared with what the case expects.
public struct RouteTester {
    let config: NotificationConfig
    let route: Route

    /// A tester of `config`'s tree, built once for all the cases.
    public init(_ config: NotificationConfig) {
        self.config = config
        route = Route(config.route)
    }

    /// One case's verdict: nil when it passed, else what differed.
    public func run(_ test: RouteTestFile.Case) -> String? {
        let matched = route.match(test.labels)
        var problems: [String] = []
        if let expected = test.receivers {
            let got = matched.map(\.options.receiver)
            if got != expected { problems.append("receivers: expected \(expected.joined(separator: ",")), got \(got.joined(separator: ","))") }
        }
        if let expected = test.groupLabels, let first = matched.first {
            let got = first.groupLabels(test.labels)
            if got != expected { problems.append("group labels: expected \(expected.alertmanagerDescription), got \(got.alertmanagerDescription)") }
        }
        if let expected = test.inhibited {
            let store = AlertStore()
            for labels in test.firing {
                store.put(Alert(labels: labels, startsAt: 0, endsAt: .max), now: 1)
            }
            let inhibited = Inhibitor(rules: config.inhibitRules, store: store).inhibitor(of: test.labels, now: 1) != nil
            if inhibited != expected { problems.append(expected ? "expected inhibited, it is not" : "expected not inhibited, it is") }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}

import Config
import EtcdmonModel
import Templates

/// A node of the route tree with its options resolved against its parents (Alertmanager's
/// `dispatch.Route`): which receiver an alert goes to, how it is grouped, how often notified.
public struct Route: Sendable {
    /// What a route decides for the alerts it takes.
    public struct Options: Sendable, Equatable {
        public var receiver: String
        /// The labels alerts are grouped by; ignored when `groupByAll`.
        public var groupBy: [String]
        public var groupByAll: Bool
        /// Nanoseconds.
        public var groupWait: Int64
        public var groupInterval: Int64
        public var repeatInterval: Int64
        public var muteTimeIntervals: [String]
        public var activeTimeIntervals: [String]

        /// Alertmanager's defaults for the root.
        static let defaults = Options(
            receiver: "", groupBy: [], groupByAll: false, groupWait: 30 * second, groupInterval: 5 * 60 * second,
            repeatInterval: 4 * 3600 * second, muteTimeIntervals: [], activeTimeIntervals: [])
    }

    static let second: Int64 = 1_000_000_000

    public let options: Options
    public let matchers: [AlertMatcher]
    public let continues: Bool
    public let routes: [Route]
    /// `{}/{team="db"}`: the path of matchers from the root, the first part of a group key.
    public let key: String

    /// The tree of `config` (the root route).
    public init(_ config: AlertRouteConfig) {
        self.init(config, inheriting: .defaults, under: nil)
    }

    private init(_ config: AlertRouteConfig, inheriting parent: Options, under parentKey: String?) {
        var options = parent
        if let receiver = config.receiver, !receiver.isEmpty { options.receiver = receiver }
        if let groupBy = config.groupBy {
            (options.groupBy, options.groupByAll) = (groupBy, false)
        } else if config.groupByAll {
            options.groupByAll = true
        }
        if let wait = config.groupWait { options.groupWait = wait * 1_000_000 }
        if let interval = config.groupInterval { options.groupInterval = interval * 1_000_000 }
        if let interval = config.repeatInterval { options.repeatInterval = interval * 1_000_000 }
        // Time intervals are the node's own, not inherited.
        options.muteTimeIntervals = config.muteTimeIntervals
        options.activeTimeIntervals = config.activeTimeIntervals
        self.options = options
        matchers = config.matchers
        continues = config.continues
        let key = (parentKey.map { $0 + "/" } ?? "") + AlertMatcher.description(of: config.matchers)
        self.key = key
        routes = config.routes.map { Route($0, inheriting: options, under: key) }
    }

    /// The routes `labels` goes to: the deepest matching nodes, several where a matching child
    /// has `continue: true`; the node itself when no child matches; none when it does not match.
    public func match(_ labels: Labels) -> [Route] {
        guard AlertMatcher.all(matchers, match: labels) else { return [] }
        var matched: [Route] = []
        for child in routes {
            let found = child.match(labels)
            matched += found
            if !found.isEmpty && !child.continues { break }
        }
        return matched.isEmpty ? [self] : matched
    }

    /// The labels an alert is grouped by under this route.
    public func groupLabels(_ labels: Labels) -> Labels {
        options.groupByAll ? labels : labels.subset { options.groupBy.contains($0.name) }
    }

    /// Every node, depth first.
    public var all: [Route] { [self] + routes.flatMap(\.all) }
}

extension Labels {
    /// `{a="1", b="2"}`: Alertmanager's `LabelSet.String()`, values in Go's `%q` quoting (group keys).
    var alertmanagerDescription: String {
        "{" + map { $0.name + "=" + GoQuoting.quote($0.value) }.joined(separator: ", ") + "}"
    }
}

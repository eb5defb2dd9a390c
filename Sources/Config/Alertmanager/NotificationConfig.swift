import EtcdmonModel
import Foundation

/// An alertmanager.yml (the configuration of notifications), read with Alertmanager 0.25's format and checks: unknown keys refused,
/// receivers filled in from `global`, the root route's rules, every receiver and time interval a
/// route names defined. Errors carry Alertmanager's wording and the place in the file.
public struct NotificationConfig: Sendable {
    /// Where it was read from.
    public var file: String
    /// The text it was read from (the API's `config.original`).
    public var text: String
    public var global: AlertmanagerGlobalConfig
    public var route: AlertRouteConfig
    public var inhibitRules: [InhibitRuleConfig]
    public var receivers: [AlertReceiverConfig]
    /// Template file globs, resolved against the file's directory.
    public var templates: [String]
    /// `time_intervals` and the older `mute_time_intervals`, by name.
    public var timeIntervals: [String: [TimeIntervalConfig]]

    /// Reads and checks a file.
    public static func load(file: String) throws(ConfigError) -> NotificationConfig {
        try NotificationConfig(yaml: try YAMLDocument.read(file), file: file)
    }

    /// Parses and checks YAML text; relative paths resolve against `file`'s directory.
    public init(yaml text: String, file: String = "<input>") throws(ConfigError) {
        let yaml = try YAMLMapping(try YAMLDocument.compose(text, file: file), file: file, path: "")
        try self.init(yaml, text: text, file: file, directory: (file as NSString).deletingLastPathComponent)
    }

    /// Reads a mapping of another file (`alertmanager_config:` in etcdmon's configuration); errors
    /// name that file's lines.
    init(_ yaml: YAMLMapping, text: String, file: String, directory: String) throws(ConfigError) {
        self.file = file
        self.text = text
        global = try yaml.mapping("global").map { (entry) throws(ConfigError) in try AlertmanagerGlobalConfig(entry, directory: directory) }
            ?? AlertmanagerGlobalConfig()
        guard let routeYAML = try yaml.mapping("route") else {
            // Alertmanager words it differently for an empty file, whose checks never run.
            throw yaml.error(yaml.keys.isEmpty ? "no route provided in config" : "no routes provided")
        }
        route = try AlertRouteConfig(routeYAML)
        if route.continues { throw routeYAML.error("continue", "cannot have continue in root route") }
        inhibitRules = try yaml.mappings("inhibit_rules").map { (entry) throws(ConfigError) in try InhibitRuleConfig(entry) }
        var receivers: [AlertReceiverConfig] = []
        for entry in try yaml.mappings("receivers") {
            let receiver = try AlertReceiverConfig(entry, global: global, directory: directory)
            guard !receivers.contains(where: { $0.name == receiver.name }) else {
                throw entry.error("name", "notification config name \"\(receiver.name)\" is not unique")
            }
            receivers.append(receiver)
        }
        self.receivers = receivers
        templates = (try yaml.strings("templates") ?? []).map { HTTPClientSettings.resolve($0, in: directory) }
        var intervals: [String: [TimeIntervalConfig]] = [:]
        for key in ["mute_time_intervals", "time_intervals"] {
            for entry in try yaml.mappings(key) {
                guard let name = try entry.string("name"), !name.isEmpty else {
                    throw entry.error(key == "time_intervals" ? "missing name in time interval" : "missing name in mute time interval")
                }
                guard intervals[name] == nil else {
                    throw entry.error("name", key == "time_intervals" ? "time interval \"\(name)\" is not unique" : "mute time interval \"\(name)\" is not unique")
                }
                intervals[name] = try entry.mappings("time_intervals").map { (interval) throws(ConfigError) in try TimeIntervalConfig(interval) }
                try entry.finish()
            }
        }
        timeIntervals = intervals
        try yaml.finish()

        guard !(route.receiver ?? "").isEmpty else { throw routeYAML.error("root route must specify a default receiver") }
        if !route.matchers.isEmpty { throw routeYAML.error("root route must not have any matchers") }
        if !route.muteTimeIntervals.isEmpty { throw routeYAML.error("root route must not have any mute time intervals") }
        if !route.activeTimeIntervals.isEmpty { throw routeYAML.error("root route must not have any active time intervals") }
        let names = Set(receivers.map(\.name))
        try Self.check(route, file: file) { node throws(ConfigError) in
            if let receiver = node.receiver, !receiver.isEmpty, !names.contains(receiver) {
                throw ConfigError(file: file, line: node.line, path: "route", reason: "undefined receiver \"\(receiver)\" used in route")
            }
        }
        try Self.check(route, file: file) { node throws(ConfigError) in
            for name in node.activeTimeIntervals + node.muteTimeIntervals where intervals[name] == nil {
                throw ConfigError(file: file, line: node.line, path: "route", reason: "undefined time interval \"\(name)\" used in route")
            }
        }
    }

    /// Visits the tree children first, as Alertmanager checks it (so the deepest problem is named).
    private static func check(_ node: AlertRouteConfig, file: String, _ visit: (AlertRouteConfig) throws(ConfigError) -> Void) throws(ConfigError) {
        for child in node.routes { try check(child, file: file, visit) }
        try visit(node)
    }

    /// The receiver called `name`.
    public func receiver(named name: String) -> AlertReceiverConfig? { receivers.first { $0.name == name } }

    // MARK: - Values in Alertmanager's notation

    /// A duration in Prometheus's notation, with Alertmanager's error texts.
    static func duration(_ yaml: YAMLMapping, _ key: String) throws(ConfigError) -> Int64? {
        guard let text = try yaml.string(key) else { return nil }
        guard !text.isEmpty else { throw yaml.error(key, "empty duration string") }
        do { return try PrometheusDuration.milliseconds(text) } catch {
            throw yaml.error(key, "not a valid duration string: \"\(text)\"")
        }
    }

    /// An http(s) URL with a host.
    static func url(_ yaml: YAMLMapping, _ key: String) throws(ConfigError) -> String? {
        guard let text = try yaml.string(key) else { return nil }
        if text == "<secret>" { return text }
        guard let components = URLComponents(string: text) else { throw yaml.error(key, "parse \"\(text)\": invalid URL") }
        let scheme = components.scheme ?? ""
        guard scheme == "http" || scheme == "https" else { throw yaml.error(key, "unsupported scheme \"\(scheme)\" for URL") }
        guard let host = components.host, !host.isEmpty else { throw yaml.error(key, "missing host for URL") }
        return text
    }

    /// `host:port` (a smarthost).
    static func hostPort(_ yaml: YAMLMapping, _ key: String) throws(ConfigError) -> String? {
        guard let text = try yaml.string(key), !text.isEmpty else { return nil }
        guard let colon = text.lastIndex(of: ":") else { throw yaml.error(key, "address \(text): missing port in address") }
        guard text.index(after: colon) != text.endIndex else { throw yaml.error(key, "address \"\(text)\": port cannot be empty") }
        return text
    }

    /// A notifier's `http_config`, or the global one.
    static func httpClient(_ yaml: YAMLMapping, global: AlertmanagerGlobalConfig, directory: String) throws(ConfigError) -> HTTPClientSettings {
        guard let http = try yaml.mapping("http_config") else { return global.httpClient }
        let settings = try HTTPClientSettings(http, directory: directory)
        try http.finish()
        return settings
    }
}

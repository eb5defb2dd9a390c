import Config
import EtcdmonModel
import Foundation

/// A target after relabelling: what to scrape and the labels its series get.
public struct ScrapeTarget: Sendable, Hashable {
    /// The job's name.
    public let job: String
    /// Labels every series of the target gets (`job`, `instance`, group and relabelled labels).
    public let labels: Labels
    /// The labels discovery produced, before relabelling (shown by `/api/v1/targets`).
    public let discoveredLabels: Labels
    /// The URL scraped.
    public let url: String

    /// Builds the targets of `groups` for `job` (Prometheus's `PopulateLabels`): defaults for
    /// `job`, `__scheme__`, `__metrics_path__`, `__param_*`; `relabel_configs`; `instance` from
    /// `__address__`. Targets that relabelling drops come back in `dropped`.
    public static func build(
        _ groups: [TargetGroup], job: ScrapeConfig
    ) -> (active: [ScrapeTarget], dropped: [DroppedTarget]) {
        var active: [ScrapeTarget] = []
        var dropped: [DroppedTarget] = []
        var seen: Set<ScrapeTarget> = []
        for group in groups {
            for target in group.targets {
                var builder = LabelBuilder(group.labels)
                for label in target { builder[label.name] = label.value }
                let defaults: [(String, String)] = [
                    ("job", job.jobName), ("__scheme__", job.scheme), ("__metrics_path__", job.metricsPath),
                    ("__scrape_interval__", PrometheusDuration.format(milliseconds: job.scrapeInterval)),
                    ("__scrape_timeout__", PrometheusDuration.format(milliseconds: job.scrapeTimeout)),
                ] + job.params.compactMap { name, values in values.first.map { ("__param_" + name, $0) } }
                for (name, value) in defaults where builder[name] == nil { builder[name] = value }
                let discovered = builder.labels()
                switch make(from: discovered, job: job) {
                case .success(let target?):
                    if seen.insert(target).inserted { active.append(target) }
                case .success(nil):
                    dropped.append(DroppedTarget(discoveredLabels: discovered, reason: nil))
                case .failure(let reason):
                    dropped.append(DroppedTarget(discoveredLabels: discovered, reason: reason.message))
                }
            }
        }
        return (active, dropped)
    }

    private struct Invalid: Error { var message: String }

    private static func make(from discovered: Labels, job: ScrapeConfig) -> Result<ScrapeTarget?, Invalid> {
        guard let relabelled = RelabelRule.apply(job.relabelConfigs, to: discovered) else { return .success(nil) }
        guard var address = relabelled["__address__"], !address.isEmpty else {
            return .failure(Invalid(message: "no address"))
        }
        if let problem = TargetGroup.problem(with: address) { return .failure(Invalid(message: problem)) }
        let scheme = relabelled["__scheme__"] ?? job.scheme
        guard scheme == "http" || scheme == "https" else { return .failure(Invalid(message: "invalid scheme \"\(scheme)\"")) }
        if !hasPort(address) { address += scheme == "https" ? ":443" : ":80" }
        var path = relabelled["__metrics_path__"] ?? job.metricsPath
        if !path.hasPrefix("/") { path = "/" + path }
        var query: [String] = []
        for (name, values) in job.params {
            let value = relabelled["__param_" + name]
            for (index, original) in values.enumerated() {
                query.append(percentEncode(name) + "=" + percentEncode(index == 0 ? (value ?? original) : original))
            }
        }
        for label in relabelled where label.name.hasPrefix("__param_") {
            let name = String(label.name.dropFirst(8))
            if !job.params.contains(where: { $0.0 == name }) { query.append(percentEncode(name) + "=" + percentEncode(label.value)) }
        }
        var labels = LabelBuilder(Labels(relabelled.filter { !$0.name.hasPrefix("__") }))
        if labels["instance"] == nil { labels["instance"] = address }
        let url = "\(scheme)://\(address)\(path)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        return .success(ScrapeTarget(job: job.jobName, labels: labels.labels(), discoveredLabels: discovered, url: url))
    }

    private static func hasPort(_ address: String) -> Bool {
        if address.hasPrefix("[") { return address.contains("]:") }
        return address.contains(":")
    }

    /// Unreserved characters (RFC 3986) pass; everything else is %-encoded (a space as `%20`).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")

    private static func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

/// A discovered target that relabelling dropped (or that was invalid).
public struct DroppedTarget: Sendable, Equatable {
    /// Its labels before relabelling.
    public var discoveredLabels: Labels
    /// Why it is unusable, when it was not simply dropped by a rule.
    public var reason: String?
}

import Foundation
import Yams

/// `file_sd_configs` entry: JSON or YAML files of target groups, re-read every `refreshInterval`
/// (and whenever a file changes).
public struct FileSDConfig: Sendable, Equatable {
    /// File paths; the last path component may hold `*` globs.
    public var files: [String]
    /// Milliseconds between re-reads (default 5m).
    public var refreshInterval: Int64 = 300_000

    /// Creates a config.
    public init(files: [String], refreshInterval: Int64 = 300_000) {
        self.files = files
        self.refreshInterval = refreshInterval
    }

    init(_ yaml: YAMLMapping, directory: String) throws(ConfigError) {
        files = (try yaml.strings("files") ?? []).map { HTTPClientSettings.resolve($0, in: directory) }
        refreshInterval = try yaml.duration("refresh_interval") ?? refreshInterval
        try yaml.finish()
        guard !files.isEmpty else { throw yaml.error("files", "at least one file is required") }
        for file in files {
            let name = (file as NSString).lastPathComponent
            guard name.hasSuffix(".json") || name.hasSuffix(".yml") || name.hasSuffix(".yaml") else {
                throw yaml.error("files", "\"\(file)\": file_sd files must end in .json, .yml or .yaml")
            }
        }
    }

    /// The files matching the patterns now, sorted.
    public func matchingFiles() -> [String] {
        var found: Set<String> = []
        for pattern in files {
            let directory = (pattern as NSString).deletingLastPathComponent
            let name = (pattern as NSString).lastPathComponent
            guard name.contains("*") else {
                if FileManager.default.fileExists(atPath: pattern) { found.insert(pattern) }
                continue
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
            for entry in entries where Self.glob(name, matches: entry) {
                found.insert(directory.isEmpty ? entry : directory + "/" + entry)
            }
        }
        return found.sorted()
    }

    /// Reads one file's target groups (JSON is YAML, so one reader serves both).
    public static func read(_ path: String) throws(ConfigError) -> [TargetGroup] {
        let text = try YAMLDocument.read(path)
        guard let root = try YAMLDocument.compose(text, file: path, what: "JSON/YAML") else { return [] }
        guard case .sequence(let items) = root else {
            throw YAMLMapping.error(file: path, node: root, path: "", "expected a list of target groups")
        }
        return try items.enumerated().map { (index, item) throws(ConfigError) in
            try TargetGroup(YAMLMapping(item, file: path, path: "[\(index)]"), source: "\(path):\(index)")
        }
    }

    /// `*` matches any run of characters, `?` one character.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        let p = Array(pattern), n = Array(name)
        var pi = 0, ni = 0, star = -1, mark = 0
        while ni < n.count {
            if pi < p.count, p[pi] == "?" || p[pi] == n[ni] {
                pi += 1; ni += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; mark = ni; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; ni = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}

import Config
import Foundation
import Logging

/// `file_sd_configs`: reads the files' target groups, again whenever a file changes (checked
/// every few seconds) and every refresh interval. A file that cannot be read or parsed keeps
/// its last good groups, and the error is logged.
struct FileDiscovery: Sendable {
    let config: FileSDConfig
    let logger: Logger
    /// How often modification times are checked.
    var pollInterval: Duration = .seconds(5)

    func run(_ publish: @Sendable ([TargetGroup]) -> Void) async {
        var lastGood: [String: [TargetGroup]] = [:]
        var stamps: [String: Date?] = [:]
        var lastFullRead = ContinuousClock.now
        var first = true
        while !Task.isCancelled {
            let files = config.matchingFiles()
            let current = Dictionary(uniqueKeysWithValues: files.map { ($0, Self.modificationDate($0)) })
            let due = ContinuousClock.now - lastFullRead >= .milliseconds(config.refreshInterval)
            if first || due || current != stamps {
                for file in files where first || due || current[file] != stamps[file] {
                    do {
                        lastGood[file] = try FileSDConfig.read(file)
                    } catch {
                        logger.error("file_sd: keeping the last good targets", metadata: ["error": "\(error)"])
                    }
                }
                for file in lastGood.keys where current[file] == nil { lastGood[file] = nil }
                publish(lastGood.keys.sorted().flatMap { lastGood[$0]! })
                stamps = current
                if due { lastFullRead = .now }
                first = false
            }
            try? await Task.sleep(for: pollInterval)
        }
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

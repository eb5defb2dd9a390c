import ArgumentParser
import EtcdmonModel

/// A duration on the command line, as a user would type it: Prometheus's notation (`500ms`, `3s`,
/// `1m30s`) or plain seconds (`5`, `0.5`), which is what these flags always took.
struct DurationArgument: ExpressibleByArgument, CustomStringConvertible, Sendable {
    /// The duration in seconds.
    var seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        if let seconds = Double(argument), seconds.isFinite {
            self.seconds = seconds
        } else if let milliseconds = try? PrometheusDuration.milliseconds(argument) {
            seconds = Double(milliseconds) / 1000
        } else {
            return nil
        }
    }

    /// In milliseconds, rounded.
    var milliseconds: Int64 { Int64((seconds * 1000).rounded()) }

    var description: String { PrometheusDuration.format(milliseconds: milliseconds) }

    var defaultValueDescription: String { description }
}

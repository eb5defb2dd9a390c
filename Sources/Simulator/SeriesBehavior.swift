import EtcdmonModel
import Foundation

/// How one series of the capture moves over a member's life. Values are a function of the `MemberClock`
/// alone, so rendering keeps no per-series state and counters never go backwards except at a restart.
enum SeriesBehavior: Sendable {
    /// Flags, info metrics and rare-event counters: the captured value.
    case constant(Double)
    /// Grows linearly from the captured value (from zero after a restart).
    case counter(base: Double, ratePerSecond: Double, integral: Bool)
    /// Oscillates around the captured value by up to 10 %.
    case wander(base: Double, integral: Bool)
    /// `process_start_time_seconds`.
    case startTime
    /// A gauge holding a recent wall-clock time, such as the last GC.
    case wallClock
    /// `etcd_server_is_leader`.
    case leaderFlag
    /// A cumulative bucket that receives `fraction` of its histogram's new observations.
    case bucket(group: Int, base: Double, fraction: Double)
    /// A histogram's `_count`.
    case histogramCount(group: Int, base: Double)
    /// A histogram's `_sum`.
    case histogramSum(group: Int, base: Double)

    /// Counters below this captured value count rare events (leader changes, errors) and stay put.
    static let rareEventThreshold = 10.0
    /// Gauges below this captured value are flags or small counts and stay put.
    static let flagThreshold = 2.0
    /// The period of a wandering gauge, in seconds.
    static let wanderPeriod = 900.0

    init(name: String, family: String, type: MetricType, labels: Labels, base: Double,
         histogram: (index: Int, group: HistogramGroup)?) {
        if name == "process_start_time_seconds" {
            self = .startTime
        } else if name == "etcd_server_is_leader" {
            self = .leaderFlag
        } else if type == .gauge && (name.hasSuffix("_time_seconds") || name.hasSuffix("_timestamp_seconds")) {
            self = .wallClock
        } else if type == .histogram, let (index, group) = histogram {
            if name == family + "_bucket" {
                let fraction = labels["le"] == "+Inf" ? 1 : (group.baseCount > 0 ? base / group.baseCount : 0)
                self = .bucket(group: index, base: base, fraction: fraction)
            } else if name == family + "_sum" {
                self = .histogramSum(group: index, base: base)
            } else {
                self = .histogramCount(group: index, base: base)
            }
        } else if type == .counter || (type == .summary && name != family) || name.hasSuffix("_total") {
            // etcd types some totals (proposals committed, applied) as gauges; they only grow.
            self = base >= Self.rareEventThreshold
                ? .counter(base: base, ratePerSecond: base / MetricsTemplate.referenceUptime, integral: base == base.rounded())
                : .constant(base)
        } else if type == .summary || (type == .gauge && abs(base) >= Self.flagThreshold) {
            self = .wander(base: base, integral: base == base.rounded())
        } else {
            self = .constant(base)
        }
    }

    /// The value at `clock`'s moment.
    func value(_ clock: MemberClock, histograms: [HistogramGroup]) -> Double {
        func start(_ base: Double) -> Double { clock.restarted ? 0 : base }
        switch self {
        case .constant(let value):
            return value
        case .counter(let base, let rate, let integral):
            let grown = rate * clock.rateFactor * clock.uptime
            return start(base) + (integral ? grown.rounded(.down) : grown)
        case .wander(let base, let integral):
            let cycle = clock.now / Self.wanderPeriod + clock.phase
            let value = base * (1 + 0.1 * sin(2 * Double.pi * cycle))
            return integral ? value.rounded() : value
        case .startTime:
            return clock.startTime
        case .wallClock:
            return clock.now.rounded(.down)
        case .leaderFlag:
            return clock.isLeader ? 1 : 0
        case .bucket(let group, let base, let fraction):
            return start(base) + (histograms[group].observations(clock) * fraction).rounded(.down)
        case .histogramCount(let group, let base):
            return start(base) + histograms[group].observations(clock)
        case .histogramSum(let group, let base):
            let histogram = histograms[group]
            return start(base) + histogram.observations(clock) * histogram.meanObservation
        }
    }
}

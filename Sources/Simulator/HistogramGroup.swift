import Foundation

/// One histogram of the capture (its labels without `le`): the buckets, sum and count that must stay
/// consistent with each other as observations arrive.
struct HistogramGroup: Sendable {
    var baseCount: Double
    var baseSum: Double

    /// The average observation in the capture; new observations add this to the sum.
    var meanObservation: Double { baseCount > 0 ? baseSum / baseCount : 0 }

    /// Observations made since the member's start, at the rate the capture implies.
    func observations(_ clock: MemberClock) -> Double {
        (baseCount / MetricsTemplate.referenceUptime * clock.rateFactor * clock.uptime).rounded(.down)
    }
}

import Config
import EtcdmonModel

/// A silence (Alertmanager's `silencepb.Silence`): alerts its matchers all match are not notified
/// between `startsAt` and `endsAt`. Times are nanoseconds since the epoch.
public struct Silence: Sendable, Equatable {
    public var id: String
    public var matchers: [AlertMatcher]
    public var startsAt: Int64
    public var endsAt: Int64
    public var updatedAt: Int64
    public var createdBy: String
    public var comment: String

    public init(id: String = "", matchers: [AlertMatcher], startsAt: Int64, endsAt: Int64, updatedAt: Int64 = 0,
                createdBy: String, comment: String) {
        (self.id, self.matchers, self.startsAt, self.endsAt) = (id, matchers, startsAt, endsAt)
        (self.updatedAt, self.createdBy, self.comment) = (updatedAt, createdBy, comment)
    }

    /// Where a silence is in its life.
    public enum State: String, Sendable, Comparable {
        case active, pending, expired

        private var rank: Int { self == .active ? 1 : self == .pending ? 2 : 3 }
        public static func < (lhs: State, rhs: State) -> Bool { lhs.rank < rhs.rank }
    }

    /// Its state at `now` as silencing sees it (`endsAt` itself still silences).
    public func state(at now: Int64) -> State {
        now < startsAt ? .pending : now > endsAt ? .expired : .active
    }

    /// Its state at `now` as the API reports it (expired from `endsAt` on).
    public func reportedState(at now: Int64) -> State {
        now < startsAt ? .pending : now < endsAt ? .active : .expired
    }

    /// Whether every matcher matches `labels`.
    public func matches(_ labels: Labels) -> Bool { AlertMatcher.all(matchers, match: labels) }

    /// The reason it cannot be stored, in Alertmanager's words, or nil.
    func validationError() -> String? {
        if id.isEmpty { return "ID missing" }
        if matchers.isEmpty { return "at least one matcher required" }
        for (index, matcher) in matchers.enumerated() where !LabelName.isValid(matcher.name) {
            return "invalid label matcher \(index): invalid label name \"\(matcher.name)\""
        }
        let matchesEmpty = matchers.allSatisfy { matcher in
            switch matcher.kind {
            case .equal: matcher.value.isEmpty
            case .regexMatch: (try? SearchPattern(matcher.value))?.matches(in: "") ?? false
            case .notEqual, .regexNoMatch: false
            }
        }
        if matchesEmpty { return "at least one matcher must not match the empty string" }
        if startsAt == RFC3339.zero { return "invalid zero start timestamp" }
        if endsAt == RFC3339.zero { return "invalid zero end timestamp" }
        if endsAt < startsAt { return "end time must not be before start time" }
        return nil
    }
}

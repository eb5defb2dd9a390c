/// Where an alert stands, as Prometheus names it.
public enum AlertState: String, Sendable, Comparable {
    case inactive
    case pending
    case firing

    public static func < (lhs: AlertState, rhs: AlertState) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { switch self { case .inactive: 0; case .pending: 1; case .firing: 2 } }
}

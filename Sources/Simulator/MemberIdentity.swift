/// Who a simulated member is: what its cluster's member list says about it.
public struct MemberIdentity: Sendable, Equatable {
    /// The member ID, as etcd prints it in JSON (decimal) and in metric labels (hex).
    public var id: UInt64
    /// The member name, `c<cluster>-etcd<n>`.
    public var name: String
    /// The address the member listens on.
    public var host: String
    /// The port the member listens on.
    public var port: Int
    /// The peer URL the member list shows; nothing listens there.
    public var peerURL: String

    /// `host:port` of the listener serving this member.
    public var clientAddress: String { "\(host):\(port)" }

    /// The ID as 16 lower-case hex digits, as in etcd's `Local`/`Remote`/`To` labels.
    public var hexID: String { Self.hex(id) }

    /// A member ID as 16 lower-case hex digits.
    static func hex(_ id: UInt64) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

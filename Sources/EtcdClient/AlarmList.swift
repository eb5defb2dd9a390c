/// The answer of `POST /v3/maintenance/alarm` with action GET: the cluster's active alarms.
public struct AlarmList: Sendable, Equatable, Decodable {
    /// Who answered.
    public var header: ResponseHeader
    /// Active alarms, cluster-wide.
    public var alarms: [Alarm]

    /// Creates an alarm list.
    public init(header: ResponseHeader, alarms: [Alarm]) {
        self.header = header
        self.alarms = alarms
    }

    private enum CodingKeys: String, CodingKey { case header, alarms }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        header = try container.decode(ResponseHeader.self, forKey: .header)
        alarms = try container.decode(.alarms, default: [])
    }
}

/// One raised alarm: `NOSPACE` (quota exceeded, writes refused) or `CORRUPT` (data mismatch).
public struct Alarm: Sendable, Equatable, Decodable {
    /// The member that raised it.
    public var memberID: UInt64
    /// The alarm type as etcd names it (`NOSPACE`, `CORRUPT`).
    public var type: String

    /// Creates an alarm.
    public init(memberID: UInt64, type: String) {
        self.memberID = memberID
        self.type = type
    }

    private enum CodingKeys: String, CodingKey { case memberID, alarm }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        memberID = try container.decodeUInt64(.memberID)
        // Enums arrive by name; "NONE" (0) is omitted like any zero value.
        type = try container.decode(.alarm, default: "NONE")
    }
}

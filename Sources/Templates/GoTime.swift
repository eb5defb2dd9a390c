import EtcdmonModel

/// A point in time as templates see Go's `time.Time` in UTC: printed as `2006-01-02
/// 15:04:05.999999999 +0000 UTC`, with `Unix`, `UnixMilli` and `UTC` methods. Built from float
/// seconds at Prometheus's millisecond precision (`model.TimeFromUnixNano`).
public struct GoTime: TemplateObject {
    /// Milliseconds since the epoch.
    public var milliseconds: Int64

    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    init(seconds: Double, function: String) throws(TemplateError) {
        let nanoseconds = seconds * 1e9
        guard nanoseconds <= 9.223372036854775e18, nanoseconds >= -9.223372036854775e18 else {
            throw TemplateError("error calling \(function): \(GoFormat.shortest(seconds, verb: "g")) cannot be represented as a nanoseconds timestamp since it overflows int64")
        }
        milliseconds = Int64(nanoseconds) / 1_000_000
    }

    public var typeName: String { "*time.Time" }

    public func field(_ name: String) -> TemplateValue? {
        switch name {
        case "Unix": .int(Int(floorDivide(milliseconds, 1000)))
        case "UnixMilli": .int(Int(milliseconds))
        case "UTC": .object(self)
        default: nil
        }
    }

    public var printed: String { CivilTime(milliseconds: milliseconds).text(separator: " ") + " +0000 UTC" }

    private func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

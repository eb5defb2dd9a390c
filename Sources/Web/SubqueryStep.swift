import Synchronization

/// The default subquery step in force (milliseconds), changed when a reload brings a new
/// `global.evaluation_interval`.
public final class SubqueryStep: Sendable {
    private let milliseconds: Mutex<Int64>

    public init(_ milliseconds: Int64) {
        self.milliseconds = Mutex(milliseconds)
    }

    public var value: Int64 {
        get { milliseconds.withLock { $0 } }
        set { milliseconds.withLock { $0 = newValue } }
    }
}

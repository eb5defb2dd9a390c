import CStackGuard

/// Room left on the current thread's stack, for recursive code (the PromQL parser and evaluator,
/// later templates) that must refuse deep input rather than crash. Depth limits bound the
/// recursion; this makes sure the limit fits the thread it runs on, whatever its stack size and
/// whatever the build's frame sizes (a debug build's frames are several times a release build's).
public enum StackGuard {
    /// What is kept free for the callee's own frames and the runtime below a check.
    public static let reserve = 256 * 1024

    /// Whether at least `reserve` bytes of stack are left below the caller.
    @inline(__always)
    public static var hasRoom: Bool { etcdmon_stack_remaining() > reserve }

    /// Bytes of stack left below the caller (`Int.max` when unknown).
    public static var remaining: Int {
        let bytes = etcdmon_stack_remaining()
        return bytes > UInt(Int.max) ? Int.max : Int(bytes)
    }
}

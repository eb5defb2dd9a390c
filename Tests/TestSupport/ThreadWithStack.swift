import Foundation

/// The result of `body` run on a new thread with a stack of `stackSize` bytes: for code whose
/// recursion depth is bounded and must be tested at its bound, or on a small stack.
public func onThread<Result: Sendable>(stackSize: Int, _ body: @escaping @Sendable () -> Result) async -> Result {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: body()) }
        thread.stackSize = stackSize
        thread.start()
    }
}

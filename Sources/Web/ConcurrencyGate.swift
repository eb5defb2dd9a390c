import Synchronization

/// Limits how many queries run at once; the rest wait their turn. A lock, not an actor: the
/// common case (a free slot) takes no suspension and no hop.
final class ConcurrencyGate: Sendable {
    private let state: Mutex<(running: Int, waiting: [CheckedContinuation<Void, Never>])>
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
        state = Mutex((0, []))
    }

    func enter() async {
        let admitted = state.withLock { state in
            guard state.running < limit else { return false }
            state.running += 1
            return true
        }
        guard !admitted else { return }
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                // A slot may have freed up between the two locks.
                guard state.running < limit else {
                    state.waiting.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if resumeNow { continuation.resume() }
        }
    }

    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiting.isEmpty {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst() // the slot passes to the next waiter
        }
        next?.resume()
    }
}

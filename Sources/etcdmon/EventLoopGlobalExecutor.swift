import CPlatform
import NIOCore
import NIOPosix

/// Makes NIO's singleton event loops the executor of every task that has no executor of its own
/// (Swift concurrency's global executor), as `NIOSingletons`' takeover does. That takeover finds the
/// runtime's hook with `dlsym`, which fails silently in the release binary: it links the Swift runtime
/// statically and exports none of its symbols, so tasks ran on Dispatch's pool and every request
/// paid a hop to it and back. Here the hook's address comes from the linker (`CPlatform`), which works
/// in static and dynamic builds alike.
enum EventLoopGlobalExecutor {
    /// The runtime's signature for the hook: the job, and the enqueue it replaces.
    private typealias EnqueueGlobalHook = @convention(thin) (UnownedJob, @convention(thin) (UnownedJob) -> Void) -> Void

    /// Installs the hook; `false` when one is installed already, this one or another (then tasks keep
    /// running where that one puts them). Called once, from the main thread at start-up.
    static func install() -> Bool {
        let hook = etcdmon_swift_enqueue_global_hook()
        guard hook.pointee == nil else { return false }
        let enqueue: EnqueueGlobalHook = { job, _ in
            // `any()` is the loop the caller runs on, if it is one of the group's: no thread switch.
            MultiThreadedEventLoopGroup.singleton.any().executor.enqueue(ExecutorJob(job))
        }
        return withUnsafeBytes(of: enqueue) { bytes in
            // A thin function value is a single code pointer, which is what the runtime calls.
            hook.pointee = UnsafeMutableRawPointer(mutating: bytes.load(as: UnsafeRawPointer.self))
            return true
        }
    }
}

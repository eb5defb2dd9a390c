#ifndef ETCDMON_CPLATFORM_H
#define ETCDMON_CPLATFORM_H

/// Returns the heap's free memory to the system (glibc's `malloc_trim(0)`: every arena, every free
/// page, not only the top of the main heap); a no-op where the C library has no such call.
/// Returns whether any memory was released.
int etcdmon_release_free_memory(void);

/// Lowers the calling thread's scheduling priority to `niceness` (Linux's per-thread nice value),
/// once per thread: later calls on the same thread return at once. Returns 0 on success (or when
/// already done), -1 where the system refuses or has no per-thread priorities.
int etcdmon_lower_thread_priority_once(int niceness);

/// Bytes of heap in use (glibc's `mallinfo2().uordblks`, every arena); -1 where unknown.
long long etcdmon_heap_bytes_in_use(void);

/// Bytes the heap holds free but has not returned to the system (`mallinfo2().fordblks`); -1 where unknown.
long long etcdmon_heap_bytes_free(void);

/// The address of Swift concurrency's global-enqueue hook (`swift_task_enqueueGlobal_hook`), found by
/// the linker. NIO looks it up with `dlsym`, which cannot see it in a binary that links the Swift
/// runtime statically (its symbols are not exported); a reference resolved at link time works in
/// both kinds of build.
void *_Nullable *_Nonnull etcdmon_swift_enqueue_global_hook(void);

#endif

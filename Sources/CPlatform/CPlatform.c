#define _GNU_SOURCE
#include "CPlatform.h"

#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

int etcdmon_release_free_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}

long long etcdmon_heap_bytes_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return (long long)mallinfo2().uordblks;
#else
    return -1;
#endif
}

long long etcdmon_heap_bytes_free(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return (long long)mallinfo2().fordblks;
#else
    return -1;
#endif
}

int etcdmon_lower_thread_priority_once(int niceness) {
#if defined(__linux__)
    static __thread int lowered = 0;
    if (lowered) return 0;
    lowered = 1;
    // On Linux, PRIO_PROCESS with a thread id sets that thread's nice value alone.
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), niceness);
#else
    (void)niceness;
    return -1;
#endif
}

// Declared by the Swift runtime (libswift_Concurrency) as a function pointer; only its address is
// taken here.
extern void *swift_task_enqueueGlobal_hook;

void **etcdmon_swift_enqueue_global_hook(void) {
    return &swift_task_enqueueGlobal_hook;
}

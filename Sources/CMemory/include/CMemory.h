#ifndef ETCDMON_CMEMORY_H
#define ETCDMON_CMEMORY_H

/// Returns the heap's free memory to the system (glibc's `malloc_trim(0)`: every arena, every free
/// page, not only the top of the main heap); a no-op where the C library has no such call.
/// Returns whether any memory was released.
int etcdmon_release_free_memory(void);

#endif

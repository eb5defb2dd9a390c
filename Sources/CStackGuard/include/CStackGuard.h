// How much of the calling thread's stack is left, so that recursive parsers and evaluators can
// refuse input that would exhaust it instead of crashing.
#ifndef ETCDMON_CSTACKGUARD_H
#define ETCDMON_CSTACKGUARD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bytes of stack left below the caller's frame on the current thread (the bounds are read once
/// per thread); SIZE_MAX when the bounds cannot be read.
size_t etcdmon_stack_remaining(void);

#ifdef __cplusplus
}
#endif

#endif

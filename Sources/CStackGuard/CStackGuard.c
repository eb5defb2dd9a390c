#define _GNU_SOURCE
#include "CStackGuard.h"

#include <pthread.h>
#include <stdint.h>

// The lowest usable address of this thread's stack (stacks grow down on every platform we run on);
// 0 until read, UINTPTR_MAX when it cannot be.
static __thread uintptr_t stack_low = 0;

size_t etcdmon_stack_remaining(void) {
    if (stack_low == 0) {
        pthread_attr_t attributes;
        void *address = NULL;
        size_t size = 0;
        stack_low = UINTPTR_MAX;
        if (pthread_getattr_np(pthread_self(), &attributes) == 0) {
            size_t guard = 0;
            if (pthread_attr_getstack(&attributes, &address, &size) == 0 && address != NULL) {
                pthread_attr_getguardsize(&attributes, &guard);
                stack_low = (uintptr_t)address + guard;
            }
            pthread_attr_destroy(&attributes);
        }
    }
    if (stack_low == UINTPTR_MAX) return SIZE_MAX;
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    return here > stack_low ? (size_t)(here - stack_low) : 0;
}

// A C interface to RE2 (Debian's libre2), so Swift can use it without C++ interoperability.
// Every pattern is compiled as Go's regexp compiles Prometheus's: `^(?:pattern)$`, RE2 syntax,
// UTF-8, `.` not matching `\n`. Matching is linear in the input; a compiled pattern may be used
// from many threads at once.
#ifndef ETCDMON_CRE2_H
#define ETCDMON_CRE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled, fully anchored pattern.
typedef struct etcdmon_re2 etcdmon_re2;

/// Compiles `^(?:pattern)$`. On failure returns NULL and writes RE2's reason, NUL-terminated and
/// truncated to `error_capacity`, into `error`.
etcdmon_re2 *etcdmon_re2_compile(const char *pattern, size_t length, char *error, size_t error_capacity);

/// Frees a compiled pattern.
void etcdmon_re2_free(etcdmon_re2 *re);

/// 1 when the whole of `text` matches, 0 otherwise.
int etcdmon_re2_full_match(const etcdmon_re2 *re, const char *text, size_t length);

/// The number of capturing groups (group 0, the whole match, not counted).
int etcdmon_re2_group_count(const etcdmon_re2 *re);

/// The number of the group called `name`, or -1 when there is none.
int etcdmon_re2_group_index(const etcdmon_re2 *re, const char *name, size_t length);

/// Matches the whole of `text` and writes, for groups 0 ... `groups` - 1, the start and end
/// byte offsets of each into `offsets` (2 × `groups` entries; -1, -1 for a group that took no
/// part). 1 on a match, 0 otherwise.
int etcdmon_re2_full_match_groups(
    const etcdmon_re2 *re, const char *text, size_t length, int64_t *offsets, int groups);

/// Compiles `pattern` as it is, for searching (Go's `regexp.Compile`: unanchored, leftmost-first).
etcdmon_re2 *etcdmon_re2_compile_unanchored(const char *pattern, size_t length, char *error, size_t error_capacity);

/// Finds the leftmost match of an unanchored pattern in `text` at or after byte `start` (the text
/// before `start` still counts as context for `^` and `\b`), writing group offsets as
/// `etcdmon_re2_full_match_groups` does. 1 on a match, 0 otherwise.
int etcdmon_re2_find(
    const etcdmon_re2 *re, const char *text, size_t length, size_t start, int64_t *offsets, int groups);

#ifdef __cplusplus
}
#endif

#endif

/*
 * The library's one allocator. Every allocation of the solver (workspace,
 * cones, backends, acceleration, scratch) goes through these functions, so
 * a caller's ScsSettings.allocator sees all of it (docs/memory.md).
 *
 * The allocator in force is the one of the handle whose API call is running
 * on this thread: scs_init, scs_solve, scs_update and scs_finish open a
 * scope with the handle's allocator and close it on return (thread-local,
 * so calls on other threads and nested calls on other handles are
 * unaffected). Outside any scope the C library's malloc is used.
 */
#ifndef SCS_ALLOC_H
#define SCS_ALLOC_H

#include <stddef.h>

#include "glob.h"

/* malloc(count * size), NULL if the product overflows; count 0 gives a
 * non-NULL block of one element, so NULL always means failure. */
void *scs_malloc_array(size_t count, size_t size);
/* the same, zero-filled */
void *scs_calloc_array(size_t count, size_t size);
/* a copy of s, or NULL (s NULL, or no memory) */
char *scs_strdup(const char *s);
void scs_free(void *p);

typedef struct {
  const ScsAllocator *previous;
} ScsAllocScope;

/* Make a the calling thread's allocator until scs_alloc_leave (a NULL:
 * the C library's). Scopes nest. */
void scs_alloc_enter(ScsAllocScope *scope, const ScsAllocator *a);
void scs_alloc_leave(const ScsAllocScope *scope);

#endif

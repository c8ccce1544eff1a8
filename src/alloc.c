/* The library's one allocator (see alloc.h). */
#include "alloc.h"

#include <stdint.h>
#include <string.h>

static _Thread_local const ScsAllocator *current;

void scs_alloc_enter(ScsAllocScope *scope, const ScsAllocator *a) {
  scope->previous = current;
  current = a;
}

void scs_alloc_leave(const ScsAllocScope *scope) { current = scope->previous; }

/* bytes for count elements of size (at least one), or 0 on overflow */
static size_t bytes_of(size_t count, size_t size) {
  if (count == 0) count = 1;
  if (size == 0) size = 1;
  return count > SIZE_MAX / size ? 0 : count * size;
}

void *scs_malloc_array(size_t count, size_t size) {
  size_t bytes = bytes_of(count, size);
  if (!bytes) return NULL;
  return current ? current->malloc(bytes, current->user_data) : malloc(bytes);
}

void *scs_calloc_array(size_t count, size_t size) {
  size_t bytes = bytes_of(count, size);
  if (!bytes) return NULL;
  if (!current) return calloc(1, bytes);
  void *p = current->malloc(bytes, current->user_data);
  if (p) memset(p, 0, bytes);
  return p;
}

char *scs_strdup(const char *s) {
  if (!s) return NULL;
  size_t len = strlen(s) + 1;
  char *c = scs_malloc_array(len, 1);
  if (c) memcpy(c, s, len);
  return c;
}

void scs_free(void *p) {
  if (!p) return;
  if (current)
    current->free(p, current->user_data);
  else
    free(p);
}

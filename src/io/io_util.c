/* The readers' shared helpers (io_util.h). */
#include "io/io_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int scs_io_grow(void **arr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t nc = *cap ? *cap : 16;
  while (nc < need) {
    if (nc > SIZE_MAX / 2 / elem) return -1;
    nc *= 2;
  }
  void *na = realloc(*arr, nc * elem);
  if (!na) return -1;
  *arr = na;
  *cap = nc;
  return 0;
}

void *scs_io_alloc(size_t n, size_t elem) {
  if (n == 0) n = 1;
  if (elem && n > SIZE_MAX / elem) return NULL;
  return malloc(n * elem);
}

char *scs_io_strdup(const char *s) {
  size_t len = strlen(s) + 1;
  char *copy = malloc(len);
  if (copy) memcpy(copy, s, len);
  return copy;
}

void scs_io_error_at(const char *file, long line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_set_last_error("%s:%ld: %s", file, line, msg);
}

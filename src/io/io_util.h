/*
 * What the problem-file readers share. The readers are a layer above the
 * solver (docs/problem_files.md): they use the public headers (scs.h,
 * scs_io.h; errors through scs_linsys.h's scs_set_last_error) and this
 * header, never the solver's internals.
 */
#ifndef SCS_IO_UTIL_H
#define SCS_IO_UTIL_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include "scs.h"
#include "scs_io.h"

/* The readers' public entry points are exported from the shared library. */
#define SCS_IO_API __attribute__((visibility("default")))

#if defined(__GNUC__)
#define SCS_IO_PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#else
#define SCS_IO_PRINTF_LIKE(a, b)
#endif

/* The largest scs_int (int or long long, scs_types.h). */
#if SCS_DLONG
#define SCS_IO_INT_MAX ((int64_t)LLONG_MAX)
#else
#define SCS_IO_INT_MAX ((int64_t)INT_MAX)
#endif

#define SCS_IO_MAX(a, b) (((a) > (b)) ? (a) : (b))
#define SCS_IO_MIN(a, b) (((a) < (b)) ? (a) : (b))

/* Grow *arr (elements of size elem, *cap of them) to hold at least need
 * elements, doubling from 16. 0, or -1 (nothing changed) when out of
 * memory or past SIZE_MAX. */
int scs_io_grow(void **arr, size_t *cap, size_t need, size_t elem);

/* malloc of n elements of size elem (at least one, so a zero count is not
 * a failure); NULL when out of memory or when n * elem overflows. */
void *scs_io_alloc(size_t n, size_t elem);

/* A malloc'ed copy of s, or NULL when out of memory. */
char *scs_io_strdup(const char *s);

/* Set the last error to "<file>:<line>: <message>". */
void scs_io_error_at(const char *file, long line, const char *fmt, ...)
    SCS_IO_PRINTF_LIKE(3, 4);

#endif

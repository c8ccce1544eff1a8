/* Allocation and copies of CSC matrices. */
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"

ScsMatrix *scs_csc_alloc(scs_int m, scs_int n, scs_int nnz) {
  ScsMatrix *A = scs_calloc_array(1, sizeof(*A));
  if (!A) return NULL;
  A->m = m;
  A->n = n;
  A->p = scs_calloc_array((size_t)n + 1, sizeof(scs_int));
  A->i = scs_malloc_array((size_t)nnz, sizeof(scs_int));
  A->x = scs_malloc_array((size_t)nnz, sizeof(scs_float));
  if (!A->p || !A->i || !A->x) {
    scs_csc_free(A);
    return NULL;
  }
  return A;
}

void scs_csc_free(ScsMatrix *A) {
  if (!A) return;
  scs_free(A->p);
  scs_free(A->i);
  scs_free(A->x);
  scs_free(A);
}

ScsMatrix *scs_csc_copy(const ScsMatrix *A) {
  if (!A) return NULL;
  scs_int nnz = A->p[A->n];
  ScsMatrix *B = scs_csc_alloc(A->m, A->n, nnz);
  if (!B) return NULL;
  memcpy(B->p, A->p, ((size_t)A->n + 1) * sizeof(scs_int));
  memcpy(B->i, A->i, (size_t)nnz * sizeof(scs_int));
  memcpy(B->x, A->x, (size_t)nnz * sizeof(scs_float));
  return B;
}

typedef struct {
  scs_int row;
  scs_float val;
} Entry;

static int by_row(const void *a, const void *b) {
  scs_int x = ((const Entry *)a)->row, y = ((const Entry *)b)->row;
  return (x > y) - (x < y);
}

static int is_sorted(const scs_int *rows, scs_int len) {
  for (scs_int a = 1; a < len; ++a)
    if (rows[a - 1] > rows[a]) return 0;
  return 1;
}

/* Sort one column's (row, value) pairs with qsort through buf (len
 * entries): O(len log len) whatever the input order. */
static void sort_column(scs_int *rows, scs_float *vals, scs_int len,
                        Entry *buf) {
  for (scs_int a = 0; a < len; ++a) buf[a] = (Entry){rows[a], vals[a]};
  qsort(buf, (size_t)len, sizeof(Entry), by_row);
  for (scs_int a = 0; a < len; ++a) rows[a] = buf[a].row, vals[a] = buf[a].val;
}

ScsMatrix *scs_csc_copy_sorted(const ScsMatrix *A) {
  ScsMatrix *B = scs_csc_copy(A);
  if (!B) return NULL;
  Entry *buf = NULL;
  for (scs_int j = 0; j < B->n; ++j) {
    scs_int *rows = B->i + B->p[j];
    scs_int len = B->p[j + 1] - B->p[j];
    if (is_sorted(rows, len)) continue; /* the usual case: no work */
    if (!buf && !(buf = scs_malloc_array((size_t)B->m, sizeof(Entry)))) {
      scs_csc_free(B); /* columns have at most m entries (no duplicates) */
      return NULL;
    }
    sort_column(rows, B->x + B->p[j], len, buf);
  }
  scs_free(buf);
  return B;
}

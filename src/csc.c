/* Allocation and copies of CSC matrices. */
#include <string.h>

#include "error.h"
#include "linalg.h"

ScsMatrix *scs_csc_alloc(scs_int m, scs_int n, scs_int nnz) {
  ScsMatrix *A = calloc(1, sizeof(*A));
  if (!A) return NULL;
  A->m = m;
  A->n = n;
  A->p = calloc((size_t)n + 1, sizeof(scs_int));
  A->i = malloc((size_t)SCS_MAX(nnz, 1) * sizeof(scs_int));
  A->x = malloc((size_t)SCS_MAX(nnz, 1) * sizeof(scs_float));
  if (!A->p || !A->i || !A->x) {
    scs_csc_free(A);
    return NULL;
  }
  return A;
}

void scs_csc_free(ScsMatrix *A) {
  if (!A) return;
  free(A->p);
  free(A->i);
  free(A->x);
  free(A);
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

/* Insertion sort of one column's (row, value) pairs: columns are short and
 * usually already sorted, so this is linear in practice. */
static void sort_column(scs_int *rows, scs_float *vals, scs_int len) {
  for (scs_int a = 1; a < len; ++a) {
    scs_int r = rows[a];
    scs_float v = vals[a];
    scs_int b = a - 1;
    while (b >= 0 && rows[b] > r) {
      rows[b + 1] = rows[b];
      vals[b + 1] = vals[b];
      --b;
    }
    rows[b + 1] = r;
    vals[b + 1] = v;
  }
}

ScsMatrix *scs_csc_copy_sorted(const ScsMatrix *A) {
  ScsMatrix *B = scs_csc_copy(A);
  if (!B) return NULL;
  for (scs_int j = 0; j < B->n; ++j)
    sort_column(B->i + B->p[j], B->x + B->p[j], B->p[j + 1] - B->p[j]);
  return B;
}

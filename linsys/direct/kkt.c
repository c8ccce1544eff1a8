/*
 * The KKT matrix of the direct backend and its symmetric permutation.
 *
 *   M = [ P + diag(r_x)   A'        ]   (n + m square, quasi-definite)
 *       [ A              -diag(r_y) ]
 *
 * Only the upper triangle is stored: column j < n holds the upper triangle of
 * P's column j then the diagonal; column n + i holds row i of A (as rows
 * 0..n-1) then the diagonal -r_y[i]. Every diagonal entry is present, so a
 * change of r only rewrites the n + m values at diag_pos.
 *
 * K and C hold doubles (ScsLdlMatrix): the scs_float values of A, P and r are
 * converted here, exactly, and P_kk + r_k is summed in double.
 */
#include <stdint.h>

#include "alloc.h"
#include "error.h"
#include "ldl.h"

ScsLdlMatrix *scs_ldl_csc_alloc(scs_int m, scs_int n, scs_int nnz) {
  size_t len = (size_t)SCS_MAX(nnz, 1);
  ScsLdlMatrix *X = scs_calloc_array(1, sizeof(*X));
  if (!X) return NULL;
  X->m = m;
  X->n = n;
  X->p = scs_calloc_array((size_t)n + 1, sizeof(scs_int));
  if (len <= SIZE_MAX / sizeof(scs_ldl_float)) {
    X->i = scs_malloc_array(len, sizeof(scs_int));
    X->x = scs_malloc_array(len, sizeof(scs_ldl_float));
  }
  if (!X->p || !X->i || !X->x) {
    scs_ldl_csc_free(X);
    return NULL;
  }
  return X;
}

void scs_ldl_csc_free(ScsLdlMatrix *X) {
  if (!X) return;
  scs_free(X->p);
  scs_free(X->i);
  scs_free(X->x);
  scs_free(X);
}

/* Count nnz(K) in long long and reject what does not fit in scs_int. */
static scs_int kkt_nnz(const ScsMatrix *A, const ScsMatrix *P,
                       scs_int *nnz_k) {
  long long total = (long long)A->p[A->n] + (long long)A->m;
  for (scs_int j = 0; j < A->n; ++j) {
    scs_int len = P ? P->p[j + 1] - P->p[j] : 0;
    scs_int has_diag = len > 0 && P->i[P->p[j + 1] - 1] == j;
    total += len + (has_diag ? 0 : 1);
  }
  if (total > (long long)SCS_INT_MAX) {
    scs_set_error("direct: the KKT matrix has %lld entries, more than "
                  "scs_int can index",
                  total);
    return -1;
  }
  *nnz_k = (scs_int)total;
  return 0;
}

/* Columns 0..n-1 of K: P's upper triangle plus the diagonal. */
static void fill_p_columns(const ScsMatrix *P, scs_int n, ScsLdlMatrix *K,
                           scs_int *diag_pos, scs_ldl_float *diag_base) {
  scs_int q = 0;
  for (scs_int j = 0; j < n; ++j) {
    K->p[j] = q;
    diag_base[j] = 0;
    diag_pos[j] = -1;
    if (P) {
      for (scs_int p = P->p[j]; p < P->p[j + 1]; ++p) {
        K->i[q] = P->i[p];
        K->x[q] = (scs_ldl_float)P->x[p];
        if (P->i[p] == j) {
          diag_pos[j] = q;
          diag_base[j] = (scs_ldl_float)P->x[p];
        }
        ++q;
      }
    }
    if (diag_pos[j] < 0) { /* P has no (j, j) entry: add a structural one */
      K->i[q] = j;
      K->x[q] = 0;
      diag_pos[j] = q++;
    }
  }
  K->p[n] = q;
}

/* Columns n..n+m-1 of K: row i of A (a transpose) plus the diagonal.
 * next (length m) is workspace. */
static void fill_a_columns(const ScsMatrix *A, ScsLdlMatrix *K,
                           scs_int *diag_pos, scs_ldl_float *diag_base,
                           scs_int *next) {
  scs_int n = A->n, m = A->m;
  for (scs_int i = 0; i < m; ++i) next[i] = 0;
  for (scs_int p = 0; p < A->p[n]; ++p) next[A->i[p]]++;
  for (scs_int i = 0; i < m; ++i) { /* column pointers, then next = start */
    K->p[n + i + 1] = K->p[n + i] + next[i] + 1;
    next[i] = K->p[n + i];
  }
  for (scs_int j = 0; j < n; ++j) { /* increasing j keeps rows sorted */
    for (scs_int p = A->p[j]; p < A->p[j + 1]; ++p) {
      scs_int q = next[A->i[p]]++;
      K->i[q] = j;
      K->x[q] = (scs_ldl_float)A->x[p];
    }
  }
  for (scs_int i = 0; i < m; ++i) {
    scs_int q = next[i];
    K->i[q] = n + i;
    K->x[q] = 0;
    diag_pos[n + i] = q;
    diag_base[n + i] = 0;
  }
}

ScsLdlMatrix *scs_kkt_assemble(const ScsMatrix *A, const ScsMatrix *P,
                               scs_int *diag_pos, scs_ldl_float *diag_base,
                               scs_int *row_count) {
  scs_int nnz_k = 0;
  if (kkt_nnz(A, P, &nnz_k)) return NULL;
  ScsLdlMatrix *K = scs_ldl_csc_alloc(A->n + A->m, A->n + A->m, nnz_k);
  if (!K) {
    scs_set_error("direct: out of memory for the KKT matrix (%lld entries)",
                  (long long)nnz_k);
    return NULL;
  }
  fill_p_columns(P, A->n, K, diag_pos, diag_base);
  fill_a_columns(A, K, diag_pos, diag_base, row_count);
  for (scs_int k = 0; k < A->n + A->m; ++k) K->x[diag_pos[k]] = diag_base[k];
  return K;
}

void scs_kkt_set_diag(scs_ldl_float *x, const scs_int *diag_pos,
                      const scs_ldl_float *diag_base, const scs_float *r,
                      scs_int n, scs_int nk) {
  for (scs_int k = 0; k < n; ++k)
    x[diag_pos[k]] = diag_base[k] + (scs_ldl_float)r[k];
  for (scs_int k = n; k < nk; ++k) x[diag_pos[k]] = -(scs_ldl_float)r[k];
}

/* K(i, j) with i <= j lands in C(min(pi, pj), max(pi, pj)) where
 * pi = pinv[i]: C = P K P' and its upper triangle keeps one of each pair. */
ScsLdlMatrix *scs_kkt_permute_pattern(const ScsLdlMatrix *K,
                                      const scs_int *pinv, scs_int *map,
                                      scs_int *col_count) {
  scs_int nk = K->n;
  ScsLdlMatrix *C = scs_ldl_csc_alloc(nk, nk, K->p[nk]);
  if (!C) {
    scs_set_error("direct: out of memory for the permuted KKT matrix");
    return NULL;
  }
  for (scs_int k = 0; k < nk; ++k) col_count[k] = 0;
  for (scs_int j = 0; j < nk; ++j)
    for (scs_int p = K->p[j]; p < K->p[j + 1]; ++p)
      col_count[SCS_MAX(pinv[K->i[p]], pinv[j])]++;
  C->p[0] = 0;
  for (scs_int k = 0; k < nk; ++k) {
    C->p[k + 1] = C->p[k] + col_count[k];
    col_count[k] = C->p[k]; /* now the next free slot of column k */
  }
  for (scs_int j = 0; j < nk; ++j) {
    scs_int pj = pinv[j];
    for (scs_int p = K->p[j]; p < K->p[j + 1]; ++p) {
      scs_int pi = pinv[K->i[p]];
      scs_int q = col_count[SCS_MAX(pi, pj)]++;
      C->i[q] = SCS_MIN(pi, pj);
      map[p] = q;
    }
  }
  return C;
}

void scs_kkt_scatter(const ScsLdlMatrix *K, const scs_int *map,
                     ScsLdlMatrix *C) {
  scs_int nnz = K->p[K->n];
  for (scs_int p = 0; p < nnz; ++p) C->x[map[p]] = K->x[p];
}

/*
 * Random quasi-definite systems for the backend tests (test_ldl,
 * test_linsys_dense, test_linsys_indirect): a seeded xorshift generator,
 * dense random A, P and r, and dense -> CSC conversion. Values are rounded
 * to scs_float, so the dense copies are exactly the matrices the backends
 * see in every build.
 */
#ifndef SCS_TEST_KKT_RANDOM_H
#define SCS_TEST_KKT_RANDOM_H

#include <math.h>
#include <stdlib.h>

#include "scs.h"

static unsigned long long kkt_rng_state = 88172645463325252ULL;
static inline void rng_seed(unsigned long long s) {
  kkt_rng_state = s * 2654435761ULL + 1;
}
static inline double rnd(void) { /* uniform in [0, 1) (xorshift64) */
  kkt_rng_state ^= kkt_rng_state << 13;
  kkt_rng_state ^= kkt_rng_state >> 7;
  kkt_rng_state ^= kkt_rng_state << 17;
  return (double)(kkt_rng_state >> 11) / 9007199254740992.0;
}
static inline double rnd_sym(void) { return 2 * rnd() - 1; }
/* v rounded to the nearest scs_float: test data the backend sees exactly */
static inline double to_scs(double v) { return (double)(scs_float)v; }

static inline ScsMatrix *csc_new(scs_int m, scs_int n, scs_int nnz) {
  ScsMatrix *A = calloc(1, sizeof(*A));
  A->m = m;
  A->n = n;
  A->p = calloc((size_t)n + 1, sizeof(scs_int));
  A->i = calloc((size_t)(nnz > 0 ? nnz : 1), sizeof(scs_int));
  A->x = calloc((size_t)(nnz > 0 ? nnz : 1), sizeof(scs_float));
  return A;
}

static inline void csc_del(ScsMatrix *A) {
  if (!A) return;
  free(A->p);
  free(A->i);
  free(A->x);
  free(A);
}

/* dense (column major, m x n) -> CSC; upper: keep rows <= column only */
static inline ScsMatrix *dense_to_csc(const double *X, scs_int m, scs_int n,
                                      int upper) {
  scs_int nnz = 0;
  for (scs_int j = 0; j < n; ++j)
    for (scs_int i = 0; i < m; ++i)
      if (X[i + j * m] != 0 && (!upper || i <= j)) ++nnz;
  ScsMatrix *A = csc_new(m, n, nnz);
  scs_int q = 0;
  for (scs_int j = 0; j < n; ++j) {
    for (scs_int i = 0; i < m; ++i) {
      if (X[i + j * m] != 0 && (!upper || i <= j)) {
        A->i[q] = i;
        A->x[q++] = (scs_float)X[i + j * m];
      }
    }
    A->p[j + 1] = q;
  }
  return A;
}

/* random m x n A with the given density (dense, column major) */
static inline double *rand_dense_a(scs_int m, scs_int n, double density) {
  double *X = calloc((size_t)(m * n > 0 ? m * n : 1), sizeof(double));
  for (scs_int k = 0; k < m * n; ++k)
    if (rnd() < density) X[k] = to_scs(rnd_sym());
  return X;
}

/* P (dense, symmetric): kind 0 none (NULL), 1 diagonal with some zeros,
 * 2 B'B with B of the given density. B has entries in {-1, -7/8, ..., 1},
 * so B'B is exact in float too: P is exactly positive semidefinite in
 * every build. */
static inline double *rand_dense_p(scs_int n, int kind, double b_density) {
  if (kind == 0) return NULL;
  double *X = calloc((size_t)(n * n > 0 ? n * n : 1), sizeof(double));
  if (kind == 1) {
    for (scs_int j = 0; j < n; ++j)
      X[j + j * n] = rnd() < 0.3 ? 0 : to_scs(2 * rnd());
  } else {
    scs_int rows = n / 2 + 1;
    double *B = rand_dense_a(rows, n, b_density);
    for (scs_int k = 0; k < rows * n; ++k) B[k] = round(8 * B[k]) / 8;
    for (scs_int i = 0; i < n; ++i)
      for (scs_int j = 0; j < n; ++j) {
        double s = 0;
        for (scs_int k = 0; k < rows; ++k)
          s += B[k + i * rows] * B[k + j * rows];
        X[i + j * n] = s;
      }
    free(B);
  }
  return X;
}

/* sparse B'B: about three entries per column of B */
static inline double *rand_dense_p_sparse(scs_int n, int kind) {
  return rand_dense_p(n, kind, fmin(1.0, 3.0 / (double)n));
}

/* r with entries log-uniform in [lo, hi] */
static inline scs_float *rand_diag_r(scs_int nk, double lo, double hi) {
  scs_float *r = malloc(sizeof(scs_float) * (size_t)(nk > 0 ? nk : 1));
  for (scs_int k = 0; k < nk; ++k)
    r[k] = (scs_float)(lo * pow(hi / lo, rnd()));
  return r;
}

#endif

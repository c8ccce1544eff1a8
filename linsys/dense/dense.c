/*
 * The dense backend ("dense"): dense Cholesky (LAPACK) of a reduced
 * positive definite system, for small problems and problems whose A is
 * mostly full.
 *
 * Eliminating one block of the quasi-definite system
 *
 *     [ P + R_x   A'   ] [x]   [r_x]        (R_x = diag(r_x) > 0,
 *     [ A        -R_y  ] [y] = [r_y]         R_y = diag(r_y) > 0)
 *
 * leaves a positive definite system (P is positive semidefinite):
 *
 *  - the n x n one (always available):
 *        S = P + R_x + A' R_y^{-1} A = P + R_x + B'B,  B = R_y^{-1/2} A,
 *        S x = r_x + A' R_y^{-1} r_y = r_x + B' R_y^{-1/2} r_y,
 *        y = R_y^{-1} (A x - r_y) = R_y^{-1/2} (B x - R_y^{-1/2} r_y);
 *  - the m x m one, when P is NULL or diagonal and m < n / 2, so that
 *    D = P + R_x is a positive diagonal:
 *        S = R_y + A D^{-1} A' = R_y + B B',  B = A D^{-1/2},
 *        S y = A D^{-1} r_x - r_y = B D^{-1/2} r_x - r_y,
 *        x = D^{-1} (r_x - A' y) = D^{-1/2} (D^{-1/2} r_x - B' y).
 *
 * B is a dense column-major m x n copy rebuilt from the (sparse) A, which
 * the interface keeps valid, whenever r changes; S is formed with one
 * level-3 BLAS call (dsyrk, upper triangle) and factored in place
 * (dpotrf, S = U'U). A solve is two matrix-vector products with B (dgemv)
 * and two triangular solves (dpotrs): O(mn + k^2) for k = n or m. When A
 * has fewer than DENSE_SPARSE_MV_DENSITY m n entries, the products use the
 * sparse A instead (with R_y^{-1} or D^{-1}): O(nnz(A) + k^2).
 *
 * Everything after the interface is double, whatever scs_float is. All
 * memory is allocated in init; a solve allocates nothing.
 */
#include <lapacke.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "common.h"
#include "error.h"
#include "glob.h"
#include "linsys.h"

/* BLAS: the CBLAS header when there is one (OpenBLAS installs it), else
 * the Fortran entry points (gfortran convention: the lengths of character
 * arguments are passed last, by value). DENSE_NO_CBLAS forces the latter. */
#if !defined(DENSE_NO_CBLAS) && defined(__has_include)
#if __has_include(<cblas.h>)
#include <cblas.h>
#define DENSE_HAVE_CBLAS 1
#endif
#endif

#ifndef DENSE_HAVE_CBLAS
void dsyrk_(const char *uplo, const char *trans, const int *n, const int *k,
            const double *alpha, const double *a, const int *lda,
            const double *beta, double *c, const int *ldc, size_t uplo_len,
            size_t trans_len);
void dgemv_(const char *trans, const int *m, const int *n,
            const double *alpha, const double *a, const int *lda,
            const double *x, const int *incx, const double *beta, double *y,
            const int *incy, size_t trans_len);
#endif

/* Largest m n (B) and k^2 (S) accepted: 2^28 doubles, 2 GiB each. Every
 * dimension passed to BLAS or LAPACK is then at most 2^28, which fits
 * their (32-bit) integers. */
#define DENSE_MAX_ENTRIES ((uint64_t)1 << 28)

/* Below this fraction of nonzeros in A, the solve's two products go
 * through the sparse A. Measured (OpenBLAS dgemv against the CSC loops,
 * one thread, m x n = 100 x 50 to 2000 x 1000): the CSC pair costs 0.5x
 * the dgemv pair at density 0.1 and breaks even at 0.2 to 0.3. */
#define DENSE_SPARSE_MV_DENSITY 0.2

typedef struct {
  scs_int n, m;
  int reduce_m;     /* 1: the m x m system, 0: the n x n one */
  int k;            /* order of S: m or n */
  int sparse_mv;    /* 1: the solve multiplies by the sparse A, not B */
  const ScsMatrix *A, *P; /* the caller's, valid until free */
  double *B;        /* m x n, column-major: R_y^{-1/2} A or A D^{-1/2} */
  double *S;        /* k x k, column-major: upper triangle of S, then U */
  double *scale;    /* R_y^{-1/2} (length m) or D^{-1/2} (length n) */
  double *pdiag;    /* m x m system: diagonal of P (length n), or NULL */
  double *wx, *wy;  /* solve workspaces, lengths n and m */
  int factored;     /* 0 after a failed refactorization */
} DenseWork;

/* ---- BLAS --------------------------------------------------------------- */

/* Upper triangle of C (order x order) = A'A with A inner x order (trans),
 * or A A' with A order x inner; lda is A's leading dimension; order,
 * inner >= 1. */
static void dense_syrk(int trans, int order, int inner, const double *A,
                       int lda, double *C) {
#ifdef DENSE_HAVE_CBLAS
  cblas_dsyrk(CblasColMajor, CblasUpper, trans ? CblasTrans : CblasNoTrans,
              order, inner, 1.0, A, lda, 0.0, C, order);
#else
  const double one = 1, zero = 0;
  dsyrk_("U", trans ? "T" : "N", &order, &inner, &one, A, &lda, &zero, C,
         &order, 1, 1);
#endif
}

/* y = alpha op(A) x + beta y, A rows x cols (both >= 1), column-major. */
static void dense_gemv(int trans, int rows, int cols, double alpha,
                       const double *A, const double *x, double beta,
                       double *y) {
#ifdef DENSE_HAVE_CBLAS
  cblas_dgemv(CblasColMajor, trans ? CblasTrans : CblasNoTrans, rows, cols,
              alpha, A, rows, x, 1, beta, y, 1);
#else
  const int one = 1;
  dgemv_(trans ? "T" : "N", &rows, &cols, &alpha, A, &rows, x, &one, &beta, y,
         &one, 1);
#endif
}

/* 1 if every entry of P is on its diagonal. */
static int only_diagonal(const ScsMatrix *P) {
  for (scs_int j = 0; j < P->n; ++j)
    for (scs_int q = P->p[j]; q < P->p[j + 1]; ++q)
      if (P->i[q] != j) return 0;
  return 1;
}

/* m n and k^2 within DENSE_MAX_ENTRIES (no overflow: compared by
 * division). */
static scs_int check_size(uint64_t m, uint64_t n, int reduce_m) {
  uint64_t k = reduce_m ? m : n;
  const char *what = NULL;
  double entries = 0;
  if (n > 0 && m > DENSE_MAX_ENTRIES / n) {
    what = "m*n";
    entries = (double)m * (double)n;
  } else if (k > 0 && k > DENSE_MAX_ENTRIES / k) {
    what = reduce_m ? "m*m (the reduced matrix)" : "n*n (the reduced matrix)";
    entries = (double)k * (double)k;
  }
  if (!what) return 0;
  scs_set_error("dense: %s = %.0f entries (%.0f MB) is too large for the "
                "dense backend (at most %llu); use the direct or indirect "
                "backend",
                what, entries, entries * sizeof(double) / 1048576.0,
                (unsigned long long)DENSE_MAX_ENTRIES);
  return -1;
}

static void dense_free(void *work) {
  DenseWork *d = work;
  if (!d) return;
  scs_free(d->B);
  scs_free(d->S);
  scs_free(d->scale);
  scs_free(d->pdiag);
  scs_free(d->wx);
  scs_free(d->wy);
  scs_free(d);
}

/* ---- factorization --------------------------------------------------------- */

/* S (upper triangle) for diag_r, then its Cholesky factor. */
static scs_int refactor(DenseWork *d, const scs_float *r) {
  scs_int n = d->n, m = d->m, k = d->k;
  const ScsMatrix *A = d->A;
  d->factored = 0;
  if (d->reduce_m) {
    for (scs_int j = 0; j < n; ++j) {
      double dj = (d->pdiag ? d->pdiag[j] : 0) + (double)r[j];
      if (!(dj > 0)) {
        scs_set_error("dense: P[%lld,%lld] + r_x[%lld] = %g: the matrix is "
                      "not positive definite (is P positive semidefinite?)",
                      (long long)j, (long long)j, (long long)j, dj);
        return -1;
      }
      d->scale[j] = 1 / sqrt(dj);
    }
  } else {
    for (scs_int i = 0; i < m; ++i) d->scale[i] = 1 / sqrt((double)r[n + i]);
  }
  if (m > 0 && n > 0) {
    memset(d->B, 0, (size_t)m * (size_t)n * sizeof(double));
    for (scs_int j = 0; j < n; ++j) {
      double *col = d->B + (size_t)j * (size_t)m;
      for (scs_int q = A->p[j]; q < A->p[j + 1]; ++q) {
        scs_int i = A->i[q];
        col[i] += (double)A->x[q] * d->scale[d->reduce_m ? j : i];
      }
    }
    if (d->reduce_m)
      dense_syrk(0, (int)m, (int)n, d->B, (int)m, d->S);
    else
      dense_syrk(1, (int)n, (int)m, d->B, (int)m, d->S);
  } else if (k > 0) {
    memset(d->S, 0, (size_t)k * (size_t)k * sizeof(double));
  }
  double *S = d->S;
  if (d->reduce_m) {
    for (scs_int i = 0; i < m; ++i) S[i + (size_t)i * k] += (double)r[n + i];
  } else {
    const ScsMatrix *P = d->P;
    if (P)
      for (scs_int j = 0; j < n; ++j)
        for (scs_int q = P->p[j]; q < P->p[j + 1]; ++q)
          S[P->i[q] + (size_t)j * k] += (double)P->x[q];
    for (scs_int j = 0; j < n; ++j) S[j + (size_t)j * k] += (double)r[j];
  }
  /* an overflow anywhere in B shows on the diagonal of S (sums of squares
   * of the columns or rows of B) */
  for (scs_int j = 0; j < k; ++j) {
    if (!isfinite(S[j + (size_t)j * k])) {
      scs_set_error("dense: the reduced matrix has a non-finite diagonal "
                    "entry at column %lld (data too large or diag_r too "
                    "small)",
                    (long long)j);
      return -1;
    }
  }
  if (k == 0) {
    d->factored = 1;
    return 0;
  }
  lapack_int info = LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, 'U', k, S, k);
  if (info > 0) {
    scs_set_error("dense: Cholesky failed at column %lld (%s variable %lld): "
                  "the reduced matrix is not positive definite (is P "
                  "positive semidefinite?)",
                  (long long)(info - 1), d->reduce_m ? "y" : "x",
                  (long long)(info - 1));
    return -1;
  }
  if (info < 0) {
    scs_set_error("dense: dpotrf rejected argument %d", (int)-info);
    return -1;
  }
  d->factored = 1;
  return 0;
}

/* the m x m system when it is smaller and D = P + R_x is diagonal */
int scs_dense_reduces_to_m(scs_int m, scs_int n, int p_diagonal) {
  return p_diagonal && (uint64_t)m * 2 < (uint64_t)n;
}

static void *dense_init(const ScsMatrix *A, const ScsMatrix *P,
                        const scs_float *diag_r, void *user_data) {
  (void)user_data;
  if (scs_linsys_check_data("dense", A, P)) return NULL;
  scs_int n = A->n, m = A->m;
  int p_diagonal = !P || only_diagonal(P);
  int reduce_m = scs_dense_reduces_to_m(m, n, p_diagonal);
  uint64_t k = reduce_m ? (uint64_t)m : (uint64_t)n;
  /* sizes before diag_r is read: a refused problem's diag_r is never
   * touched. Past this check n + m cannot overflow: either one of them is
   * 0 or both are at most 2^28. */
  if (check_size((uint64_t)m, (uint64_t)n, reduce_m)) return NULL;
  if (scs_linsys_check_diag_r("dense", diag_r, n, m)) return NULL;
  DenseWork *d = scs_calloc_array(1, sizeof(*d));
  if (!d) {
    scs_set_error("dense: out of memory (workspace)");
    return NULL;
  }
  d->n = n;
  d->m = m;
  d->k = (int)k;
  d->reduce_m = reduce_m;
  d->A = A;
  d->P = P;
  uint64_t mn = (uint64_t)m * (uint64_t)n;
  d->sparse_mv = (double)A->p[n] < DENSE_SPARSE_MV_DENSITY * (double)mn;
  d->B = scs_malloc_array((size_t)mn, sizeof(double));
  d->S = scs_malloc_array((size_t)(k * k), sizeof(double));
  d->scale = scs_malloc_array((size_t)(reduce_m ? (uint64_t)n : (uint64_t)m), sizeof(double));
  d->wx = scs_malloc_array((size_t)n, sizeof(double));
  d->wy = scs_malloc_array((size_t)m, sizeof(double));
  if (reduce_m && P) {
    d->pdiag = scs_malloc_array((size_t)n, sizeof(double));
    if (d->pdiag) {
      for (scs_int j = 0; j < n; ++j) d->pdiag[j] = 0;
      for (scs_int j = 0; j < n; ++j)
        for (scs_int q = P->p[j]; q < P->p[j + 1]; ++q)
          d->pdiag[j] += (double)P->x[q];
    }
  }
  if (!d->B || !d->S || !d->scale || !d->wx || !d->wy ||
      (reduce_m && P && !d->pdiag)) {
    scs_set_error("dense: out of memory (%.0f MB for m = %lld, n = %lld)",
                  ((double)mn + (double)k * (double)k +
                   2.0 * ((double)n + (double)m)) *
                      sizeof(double) / 1048576.0,
                  (long long)m, (long long)n);
    dense_free(d);
    return NULL;
  }
  if (refactor(d, diag_r)) {
    dense_free(d);
    return NULL;
  }
  return d;
}

/* ---- solve and update -------------------------------------------------------- */

/* y += A x with the sparse A */
static void csc_mul(const ScsMatrix *A, const double *x, double *y) {
  for (scs_int j = 0; j < A->n; ++j) {
    double xj = x[j];
    if (xj == 0) continue;
    for (scs_int q = A->p[j]; q < A->p[j + 1]; ++q)
      y[A->i[q]] += (double)A->x[q] * xj;
  }
}

/* y -= A' x (sign) or y += A' x with the sparse A */
static void csc_mul_t(const ScsMatrix *A, const double *x, double sign,
                      double *y) {
  for (scs_int j = 0; j < A->n; ++j) {
    double t = 0;
    for (scs_int q = A->p[j]; q < A->p[j + 1]; ++q)
      t += (double)A->x[q] * x[A->i[q]];
    y[j] += sign * t;
  }
}

/* The solve with the sparse A: the formulas of the header with B replaced
 * by A and the scalings squared (sc^2 = R_y^{-1} or D^{-1}). rhs is read
 * twice, so it is written last. */
static void solve_sparse(const DenseWork *d, scs_float *rhs) {
  scs_int n = d->n, m = d->m;
  double *wx = d->wx, *wy = d->wy;
  const double *sc = d->scale;
  if (d->reduce_m) {
    /* wx = D^{-1} r_x, S y = A wx - r_y, x = D^{-1} (r_x - A' y) */
    for (scs_int j = 0; j < n; ++j) wx[j] = sc[j] * sc[j] * (double)rhs[j];
    for (scs_int i = 0; i < m; ++i) wy[i] = -(double)rhs[n + i];
    csc_mul(d->A, wx, wy);
    if (m > 0)
      LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', d->k, 1, d->S, d->k, wy,
                          d->k);
    for (scs_int j = 0; j < n; ++j) wx[j] = (double)rhs[j];
    csc_mul_t(d->A, wy, -1.0, wx);
    for (scs_int j = 0; j < n; ++j)
      rhs[j] = (scs_float)(sc[j] * sc[j] * wx[j]);
    for (scs_int i = 0; i < m; ++i) rhs[n + i] = (scs_float)wy[i];
  } else {
    /* S x = r_x + A' R_y^{-1} r_y, y = R_y^{-1} (A x - r_y) */
    for (scs_int i = 0; i < m; ++i)
      wy[i] = sc[i] * sc[i] * (double)rhs[n + i];
    for (scs_int j = 0; j < n; ++j) wx[j] = (double)rhs[j];
    csc_mul_t(d->A, wy, 1.0, wx);
    if (n > 0)
      LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', d->k, 1, d->S, d->k, wx,
                          d->k);
    for (scs_int i = 0; i < m; ++i) wy[i] = -(double)rhs[n + i];
    csc_mul(d->A, wx, wy);
    for (scs_int j = 0; j < n; ++j) rhs[j] = (scs_float)wx[j];
    for (scs_int i = 0; i < m; ++i)
      rhs[n + i] = (scs_float)(sc[i] * sc[i] * wy[i]);
  }
}

static scs_int dense_solve(void *work, scs_float *rhs, const scs_float *warm,
                           scs_float tol) {
  DenseWork *d = work;
  (void)warm;
  (void)tol;
  if (!d || !rhs) {
    scs_set_error("dense: solve called with a NULL workspace or rhs");
    return -1;
  }
  if (!d->factored) {
    scs_set_error("dense: no valid factorization (the last update_diag_r "
                  "failed)");
    return -1;
  }
  if (d->sparse_mv) {
    solve_sparse(d, rhs);
    return 0;
  }
  scs_int n = d->n, m = d->m;
  double *wx = d->wx, *wy = d->wy, *sc = d->scale;
  int both = n > 0 && m > 0;
  if (d->reduce_m) {
    /* wx = D^{-1/2} r_x, wy = B wx - r_y, S wy = ..., then
     * x = D^{-1/2} (wx - B' y) */
    for (scs_int j = 0; j < n; ++j) wx[j] = sc[j] * (double)rhs[j];
    for (scs_int i = 0; i < m; ++i) wy[i] = -(double)rhs[n + i];
    if (both) {
      dense_gemv(0, (int)m, (int)n, 1.0, d->B, wx, 1.0, wy);
      LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', d->k, 1, d->S, d->k, wy,
                          d->k);
      dense_gemv(1, (int)m, (int)n, -1.0, d->B, wy, 1.0, wx);
    } else if (m > 0) {
      LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', d->k, 1, d->S, d->k, wy,
                          d->k);
    }
    for (scs_int j = 0; j < n; ++j) rhs[j] = (scs_float)(sc[j] * wx[j]);
    for (scs_int i = 0; i < m; ++i) rhs[n + i] = (scs_float)wy[i];
  } else {
    /* wy = R_y^{-1/2} r_y, wx = r_x + B' wy, S x = wx, then
     * y = R_y^{-1/2} (B x - wy) */
    for (scs_int j = 0; j < n; ++j) wx[j] = (double)rhs[j];
    for (scs_int i = 0; i < m; ++i) wy[i] = sc[i] * (double)rhs[n + i];
    if (both) dense_gemv(1, (int)m, (int)n, 1.0, d->B, wy, 1.0, wx);
    if (n > 0)
      LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, 'U', d->k, 1, d->S, d->k, wx,
                          d->k);
    if (both) dense_gemv(0, (int)m, (int)n, 1.0, d->B, wx, -1.0, wy);
    else
      for (scs_int i = 0; i < m; ++i) wy[i] = -wy[i];
    for (scs_int j = 0; j < n; ++j) rhs[j] = (scs_float)wx[j];
    for (scs_int i = 0; i < m; ++i) rhs[n + i] = (scs_float)(sc[i] * wy[i]);
  }
  return 0;
}

static scs_int dense_update_diag_r(void *work, const scs_float *diag_r) {
  DenseWork *d = work;
  if (!d) {
    scs_set_error("dense: update_diag_r called with a NULL workspace");
    return -1;
  }
  /* invalid r is refused before anything changes: the current
   * factorization (of the previous r) stays untouched and usable */
  if (scs_linsys_check_diag_r("dense", diag_r, d->n, d->m)) return -1;
  return refactor(d, diag_r);
}

SCS_EXPORT const ScsLinSysBackend scs_linsys_dense = {
    .abi_version = SCS_LINSYS_ABI_VERSION,
    .name = "dense",
    .flags = 0,
    .user_data = NULL,
    .init = dense_init,
    .solve = dense_solve,
    .update_diag_r = dense_update_diag_r,
    .free = dense_free};

/*
 * Tests of the dense backend (linsys/dense/): random quasi-definite systems
 * solved by it and by the sparse direct backend (both factor in double),
 * checked against each other and by their residual; diag_r updates; the
 * n x n and the m x m reductions (the latter when P is NULL or diagonal
 * and m < n / 2); degenerate shapes; failures (indefinite P, refused
 * sizes, bad diag_r); and whole solves through the public API.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linsys.h"
#include "kkt_random.h"
#include "problems.h"
#include "scs.h"

#define IS_FLOAT (sizeof(scs_float) == sizeof(float))
/* both backends solve in double and round once to scs_float: the two
 * answers agree to double accuracy (times the conditioning, small here) or
 * to a few float ulps */
#define AGREE_TOL (IS_FLOAT ? 8 * (double)FLT_EPSILON : 1e-10)
/* normwise backward error of a solve: double, or one rounding to float */
#define RESID_TOL (IS_FLOAT ? 4 * (double)FLT_EPSILON : 1e-12)

/* ---- helpers -------------------------------------------------------------- */

/* ||M z - b||_inf / (||M||_inf ||z||_inf + ||b||_inf), M built from the
 * dense A, P and r */
static double backward_error(const double *A, const double *P,
                             const scs_float *r, scs_int n, scs_int m,
                             const scs_float *z, const scs_float *b) {
  scs_int nk = n + m;
  double res = 0, mnorm = 0, znorm = 0, bnorm = 0;
  for (scs_int i = 0; i < nk; ++i) {
    double s = 0, row = 0;
    for (scs_int j = 0; j < nk; ++j) {
      double v;
      if (i < n && j < n) v = (P ? P[i + j * n] : 0) + (i == j ? r[i] : 0);
      else if (i >= n && j < n) v = A[(i - n) + j * m];
      else if (i < n && j >= n) v = A[(j - n) + i * m];
      else v = i == j ? -(double)r[i] : 0;
      s += v * z[j];
      row += fabs(v);
    }
    res = fmax(res, fabs(s - b[i]));
    mnorm = fmax(mnorm, row);
    znorm = fmax(znorm, fabs(z[i]));
    bnorm = fmax(bnorm, fabs(b[i]));
  }
  cr_assert(isfinite(res) && isfinite(znorm), "non-finite solution");
  double scale = mnorm * znorm + bnorm;
  return scale > 0 ? res / scale : res;
}

/* max |a - b| / max |b| */
static double rel_diff(const scs_float *a, const scs_float *b, scs_int len) {
  double d = 0, nb = 0;
  for (scs_int k = 0; k < len; ++k) {
    d = fmax(d, fabs((double)a[k] - b[k]));
    nb = fmax(nb, fabs(b[k]));
  }
  return nb > 0 ? d / nb : d;
}

/* solve b with dense (into zd) and direct (into zs, if ws) */
static void solve_both(void *wd, void *ws, const scs_float *b, scs_float *zd,
                       scs_float *zs, scs_int nk) {
  memcpy(zd, b, sizeof(scs_float) * (size_t)nk);
  cr_assert_eq(scs_linsys_dense.solve(wd, zd, NULL, 0), 0, "dense solve: %s",
               scs_last_error());
  if (ws) {
    memcpy(zs, b, sizeof(scs_float) * (size_t)nk);
    cr_assert_eq(scs_linsys_direct.solve(ws, zs, NULL, 0), 0,
                 "direct solve: %s", scs_last_error());
  }
}

/* One random system: dense and direct agree and the residual is small;
 * after update_diag_r likewise, and the updated state solves exactly like
 * a fresh init with the new r. */
static void run_random(scs_int n, scs_int m, double density, int pkind,
                       unsigned long long seed) {
  rng_seed(seed);
  scs_int nk = n + m, len = nk > 0 ? nk : 1;
  double *Ad = rand_dense_a(m, n, density);
  double *Pd = rand_dense_p(n, pkind, 0.5);
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  ScsMatrix *P = Pd ? dense_to_csc(Pd, n, n, 1) : NULL;
  scs_float *r = rand_diag_r(nk, 1e-2, 1.0);
  scs_float *b = malloc(sizeof(scs_float) * (size_t)len);
  scs_float *zd = malloc(sizeof(scs_float) * (size_t)len);
  scs_float *zs = malloc(sizeof(scs_float) * (size_t)len);
  void *wd = scs_linsys_dense.init(A, P, r, NULL);
  cr_assert_not_null(wd, "dense init n=%d m=%d: %s", (int)n, (int)m,
                     scs_last_error());
  void *ws = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(ws, "direct init: %s", scs_last_error());
  for (int rep = 0; rep < 2; ++rep) {
    for (scs_int k = 0; k < nk; ++k) b[k] = (scs_float)rnd_sym();
    solve_both(wd, ws, b, zd, zs, nk);
    double diff = rel_diff(zd, zs, nk);
    cr_assert_leq(diff, AGREE_TOL, "n=%d m=%d P%d: dense vs direct %g",
                  (int)n, (int)m, pkind, diff);
    double berr = backward_error(Ad, Pd, r, n, m, zd, b);
    cr_assert_leq(berr, RESID_TOL, "n=%d m=%d P%d: backward error %g", (int)n,
                  (int)m, pkind, berr);
  }
  /* a new r over a wider range, as the adaptive scale produces */
  scs_float *r2 = rand_diag_r(nk, 1e-3, 1e2);
  cr_assert_eq(scs_linsys_dense.update_diag_r(wd, r2), 0, "update: %s",
               scs_last_error());
  cr_assert_eq(scs_linsys_direct.update_diag_r(ws, r2), 0, "%s",
               scs_last_error());
  void *fresh = scs_linsys_dense.init(A, P, r2, NULL);
  cr_assert_not_null(fresh, "%s", scs_last_error());
  for (scs_int k = 0; k < nk; ++k) b[k] = (scs_float)rnd_sym();
  solve_both(wd, ws, b, zd, zs, nk);
  double diff = rel_diff(zd, zs, nk);
  cr_assert_leq(diff, 100 * AGREE_TOL, "after update n=%d m=%d P%d: %g",
                (int)n, (int)m, pkind, diff);
  double berr = backward_error(Ad, Pd, r2, n, m, zd, b);
  cr_assert_leq(berr, RESID_TOL, "after update n=%d m=%d: backward error %g",
                (int)n, (int)m, berr);
  /* the updated state is the state a fresh init builds */
  solve_both(fresh, NULL, b, zs, NULL, nk);
  diff = rel_diff(zd, zs, nk);
  cr_assert_leq(diff, IS_FLOAT ? (double)FLT_EPSILON : 1e-14,
                "updated vs fresh n=%d m=%d: %g", (int)n, (int)m, diff);
  scs_linsys_dense.free(fresh);
  scs_linsys_dense.free(wd);
  scs_linsys_direct.free(ws);
  free(r);
  free(r2);
  free(b);
  free(zd);
  free(zs);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
}

/* ---- random systems --------------------------------------------------------- */

Test(dense, name_and_flags) {
  cr_assert_str_eq(scs_linsys_dense.name, "dense");
  cr_assert_eq(scs_linsys_dense.flags, 0u);
  cr_assert_eq(scs_linsys_dense.abi_version, SCS_LINSYS_ABI_VERSION);
  cr_assert_eq(scs_linsys_backend("dense"), &scs_linsys_dense);
}

Test(dense, random_small_sizes) {
  unsigned long long seed = 1;
  for (scs_int n = 1; n <= 6; ++n)
    for (scs_int m = 0; m <= 6; ++m)
      for (int pk = 0; pk < 3; ++pk) run_random(n, m, 0.6, pk, seed++);
}

Test(dense, random_m_greater_than_n) {
  /* the n x n reduction */
  run_random(20, 60, 1.0, 2, 101);
  run_random(30, 90, 0.3, 0, 102);
  run_random(40, 45, 0.5, 1, 103);
  run_random(1, 120, 0.8, 2, 104);
}

Test(dense, random_m_less_than_n) {
  /* P NULL or diagonal and m < n / 2: the m x m reduction */
  run_random(60, 10, 0.7, 0, 201);
  run_random(80, 25, 1.0, 1, 202);
  run_random(50, 1, 0.5, 1, 203);
  /* a full P keeps the n x n reduction */
  run_random(60, 10, 0.7, 2, 204);
  /* m just below and at n / 2 */
  run_random(41, 20, 0.5, 0, 205);
  run_random(40, 20, 0.5, 0, 206);
}

Test(dense, sparse_a) {
  /* below 20% nonzeros the solve multiplies by the sparse A (both
   * reductions); the factorization is the same */
  unsigned long long seed = 250;
  for (int pk = 0; pk < 3; ++pk) {
    run_random(40, 100, 0.05, pk, seed++);
    run_random(60, 60, 0.15, pk, seed++);
    run_random(100, 20, 0.1, pk, seed++); /* m x m unless P is full */
  }
}

Test(dense, zero_dimensions) {
  run_random(5, 0, 0.0, 2, 301); /* m = 0, full P: S = P + R_x */
  run_random(7, 0, 0.0, 1, 302); /* m = 0, diagonal P: x = D^{-1} r_x */
  run_random(4, 0, 0.0, 0, 303);
  /* n = 0: y = -R_y^{-1} r_y */
  ScsMatrix *A = csc_new(3, 0, 0);
  scs_float r[3] = {0.5, 2, 4};
  void *w = scs_linsys_dense.init(A, NULL, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float z[3] = {1, 1, 2};
  cr_assert_eq(scs_linsys_dense.solve(w, z, NULL, 0), 0);
  cr_assert_float_eq(z[0], -2.0, 1e-6);
  cr_assert_float_eq(z[1], -0.5, 1e-6);
  cr_assert_float_eq(z[2], -0.5, 1e-6);
  scs_float r2[3] = {1, 1, 1};
  cr_assert_eq(scs_linsys_dense.update_diag_r(w, r2), 0);
  cr_assert_eq(scs_linsys_dense.solve(w, z, NULL, 0), 0);
  cr_assert_float_eq(z[0], 2.0, 1e-6);
  scs_linsys_dense.free(w);
  csc_del(A);
  /* n = m = 0 */
  A = csc_new(0, 0, 0);
  w = scs_linsys_dense.init(A, NULL, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  cr_assert_eq(scs_linsys_dense.solve(w, z, NULL, 0), 0);
  scs_linsys_dense.free(w);
  csc_del(A);
}

Test(dense, empty_columns_and_rows) {
  run_random(10, 10, 0.0, 0, 401); /* A = 0: M is diagonal */
  run_random(10, 10, 0.0, 2, 402);
  run_random(30, 5, 0.0, 1, 403); /* A = 0 with the m x m reduction */
  /* column 1 and row 1 of A empty, in both reductions */
  double Ad[12] = {1, 0, 2, /* col 0 */ 0, 0, 0, /* col 1 empty */
                   3, 0, 0, /* col 2 */ 0, 0, 4 /* col 3 */};
  ScsMatrix *A = dense_to_csc(Ad, 3, 4, 0);
  scs_float r[7] = {0.5, 1, 2, 0.1, 1, 3, 0.2};
  void *w = scs_linsys_dense.init(A, NULL, r, NULL);
  void *ws = scs_linsys_direct.init(A, NULL, r, NULL);
  cr_assert(w && ws, "%s", scs_last_error());
  scs_float b[7] = {1, 3, 1, 1, 1, 2, 1}, z[7], zs[7];
  solve_both(w, ws, b, z, zs, 7);
  cr_assert_leq(rel_diff(z, zs, 7), AGREE_TOL);
  cr_assert_float_eq(z[1], 3.0, 1e-6);        /* x1 = b1 / r1 */
  cr_assert_float_eq(z[5], -2.0 / 3.0, 1e-6); /* y1 = -b5 / r5 */
  scs_linsys_dense.free(w);
  scs_linsys_direct.free(ws);
  csc_del(A);
  /* A 1 x 5 with empty columns, P diagonal: the m x m reduction */
  double A2[5] = {0, 2, 0, -1, 0}, P2[25] = {0};
  P2[0] = 1;
  P2[12] = 3;
  A = dense_to_csc(A2, 1, 5, 0);
  ScsMatrix *P = dense_to_csc(P2, 5, 5, 1);
  scs_float r2[6] = {0.5, 1, 2, 0.1, 1, 0.25};
  w = scs_linsys_dense.init(A, P, r2, NULL);
  ws = scs_linsys_direct.init(A, P, r2, NULL);
  cr_assert(w && ws, "%s", scs_last_error());
  scs_float b2[6] = {1, -2, 3, 0.5, 1, 2}, z2[6], zs2[6];
  solve_both(w, ws, b2, z2, zs2, 6);
  cr_assert_leq(rel_diff(z2, zs2, 6), AGREE_TOL);
  cr_assert_leq(backward_error(A2, P2, r2, 5, 1, z2, b2), RESID_TOL);
  scs_linsys_dense.free(w);
  scs_linsys_direct.free(ws);
  csc_del(A);
  csc_del(P);
}

/* the regime SCS runs in: r_x = 1e-6, r_y in [0.1, 10], some rows / 1000 */
Test(dense, scs_like_regularization) {
  static const scs_int sizes[][2] = {{40, 80}, {60, 20}, {50, 50}};
  for (size_t t = 0; t < 6; ++t)
    for (int pk = 0; pk < 3; ++pk) {
      rng_seed(500 + 3 * t + (unsigned)pk);
      scs_int n = sizes[t % 3][0], m = sizes[t % 3][1], nk = n + m;
      /* dense and sparse products */
      double density = t < 3 ? 0.5 : 0.1;
      double *Ad = rand_dense_a(m, n, density), *Pd = rand_dense_p(n, pk, 0.5);
      ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
      ScsMatrix *P = Pd ? dense_to_csc(Pd, n, n, 1) : NULL;
      scs_float *r = malloc(sizeof(scs_float) * (size_t)nk);
      for (scs_int k = 0; k < nk; ++k) {
        double v = k < n ? 1e-6 : 0.1 * pow(100.0, rnd());
        if (k >= n && rnd() < 0.1) v /= 1000;
        r[k] = (scs_float)v;
      }
      void *w = scs_linsys_dense.init(A, P, r, NULL);
      void *ws = scs_linsys_direct.init(A, P, r, NULL);
      cr_assert(w && ws, "%s", scs_last_error());
      scs_float *b = malloc(sizeof(scs_float) * (size_t)nk);
      scs_float *z = malloc(sizeof(scs_float) * (size_t)nk);
      scs_float *zs = malloc(sizeof(scs_float) * (size_t)nk);
      for (scs_int k = 0; k < nk; ++k) b[k] = (scs_float)rnd_sym();
      solve_both(w, ws, b, z, zs, nk);
      /* the reduced matrix has condition up to ~||A||^2 / (r_y r_x), about
       * 1e11 here; both solves are backward stable in double */
      double berr = backward_error(Ad, Pd, r, n, m, z, b);
      cr_assert_leq(berr, IS_FLOAT ? RESID_TOL : 1e-10,
                    "n=%d m=%d P%d: backward error %g", (int)n, (int)m, pk,
                    berr);
      double diff = rel_diff(z, zs, nk);
      cr_assert_leq(diff, IS_FLOAT ? 1e-5 : 1e-6, "n=%d m=%d P%d: %g",
                    (int)n, (int)m, pk, diff);
      scs_linsys_dense.free(w);
      scs_linsys_direct.free(ws);
      free(r);
      free(b);
      free(z);
      free(zs);
      free(Ad);
      free(Pd);
      csc_del(A);
      csc_del(P);
    }
}

/* ---- failures --------------------------------------------------------------- */

Test(dense, indefinite_p_fails) {
  /* n x n reduction: P = [1 2; 2 1] (eigenvalues 3, -1), A = 0 (1 x 2) */
  double Pd[4] = {1, 2, 2, 1};
  ScsMatrix *P = dense_to_csc(Pd, 2, 2, 1), *A = csc_new(1, 2, 0);
  scs_float r[3] = {0.01f, 0.01f, 1};
  cr_assert_null(scs_linsys_dense.init(A, P, r, NULL));
  const char *msg = scs_last_error();
  cr_assert_not_null(strstr(msg, "not positive definite"), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "Cholesky failed at column 1"), "got '%s'",
                     msg);
  csc_del(P);
  csc_del(A);
  /* m x m reduction: a negative diagonal entry of P */
  double P2[16] = {0};
  P2[0] = 1;
  P2[5] = -5;
  P = dense_to_csc(P2, 4, 4, 1);
  A = csc_new(1, 4, 0);
  scs_float r2[5] = {1, 1, 1, 1, 1};
  cr_assert_null(scs_linsys_dense.init(A, P, r2, NULL));
  msg = scs_last_error();
  cr_assert_not_null(strstr(msg, "not positive definite"), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "P[1,1]"), "got '%s'", msg);
  csc_del(P);
  csc_del(A);
}

Test(dense, failed_update_then_recover) {
  /* P = -1, A = 1 (n = m = 1): S = -1 + r_x + 1 / r_y */
  double Pd[1] = {-1}, Ad[1] = {1};
  ScsMatrix *P = dense_to_csc(Pd, 1, 1, 1), *A = dense_to_csc(Ad, 1, 1, 0);
  scs_float r[2] = {10, 1};
  void *w = scs_linsys_dense.init(A, P, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float r2[2] = {0.5, 100};
  cr_assert_neq(scs_linsys_dense.update_diag_r(w, r2), 0);
  cr_assert_not_null(strstr(scs_last_error(), "not positive definite"),
                     "got '%s'", scs_last_error());
  scs_float z[2] = {1, 1};
  cr_assert_lt(scs_linsys_dense.solve(w, z, NULL, 0), 0);
  cr_assert_not_null(strstr(scs_last_error(), "no valid factorization"));
  cr_assert_eq(scs_linsys_dense.update_diag_r(w, r), 0, "%s",
               scs_last_error());
  /* M = [9 1; 1 -1]: M [1; 2] = [11; -1] */
  z[0] = 11;
  z[1] = -1;
  cr_assert_eq(scs_linsys_dense.solve(w, z, NULL, 0), 0);
  cr_assert_float_eq(z[0], 1.0, 1e-6);
  cr_assert_float_eq(z[1], 2.0, 1e-6);
  scs_linsys_dense.free(w);
  csc_del(A);
  csc_del(P);
}

/* A header with every column empty: no m n storage behind it */
static void expect_too_large(scs_int m, scs_int n, const char *what) {
  ScsMatrix *A = csc_new(m, n, 0);
  /* sizes are checked before diag_r is read */
  scs_float r[1] = {1};
  cr_assert_null(scs_linsys_dense.init(A, NULL, r, NULL));
  const char *msg = scs_last_error();
  cr_assert_not_null(strstr(msg, "too large for the dense backend"),
                     "m=%lld n=%lld: got '%s'", (long long)m, (long long)n,
                     msg);
  cr_assert_not_null(strstr(msg, what), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "MB"), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "direct or indirect"), "got '%s'", msg);
  csc_del(A);
}

Test(dense, too_large_is_refused) {
  expect_too_large(300000, 1000, "m*n");   /* 3e8 entries */
  expect_too_large(9000, 17000, "n*n");    /* m n = 1.5e8 fine, n^2 not */
  /* m n overflows 32 bits (and 64 bits in spirit: checked by division) */
  scs_int big = (scs_int)(sizeof(scs_int) == 8 ? INT64_MAX / 2 : INT32_MAX / 2);
  expect_too_large(big, 1 << 16, "m*n");
  /* m = 0 and a P that is not diagonal: the n x n reduction, n^2 too
   * large. P has two entries, (0, 0) and (0, n - 1). */
  scs_int n = 20000;
  ScsMatrix *A = csc_new(0, n, 0);
  ScsMatrix *P = csc_new(n, n, 2);
  for (scs_int j = 1; j < n; ++j) P->p[j] = 1;
  P->p[n] = 2;
  P->x[0] = 1;
  P->x[1] = 0.5;
  scs_float r[1] = {1};
  cr_assert_null(scs_linsys_dense.init(A, P, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "n*n"), "got '%s'",
                     scs_last_error());
  csc_del(A);
  csc_del(P);
}

static ScsMatrix *small_a(void) {
  double Ad[6] = {1, 0, 2, 1, 0, 3}; /* 2 x 3 */
  return dense_to_csc(Ad, 2, 3, 0);
}

Test(dense, bad_diag_r_rejected) {
  ScsMatrix *A = small_a();
  scs_float r[5] = {1, 1, 1, 1, 1};
  cr_assert_null(scs_linsys_dense.init(A, NULL, NULL, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r is NULL"));
  r[3] = (scs_float)NAN;
  cr_assert_null(scs_linsys_dense.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[3]"), "got '%s'",
                     scs_last_error());
  r[3] = 0;
  cr_assert_null(scs_linsys_dense.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[3]"));
  r[3] = -1;
  r[0] = (scs_float)INFINITY;
  cr_assert_null(scs_linsys_dense.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[0]"));
  csc_del(A);
}

Test(dense, bad_update_keeps_the_old_factor) {
  ScsMatrix *A = small_a();
  scs_float r[5] = {1, 2, 3, 4, 5};
  void *w = scs_linsys_dense.init(A, NULL, r, NULL);
  void *ws = scs_linsys_direct.init(A, NULL, r, NULL);
  cr_assert(w && ws);
  scs_float bad[5] = {1, 2, (scs_float)NAN, 4, 5};
  cr_assert_neq(scs_linsys_dense.update_diag_r(w, bad), 0);
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[2]"));
  cr_assert_neq(scs_linsys_dense.update_diag_r(w, NULL), 0);
  cr_assert_not_null(strstr(scs_last_error(), "diag_r is NULL"));
  scs_float b[5] = {1, -1, 2, 0.5, 3}, z[5], zs[5];
  solve_both(w, ws, b, z, zs, 5);
  cr_assert_leq(rel_diff(z, zs, 5), AGREE_TOL);
  scs_linsys_dense.free(w);
  scs_linsys_direct.free(ws);
  csc_del(A);
}

Test(dense, malformed_input_fails) {
  scs_float r[5] = {1, 1, 1, 1, 1};
  ScsMatrix *A = small_a();
  double Pd[9] = {1, 0.5, 0, 0.5, 1, 0, 0, 0, 1};
  ScsMatrix *P = dense_to_csc(Pd, 3, 3, 0); /* full, not upper */
  cr_assert_null(scs_linsys_dense.init(A, P, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "below the diagonal"),
                     "got '%s'", scs_last_error());
  A->i[0] = 7;
  cr_assert_null(scs_linsys_dense.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "out of range"));
  cr_assert_null(scs_linsys_dense.init(NULL, NULL, r, NULL));
  csc_del(A);
  csc_del(P);
}

Test(dense, null_arguments) {
  cr_assert_lt(scs_linsys_dense.solve(NULL, NULL, NULL, 0), 0);
  cr_assert_neq(scs_linsys_dense.update_diag_r(NULL, NULL), 0);
  scs_linsys_dense.free(NULL);
}

/* ---- many states in parallel -------------------------------------------------- */

/* Each job: init, three solves with an update between; the answers of
 * parallel jobs are bitwise those of the same jobs run one by one (no
 * shared mutable state; OpenBLAS runs single-threaded under ctest). */
typedef struct {
  scs_int n, m;
  int pkind;
  unsigned long long seed;
  scs_float z[3][120];
  int ok; /* every call succeeded */
} ParJob;

static void *par_job(void *arg) {
  ParJob *j = arg;
  unsigned long long st = j->seed * 6364136223846793005ULL + 1;
  scs_int nk = j->n + j->m;
  double *Ad = calloc((size_t)(j->m * j->n), sizeof(double));
  for (scs_int k = 0; k < j->m * j->n; ++k) { /* a local generator */
    st = st * 6364136223846793005ULL + 1442695040888963407ULL;
    if ((st >> 33) % 3) Ad[k] = (double)(scs_float)((double)(st >> 40) / 16777216.0 - 0.5);
  }
  double *Pd = NULL;
  if (j->pkind) {
    Pd = calloc((size_t)(j->n * j->n), sizeof(double));
    for (scs_int k = 0; k < j->n; ++k) Pd[k + k * j->n] = 1.5;
    if (j->n > 1) Pd[0 + 1 * j->n] = Pd[1 + 0 * j->n] = 0.5;
  }
  ScsMatrix *A = dense_to_csc(Ad, j->m, j->n, 0);
  ScsMatrix *P = Pd ? dense_to_csc(Pd, j->n, j->n, 1) : NULL;
  scs_float r[120];
  for (scs_int k = 0; k < nk; ++k) r[k] = (scs_float)(0.1 + 0.01 * (double)k);
  void *w = scs_linsys_dense.init(A, P, r, NULL);
  j->ok = w != NULL;
  for (int s = 0; s < 3 && j->ok; ++s) {
    if (s == 2) {
      for (scs_int k = 0; k < nk; ++k) r[k] *= 3;
      j->ok = scs_linsys_dense.update_diag_r(w, r) == 0;
    }
    for (scs_int k = 0; k < nk; ++k)
      j->z[s][k] = (scs_float)(1.0 / (double)(k + s + 1));
    j->ok = j->ok && scs_linsys_dense.solve(w, j->z[s], NULL, 0) == 0;
  }
  if (w) scs_linsys_dense.free(w);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
  return NULL;
}

Test(dense, parallel_states) {
  enum { NJ = 8 };
  static ParJob seq[NJ], par[NJ];
  static const scs_int dims[NJ][2] = {{30, 60}, {60, 10}, {40, 40}, {80, 20},
                                      {20, 90}, {50, 5}, {10, 10}, {70, 30}};
  for (int t = 0; t < NJ; ++t) {
    ParJob job = {dims[t][0], dims[t][1], t % 2, (unsigned long long)t + 1,
                  {{0}}, 0};
    seq[t] = par[t] = job;
    par_job(&seq[t]);
  }
  pthread_t th[NJ];
  for (int t = 0; t < NJ; ++t)
    cr_assert_eq(pthread_create(&th[t], NULL, par_job, &par[t]), 0);
  for (int t = 0; t < NJ; ++t) pthread_join(th[t], NULL);
  for (int t = 0; t < NJ; ++t) {
    cr_assert(seq[t].ok && par[t].ok, "job %d failed", t);
    cr_assert_eq(memcmp(seq[t].z, par[t].z, sizeof(seq[t].z)), 0,
                 "job %d: parallel answer differs", t);
  }
}

/* ---- through the public API --------------------------------------------------- */

static void solve_with_dense(TestProblem *tp) {
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  s.lin_sys_backend = &scs_linsys_dense;
  if (!IS_FLOAT) s.eps_abs = s.eps_rel = 1e-7;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_str_eq(info.lin_sys_solver, "dense");
  cr_assert_eq(flag, tp->expected, "%s: flag %d (%s) %s", tp->name, (int)flag,
               info.status, scs_last_error());
  if (flag == SCS_SOLVED) {
    double tol = IS_FLOAT ? 1e-2 : 1e-4;
    cr_assert_lt(tp_rel_err(info.pobj, tp->optimum), tol,
                 "%s: pobj %.10g, expected %.10g", tp->name, info.pobj,
                 tp->optimum);
    cr_assert_lt(tp_rel_err(info.dobj, tp->optimum), tol,
                 "%s: dobj %.10g, expected %.10g", tp->name, info.dobj,
                 tp->optimum);
  }
  free(sol.x);
  free(sol.y);
  free(sol.s);
  tp_free(tp);
}

Test(dense, api_known_problems) {
  solve_with_dense(tp_lp_small());
  solve_with_dense(tp_qp_small());
  solve_with_dense(tp_socp_ball());
  solve_with_dense(tp_lp_infeasible());
}

Test(dense, api_random_problems) {
  /* m > n, with and without P (the n x n reduction) */
  solve_with_dense(tp_random(11, 30, 4, 40, 3, 5, 1, 0.5));
  solve_with_dense(tp_random(12, 30, 4, 40, 3, 5, 0, 1.0));
  /* m < n / 2 without P (the m x m reduction) */
  solve_with_dense(tp_random(13, 60, 2, 10, 2, 4, 0, 0.6));
  /* m < n / 2 with a full P (n x n) */
  solve_with_dense(tp_random(14, 60, 2, 10, 2, 4, 1, 0.6));
}

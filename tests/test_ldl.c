/*
 * Tests of the sparse direct backend (linsys/direct/): random quasi-definite
 * KKT systems checked against an independently built dense KKT matrix, diag_r
 * updates, degenerate shapes, and failures (bad diag_r, wrong-sign, zero and
 * tiny pivots, malformed input).
 *
 * The backend factors and solves in double in every build (ldl.h). The test
 * data are therefore made exactly representable in scs_float, so that the
 * dense double KKT matrix built here is exactly the matrix the backend
 * factors, and the accuracy asked for is double accuracy, except for the one
 * rounding of the solution to scs_float at the end of a solve.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "direct/ldl.h"
#include "linalg.h"
#include "linsys.h"
#include "kkt_random.h"
#include "scs.h"

/* machine epsilon of scs_float */
#define EPS_F (sizeof(scs_float) == sizeof(float) ? (double)FLT_EPSILON : DBL_EPSILON)
/* normwise backward error accepted for the double solve itself (the
 * internal kernels, before any rounding to scs_float) */
#define DOUBLE_SOLVE_TOL 1e-12
/* normwise backward error accepted for a solve through the interface: the
 * double solve, then one rounding of z to scs_float, which alone can add
 * ||M|| ||z|| FLT_EPSILON / 2 to the residual in float builds */
#define SOLVE_TOL (sizeof(scs_float) == sizeof(float) ? 2 * (double)FLT_EPSILON \
                                                      : DOUBLE_SOLVE_TOL)

/* ---- helpers ------------------------------------------------------------ */

/* v rounded to the nearest scs_float: test data the backend sees exactly */

/* the full dense KKT matrix from dense A (m x n), P (n x n symmetric), r */
static double *dense_kkt(const double *A, const double *P, const scs_float *r,
                         scs_int n, scs_int m) {
  scs_int nk = n + m;
  double *M = calloc((size_t)(nk * nk > 0 ? nk * nk : 1), sizeof(double));
  for (scs_int j = 0; j < n; ++j) {
    for (scs_int i = 0; i < n; ++i) M[i + j * nk] = P ? P[i + j * n] : 0;
    M[j + j * nk] += r[j];
    for (scs_int i = 0; i < m; ++i) {
      M[(n + i) + j * nk] = A[i + j * m];
      M[j + (n + i) * nk] = A[i + j * m];
    }
  }
  for (scs_int i = 0; i < m; ++i) M[(n + i) + (n + i) * nk] = -r[n + i];
  return M;
}

/* normwise backward error ||M z - b||_inf / (||M||_inf ||z||_inf + ||b||_inf) */
static double backward_error_d(const double *M, scs_int nk, const double *z,
                               const double *b) {
  double res = 0, mnorm = 0, znorm = 0, bnorm = 0;
  for (scs_int i = 0; i < nk; ++i) {
    double s = 0, row = 0;
    for (scs_int j = 0; j < nk; ++j) {
      s += M[i + j * nk] * z[j];
      row += fabs(M[i + j * nk]);
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

/* the same for a solution in scs_float */
static double backward_error(const double *M, scs_int nk, const scs_float *z,
                             const double *b) {
  double *zd = malloc(sizeof(double) * (size_t)(nk > 0 ? nk : 1));
  for (scs_int k = 0; k < nk; ++k) zd[k] = z[k];
  double err = backward_error_d(M, nk, zd, b);
  free(zd);
  return err;
}

/* x = M \ b by dense Gaussian elimination with partial pivoting in double
 * (an independent reference; M is copied) */
static void dense_solve(const double *M, scs_int nk, const double *b,
                        double *x) {
  double *T = malloc(sizeof(double) * (size_t)(nk * nk > 0 ? nk * nk : 1));
  memcpy(T, M, sizeof(double) * (size_t)(nk * nk));
  memcpy(x, b, sizeof(double) * (size_t)nk);
  for (scs_int k = 0; k < nk; ++k) {
    scs_int piv = k;
    for (scs_int i = k + 1; i < nk; ++i)
      if (fabs(T[i + k * nk]) > fabs(T[piv + k * nk])) piv = i;
    cr_assert_neq(T[piv + k * nk], 0, "singular reference matrix");
    for (scs_int j = 0; j < nk; ++j) {
      double t = T[k + j * nk];
      T[k + j * nk] = T[piv + j * nk];
      T[piv + j * nk] = t;
    }
    double t = x[k];
    x[k] = x[piv];
    x[piv] = t;
    for (scs_int i = k + 1; i < nk; ++i) {
      double l = T[i + k * nk] / T[k + k * nk];
      if (l == 0) continue;
      for (scs_int j = k + 1; j < nk; ++j) T[i + j * nk] -= l * T[k + j * nk];
      x[i] -= l * x[k];
    }
  }
  for (scs_int k = nk - 1; k >= 0; --k) {
    double s = x[k];
    for (scs_int j = k + 1; j < nk; ++j) s -= T[k + j * nk] * x[j];
    x[k] = s / T[k + k * nk];
  }
  free(T);
}

/* solve M z = b for a random b and return the backward error */
static double solve_and_check(void *work, const double *M, scs_int nk) {
  double *b = malloc(sizeof(double) * (size_t)(nk > 0 ? nk : 1));
  scs_float *z = malloc(sizeof(scs_float) * (size_t)(nk > 0 ? nk : 1));
  for (scs_int k = 0; k < nk; ++k) {
    b[k] = (scs_float)rnd_sym();
    z[k] = (scs_float)b[k];
  }
  cr_assert_eq(scs_linsys_direct.solve(work, z, NULL, 0), 0, "solve: %s",
               scs_last_error());
  double err = backward_error(M, nk, z, b);
  free(b);
  free(z);
  return err;
}

/* one random problem: init, solve, update, solve, free */
static void run_random(scs_int n, scs_int m, double density, int pkind,
                       unsigned long long seed) {
  rng_seed(seed);
  scs_int nk = n + m;
  double *Ad = rand_dense_a(m, n, density);
  double *Pd = pkind ? rand_dense_p_sparse(n, pkind) : NULL;
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  ScsMatrix *P = Pd ? dense_to_csc(Pd, n, n, 1) : NULL;
  scs_float *r = rand_diag_r(nk, 1e-3, 1.0);
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "init n=%d m=%d: %s", (int)n, (int)m, scs_last_error());
  double *M = dense_kkt(Ad, Pd, r, n, m);
  for (int rep = 0; rep < 2; ++rep) {
    double err = solve_and_check(w, M, nk);
    cr_assert_leq(err, SOLVE_TOL, "n=%d m=%d pkind=%d backward error %g",
                  (int)n, (int)m, pkind, err);
  }
  /* new r with a wide dynamic range (as with SCS's rho_x = 1e-6 and its
   * zero-cone rows), in every build: the factorization is double */
  free(M);
  free(r);
  r = rand_diag_r(nk, 1e-6, 1e3);
  cr_assert_eq(scs_linsys_direct.update_diag_r(w, r), 0, "update: %s",
               scs_last_error());
  M = dense_kkt(Ad, Pd, r, n, m);
  double err = solve_and_check(w, M, nk);
  cr_assert_leq(err, SOLVE_TOL * 10, "after update n=%d m=%d err %g", (int)n,
                (int)m, err);
  scs_linsys_direct.free(w);
  free(M);
  free(r);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
}

/* ---- random systems ----------------------------------------------------- */

Test(ldl, name) { cr_assert_str_eq(scs_linsys_direct.name, "sparse-direct"); }

Test(ldl, random_small_sizes) {
  unsigned long long seed = 1;
  for (scs_int n = 1; n <= 7; ++n)
    for (scs_int m = 0; m <= 7; ++m)
      for (int pk = 0; pk < 3; ++pk) run_random(n, m, 0.4, pk, seed++);
}

Test(ldl, random_medium) {
  static const scs_int sizes[][2] = {{10, 30}, {30, 10}, {50, 50}, {1, 100},
                                     {100, 1}, {80, 200}, {120, 60}};
  unsigned long long seed = 100;
  for (size_t t = 0; t < sizeof(sizes) / sizeof(sizes[0]); ++t)
    for (int pk = 0; pk < 3; ++pk)
      run_random(sizes[t][0], sizes[t][1], 0.05, pk, seed++);
}

Test(ldl, random_large) {
  run_random(300, 400, 0.01, 2, 7);
  run_random(400, 300, 0.005, 1, 8);
  run_random(250, 250, 0.02, 0, 9);
}

/* max |z - x| / max |x| */
static double forward_error(const scs_float *z, const double *x, scs_int nk) {
  double err = 0, xnorm = 0;
  for (scs_int k = 0; k < nk; ++k) {
    err = fmax(err, fabs(z[k] - x[k]));
    xnorm = fmax(xnorm, fabs(x[k]));
  }
  return xnorm > 0 ? err / xnorm : err;
}

/* The regime SCS runs in: r_x = rho_x = 1e-6, r_y in [0.1, 10] (1 / scale),
 * a tenth of the rows with r_y / 1000 (zero cone), unscaled data. The Schur
 * complements mix 1 / r_x = 1e6 with r_y ~ 10, more than a float
 * factorization can carry (SCS then stalls at residuals ~1e-4 or hits tiny
 * pivots); the double factorization must solve to double accuracy, so in
 * float builds the only error left is the final rounding to float. The
 * forward error is checked against an independent dense solve. */
static void run_scs_like(scs_int n, scs_int m, double density, int pkind,
                         unsigned long long seed) {
  rng_seed(seed);
  scs_int nk = n + m;
  double *Ad = rand_dense_a(m, n, density);
  double *Pd = pkind ? rand_dense_p_sparse(n, pkind) : NULL;
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  ScsMatrix *P = Pd ? dense_to_csc(Pd, n, n, 1) : NULL;
  scs_float *r = malloc(sizeof(scs_float) * (size_t)nk);
  for (scs_int k = 0; k < nk; ++k) {
    double v = k < n ? 1e-6 : 0.1 * pow(100.0, rnd());
    if (k >= n && rnd() < 0.1) v /= 1000;
    r[k] = (scs_float)v;
  }
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "init n=%d m=%d: %s", (int)n, (int)m, scs_last_error());
  double *M = dense_kkt(Ad, Pd, r, n, m);
  double *b = malloc(sizeof(double) * (size_t)nk);
  double *x = malloc(sizeof(double) * (size_t)nk);
  scs_float *z = malloc(sizeof(scs_float) * (size_t)nk);
  for (int rep = 0; rep < 3; ++rep) {
    for (scs_int k = 0; k < nk; ++k) z[k] = (scs_float)(b[k] = to_scs(rnd_sym()));
    cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0, "%s",
                 scs_last_error());
    /* LDL' without pivoting has growth up to ~||A||^2 / r_x = 1e6 here, so
     * the double solve's backward error reaches ~1e-12 (measured: 5e-12 at
     * worst); in float builds the final rounding (< FLT_EPSILON / 2)
     * dominates. Forward: measured 2e-9 in double (conditioning), that plus
     * the rounding in float. */
    double berr = backward_error(M, nk, z, b);
    cr_assert_leq(berr, sizeof(scs_float) == sizeof(float) ? SOLVE_TOL : 1e-10,
                  "n=%d m=%d pkind=%d backward error %g", (int)n, (int)m,
                  pkind, berr);
    dense_solve(M, nk, b, x);
    double ferr = forward_error(z, x, nk);
    cr_assert_leq(ferr, sizeof(scs_float) == sizeof(float) ? 4 * EPS_F : 1e-7,
                  "n=%d m=%d pkind=%d forward error %g", (int)n, (int)m, pkind,
                  ferr);
  }
  scs_linsys_direct.free(w);
  free(b);
  free(x);
  free(z);
  free(M);
  free(r);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
}

Test(ldl, scs_like_regularization) {
  unsigned long long seed = 200;
  for (int pk = 0; pk < 3; ++pk) {
    run_scs_like(60, 90, 0.1, pk, seed++);
    run_scs_like(150, 100, 0.05, pk, seed++);
    run_scs_like(40, 200, 0.2, pk, seed++);
  }
}

Test(ldl, unit_vector_rhs_give_the_inverse) {
  /* sparse right-hand sides (mostly zeros): M [z_1 .. z_nk] = I */
  scs_int n = 20, m = 30, nk = 50;
  rng_seed(41);
  double *Ad = rand_dense_a(m, n, 0.1), *Pd = rand_dense_p_sparse(n, 2);
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0), *P = dense_to_csc(Pd, n, n, 1);
  scs_float *r = rand_diag_r(nk, 1e-2, 1);
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  double *M = dense_kkt(Ad, Pd, r, n, m);
  scs_float z[50];
  double b[50];
  for (scs_int k = 0; k < nk; ++k) {
    for (scs_int i = 0; i < nk; ++i) z[i] = (scs_float)(b[i] = (i == k));
    cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
    double err = backward_error(M, nk, z, b);
    cr_assert_leq(err, SOLVE_TOL, "column %d: %g", (int)k, err);
  }
  scs_linsys_direct.free(w);
  free(M);
  free(r);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
}

Test(ldl, dense_a) { run_random(40, 60, 1.0, 2, 11); }

Test(ldl, dense_row_of_a) {
  /* one full row of A: AMD treats it as dense and orders it last */
  scs_int n = 300, m = 50;
  rng_seed(12);
  double *Ad = rand_dense_a(m, n, 0.01);
  for (scs_int j = 0; j < n; ++j) Ad[0 + j * m] = 1.0 + rnd();
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  scs_float *r = rand_diag_r(n + m, 1e-3, 1);
  void *w = scs_linsys_direct.init(A, NULL, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  double *M = dense_kkt(Ad, NULL, r, n, m);
  double err = solve_and_check(w, M, n + m);
  cr_assert_leq(err, SOLVE_TOL, "err %g", err);
  scs_linsys_direct.free(w);
  free(M);
  free(r);
  free(Ad);
  csc_del(A);
}

/* ---- degenerate shapes -------------------------------------------------- */

Test(ldl, m_zero) {
  run_random(5, 0, 0.0, 2, 21);
  run_random(1, 0, 0.0, 0, 22);
}

Test(ldl, empty_a_and_empty_columns) {
  run_random(10, 10, 0.0, 0, 23); /* A has no entries: M is diagonal */
  run_random(10, 10, 0.0, 2, 24);
  /* a column and a row of A with no entries */
  scs_int n = 4, m = 3;
  double Ad[12] = {1, 0, 2, /* col 0 */ 0, 0, 0, /* col 1 empty */
                   3, 0, 0, /* col 2 */ 0, 0, 4 /* col 3 */};
  /* row 1 of A is empty too */
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  scs_float r[7] = {0.5, 1, 2, 0.1, 1, 3, 0.2};
  void *w = scs_linsys_direct.init(A, NULL, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  double *M = dense_kkt(Ad, NULL, r, n, m);
  cr_assert_leq(solve_and_check(w, M, n + m), SOLVE_TOL);
  /* exact check of the decoupled entries: x1 = b1 / r1, y1 = -b5 / r5 */
  scs_float z[7] = {1, 3, 1, 1, 1, 2, 1};
  cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
  cr_assert_float_eq(z[1], 3.0, 1e-6);
  cr_assert_float_eq(z[5], -2.0 / 3.0, 1e-6);
  scs_linsys_direct.free(w);
  free(M);
  csc_del(A);
}

Test(ldl, p_without_some_diagonal_entries) {
  /* P upper triangle with an off-diagonal entry whose column has no
   * diagonal: P = [1 1; 1 0] is indefinite, but with r_x = 2 the x block
   * [3 1; 1 2] is positive definite */
  scs_int n = 2, m = 1;
  double Pd[4] = {1, 1, 1, 0};
  double Ad[2] = {1, 1};
  ScsMatrix *P = dense_to_csc(Pd, n, n, 1);
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  cr_assert_eq(P->p[2] - P->p[1], 1, "column 1 of P has only (0,1)");
  scs_float r[3] = {2, 2, 1};
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  double *M = dense_kkt(Ad, Pd, r, n, m);
  cr_assert_leq(solve_and_check(w, M, n + m), SOLVE_TOL);
  scs_linsys_direct.free(w);
  free(M);
  csc_del(A);
  csc_del(P);
}

Test(ldl, known_solution) {
  /* M = [2 1; 1 -1] (n = m = 1, P = 1, r = 1, A = 1): M [1; 2] = [4; -1] */
  double Ad[1] = {1}, Pd[1] = {1};
  ScsMatrix *A = dense_to_csc(Ad, 1, 1, 0), *P = dense_to_csc(Pd, 1, 1, 1);
  scs_float r[2] = {1, 1};
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w);
  scs_float z[2] = {4, -1};
  cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
  cr_assert_float_eq(z[0], 1.0, 10 * EPS_F);
  cr_assert_float_eq(z[1], 2.0, 10 * EPS_F);
  scs_linsys_direct.free(w);
  csc_del(A);
  csc_del(P);
}

/* ---- the internal pipeline: L D L' reproduces P M P' -------------------- */

Test(ldl, factor_reproduces_permuted_kkt) {
  rng_seed(31);
  scs_int n = 25, m = 35, nk = 60;
  double *Ad = rand_dense_a(m, n, 0.1), *Pd = rand_dense_p_sparse(n, 2);
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0), *P = dense_to_csc(Pd, n, n, 1);
  scs_float *r = rand_diag_r(nk, 1e-2, 1);
  scs_int diag_pos[60], perm[60], pinv[60], iwork[180];
  scs_ldl_float diag_base[60], y[60] = {0};
  ScsLdlMatrix *K = scs_kkt_assemble(A, P, diag_pos, diag_base, iwork);
  cr_assert_not_null(K, "%s", scs_last_error());
  scs_kkt_set_diag(K->x, diag_pos, diag_base, r, n, nk);
  double *M = dense_kkt(Ad, Pd, r, n, m);
  /* K is exactly the upper triangle of M, sorted, with every diagonal */
  for (scs_int j = 0; j < nk; ++j) {
    scs_int cnt = 0;
    for (scs_int p = K->p[j]; p < K->p[j + 1]; ++p) {
      cr_assert_leq(K->i[p], j);
      if (p > K->p[j]) cr_assert_gt(K->i[p], K->i[p - 1]);
      cr_assert_eq(K->x[p], M[K->i[p] + j * nk], "K(%d, %d)", (int)K->i[p],
                   (int)j); /* exact: same double sums of float data */
      ++cnt;
    }
    cr_assert_eq(K->i[diag_pos[j]], j);
    scs_int want = 0;
    for (scs_int i = 0; i <= j; ++i) want += M[i + j * nk] != 0 || i == j;
    cr_assert_eq(cnt, want, "column %d", (int)j);
  }
  cr_assert_eq(scs_amd_order(K, perm), 0);
  for (scs_int k = 0; k < nk; ++k) pinv[k] = -1;
  for (scs_int k = 0; k < nk; ++k) {
    cr_assert(perm[k] >= 0 && perm[k] < nk && pinv[perm[k]] < 0, "perm");
    pinv[perm[k]] = k;
  }
  scs_int *map = malloc(sizeof(scs_int) * (size_t)K->p[nk]);
  ScsLdlMatrix *C = scs_kkt_permute_pattern(K, pinv, map, iwork);
  cr_assert_not_null(C);
  scs_kkt_scatter(K, map, C);
  ScsLdlFactor F = {0};
  F.nk = nk;
  F.parent = malloc(sizeof(scs_int) * nk);
  F.Lp = malloc(sizeof(scs_int) * (nk + 1));
  F.lnz = scs_ldl_etree(C, F.parent, iwork + nk, iwork);
  cr_assert_geq(F.lnz, 0);
  cr_assert_leq(F.lnz, nk * (nk - 1) / 2);
  for (scs_int k = 0; k < nk; ++k)
    cr_assert(F.parent[k] == -1 || F.parent[k] > k, "etree parent");
  scs_ldl_colptr(iwork + nk, nk, F.Lp);
  F.Li = malloc(sizeof(scs_int) * (size_t)(F.lnz + 1));
  F.Lx = malloc(sizeof(scs_ldl_float) * (size_t)(F.lnz + 1));
  F.D = malloc(sizeof(scs_ldl_float) * nk);
  F.Dinv = malloc(sizeof(scs_ldl_float) * nk);
  cr_assert_eq(scs_ldl_numeric(C, &F, perm, n, y, iwork), 0, "%s",
               scs_last_error());
  for (scs_int k = 0; k < nk; ++k) {
    cr_assert_eq(y[k], 0, "numeric workspace not cleared");
    cr_assert(perm[k] < n ? F.D[k] > 0 : F.D[k] < 0, "sign of D[%d]", (int)k);
  }
  /* dense L D L' versus M(perm, perm) */
  double *L = calloc((size_t)nk * nk, sizeof(double));
  for (scs_int j = 0; j < nk; ++j) {
    L[j + j * nk] = 1;
    for (scs_int p = F.Lp[j]; p < F.Lp[j + 1]; ++p) {
      cr_assert_gt(F.Li[p], j);
      L[F.Li[p] + j * nk] = F.Lx[p];
    }
  }
  double maxdiff = 0;
  for (scs_int i = 0; i < nk; ++i)
    for (scs_int j = 0; j < nk; ++j) {
      double s = 0;
      for (scs_int k = 0; k < nk; ++k) s += L[i + k * nk] * F.D[k] * L[j + k * nk];
      maxdiff = fmax(maxdiff, fabs(s - M[perm[i] + perm[j] * nk]));
    }
  /* double accuracy in every build */
  cr_assert_leq(maxdiff, 1e-11, "%g", maxdiff);
  /* the kernels solve in double: a right-hand side that is not a float
   * (1/3, ...) and its solution never pass through scs_float */
  double b[60], x[60];
  scs_ldl_float wv[60];
  for (scs_int k = 0; k < nk; ++k) b[k] = 1.0 / (double)(k + 3) - 0.2;
  for (scs_int k = 0; k < nk; ++k) wv[k] = b[perm[k]];
  scs_ldl_lsolve(&F, wv);
  scs_ldl_dsolve(&F, wv);
  scs_ldl_ltsolve(&F, wv);
  for (scs_int k = 0; k < nk; ++k) x[perm[k]] = wv[k];
  double berr = backward_error_d(M, nk, x, b);
  cr_assert_leq(berr, DOUBLE_SOLVE_TOL, "double solve backward error %g", berr);
  /* scs_ldl_solve takes scs_float: it must do exactly the double solve of
   * its (converted) input and round the result once */
  scs_float bs[60];
  for (scs_int k = 0; k < nk; ++k) bs[k] = (scs_float)b[k];
  for (scs_int k = 0; k < nk; ++k) wv[k] = bs[perm[k]];
  scs_ldl_lsolve(&F, wv);
  scs_ldl_dsolve(&F, wv);
  scs_ldl_ltsolve(&F, wv);
  for (scs_int k = 0; k < nk; ++k) x[perm[k]] = wv[k];
  scs_ldl_solve(&F, perm, bs, wv);
  for (scs_int k = 0; k < nk; ++k)
    cr_assert_eq(bs[k], (scs_float)x[k], "entry %d", (int)k);
  free(L);
  free(F.parent);
  free(F.Lp);
  free(F.Li);
  free(F.Lx);
  free(F.D);
  free(F.Dinv);
  free(map);
  scs_ldl_csc_free(C);
  scs_ldl_csc_free(K);
  free(M);
  free(r);
  free(Ad);
  free(Pd);
  csc_del(A);
  csc_del(P);
}

/* ---- failures ------------------------------------------------------------ */

static ScsMatrix *small_a(void) {
  double Ad[6] = {1, 0, 2, 1, 0, 3}; /* 2 x 3 */
  return dense_to_csc(Ad, 2, 3, 0);
}

Test(ldl, nan_diag_r_fails) {
  ScsMatrix *A = small_a();
  scs_float r[5] = {1, 1, 1, 1, 1};
  r[3] = (scs_float)NAN;
  cr_assert_null(scs_linsys_direct.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[3]"), "got '%s'",
                     scs_last_error());
  r[3] = 0;
  cr_assert_null(scs_linsys_direct.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[3]"));
  r[3] = -1;
  r[0] = (scs_float)INFINITY;
  cr_assert_null(scs_linsys_direct.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[0]"));
  cr_assert_null(scs_linsys_direct.init(A, NULL, NULL, NULL));
  csc_del(A);
}

Test(ldl, nan_update_keeps_old_factor) {
  ScsMatrix *A = small_a();
  double Ad[6] = {1, 0, 2, 1, 0, 3};
  scs_float r[5] = {1, 2, 3, 4, 5};
  void *w = scs_linsys_direct.init(A, NULL, r, NULL);
  cr_assert_not_null(w);
  scs_float bad[5] = {1, 2, (scs_float)NAN, 4, 5};
  cr_assert_neq(scs_linsys_direct.update_diag_r(w, bad), 0);
  cr_assert_not_null(strstr(scs_last_error(), "diag_r[2]"));
  double *M = dense_kkt(Ad, NULL, r, 3, 2);
  cr_assert_leq(solve_and_check(w, M, 5), SOLVE_TOL);
  scs_linsys_direct.free(w);
  free(M);
  csc_del(A);
}

Test(ldl, wrong_sign_pivot_fails) {
  /* P has a huge negative diagonal: x variable 1's pivot is negative */
  double Pd[9] = {1, 0, 0, 0, -1e6, 0, 0, 0, 1};
  ScsMatrix *A = small_a();
  ScsMatrix *P = dense_to_csc(Pd, 3, 3, 1);
  scs_float r[5] = {1, 1, 1, 1, 1};
  cr_assert_null(scs_linsys_direct.init(A, P, r, NULL));
  const char *msg = scs_last_error();
  cr_assert_not_null(strstr(msg, "wrong-sign"), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "KKT column 1 (x variable 1"), "got '%s'", msg);
  csc_del(A);
  csc_del(P);
}

Test(ldl, wrong_sign_after_update_then_recover) {
  /* P = -1 (n = 1), A = [1]: with r_x = 10 the x block is 9 > 0; with
   * r_x = 0.5 it is -0.5 and the factorization must fail */
  double Pd[1] = {-1}, Ad[1] = {1};
  ScsMatrix *P = dense_to_csc(Pd, 1, 1, 1), *A = dense_to_csc(Ad, 1, 1, 0);
  scs_float r[2] = {10, 1};
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float r2[2] = {0.5, 1};
  cr_assert_neq(scs_linsys_direct.update_diag_r(w, r2), 0);
  cr_assert_not_null(strstr(scs_last_error(), "x variable 0"), "got '%s'",
                     scs_last_error());
  scs_float z[2] = {1, 1};
  cr_assert_neq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
  cr_assert_not_null(strstr(scs_last_error(), "no valid factorization"));
  cr_assert_eq(scs_linsys_direct.update_diag_r(w, r), 0, "%s", scs_last_error());
  double *M = dense_kkt(Ad, Pd, r, 1, 1);
  cr_assert_leq(solve_and_check(w, M, 2), SOLVE_TOL);
  scs_linsys_direct.free(w);
  free(M);
  csc_del(A);
  csc_del(P);
}

Test(ldl, zero_pivot_fails) {
  /* P = [1 1; 1 1], r_x tiny, m = 0: the second pivot is 1 + r - 1/(1 + r),
   * exactly 0 in floating point */
  double Pd[4] = {1, 1, 1, 1};
  ScsMatrix *P = dense_to_csc(Pd, 2, 2, 1);
  ScsMatrix *A = csc_new(0, 2, 0);
  scs_float r[2] = {(scs_float)1e-30, (scs_float)1e-30};
  cr_assert_null(scs_linsys_direct.init(A, P, r, NULL));
  const char *msg = scs_last_error();
  cr_assert_not_null(strstr(msg, "zero pivot"), "got '%s'", msg);
  cr_assert_not_null(strstr(msg, "x variable"), "got '%s'", msg);
  csc_del(A);
  csc_del(P);
}

Test(ldl, tiny_pivot_fails) {
  /* The rule is relative to DBL_EPSILON in every build (the factorization is
   * double), so the data must be singular in exact arithmetic with double
   * rounding noise left, using values every build represents exactly.
   * P = [49 49; 49 49]: the second pivot is 49 - 49 * (49 * fl(1/49)), a few
   * ulps of 49 instead of 0 (1/49 is inexact in binary), pure cancellation
   * of terms of size 49. */
  double Pd[4] = {49, 49, 49, 49};
  ScsMatrix *P = dense_to_csc(Pd, 2, 2, 1);
  ScsMatrix *A = csc_new(0, 2, 0);
  scs_float r[2] = {(scs_float)1e-30, (scs_float)1e-30};
  cr_assert_null(scs_linsys_direct.init(A, P, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "tiny"), "got '%s'",
                     scs_last_error());
  /* Cancellation between an x and a y contribution while M_kk itself is
   * tiny: x1 couples to x0 (P01 = 1, pivot 1) and to y0 (A01 = 31, pivot
   * -961 = -31^2), so its pivot is 1e-30 - 1 + 31 * fl(31 / 961), about
   * DBL_EPSILON instead of 1e-30: tiny next to the terms (~2), though huge
   * next to M_11 = 1e-30. AMD eliminates the two degree-1 nodes x0, y0
   * first. */
  {
    double Pd2[4] = {1, 0, 1, 0}, Ad2[2] = {0, 31};
    ScsMatrix *P2 = dense_to_csc(Pd2, 2, 2, 1), *A2 = dense_to_csc(Ad2, 1, 2, 0);
    scs_float r3[3] = {(scs_float)1e-30, (scs_float)1e-30, 961};
    cr_assert_null(scs_linsys_direct.init(A2, P2, r3, NULL));
    cr_assert_not_null(strstr(scs_last_error(), "tiny"), "got '%s'",
                       scs_last_error());
    cr_assert_not_null(strstr(scs_last_error(), "x variable 1"), "got '%s'",
                       scs_last_error());
    csc_del(P2);
    csc_del(A2);
  }
  /* ... while a small but well-computed pivot is fine: r = 1e-9 alone */
  scs_float r2[2] = {(scs_float)1e-9, (scs_float)1e-9};
  ScsMatrix *A1 = csc_new(1, 2, 0); /* y pivot is -1e-9, no cancellation */
  csc_del(P);
  P = NULL;
  void *w = scs_linsys_direct.init(A1, NULL, (scs_float[3]){r2[0], r2[1], r2[1]}, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float z[3] = {1, 2, 3};
  cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
  double z0 = 1 / (double)r2[0], z2 = -3 / (double)r2[1];
  cr_assert_float_eq(z[0], z0, z0 * 4 * EPS_F);
  cr_assert_float_eq(z[2], z2, -z2 * 4 * EPS_F);
  scs_linsys_direct.free(w);
  csc_del(A);
  csc_del(A1);
}

Test(ldl, float_sized_pivot_is_accepted) {
  /* P = [1 1; 1 1 + 2^-23] (m = 0, r = 1e-30): the second pivot is
   * 2^-23 = FLT_EPSILON, tiny for a float factorization but computed exactly
   * in double, so it is accepted in every build and the solve is exact:
   * M [1 - 2^23; 2^23] = [1; 2], both entries exact in float. */
  double eps = (double)FLT_EPSILON;
  double Pd[4] = {1, 1, 1, 1 + eps};
  ScsMatrix *P = dense_to_csc(Pd, 2, 2, 1);
  ScsMatrix *A = csc_new(0, 2, 0);
  scs_float r[2] = {(scs_float)1e-30, (scs_float)1e-30};
  void *w = scs_linsys_direct.init(A, P, r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float z[2] = {1, 2};
  cr_assert_eq(scs_linsys_direct.solve(w, z, NULL, 0), 0);
  cr_assert_eq(z[0], (scs_float)(1 - 1 / eps), "z0 = %.17g", (double)z[0]);
  cr_assert_eq(z[1], (scs_float)(1 / eps), "z1 = %.17g", (double)z[1]);
  scs_linsys_direct.free(w);
  csc_del(A);
  csc_del(P);
}

Test(ldl, malformed_input_fails) {
  scs_float r[5] = {1, 1, 1, 1, 1};
  /* P with an entry below the diagonal */
  double Pd[9] = {1, 0.5, 0, 0.5, 1, 0, 0, 0, 1};
  ScsMatrix *P = dense_to_csc(Pd, 3, 3, 0); /* full, not upper */
  ScsMatrix *A = small_a();
  cr_assert_null(scs_linsys_direct.init(A, P, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "below the diagonal"), "got '%s'",
                     scs_last_error());
  /* unsorted column of A: column 1 holds rows (0, 1); make it (1, 0) */
  cr_assert_eq(A->p[2] - A->p[1], 2);
  scs_int t = A->i[A->p[1]];
  A->i[A->p[1]] = A->i[A->p[1] + 1];
  A->i[A->p[1] + 1] = t;
  cr_assert_null(scs_linsys_direct.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "not sorted"), "got '%s'",
                     scs_last_error());
  /* row index out of range */
  A->i[0] = 7;
  cr_assert_null(scs_linsys_direct.init(A, NULL, r, NULL));
  cr_assert_not_null(strstr(scs_last_error(), "out of range"));
  cr_assert_null(scs_linsys_direct.init(NULL, NULL, r, NULL));
  csc_del(A);
  csc_del(P);
}

Test(ldl, null_arguments) {
  cr_assert_neq(scs_linsys_direct.solve(NULL, NULL, NULL, 0), 0);
  cr_assert_neq(scs_linsys_direct.update_diag_r(NULL, NULL), 0);
  scs_linsys_direct.free(NULL);
}

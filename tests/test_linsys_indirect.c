/*
 * Tests of the sparse indirect backend (linsys/indirect/): preconditioned CG
 * on the reduced system, checked against the KKT matrix built densely here
 * and against the sparse direct backend; warm starts, tolerances, diag_r
 * updates, degenerate shapes, CG breakdown, bad input; then full solves
 * through the public API with settings.lin_sys_backend = &scs_linsys_indirect.
 *
 * Tolerances: the backend stops when ||K x - b||_inf <= max(tol, 4 DBL_EPSILON
 * ||b||_inf) for the reduced system K x = b (CG runs in double in every
 * build), and that residual is also the residual of the full system (y is
 * computed exactly from x). The checks below allow the difference between
 * CG's recursive residual and the true one, plus the rounding of z to
 * scs_float and of a product with M (rounding_slack).
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linsys.h"
#include "kkt_random.h"
#include "problems.h"
#include "scs.h"

#define IS_FLOAT (sizeof(scs_float) == sizeof(float))
/* tight CG tolerance for the random systems (rhs and solution are O(1)) */
#define TIGHT_TOL 1e-10
/* smallest r of the random systems */
#define R_LO 1e-3
/* machine epsilon of scs_float */
#define EPS_F (IS_FLOAT ? (double)FLT_EPSILON : DBL_EPSILON)

/* ---- helpers ------------------------------------------------------------ */

static void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size);
  cr_assert_not_null(p);
  return p;
}

static scs_float *rand_vec(scs_int len) {
  scs_float *v = xcalloc((size_t)len, sizeof(scs_float));
  for (scs_int k = 0; k < len; ++k) v[k] = (scs_float)rnd_sym();
  return v;
}

static scs_float *copy_vec(const scs_float *v, scs_int len) {
  scs_float *c = xcalloc((size_t)len, sizeof(scs_float));
  if (len > 0) memcpy(c, v, (size_t)len * sizeof(scs_float));
  return c;
}

/* A random quasi-definite system with its dense description. */
typedef struct {
  scs_int n, m;
  double *Ad, *Pd; /* dense A (m x n) and symmetric P (n x n) or NULL */
  ScsMatrix *A, *P;
  scs_float *r;    /* diag_r, length n + m */
} Sys;

static Sys sys_new(scs_int n, scs_int m, double density, int pkind,
                   unsigned long long seed) {
  rng_seed(seed);
  Sys s = {0};
  s.n = n;
  s.m = m;
  s.Ad = rand_dense_a(m, n, density);
  s.Pd = rand_dense_p_sparse(n, pkind);
  s.A = dense_to_csc(s.Ad, m, n, 0);
  s.P = s.Pd ? dense_to_csc(s.Pd, n, n, 1) : NULL;
  s.r = rand_diag_r(n + m, R_LO, 1.0);
  return s;
}

static void sys_del(Sys *s) {
  free(s->Ad);
  free(s->Pd);
  csc_del(s->A);
  csc_del(s->P);
  free(s->r);
}

/* ||M z - b||_inf in double, M built from the dense data and r */
static double kkt_residual(const Sys *s, const scs_float *r,
                           const scs_float *z, const scs_float *b) {
  scs_int n = s->n, m = s->m;
  double res = 0;
  for (scs_int i = 0; i < n; ++i) {
    double v = (double)r[i] * z[i] - b[i];
    for (scs_int j = 0; j < n && s->Pd; ++j) v += s->Pd[i + j * n] * z[j];
    for (scs_int k = 0; k < m; ++k) v += s->Ad[k + i * m] * z[n + k];
    res = fmax(res, fabs(v));
  }
  for (scs_int k = 0; k < m; ++k) {
    double v = -(double)r[n + k] * z[n + k] - b[n + k];
    for (scs_int j = 0; j < n; ++j) v += s->Ad[k + j * m] * z[j];
    res = fmax(res, fabs(v));
  }
  cr_assert(isfinite(res), "non-finite residual");
  return res;
}

/* Rounding the check must allow for. The backend works on the reduced
 * system K x = b~ (K = P + R_x + A' R_y^{-1} A, b~ = rx + A' R_y^{-1} ry) in
 * scs_float: no x has a residual much below eps (||K|| ||x|| + ||b~||),
 * and ||K|| grows like ||A||^2 / min r_y, far beyond ||M||. Plus the
 * rounding of y and of a product with M: eps ||M|| ||z||. */
static double rounding_slack(const Sys *s, const scs_float *r,
                             const scs_float *z) {
  scs_int n = s->n, m = s->m;
  double mnorm = 0, znorm = 0, knorm = 0, xnorm = 0, bnorm = 0;
  for (scs_int i = 0; i < n + m; ++i) {
    double row = r[i];
    if (i < n) {
      for (scs_int j = 0; j < n && s->Pd; ++j) row += fabs(s->Pd[i + j * n]);
      for (scs_int k = 0; k < m; ++k) row += fabs(s->Ad[k + i * m]);
    } else {
      for (scs_int j = 0; j < n; ++j) row += fabs(s->Ad[(i - n) + j * m]);
    }
    mnorm = fmax(mnorm, row);
    znorm = fmax(znorm, fabs(z[i]));
  }
  for (scs_int i = 0; i < n; ++i) { /* row i of K, and |b~| <= |A'| |R_y^-1| */
    double row = r[i], arow = 0;
    for (scs_int j = 0; j < n; ++j) {
      double kij = s->Pd ? s->Pd[i + j * n] : 0;
      for (scs_int k = 0; k < m; ++k)
        kij += s->Ad[k + i * m] * s->Ad[k + j * m] / r[n + k];
      row += fabs(kij);
    }
    for (scs_int k = 0; k < m; ++k) arow += fabs(s->Ad[k + i * m]) / r[n + k];
    knorm = fmax(knorm, row);
    bnorm = fmax(bnorm, 1 + arow);
    xnorm = fmax(xnorm, fabs(z[i]));
  }
  return 20 * EPS_F * (mnorm * znorm + knorm * xnorm + bnorm + 1);
}

static double max_abs_diff(const scs_float *a, const scs_float *b,
                           scs_int len, double *bnorm) {
  double d = 0, nb = 0;
  for (scs_int k = 0; k < len; ++k) {
    d = fmax(d, fabs((double)a[k] - b[k]));
    nb = fmax(nb, fabs((double)b[k]));
  }
  if (bnorm) *bnorm = nb;
  return d;
}

/* z = M \ b with the direct backend (the reference) */
static scs_float *direct_solution(const Sys *s, const scs_float *r,
                                  const scs_float *b) {
  void *d = scs_linsys_direct.init(s->A, s->P, r, NULL);
  cr_assert_not_null(d, "direct init: %s", scs_last_error());
  scs_float *z = copy_vec(b, s->n + s->m);
  cr_assert_eq(scs_linsys_direct.solve(d, z, NULL, 0), 0, "direct: %s",
               scs_last_error());
  scs_linsys_direct.free(d);
  return z;
}

/* indirect solve of a random rhs to tol; checks the residual, the distance
 * to the direct backend's solution and the iteration count; returns it */
static scs_int check_solve(const Sys *s, void *w, const scs_float *r,
                           scs_float tol, unsigned long long seed) {
  scs_int n = s->n, m = s->m;
  rng_seed(seed);
  scs_float *b = rand_vec(n + m);
  scs_float *z = copy_vec(b, n + m);
  scs_int its = scs_linsys_indirect.solve(w, z, NULL, tol);
  cr_assert_geq(its, 0, "n=%d m=%d: %s", (int)n, (int)m, scs_last_error());
  cr_assert_leq(its, 10 * n, "n=%d: %d iterations, cap is 10 n", (int)n,
                (int)its);
  double res = kkt_residual(s, r, z, b);
  double slack = rounding_slack(s, r, z);
  cr_assert_leq(res, 10 * tol + slack,
                "n=%d m=%d tol=%g: ||Mz - b|| = %g (slack %g, %d its)", (int)n,
                (int)m, (double)tol, res, slack, (int)its);
  /* against the direct backend: z - z_d = M^{-1}(res - res_d), and for a
   * quasi-definite M with P PSD every eigenvalue has |lambda| >= min r, so
   * ||z - z_d||_inf <= sqrt(n + m) (res + res_d) / min r */
  scs_float *zd = direct_solution(s, r, b);
  double res_d = kkt_residual(s, r, zd, b);
  double rmin = 1e300;
  for (scs_int k = 0; k < n + m; ++k) rmin = fmin(rmin, (double)r[k]);
  double diff = max_abs_diff(z, zd, n + m, NULL);
  double bound = 2 * sqrt((double)(n + m)) * (res + res_d + slack) / rmin;
  cr_assert_leq(diff, bound, "n=%d m=%d: |z - z_direct| = %g > %g", (int)n,
                (int)m, diff, bound);
  free(b);
  free(z);
  free(zd);
  return its;
}

/* ---- solves against the dense KKT and the direct backend --------------- */

static void run_random(scs_int n, scs_int m, double density, int pkind,
                       unsigned long long seed) {
  Sys s = sys_new(n, m, density, pkind, seed);
  void *w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "init n=%d m=%d: %s", (int)n, (int)m,
                     scs_last_error());
  scs_int its = check_solve(&s, w, s.r, (scs_float)TIGHT_TOL, seed + 1);
  if (n > 0) cr_assert_gt(its, 0, "a random rhs needs CG iterations");
  check_solve(&s, w, s.r, (scs_float)TIGHT_TOL, seed + 2); /* reuse */
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

/* m > n, m < n, square, with and without P (P = B'B has off-diagonal
 * entries: the mirrored half of the product is exercised), tiny shapes */
Test(indirect, random_systems) {
  run_random(30, 50, 0.2, 0, 1);
  run_random(50, 20, 0.2, 0, 2);
  run_random(40, 40, 0.1, 0, 3);
  run_random(30, 50, 0.2, 2, 4);
  run_random(50, 20, 0.2, 2, 5);
  run_random(40, 40, 0.1, 1, 6); /* diagonal P with zeros */
  run_random(60, 10, 0.3, 2, 7);
  run_random(1, 1, 1.0, 2, 8);
  run_random(1, 7, 0.8, 1, 9);
  run_random(7, 1, 0.8, 2, 10);
  run_random(3, 3, 0.0, 0, 11); /* A = 0: decoupled blocks */
}

/* n = 0: y = -R_y^{-1} ry with no CG; m = 0: (P + R_x) x = rx by CG */
Test(indirect, empty_blocks_and_zero_rhs) {
  run_random(0, 6, 0.5, 0, 12);
  run_random(8, 0, 0.5, 2, 13);
  run_random(8, 0, 0.5, 0, 14);

  Sys s = sys_new(0, 0, 0.5, 0, 15);
  void *w = scs_linsys_indirect.init(s.A, NULL, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float dummy = 3;
  cr_assert_eq(scs_linsys_indirect.solve(w, &dummy, NULL, 1e-8), 0);
  cr_assert_eq(scs_linsys_indirect.update_diag_r(w, s.r), 0);
  scs_linsys_indirect.free(w);
  sys_del(&s);

  /* n = 0 explicitly: the answer is exact */
  s = sys_new(0, 4, 0.5, 0, 16);
  w = scs_linsys_indirect.init(s.A, NULL, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float b[4] = {1, -2, 3, 0.5};
  scs_float z[4];
  memcpy(z, b, sizeof(z));
  cr_assert_eq(scs_linsys_indirect.solve(w, z, NULL, 1e-8), 0);
  for (int i = 0; i < 4; ++i)
    cr_assert_leq(fabs((double)z[i] + (double)b[i] / s.r[i]),
                  4 * EPS_F * fabs((double)b[i] / s.r[i]), "y[%d]", i);
  scs_linsys_indirect.free(w);
  sys_del(&s);

  /* zero rhs: exactly zero, no iterations, warm start ignored */
  s = sys_new(20, 30, 0.3, 2, 17);
  w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float *zero = xcalloc(50, sizeof(scs_float));
  scs_float *warm = rand_vec(50);
  cr_assert_eq(scs_linsys_indirect.solve(w, zero, NULL, 1e-10), 0);
  for (int k = 0; k < 50; ++k) cr_assert_eq(zero[k], 0);
  cr_assert_eq(scs_linsys_indirect.solve(w, zero, warm, 1e-10), 0);
  for (int k = 0; k < 50; ++k) cr_assert_eq(zero[k], 0);
  free(zero);
  free(warm);
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

/* ---- warm starts, tolerances, iteration counts ------------------------- */

Test(indirect, warm_start_from_solution) {
  Sys s = sys_new(40, 60, 0.2, 2, 18);
  void *w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  rng_seed(19);
  scs_float *b = rand_vec(100);
  scs_float *zd = direct_solution(&s, s.r, b);
  scs_float tol = (scs_float)(IS_FLOAT ? 1e-3 : 1e-8);

  /* from the exact (direct) solution: nothing to do */
  scs_float *z = copy_vec(b, 100);
  scs_int its = scs_linsys_indirect.solve(w, z, zd, tol);
  cr_assert(its == 0 || its == 1, "warm start from the solution took %d "
            "iterations", (int)its);
  cr_assert_leq(kkt_residual(&s, s.r, z, b), 10 * tol + rounding_slack(&s, s.r, z));

  /* from the backend's own tight solution */
  scs_float *zt = copy_vec(b, 100);
  scs_int cold = scs_linsys_indirect.solve(w, zt, NULL, (scs_float)TIGHT_TOL);
  cr_assert_gt(cold, 1);
  memcpy(z, b, 100 * sizeof(scs_float));
  its = scs_linsys_indirect.solve(w, z, zt, tol);
  cr_assert(its == 0 || its == 1, "warm start took %d iterations", (int)its);

  /* only warm[0..n) is used: a garbage y part changes nothing */
  scs_float *warm = copy_vec(zd, 100);
  for (int k = 40; k < 100; ++k) warm[k] = 1e30f;
  memcpy(z, b, 100 * sizeof(scs_float));
  its = scs_linsys_indirect.solve(w, z, warm, tol);
  cr_assert(its == 0 || its == 1, "%d iterations", (int)its);

  /* a nearby warm start needs fewer iterations than a cold one */
  for (int k = 0; k < 40; ++k) warm[k] = zd[k] * (scs_float)(1 + 1e-3 * rnd_sym());
  memcpy(z, b, 100 * sizeof(scs_float));
  its = scs_linsys_indirect.solve(w, z, warm, (scs_float)TIGHT_TOL);
  cr_assert_lt(its, cold, "warm %d, cold %d", (int)its, (int)cold);
  cr_assert_leq(kkt_residual(&s, s.r, z, b),
                10 * TIGHT_TOL + rounding_slack(&s, s.r, z));
  free(b), free(zd), free(z), free(zt), free(warm);
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

Test(indirect, looser_tol_fewer_iterations) {
  Sys s = sys_new(150, 250, 0.05, 2, 20);
  free(s.r);
  s.r = rand_diag_r(400, R_LO / 10, 1.0); /* a harder spread of r */
  void *w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_int tight = check_solve(&s, w, s.r, (scs_float)TIGHT_TOL, 21);
  scs_int mid = check_solve(&s, w, s.r, (scs_float)1e-5, 21);
  scs_int loose = check_solve(&s, w, s.r, (scs_float)1e-1, 21);
  cr_assert_lt(mid, tight, "tol mid: %d its, tight: %d", (int)mid, (int)tight);
  cr_assert_leq(loose, mid, "loose %d, mid %d", (int)loose, (int)mid);
  /* tol <= 0 means the tightest default tolerance */
  rng_seed(21);
  scs_float *b = rand_vec(400);
  scs_float *z = copy_vec(b, 400);
  scs_int its0 = scs_linsys_indirect.solve(w, z, NULL, 0);
  cr_assert_geq(its0, tight, "tol 0: %d, tight %d", (int)its0, (int)tight);
  cr_assert_leq(kkt_residual(&s, s.r, z, b), 1e-9 + rounding_slack(&s, s.r, z));
  free(b), free(z);
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

Test(indirect, update_diag_r) {
  Sys s = sys_new(40, 70, 0.15, 2, 22);
  void *w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  check_solve(&s, w, s.r, (scs_float)TIGHT_TOL, 23);
  rng_seed(24);
  scs_float *b = rand_vec(110);
  scs_float *z1 = copy_vec(b, 110);
  cr_assert_geq(scs_linsys_indirect.solve(w, z1, NULL, (scs_float)TIGHT_TOL), 0);

  /* a new r with a wider range (like SCS's rho_x and zero-cone rows); the
   * caller's array may change after the call (the backend copies it) */
  scs_float *r2 = rand_diag_r(110, R_LO / 10, 1e2);
  scs_float *scribbled = copy_vec(r2, 110);
  cr_assert_eq(scs_linsys_indirect.update_diag_r(w, scribbled), 0, "%s",
               scs_last_error());
  for (int k = 0; k < 110; ++k) scribbled[k] = (scs_float)1e9;
  check_solve(&s, w, r2, (scs_float)TIGHT_TOL, 23); /* vs direct with r2 */
  scs_float *z2 = copy_vec(b, 110);
  cr_assert_geq(scs_linsys_indirect.solve(w, z2, NULL, (scs_float)TIGHT_TOL), 0);
  cr_assert_gt(max_abs_diff(z1, z2, 110, NULL), 1e-3, "the answer changed");

  /* an invalid r is rejected and leaves the state as it was */
  scs_float *bad = copy_vec(r2, 110);
  bad[50] = (scs_float)NAN;
  cr_assert_neq(scs_linsys_indirect.update_diag_r(w, bad), 0);
  cr_assert(strstr(scs_last_error(), "indirect: diag_r[50]"), "%s",
            scs_last_error());
  bad[50] = 0;
  cr_assert_neq(scs_linsys_indirect.update_diag_r(w, bad), 0);
  bad[50] = -1;
  cr_assert_neq(scs_linsys_indirect.update_diag_r(w, bad), 0);
  cr_assert_neq(scs_linsys_indirect.update_diag_r(w, NULL), 0);
  check_solve(&s, w, r2, (scs_float)TIGHT_TOL, 23);

  /* and back to the first r */
  cr_assert_eq(scs_linsys_indirect.update_diag_r(w, s.r), 0);
  scs_float *z3 = copy_vec(b, 110);
  cr_assert_geq(scs_linsys_indirect.solve(w, z3, NULL, (scs_float)TIGHT_TOL), 0);
  double n1, d = max_abs_diff(z3, z1, 110, &n1);
  cr_assert_leq(d, (IS_FLOAT ? 1e-2 : 1e-6) * (1 + n1), "diff %g", d);
  free(b), free(z1), free(z2), free(z3), free(r2), free(bad), free(scribbled);
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

/* ---- failures ------------------------------------------------------------ */

/* P dense symmetric from an upper-triangle description: breakdown expected */
static void expect_breakdown(const double *Pd, scs_int n, scs_int m) {
  rng_seed(25);
  double *Ad = rand_dense_a(m, n, 0.3);
  ScsMatrix *A = dense_to_csc(Ad, m, n, 0);
  ScsMatrix *P = dense_to_csc(Pd, n, n, 1);
  scs_float *r = rand_diag_r(n + m, 0.5, 1.0);
  void *w = scs_linsys_indirect.init(A, P, r, NULL);
  cr_assert_not_null(w, "init does not test definiteness: %s",
                     scs_last_error());
  scs_float *b = rand_vec(n + m);
  scs_float *z = copy_vec(b, n + m);
  scs_int its = scs_linsys_indirect.solve(w, z, NULL, (scs_float)TIGHT_TOL);
  cr_assert_lt(its, 0, "an indefinite reduced matrix must fail");
  const char *e = scs_last_error();
  cr_assert(strstr(e, "indirect: CG breakdown at iteration") &&
                strstr(e, "not positive definite"),
            "message: %s", e);
  /* a failed solve leaves the rhs alone */
  for (scs_int k = 0; k < n + m; ++k) cr_assert_eq(z[k], b[k]);
  free(Ad), free(r), free(b), free(z);
  csc_del(A);
  csc_del(P);
  scs_linsys_indirect.free(w);
}

Test(indirect, breakdown_on_indefinite_p) {
  /* negative definite P: the first step already has p'Kp < 0 */
  scs_int n = 6, m = 4;
  double *Pd = xcalloc((size_t)(n * n), sizeof(double));
  for (scs_int j = 0; j < n; ++j) Pd[j + j * n] = -1000;
  expect_breakdown(Pd, n, m);
  /* zero diagonal and large off-diagonal pairs (P = 50 [0 1; 1 0] blocks):
   * indefinite, seen only through the mirrored off-diagonal entries; any
   * K-conjugate basis has a direction of negative curvature (Sylvester) */
  memset(Pd, 0, sizeof(double) * (size_t)(n * n));
  for (scs_int j = 0; j + 1 < n; j += 2) {
    Pd[j + (j + 1) * n] = 50;
    Pd[(j + 1) + j * n] = 50;
  }
  expect_breakdown(Pd, n, m);
  free(Pd);
}

Test(indirect, bad_input) {
  Sys s = sys_new(5, 7, 0.5, 2, 26);
  cr_assert_null(scs_linsys_indirect.init(NULL, NULL, s.r, NULL));
  cr_assert(strstr(scs_last_error(), "indirect:"), "%s", scs_last_error());
  cr_assert_null(scs_linsys_indirect.init(s.A, s.P, NULL, NULL));
  cr_assert(strstr(scs_last_error(), "diag_r is NULL"), "%s", scs_last_error());
  scs_float *r = copy_vec(s.r, 12);
  r[3] = (scs_float)NAN;
  cr_assert_null(scs_linsys_indirect.init(s.A, s.P, r, NULL));
  cr_assert(strstr(scs_last_error(), "diag_r[3]"), "%s", scs_last_error());
  r[3] = 1;
  r[9] = 0;
  cr_assert_null(scs_linsys_indirect.init(s.A, s.P, r, NULL));
  r[9] = (scs_float)-2;
  cr_assert_null(scs_linsys_indirect.init(s.A, s.P, r, NULL));
  r[9] = (scs_float)INFINITY;
  cr_assert_null(scs_linsys_indirect.init(s.A, s.P, r, NULL));
  free(r);

  /* P must be n x n and an upper triangle; indices in range; values finite */
  double Pl[4] = {1, 0.5, 0.5, 1};
  ScsMatrix *Pfull = dense_to_csc(Pl, 2, 2, 0);
  ScsMatrix *A2 = dense_to_csc((double[]){1, 2, 3, 4}, 2, 2, 0);
  scs_float r2[4] = {1, 1, 1, 1};
  cr_assert_null(scs_linsys_indirect.init(A2, Pfull, r2, NULL));
  cr_assert(strstr(scs_last_error(), "below the diagonal"), "%s",
            scs_last_error());
  cr_assert_null(scs_linsys_indirect.init(A2, s.P, r2, NULL));
  cr_assert(strstr(scs_last_error(), "P must be 2 x 2"), "%s", scs_last_error());
  A2->i[1] = 5;
  cr_assert_null(scs_linsys_indirect.init(A2, NULL, r2, NULL));
  cr_assert(strstr(scs_last_error(), "out of range"), "%s", scs_last_error());
  A2->i[1] = 1;
  A2->x[0] = (scs_float)NAN;
  cr_assert_null(scs_linsys_indirect.init(A2, NULL, r2, NULL));
  cr_assert(strstr(scs_last_error(), "is NaN"), "%s", scs_last_error());
  csc_del(Pfull);
  csc_del(A2);

  /* solve: NULL and non-finite arguments */
  void *w = scs_linsys_indirect.init(s.A, s.P, s.r, NULL);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_float *b = rand_vec(12);
  cr_assert_lt(scs_linsys_indirect.solve(w, NULL, NULL, 1e-6), 0);
  cr_assert(strstr(scs_last_error(), "NULL"), "%s", scs_last_error());
  cr_assert_lt(scs_linsys_indirect.solve(NULL, b, NULL, 1e-6), 0);
  cr_assert_lt(scs_linsys_indirect.update_diag_r(NULL, s.r), 0);
  b[8] = (scs_float)NAN;
  cr_assert_lt(scs_linsys_indirect.solve(w, b, NULL, 1e-6), 0);
  cr_assert(strstr(scs_last_error(), "rhs[8]"), "%s", scs_last_error());
  b[8] = (scs_float)-INFINITY;
  cr_assert_lt(scs_linsys_indirect.solve(w, b, NULL, 1e-6), 0);
  b[8] = 1;
  scs_float *warm = rand_vec(12);
  warm[2] = (scs_float)NAN;
  cr_assert_lt(scs_linsys_indirect.solve(w, b, warm, 1e-6), 0);
  cr_assert(strstr(scs_last_error(), "warm[2]"), "%s", scs_last_error());
  warm[2] = 0;
  cr_assert_lt(scs_linsys_indirect.solve(w, b, NULL, (scs_float)NAN), 0);
  cr_assert(strstr(scs_last_error(), "tol"), "%s", scs_last_error());
  /* still usable after all that */
  cr_assert_geq(scs_linsys_indirect.solve(w, b, warm, 1e-6), 0, "%s",
                scs_last_error());
  free(b), free(warm);
  scs_linsys_indirect.free(w);
  sys_del(&s);
}

Test(indirect, vtable) {
  cr_assert_str_eq(scs_linsys_indirect.name, "sparse-indirect");
  cr_assert_eq(scs_linsys_indirect.abi_version, SCS_LINSYS_ABI_VERSION);
  cr_assert_eq(scs_linsys_indirect.flags, SCS_LINSYS_ITERATIVE);
  cr_assert_eq(scs_linsys_backend("indirect"), &scs_linsys_indirect);
  cr_assert_eq(scs_linsys_backend("sparse-indirect"), &scs_linsys_indirect);
}

/* ---- through the public API ------------------------------------------------ */

static void api_solve(TestProblem *tp, double obj_tol) {
  ScsSettings st;
  tp_settings(&st);
  st.lin_sys_backend = &scs_linsys_indirect;
  st.eps_abs = st.eps_rel = IS_FLOAT ? 1e-4 : 1e-5;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &st, &sol, &info);
  cr_assert_eq(flag, SCS_SOLVED, "%s: flag %d (%s): %s", tp->name, (int)flag,
               info.status, scs_last_error());
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < obj_tol,
            "%s: pobj %.10g, expected %.10g", tp->name, (double)info.pobj,
            tp->optimum);
  cr_assert(tp_rel_err(info.dobj, tp->optimum) < obj_tol,
            "%s: dobj %.10g, expected %.10g", tp->name, (double)info.dobj,
            tp->optimum);
  cr_assert_str_eq(info.lin_sys_solver, "sparse-indirect");
  cr_assert_gt(info.lin_sys_iters, 0, "%s: no CG iterations counted",
               tp->name);
  free(sol.x), free(sol.y), free(sol.s);
  tp_free(tp);
}

#define OBJ_TOL (IS_FLOAT ? 1e-3 : 1e-4)

Test(indirect_api, small_problems) {
  api_solve(tp_lp_small(), OBJ_TOL);
  api_solve(tp_qp_small(), OBJ_TOL);
  api_solve(tp_socp_ball(), OBJ_TOL);
}

Test(indirect_api, random_problems) {
  api_solve(tp_random(31, 15, 2, 25, 0, 0, 0, 0.3), OBJ_TOL); /* LP */
  api_solve(tp_random(32, 15, 2, 25, 0, 0, 1, 0.3), OBJ_TOL); /* QP */
  api_solve(tp_random(33, 12, 2, 6, 3, 4, 1, 0.3), OBJ_TOL);  /* SOCP */
}

/* the same workspace re-solves after scs_update (warm-start path) */
Test(indirect_api, resolve_after_update) {
  TestProblem *tp = tp_random(34, 15, 2, 25, 0, 0, 1, 0.3);
  ScsSettings st;
  tp_settings(&st);
  st.lin_sys_backend = &scs_linsys_indirect;
  ScsWork *w = scs_init(&tp->d, &tp->k, &st);
  cr_assert_not_null(w, "%s", scs_last_error());
  ScsSolution sol = {0};
  ScsInfo info = {0};
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < 10 * OBJ_TOL);
  scs_int first = info.lin_sys_iters;
  cr_assert_gt(first, 0);
  cr_assert_eq(scs_update(w, tp->d.b, tp->d.c), 0);
  cr_assert_eq(scs_solve(w, &sol, &info, 1), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < 10 * OBJ_TOL);
  cr_assert_str_eq(info.lin_sys_solver, "sparse-indirect");
  scs_finish(w);
  free(sol.x), free(sol.y), free(sol.s);
  tp_free(tp);
}

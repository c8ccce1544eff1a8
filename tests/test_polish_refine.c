/* The two refinements behind polishing, on their own:
 * - the interior-point one (src/polish_ipm.c): from its cold start, its
 *   steps keep s and y strictly inside and reach a KKT point of the LP/QP
 *   (degenerate vertices and faces included);
 * - the proximal augmented Lagrangian one (src/polish_alm.c): from any
 *   start, cold or deliberately wrong, its outer steps reach a KKT point.
 * Through scs_polish: test_polish.c, polish_by_*_alone. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>

#include "linalg.h"
#include "polish.h"
#include "polish_alm.h"
#include "polish_ipm.h"
#include "problems.h"
#include "work.h"

#if SCS_SFLOAT
#define KKT_TOL 1e-3
#else
#define KKT_TOL 1e-8
#endif

static ScsWork *workspace(const TestProblem *tp) {
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w);
  return w;
}

/* Largest KKT violation of (x, y) for the equilibrated data of w:
 * stationarity, primal feasibility (zero and nonnegative rows) and
 * complementarity, relative to the data's size. */
static double kkt_violation(const ScsWork *w, const scs_float *x,
                            const scs_float *y) {
  scs_int n = w->n, m = w->m, nz = w->cones->k.z;
  scs_float *g = calloc((size_t)n, sizeof(scs_float));
  scs_float *ax = calloc((size_t)m, sizeof(scs_float));
  if (w->P) scs_csc_sym_mul_add(w->P, x, g);
  scs_csc_mul_t_add(w->A, y, g);
  scs_csc_mul_add(w->A, x, ax);
  double worst = 0;
  double cs = 1 + scs_vec_norm_inf(w->c, n), bs = 1 + scs_vec_norm_inf(w->b, m);
  for (scs_int j = 0; j < n; ++j) worst = fmax(worst, fabs(g[j] + w->c[j]) / cs);
  for (scs_int i = 0; i < m; ++i) {
    double r = ax[i] - w->b[i]; /* -s */
    double v = i < nz ? fabs(r) : fmax(r, 0);
    worst = fmax(worst, v / bs);
    if (i >= nz) {
      worst = fmax(worst, fmax(-y[i], 0) / cs);
      worst = fmax(worst, fabs(y[i] * r) / (bs * cs));
    }
  }
  free(g);
  free(ax);
  return worst;
}

/* Outer steps from (x0, y0) until the point is a KKT point; returns the
 * violation reached. */
static double refine(const ScsWork *w, const scs_float *x0,
                     const scs_float *y0, int max_outer) {
  ScsAlm a;
  ScsPolishFactor f = {0};
  cr_assert_eq(scs_alm_init(&a, w, x0, y0), 0);
  int left = 500;
  double v = kkt_violation(w, a.x, a.y);
  for (int k = 0; k < max_outer && v > KKT_TOL && left > 0; ++k) {
    cr_assert_eq(scs_alm_outer(&a, w, &f, &left), 0);
    v = kkt_violation(w, a.x, a.y);
  }
  scs_alm_free(&a);
  scs_polish_factor_free(&f);
  return v;
}

/* The refinement from a cold start (x = 0, y = 0) or, with wrong, from a
 * wrong one (every multiplier 10, x moved) reaches a KKT point. */
static void reaches_kkt(TestProblem *tp, int wrong) {
  ScsWork *w = workspace(tp);
  scs_float *x = calloc((size_t)w->n, sizeof(scs_float));
  scs_float *y = calloc((size_t)w->m, sizeof(scs_float));
  for (scs_int j = 0; wrong && j < w->n; ++j) x[j] = (j % 3) - 1.0;
  for (scs_int i = 0; wrong && i < w->m; ++i) y[i] = 10;
  double v = refine(w, x, y, 60);
  cr_assert_lt(v, KKT_TOL, "%s: KKT violation %g", tp->name, v);
  free(x);
  free(y);
  scs_finish(w);
  tp_free(tp);
}

Test(polish_alm, cold_start_lp_and_qp) {
  reaches_kkt(tp_lp_small(), 0);
  reaches_kkt(tp_lp_equality(), 0);
  reaches_kkt(tp_qp_small(), 0);
}

/* Three constraints active at one vertex: the active rows are dependent,
 * which a reduced KKT solve cannot take. */
Test(polish_alm, cold_start_degenerate_vertex) {
  reaches_kkt(tp_lp_degenerate_vertex(), 0);
}

/* A whole optimal face (c parallel to a facet): dual degenerate. */
Test(polish_alm, cold_start_optimal_face) {
  reaches_kkt(tp_lp_optimal_face(), 0);
}

Test(polish_alm, cold_start_random) {
  for (int with_p = 0; with_p < 2; ++with_p)
    reaches_kkt(tp_random(11 + with_p, 40, 12, 60, 0, 0, with_p, 0.3), 0);
}

Test(polish_alm, wrong_start) {
  reaches_kkt(tp_random(5, 30, 10, 40, 0, 0, 1, 0.3), 1);
}

/* Interior-point steps from the cold start until a KKT point (at most
 * max_steps); s and y stay strictly positive on the nonnegative rows and
 * s = 0 on zero rows all along. Returns the violation reached. */
static double ipm_solve(const ScsWork *w, int max_steps) {
  ScsIpm q;
  ScsPolishFactor f = {0};
  cr_assert_eq(scs_ipm_init(&q, w, &f), 0);
  double v = INFINITY;
  for (int k = 0; k < max_steps && v > KKT_TOL; ++k) {
    cr_assert_eq(scs_ipm_step(&q, w, &f), 0);
    for (scs_int i = 0; i < w->m; ++i) {
      if (i < q.nz) {
        cr_assert_eq(q.s[i], 0);
      } else {
        cr_assert_gt(q.s[i], 0, "step %d: s[%d] = %g", k, (int)i, q.s[i]);
        cr_assert_gt(q.y[i], 0, "step %d: y[%d] = %g", k, (int)i, q.y[i]);
      }
    }
    v = kkt_violation(w, q.x, q.y);
  }
  scs_ipm_free(&q);
  scs_polish_factor_free(&f);
  return v;
}

static void ipm_reaches_kkt(TestProblem *tp) {
  ScsWork *w = workspace(tp);
  double v = ipm_solve(w, 60);
  cr_assert_lt(v, KKT_TOL, "%s: KKT violation %g", tp->name, v);
  scs_finish(w);
  tp_free(tp);
}

Test(polish_ipm, lp_and_qp) {
  ipm_reaches_kkt(tp_lp_small());
  ipm_reaches_kkt(tp_lp_equality());
  ipm_reaches_kkt(tp_qp_small());
}

Test(polish_ipm, degenerate_vertex) {
  ipm_reaches_kkt(tp_lp_degenerate_vertex());
}

Test(polish_ipm, optimal_face) { ipm_reaches_kkt(tp_lp_optimal_face()); }

Test(polish_ipm, random) {
  for (int seed = 0; seed < 6; ++seed)
    ipm_reaches_kkt(tp_random(21 + seed, 40 + 10 * seed, 10 + seed,
                              60 + 10 * seed, 0, 0, seed % 2, 0.3));
}

/* The merit (largest of the residuals and mu) of the last step is what
 * the polishing loop watches for stalls: it falls to rounding level. */
Test(polish_ipm, merit_falls) {
  TestProblem *tp = tp_random(3, 30, 8, 40, 0, 0, 1, 0.3);
  ScsWork *w = workspace(tp);
  ScsIpm q;
  ScsPolishFactor f = {0};
  cr_assert_eq(scs_ipm_init(&q, w, &f), 0);
#if SCS_SFLOAT
  double goal = 1e-3 * scs_ipm_merit(&q);
#else
  double goal = 1e-9 * scs_ipm_merit(&q);
#endif
  for (int k = 0; k < 40 && !(scs_ipm_merit(&q) < goal); ++k)
    cr_assert_eq(scs_ipm_step(&q, w, &f), 0);
  cr_assert_lt(scs_ipm_merit(&q), goal);
  scs_ipm_free(&q);
  scs_polish_factor_free(&f);
  scs_finish(w);
  tp_free(tp);
}

/* The proximal augmented Lagrangian refinement behind polishing
 * (src/polish_alm.c): from any start, cold or deliberately wrong, its
 * outer steps reach a KKT point of the LP/QP (degenerate vertices and
 * faces included), and through scs_polish it repairs what the active-set
 * rounds alone cannot. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "linalg.h"
#include "polish.h"
#include "polish_alm.h"
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

static void from_cold_start(TestProblem *tp) {
  ScsWork *w = workspace(tp);
  scs_float *x = calloc((size_t)w->n, sizeof(scs_float));
  scs_float *y = calloc((size_t)w->m, sizeof(scs_float));
  double v = refine(w, x, y, 60);
  cr_assert_lt(v, KKT_TOL, "%s: KKT violation %g", tp->name, v);
  free(x);
  free(y);
  scs_finish(w);
  tp_free(tp);
}

Test(polish_alm, cold_start_lp_and_qp) {
  from_cold_start(tp_lp_small());
  from_cold_start(tp_lp_equality());
  from_cold_start(tp_qp_small());
}

/* Three constraints active at the vertex (1, 1) of a two-variable LP:
 * the active rows are dependent, which a reduced KKT solve cannot take. */
Test(polish_alm, cold_start_degenerate_vertex) {
  static const double A[] = {1, 0, 0, 1, 1, 1};
  static const double b[] = {1, 1, 2};
  static const double c[] = {-1, -1};
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.l = 3;
  from_cold_start(tp_from_dense("vertex", 3, 2, A, NULL, b, c, &k, -2, 1));
}

/* A whole optimal face (c parallel to a facet): dual degenerate. */
Test(polish_alm, cold_start_optimal_face) {
  static const double A[] = {-1, -1, -1, 0, 0, -1};
  static const double b[] = {-1, 0, 0};
  static const double c[] = {1, 1};
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.l = 3;
  from_cold_start(tp_from_dense("face", 3, 2, A, NULL, b, c, &k, 1, 1));
}

Test(polish_alm, cold_start_random) {
  for (int with_p = 0; with_p < 2; ++with_p)
    from_cold_start(tp_random(11 + with_p, 40, 12, 60, 0, 0, with_p, 0.3));
}

/* The refinement from a wrong point: every multiplier large, x moved. */
Test(polish_alm, wrong_start) {
  TestProblem *tp = tp_random(5, 30, 10, 40, 0, 0, 1, 0.3);
  ScsWork *w = workspace(tp);
  scs_float *x = calloc((size_t)w->n, sizeof(scs_float));
  scs_float *y = calloc((size_t)w->m, sizeof(scs_float));
  for (scs_int j = 0; j < w->n; ++j) x[j] = (j % 3) - 1.0;
  for (scs_int i = 0; i < w->m; ++i) y[i] = 10;
  double v = refine(w, x, y, 60);
  cr_assert_lt(v, KKT_TOL, "KKT violation %g", v);
  free(x);
  free(y);
  scs_finish(w);
  tp_free(tp);
}

/* Through scs_polish with no active-set rounds at all: the refinement
 * alone turns a wrong iterate of an LP whose optimum is -2.5 into the
 * exact answer; with neither, there is no candidate and nothing changes. */
Test(polish_alm, polish_by_refinement_alone) {
  static const double A[] = {1, 0, 0, 1, 1, 1};
  static const double b[] = {1, 1, 1.5};
  static const double c[] = {-1, -2};
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.l = 3;
  TestProblem *tp = tp_from_dense("guess", 3, 2, A, NULL, b, c, &k, -2.5, 1);
  ScsWork *w = workspace(tp);
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  free_sol(&sol);
  scs_float tau = w->u[w->n + w->m];
  for (scs_int i = 0; i < w->m; ++i) {
    w->u[w->n + i] = 10 * tau;
    w->rsk[w->n + i] = 0;
  }
  w->u[0] += 0.5 * tau;
  scs_residuals_invalidate(&w->r);
  scs_residuals_update(w, 0);
  w->stgs.disable_polish = 0;
  scs_int l = w->n + w->m + 1;
  scs_float *u0 = malloc((size_t)l * sizeof(scs_float));
  memcpy(u0, w->u, (size_t)l * sizeof(scs_float));

  ScsPolishFactor f = {0};
  cr_assert_eq(scs_polish(w, &f, 0, 0, 0, 0, INFINITY, NULL),
               SCS_POLISH_FAILED);
  cr_assert_eq(memcmp(u0, w->u, (size_t)l * sizeof(scs_float)), 0);
  cr_assert_eq(scs_polish(w, &f, 0, 1, 0, 60, INFINITY, NULL),
               SCS_POLISH_ACCEPTED);
  scs_polish_factor_free(&f);
#if SCS_SFLOAT
  cr_assert_lt(fabs(w->r.pobj + 2.5), 1e-3, "pobj %g", (double)w->r.pobj);
#else
  cr_assert_lt(fabs(w->r.pobj + 2.5), 1e-7, "pobj %.17g", (double)w->r.pobj);
#endif
  free(u0);
  scs_finish(w);
  tp_free(tp);
}

/* Solution polishing (src/polish.c, docs/polishing.md): known answers that
 * ADMM alone misses at eps 1e-4, degenerate LPs, a wrong active-set guess
 * that must leave the ADMM answer untouched, and problems polishing must
 * not touch (infeasible, unbounded, SOCP, polishing off). */
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "polish.h"
#include "problems.h"
#include "work.h"

/* How exact a polished answer is: rounding of the build's scs_float. */
#if SCS_SFLOAT
#define EXACT 1e-4
#else
#define EXACT 1e-9
#endif

/* ||P x + A'y + c||_inf, P upper triangle */
static double dual_res(const ScsData *d, const scs_float *x,
                       const scs_float *y) {
  double *r = calloc((size_t)d->n, sizeof(double)), mx = 0;
  chk_mul(d->A, y, r, 1);
  if (d->P)
    for (scs_int j = 0; j < d->n; ++j)
      for (scs_int k = d->P->p[j]; k < d->P->p[j + 1]; ++k) {
        scs_int i = d->P->i[k];
        r[i] += d->P->x[k] * x[j];
        if (i != j) r[j] += d->P->x[k] * x[i];
      }
  for (scs_int j = 0; j < d->n; ++j) mx = fmax(mx, fabs(r[j] + d->c[j]));
  free(r);
  return mx;
}

/* The answer is a solution by the checks of the caller's data: residuals
 * below a tolerance, s in K, y in K*, complementary. */
static void assert_solution(const TestProblem *tp, const ScsSolution *sol,
                            double tol) {
  cr_assert_lt(chk_primal_res(&tp->d, sol->x, sol->s), tol);
  cr_assert_lt(dual_res(&tp->d, sol->x, sol->y), tol);
  cr_assert_lt(chk_primal_cone_violation(&tp->k, sol->s), tol);
  cr_assert_lt(chk_dual_cone_violation(&tp->k, sol->y), tol);
  cr_assert_lt(fabs(chk_dot(sol->s, sol->y, tp->d.m)), tol);
}

static scs_int solve(const TestProblem *tp, int polish, ScsSolution *sol,
                     ScsInfo *info, scs_int max_iters) {
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = !polish;
  if (max_iters > 0) s.max_iters = max_iters;
  memset(info, 0, sizeof(*info));
  return scs(&tp->d, &tp->k, &s, sol, info);
}

/* HS268 of the Maros-Meszaros set: 5 variables, 5 inequalities, a dense,
 * badly conditioned P. Objective constant 14463, optimum 5.7310705e-07. */
static TestProblem *hs268(void) {
  static const double A[] = {/* rows "G": a'x >= r, as -a'x + s = -r */
                             1,   1,  1,  1,  1,  -10, -10, 3, -5, -4,
                             8,   -1, 2,  5,  -3, -8,  1,   -2, -5, 3,
                             4,   2,  -3, 5,  -1};
  static const double b[] = {5, -20, 40, -11, 30};
  static const double c[] = {18340, -34198, 4542, 8672, 86};
  static const double P[] = {
      20394, -24908, -2026, 3896,  658,   -24908, 41818, -3466, -9828,
      -372,  -2026,  -3466, 3510,  2178,  -348,   3896,  -9828, 2178,
      3030,  -44,    658,   -372,  -348,  -44,    54};
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.l = 5;
  return tp_from_dense("hs268", 5, 5, A, P, b, c, &k, 5.7310705e-07 - 14463,
                       SCS_SOLVED);
}

/* error of the file's objective (with its constant), as the benchmark
 * runner measures it */
static double hs268_err(double pobj) {
  return tp_rel_err(pobj + 14463, 5.7310705e-07);
}

/* HS268's optimum, 5.7e-7 next to an objective constant of 14463, is
 * below single precision's resolution (14463 * 6e-8 = 9e-4): those builds
 * cannot tell a right answer from a wrong one there. */
#define SKIP_HS268_IN_SFLOAT()                                              \
  do {                                                                     \
    if (SCS_SFLOAT) cr_skip_test("HS268 needs double precision");          \
  } while (0)

Test(polish, qp_hs268_exact_where_admm_is_not) {
  SKIP_HS268_IN_SFLOAT();
  TestProblem *tp = hs268();
  ScsSolution admm = {0}, pol = {0};
  ScsInfo ia, ip;
  cr_assert_eq(solve(tp, 0, &admm, &ia, 0), SCS_SOLVED);
  cr_assert_eq(ia.polish_status, SCS_POLISH_NOT_RUN);
  cr_assert_gt(hs268_err(ia.pobj), 1e-3, "ADMM alone is off: %g",
               hs268_err(ia.pobj));
  cr_assert_eq(solve(tp, 1, &pol, &ip, 0), SCS_SOLVED);
  cr_assert_eq(ip.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_lt(hs268_err(ip.pobj), 1e-6, "polished error %g",
               hs268_err(ip.pobj));
  cr_assert_lt(hs268_err(chk_objective(&tp->d, pol.x)), 1e-6);
  assert_solution(tp, &pol, 1e-6);
  cr_assert_leq(ip.res_pri, ia.res_pri + 1e-12);
  cr_assert_leq(ip.res_dual, ia.res_dual + 1e-12);
  cr_assert_geq(ip.polish_time, 0);
  cr_assert_leq(ip.polish_time, ip.solve_time);
  free_sol(&admm);
  free_sol(&pol);
  tp_free(tp);
}

/* Stopped by max_iters before ADMM converged: the polished point passes
 * the termination test, so the solve reports solved. */
Test(polish, unfinished_solve_finished_by_polishing) {
  SKIP_HS268_IN_SFLOAT();
  TestProblem *tp = hs268();
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(solve(tp, 0, &sol, &info, 5), SCS_SOLVED_INACCURATE);
  cr_assert_eq(solve(tp, 1, &sol, &info, 5), SCS_SOLVED);
  cr_assert_eq(info.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_leq(info.iter, 5);
  cr_assert_lt(hs268_err(info.pobj), 1e-6);
  assert_solution(tp, &sol, 1e-6);
  free_sol(&sol);
  tp_free(tp);
}

/* Dual degenerate: min x1 + x2, x1 + x2 >= 1, x >= 0 has a whole optimal
 * edge; the reduced system is singular along it. */
Test(polish, lp_dual_degenerate_face) {
  TestProblem *tp = tp_lp_optimal_face();
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(solve(tp, 1, &sol, &info, 0), SCS_SOLVED);
  cr_assert_eq(info.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_lt(fabs(chk_objective(&tp->d, sol.x) - 1), EXACT);
  assert_solution(tp, &sol, EXACT);
  free_sol(&sol);
  tp_free(tp);
}

/* Primal degenerate: three constraints active at the vertex (1, 1) of a
 * two-variable LP, so the active rows are linearly dependent. */
Test(polish, lp_primal_degenerate_vertex) {
  TestProblem *tp = tp_lp_degenerate_vertex();
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(solve(tp, 1, &sol, &info, 0), SCS_SOLVED);
  cr_assert_eq(info.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_lt(fabs(sol.x[0] - 1) + fabs(sol.x[1] - 1), EXACT);
  cr_assert_lt(fabs(info.pobj + 2), EXACT);
  assert_solution(tp, &sol, EXACT);
  free_sol(&sol);
  tp_free(tp);
}

/* Equalities and inequalities with a planted solution. */
Test(polish, random_lp_and_qp) {
  for (int with_p = 0; with_p < 2; ++with_p) {
    TestProblem *tp = tp_random(7 + with_p, 30, 8, 50, 0, 0, with_p, 0.3);
    ScsSolution sol = {0};
    ScsInfo info;
    cr_assert_eq(solve(tp, 1, &sol, &info, 0), SCS_SOLVED);
    /* single precision: best effort (docs/polishing.md, "Limits") */
    if (!SCS_SFLOAT)
      cr_assert_eq(info.polish_status, SCS_POLISH_ACCEPTED, "with_p %d: %d",
                   with_p, (int)info.polish_status);
    if (info.polish_status == SCS_POLISH_ACCEPTED) {
      cr_assert_lt(tp_rel_err(info.pobj, tp->optimum), 10 * EXACT);
      assert_solution(tp, &sol, 100 * EXACT);
    }
    free_sol(&sol);
    tp_free(tp);
  }
}

/* An iterate with a wrong active-set guess (every inequality active with
 * a large multiplier: inconsistent equations, x off the optimum). The
 * rounds may repair the guess: then the answer must be exact. A polished
 * point that is not good enough (here: must pass a termination test with
 * tolerances it cannot meet) must leave the iterate exactly as it was. */
static ScsWork *wrong_guess(TestProblem *tp) {
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w);
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
  return w;
}

static TestProblem *guess_lp(void) {
  static const double A[] = {1, 0, 0, 1, 1, 1};
  static const double b[] = {1, 1, 1.5};
  static const double c[] = {-1, -2};
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.l = 3;
  return tp_from_dense("guess", 3, 2, A, NULL, b, c, &k, -2.5, 1);
}

/* A malloc'd copy of an iterate vector (u or rsk, length n + m + 1), to
 * check later that it was left bit for bit. */
static scs_float *saved(const ScsWork *w, const scs_float *v) {
  size_t bytes = (size_t)(w->n + w->m + 1) * sizeof(scs_float);
  scs_float *copy = malloc(bytes);
  memcpy(copy, v, bytes);
  return copy;
}

/* Every stage of polishing, with room to spare */
static const ScsPolishLimits FULL = {6, 1, 60, 1e6};

Test(polish, wrong_guess_repaired_or_rejected) {
  TestProblem *tp = guess_lp();
  ScsWork *w = wrong_guess(tp);
  scs_int l = w->n + w->m + 1;
  scs_float *u0 = saved(w, w->u);
  ScsPolishFactor f = {0};
  scs_int st = scs_polish(w, &f, 0, 0, &FULL, INFINITY, NULL);
  scs_polish_factor_free(&f);
  if (st == SCS_POLISH_ACCEPTED) {
    cr_assert_lt(fabs(w->r.pobj + 2.5), EXACT, "pobj %g", (double)w->r.pobj);
    cr_assert_lt(scs_residuals_merit(w), 1e-3);
  } else {
    cr_assert_eq(memcmp(u0, w->u, (size_t)l * sizeof(scs_float)), 0);
  }
  free(u0);
  scs_finish(w);
  tp_free(tp);
}

/* With no active-set rounds at all, either refinement alone (the
 * interior-point one of polish_ipm.c, the augmented Lagrangian one of
 * polish_alm.c) turns the wrong iterate into the exact answer; with
 * neither there is no candidate and nothing changes. */
static void refine_alone(int ipm, int alm_factors) {
  TestProblem *tp = guess_lp();
  ScsWork *w = wrong_guess(tp);
  scs_int l = w->n + w->m + 1;
  scs_float *u0 = saved(w, w->u);
  ScsPolishFactor f = {0};
  ScsPolishLimits none = {0, 0, 0, 1e6};
  ScsPolishLimits alone = {0, ipm, alm_factors, 1e6};
  cr_assert_eq(scs_polish(w, &f, 0, 0, &none, INFINITY, NULL),
               SCS_POLISH_FAILED);
  cr_assert_eq(memcmp(u0, w->u, (size_t)l * sizeof(scs_float)), 0);
  cr_assert_eq(scs_polish(w, &f, 0, 1, &alone, INFINITY, NULL),
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

Test(polish, polish_by_interior_point_alone) { refine_alone(1, 0); }

Test(polish, polish_by_augmented_lagrangian_alone) { refine_alone(0, 60); }

Test(polish, rejected_point_leaves_the_iterate) {
  TestProblem *tp = guess_lp();
  ScsWork *w = wrong_guess(tp);
  scs_int l = w->n + w->m + 1;
  w->stgs.eps_abs = w->stgs.eps_rel = -1; /* no point can pass */
  scs_residuals_invalidate(&w->r);
  scs_residuals_update(w, 0);
  scs_float *u0 = saved(w, w->u), *rsk0 = saved(w, w->rsk);
  scs_float pobj0 = w->r.pobj, res0 = w->r.res_pri;
  double ms = 0;
  ScsPolishFactor f = {0};
  scs_int st = scs_polish(w, &f, 0, 1, &FULL, INFINITY, &ms);
  scs_polish_factor_free(&f);
  cr_assert(st == SCS_POLISH_REJECTED || st == SCS_POLISH_FAILED,
            "status %d", (int)st);
  cr_assert_eq(memcmp(u0, w->u, (size_t)l * sizeof(scs_float)), 0);
  cr_assert_eq(memcmp(rsk0, w->rsk, (size_t)l * sizeof(scs_float)), 0);
  cr_assert_eq(w->r.pobj, pobj0);
  cr_assert_eq(w->r.res_pri, res0);
  cr_assert_gt(ms, 0);
  free(u0);
  free(rsk0);
  scs_finish(w);
  tp_free(tp);
}

/* Certificates and non-polyhedral cones are never polished. */
Test(polish, untouched_problems) {
  struct {
    TestProblem *(*make)(void);
    scs_int status;
  } cases[] = {{tp_lp_infeasible, SCS_INFEASIBLE},
               {tp_qp_infeasible, SCS_INFEASIBLE},
               {tp_lp_unbounded, SCS_UNBOUNDED},
               {tp_qp_unbounded, SCS_UNBOUNDED},
               {tp_socp_ball, SCS_SOLVED},
               {tp_socp_cone, SCS_SOLVED},
               {tp_qp_box, SCS_SOLVED}};
  for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); ++c) {
    TestProblem *tp = cases[c].make();
    ScsSolution sol = {0};
    ScsInfo info;
    cr_assert_eq(solve(tp, 1, &sol, &info, 0), cases[c].status, "%s",
                 tp->name);
    cr_assert_eq(info.polish_status, SCS_POLISH_NOT_RUN, "%s", tp->name);
    cr_assert_eq(info.polish_time, 0);
    free_sol(&sol);
    tp_free(tp);
  }
}

/* Off means off: ADMM's answer. On, an early polish may end the solve
 * sooner, with the exact answer. */
Test(polish, disabled_gives_the_admm_answer) {
  TestProblem *tp = tp_lp_small();
  ScsSolution a = {0}, b = {0};
  ScsInfo ia, ib;
  cr_assert_eq(solve(tp, 0, &a, &ia, 0), SCS_SOLVED);
  cr_assert_eq(solve(tp, 1, &b, &ib, 0), SCS_SOLVED);
  cr_assert_eq(ia.polish_status, SCS_POLISH_NOT_RUN);
  if (!SCS_SFLOAT) cr_assert_gt(tp_rel_err(ia.pobj, tp->optimum), EXACT);
  cr_assert_lt(tp_rel_err(ia.pobj, tp->optimum), 1e-3);
  cr_assert_eq(ib.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_leq(ib.iter, ia.iter);
  cr_assert_lt(tp_rel_err(ib.pobj, tp->optimum), EXACT);
  free_sol(&a);
  free_sol(&b);
  tp_free(tp);
}

Test(polish, status_names) {
  cr_assert_str_eq(scs_polish_status_name(SCS_POLISH_ACCEPTED), "accepted");
  cr_assert_str_eq(scs_polish_status_name(SCS_POLISH_REJECTED), "rejected");
  cr_assert_str_eq(scs_polish_status_name(SCS_POLISH_FAILED), "failed");
  cr_assert_str_eq(scs_polish_status_name(SCS_POLISH_NOT_RUN), "not run");
  cr_assert_str_eq(scs_polish_status_name(42), "not run");
}

/* Polishing's cost is bounded by counting rounds, not by timing: the same
 * solve twice gives the same answer, bit for bit. */
Test(polish, deterministic) {
  TestProblem *tp = tp_random(11, 40, 5, 70, 0, 0, 1, 0.3);
  ScsSolution a = {0}, b = {0};
  ScsInfo ia, ib;
  solve(tp, 1, &a, &ia, 0);
  solve(tp, 1, &b, &ib, 0);
  cr_assert_eq(ia.iter, ib.iter);
  cr_assert_eq(ia.polish_status, ib.polish_status);
  cr_assert_eq(memcmp(a.x, b.x, (size_t)tp->d.n * sizeof(scs_float)), 0);
  cr_assert_eq(memcmp(a.y, b.y, (size_t)tp->d.m * sizeof(scs_float)), 0);
  free_sol(&a);
  free_sol(&b);
  tp_free(tp);
}

/* At iteration 2000 an attempt is made whatever the ratios, with the
 * interior-point refinement when the rounds fail. This random LP at
 * tolerances of 1e-13 is one ADMM does not finish in 6000 iterations, and
 * whose earlier attempts fail: the solve ends exactly at the first check
 * past 2000 (docs/polishing.md, "When it runs"). */
Test(polish, attempt_at_iteration_2000) {
  if (SCS_SFLOAT) cr_skip_test("1e-13 is below single precision");
  TestProblem *tp = tp_random(11, 60, 10, 80, 0, 0, 0, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = 1e-13;
  s.max_iters = 6000;
  ScsSolution sol = {0};
  ScsInfo info;
  s.disable_polish = 1;
  scs_int st = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_eq(st, SCS_SOLVED_INACCURATE, "status %d at %d", (int)st,
               (int)info.iter);
  s.disable_polish = 0;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &info), SCS_SOLVED);
  cr_assert_eq(info.polish_status, SCS_POLISH_ACCEPTED);
  cr_assert_geq(info.iter, 2000);
  cr_assert_lt(info.iter, 2100, "iter %d", (int)info.iter);
  assert_solution(tp, &sol, 1e-9);
  free_sol(&sol);
  tp_free(tp);
}

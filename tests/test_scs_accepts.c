/* Inputs SCS 3.2 accepts with a defined meaning are accepted with that
 * meaning (docs/scs_compatibility.md): zero tolerances, zero-size cones,
 * empty cone lists, the time-limit and acceleration edge values, and the
 * statuses at max_iters when infeasibility detection is off. */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

/* solve tp with s; returns the status; sol must be freed by sol_free */
static scs_int run(TestProblem *tp, const ScsSettings *s, ScsSolution *sol,
                   ScsInfo *info) {
  memset(sol, 0, sizeof(*sol));
  memset(info, 0, sizeof(*info));
  return scs(&tp->d, &tp->k, s, sol, info);
}

static void sol_free(ScsSolution *sol) {
  free(sol->x);
  free(sol->y);
  free(sol->s);
  memset(sol, 0, sizeof(*sol));
}

/* relative objective error at the default tolerances */
#if SCS_SFLOAT
#define TOL 1e-3
#else
#define TOL 1e-4
#endif

static void expect_solved(TestProblem *tp, const ScsSettings *s,
                          double obj_tol) {
  ScsSolution sol;
  ScsInfo info;
  scs_int st = run(tp, s, &sol, &info);
  cr_assert_eq(st, SCS_SOLVED, "%s: status %lld (%s)", tp->name,
               (long long)st, info.status);
  double obj = chk_objective(&tp->d, sol.x);
  cr_assert_lt(tp_rel_err(obj, tp->optimum), obj_tol, "%s: objective %g != %g",
               tp->name, obj, tp->optimum);
  if (tp->x_opt)
    for (scs_int j = 0; j < tp->d.n; ++j)
      cr_assert_lt(fabs(sol.x[j] - tp->x_opt[j]), 100 * obj_tol,
                   "%s: x[%lld] = %g, expected %g", tp->name, (long long)j,
                   (double)sol.x[j], tp->x_opt[j]);
  sol_free(&sol);
}

/* ---- eps_infeas = 0: infeasibility detection off ---------------------- */

/* HS21 (Hock & Schittkowski no. 21) without its constant -100:
 * min 0.01 x1^2 + x2^2  s.t. 10 x1 - x2 >= 10, 2 <= x1 <= 50,
 * -50 <= x2 <= 50. Optimum 0.04 at (2, 0). */
static TestProblem *hs21(void) {
  double A[] = {-10, 1, -1, 0, 1, 0, 0, -1, 0, 1};
  double b[] = {-10, -2, 50, 50, 50}, c[] = {0, 0};
  double P[] = {0.02, 0, 0, 2};
  ScsCone k = {0};
  k.l = 5;
  TestProblem *tp = tp_from_dense("hs21", 5, 2, A, P, b, c, &k, 0.04,
                                  SCS_SOLVED);
  tp->x_opt = calloc(2, sizeof(double));
  tp->x_opt[0] = 2;
  return tp;
}

Test(scs_accepts, eps_infeas_zero_tiny_qp) {
  TestProblem *tp = hs21();
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = 1e-6;
  s.eps_rel = 1e-6;
  s.eps_infeas = 0;
  expect_solved(tp, &s, TOL);
  tp_free(tp);
  tp = tp_qp_small();
  expect_solved(tp, &s, TOL);
  tp_free(tp);
}

/* x >= 1 and x <= 0: infeasible. */
static TestProblem *tiny_infeasible(void) {
  double A[] = {-1, 1}, b[] = {-1, 0}, c[] = {1};
  ScsCone k = {0};
  k.l = 2;
  return tp_from_dense("tiny_infeasible", 2, 1, A, NULL, b, c, &k, 0,
                       SCS_INFEASIBLE);
}

/* min -x s.t. x >= 0: unbounded. */
static TestProblem *tiny_unbounded(void) {
  double A[] = {-1}, b[] = {0}, c[] = {-1};
  ScsCone k = {0};
  k.l = 1;
  return tp_from_dense("tiny_unbounded", 1, 1, A, NULL, b, c, &k, 0,
                       SCS_UNBOUNDED);
}

/* With eps_infeas = 0 the solve runs to max_iters and reports the
 * certificate the last iterate points to, marked inaccurate. */
static void expect_inaccurate_certificate(TestProblem *tp, scs_int want,
                                          const char *want_status) {
  ScsSettings s;
  tp_settings(&s);
  s.eps_infeas = 0;
  s.max_iters = 100;
  ScsSolution sol;
  ScsInfo info;
  scs_int st = run(tp, &s, &sol, &info);
  cr_assert_eq(st, want, "%s: status %lld (%s)", tp->name, (long long)st,
               info.status);
  cr_assert_eq(info.status_val, want);
  cr_assert_eq(info.iter, 100, "%s: iter %lld", tp->name,
               (long long)info.iter);
  cr_assert_str_eq(info.status, want_status);
  if (want == SCS_INFEASIBLE_INACCURATE) {
    /* y scaled to b'y = -1, x and s NaN, as SCS's set_infeasible */
    cr_assert_lt(fabs(chk_dot(tp->d.b, sol.y, tp->d.m) + 1), 1e-6);
    cr_assert(isnan(sol.x[0]) && isnan(sol.s[0]));
    cr_assert(isinf(info.pobj) && info.pobj > 0);
  } else {
    /* x, s scaled to c'x = -1, y NaN, as SCS's set_unbounded */
    cr_assert_lt(fabs(chk_dot(tp->d.c, sol.x, tp->d.n) + 1), 1e-6);
    cr_assert(isnan(sol.y[0]));
    cr_assert(isinf(info.dobj) && info.dobj < 0);
  }
  sol_free(&sol);
  /* control: with the default eps_infeas the certificate is found early */
  tp_settings(&s);
  s.max_iters = 100;
  st = run(tp, &s, &sol, &info);
  cr_assert_eq(st, tp->expected, "%s: default eps_infeas: status %lld",
               tp->name, (long long)st);
  cr_assert_lt(info.iter, 100);
  sol_free(&sol);
}

Test(scs_accepts, eps_infeas_zero_infeasible_lp) {
  TestProblem *tp = tiny_infeasible();
  expect_inaccurate_certificate(tp, SCS_INFEASIBLE_INACCURATE,
                                "infeasible (inaccurate - reached max_iters)");
  tp_free(tp);
  tp = tp_lp_infeasible();
  expect_inaccurate_certificate(tp, SCS_INFEASIBLE_INACCURATE,
                                "infeasible (inaccurate - reached max_iters)");
  tp_free(tp);
}

Test(scs_accepts, eps_infeas_zero_unbounded_lp) {
  TestProblem *tp = tiny_unbounded();
  expect_inaccurate_certificate(tp, SCS_UNBOUNDED_INACCURATE,
                                "unbounded (inaccurate - reached max_iters)");
  tp_free(tp);
  tp = tp_lp_unbounded();
  expect_inaccurate_certificate(tp, SCS_UNBOUNDED_INACCURATE,
                                "unbounded (inaccurate - reached max_iters)");
  tp_free(tp);
}

/* ---- eps_abs = eps_rel = 0: never converged, runs to max_iters -------- */

Test(scs_accepts, zero_optimality_tolerances) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = 0;
  s.eps_rel = 0;
  s.max_iters = 300;
  ScsSolution sol;
  ScsInfo info;
  scs_int st = run(tp, &s, &sol, &info);
  cr_assert_eq(st, SCS_SOLVED_INACCURATE, "status %lld (%s)", (long long)st,
               info.status);
  cr_assert_eq(info.iter, 300);
  cr_assert_str_eq(info.status, "solved (inaccurate - reached max_iters)");
  cr_assert_lt(tp_rel_err(chk_objective(&tp->d, sol.x), tp->optimum), 1e-4);
  sol_free(&sol);
  /* one zero tolerance alone is a valid, reachable setting */
  tp_settings(&s);
  s.eps_abs = 0;
  expect_solved(tp, &s, TOL);
  tp_settings(&s);
  s.eps_rel = 0;
  expect_solved(tp, &s, TOL);
  tp_free(tp);
}

/* ---- zero-size and empty cones ---------------------------------------- */

/* Solve tp as given and with the cone replaced by `alt` (the same rows):
 * same status, same answer. */
static void expect_same_answer(TestProblem *tp, const ScsCone *alt) {
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = SCS_SFLOAT ? 1e-4 : 1e-7;
  ScsSolution s0, s1;
  ScsInfo i0, i1;
  scs_int st0 = run(tp, &s, &s0, &i0);
  ScsCone keep = tp->k;
  tp->k = *alt;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s: scs_init rejected the cone: %s", tp->name,
                     scs_last_error());
  scs_finish(w);
  scs_int st1 = run(tp, &s, &s1, &i1);
  tp->k = keep;
  cr_assert_eq(st0, SCS_SOLVED, "%s: reference status %lld", tp->name,
               (long long)st0);
  cr_assert_eq(st1, st0, "%s: status %lld with the empty cones (%s)", tp->name,
               (long long)st1, i1.status);
  double tol = SCS_SFLOAT ? 1e-3 : 1e-5;
  for (scs_int j = 0; j < tp->d.n; ++j)
    cr_assert_lt(fabs(s0.x[j] - s1.x[j]), tol, "%s: x[%lld] %g vs %g",
                 tp->name, (long long)j, (double)s0.x[j], (double)s1.x[j]);
  for (scs_int i = 0; i < tp->d.m; ++i) {
    cr_assert_lt(fabs(s0.y[i] - s1.y[i]), tol, "%s: y[%lld]", tp->name,
                 (long long)i);
    cr_assert_lt(fabs(s0.s[i] - s1.s[i]), tol, "%s: s[%lld]", tp->name,
                 (long long)i);
  }
  cr_assert_lt(tp_rel_err(i1.pobj, tp->optimum), SCS_SFLOAT ? 1e-3 : 1e-4);
  sol_free(&s0);
  sol_free(&s1);
}

Test(scs_accepts, soc_size_zero_between_cones) {
  /* planted problem: z = 2, l = 3, two SOCs of size 4 */
  TestProblem *tp = tp_random(11, 6, 2, 3, 2, 4, 1, 0.6);
  scs_int q[] = {0, 4, 0, 0, 4, 0};
  ScsCone k = tp->k;
  k.q = q;
  k.qsize = 6;
  expect_same_answer(tp, &k);
  tp_free(tp);
  /* a cone list of size-0 SOCs only is an empty SOC part */
  tp = tp_qp_small();
  scs_int q0[] = {0, 0};
  k = tp->k;
  k.q = q0;
  k.qsize = 2;
  expect_same_answer(tp, &k);
  tp_free(tp);
}

/* min X11 + X22 s.t. X21 = 1, X = [[X11, X21], [X21, X22]] PSD:
 * X = [[1, 1], [1, 1]], optimum 2. Variables (X11, X21, X22); rows: the
 * zero row X21 = 1, then svec(X) = (X11, sqrt2 X21, X22) in S^2. */
static TestProblem *tiny_sdp(scs_int *s2) {
  double r2 = sqrt(2.0);
  double A[] = {0, 1, 0, -1, 0, 0, 0, -r2, 0, 0, 0, -1};
  double b[] = {1, 0, 0, 0}, c[] = {1, 0, 1};
  ScsCone k = {0};
  k.z = 1;
  TestProblem *tp =
      tp_from_dense("tiny_sdp", 4, 3, A, NULL, b, c, &k, 2, SCS_SOLVED);
  s2[0] = 2;
  tp->k.s = s2; /* not copied by tp_from_dense, not freed by tp_free */
  tp->k.ssize = 1;
  tp->x_opt = calloc(3, sizeof(double));
  tp->x_opt[0] = tp->x_opt[1] = tp->x_opt[2] = 1;
  return tp;
}

Test(scs_accepts, psd_order_zero_and_empty_lists) {
  scs_int s2[1];
  TestProblem *tp = tiny_sdp(s2);
  ScsSettings st;
  tp_settings(&st);
  expect_solved(tp, &st, 1e-4);
  /* size-0 real and complex PSD cones around the real one */
  scs_int s[] = {0, 2, 0}, cs[] = {0, 0};
  ScsCone k = tp->k;
  k.s = s;
  k.ssize = 3;
  k.cs = cs;
  k.cssize = 2;
  expect_same_answer(tp, &k);
  /* only size-0 PSD cones next to an LP */
  TestProblem *lp = tp_lp_small();
  k = lp->k;
  k.s = s;
  k.ssize = 1; /* s[0] = 0 */
  k.cs = cs;
  k.cssize = 2;
  expect_same_answer(lp, &k);
  tp_free(lp);
  tp->k.s = NULL;
  tp_free(tp);
}

Test(scs_accepts, empty_cone_lists_with_arrays) {
  /* zero counts with non-NULL arrays (or NULL) mean "no such cones" */
  TestProblem *tp = tp_lp_small();
  scs_int dummy_i[] = {5};
  scs_float dummy_f[] = {0.5}, dummy_b[] = {-1};
  ScsCone k = tp->k;
  k.q = dummy_i;
  k.qsize = 0;
  k.s = dummy_i;
  k.ssize = 0;
  k.cs = dummy_i;
  k.cssize = 0;
  k.p = dummy_f;
  k.psize = 0;
  k.bl = dummy_b;
  k.bu = dummy_f;
  k.bsize = 0;
  k.ep = k.ed = 0;
  expect_same_answer(tp, &k);
  tp_free(tp);
}

Test(scs_accepts, box_of_size_one) {
  /* bsize = 1: the box cone {t >= 0} with no bounds (arrays unused) */
  TestProblem *tp = tp_lp_small();
  ScsCone k = tp->k;
  cr_assert_geq(k.l, 1);
  k.l -= 1;
  k.bsize = 1;
  k.bl = k.bu = NULL;
  expect_same_answer(tp, &k);
  tp_free(tp);
}

/* ---- settings edge values SCS accepts ----------------------------------- */

Test(scs_accepts, time_limit_zero_and_infinite_mean_no_limit) {
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  s.time_limit_secs = 0;
  expect_solved(tp, &s, TOL);
  s.time_limit_secs = INFINITY;
  expect_solved(tp, &s, TOL);
  tp_free(tp);
}

Test(scs_accepts, max_iters_one) {
  /* the smallest max_iters: exactly one iteration, an inaccurate status
   * (SCS's; libscs's polishing would finish this LP: test_polish.c) */
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  s.max_iters = 1;
  ScsSolution sol;
  ScsInfo info;
  scs_int st = run(tp, &s, &sol, &info);
  cr_assert(st == SCS_SOLVED_INACCURATE || st == SCS_INFEASIBLE_INACCURATE ||
                st == SCS_UNBOUNDED_INACCURATE,
            "status %lld", (long long)st);
  cr_assert_eq(info.iter, 1);
  sol_free(&sol);
  tp_free(tp);
}

Test(scs_accepts, acceleration_lookback_zero) {
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  s.acceleration_lookback = 0;
  ScsSolution sol;
  ScsInfo info;
  cr_assert_eq(run(tp, &s, &sol, &info), SCS_SOLVED);
  cr_assert_eq(info.accepted_accel_steps, 0);
  cr_assert_eq(info.rejected_accel_steps, 0);
  sol_free(&sol);
  tp_free(tp);
}

/* SCS 3.2: acceleration_lookback < 0 means type-II Anderson acceleration
 * with memory |acceleration_lookback|. */
Test(scs_accepts, acceleration_lookback_negative_is_type_2) {
  TestProblem *tp = tp_random(5, 20, 3, 10, 3, 5, 1, 0.4);
  ScsSettings s;
  tp_settings(&s);
  s.acceleration_lookback = -5;
  s.acceleration_interval = 1;
  ScsSolution sol;
  ScsInfo info;
  scs_int st = run(tp, &s, &sol, &info);
  cr_assert_eq(st, SCS_SOLVED, "status %lld (%s)", (long long)st, info.status);
  cr_assert_lt(tp_rel_err(chk_objective(&tp->d, sol.x), tp->optimum), 1e-3);
  /* acceleration ran (it is off with lookback 0) */
  cr_assert_gt(info.accepted_accel_steps + info.rejected_accel_steps, 0,
               "no Anderson step with acceleration_lookback = -5");
  sol_free(&sol);
  /* the same as lookback 5 with acceleration_type_1 = 0 */
  ScsInfo info2;
  s.acceleration_lookback = 5;
  s.acceleration_type_1 = 0;
  cr_assert_eq(run(tp, &s, &sol, &info2), SCS_SOLVED);
  cr_assert_eq(info2.iter, info.iter, "type-II: %lld iterations, lookback -5: "
               "%lld", (long long)info2.iter, (long long)info.iter);
  sol_free(&sol);
  tp_free(tp);
}

Test(scs_accepts, acceleration_lookback_at_the_limit) {
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  s.acceleration_lookback = 46340; /* capped at n + m + 1 by the solver */
  expect_solved(tp, &s, TOL);
  tp_free(tp);
}

Test(scs_accepts, scale_and_rho_x_extremes) {
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  /* far from the defaults but still well inside what converges */
  double scales[] = {1e-4, 1e4};
  double rhos[] = {1e-8, 1};
  for (int i = 0; i < 2; ++i) {
    tp_settings(&s);
    s.scale = (scs_float)scales[i];
    expect_solved(tp, &s, 1e-3);
    tp_settings(&s);
    s.rho_x = (scs_float)rhos[i];
    expect_solved(tp, &s, 1e-3);
  }
  /* the extremes of the floating type pass validation (as in SCS, any
   * positive finite value); the solve then either runs or reports a
   * factorization failure (1 / (1000 scale) underflows to a zero pivot, as
   * in SCS), never crashes */
  scs_float ext[] = {SCS_SFLOAT ? FLT_MIN : DBL_MIN,
                     SCS_SFLOAT ? FLT_MAX : DBL_MAX};
  for (int i = 0; i < 2; ++i)
    for (int which = 0; which < 2; ++which) {
      tp_settings(&s);
      s.max_iters = 200;
      if (which) s.rho_x = ext[i];
      else s.scale = ext[i];
      ScsWork *w = scs_init(&tp->d, &tp->k, &s);
      if (!w) {
        const char *e = scs_last_error();
        cr_assert(strstr(e, "settings:") == NULL,
                  "%s = %g rejected by validation: %s",
                  which ? "rho_x" : "scale", (double)ext[i], e);
        continue;
      }
      ScsSolution sol = {0};
      ScsInfo info;
      scs_int st = scs_solve(w, &sol, &info, 0);
      cr_assert(st != SCS_SIGINT && st != SCS_UNFINISHED, "status %lld",
                (long long)st);
      scs_finish(w);
      sol_free(&sol);
    }
  tp_free(tp);
}

/* Known-answer LP, QP and SOCP problems solved through the public API. */
#include <criterion/criterion.h>
#include <math.h>

#include "checks.h"
#include "problems.h"

static const double TOL = sizeof(scs_float) == 4 ? 1e-2 : 1e-3;
/* single precision cannot reach 1e-6 residuals on these sizes */
/* cone membership holds to rounding: a few ulps of |s| ~ 1 in float */
#define CONE_TOL (sizeof(scs_float) == 4 ? 1e-5 : 1e-6)
#define EPS_TIGHT (sizeof(scs_float) == 4 ? 1e-4 : 1e-6)

static void solve_and_check(TestProblem *tp, double eps, double obj_tol) {
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = eps;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_eq(flag, SCS_SOLVED, "%s: flag %d (%s)", tp->name, (int)flag,
               info.status);
  cr_assert_eq(info.status_val, flag);
  cr_assert_str_eq(info.status, "solved");
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < obj_tol,
            "%s: pobj %.10g, expected %.10g", tp->name, info.pobj, tp->optimum);
  cr_assert(tp_rel_err(info.dobj, tp->optimum) < obj_tol,
            "%s: dobj %.10g, expected %.10g", tp->name, info.dobj, tp->optimum);
  /* the reported objective is that of the returned x */
  cr_assert(tp_rel_err(chk_objective(&tp->d, sol.x), tp->optimum) < 10 * obj_tol);
  /* the iterates are in their cones (SCS guarantees this by construction) */
  cr_assert(chk_primal_cone_violation(&tp->k, sol.s) < CONE_TOL, "%s: s not in K",
            tp->name);
  cr_assert(chk_dual_cone_violation(&tp->k, sol.y) < CONE_TOL, "%s: y not in K*",
            tp->name);
  if (tp->x_opt)
    for (scs_int j = 0; j < tp->d.n; ++j)
      cr_assert(fabs(sol.x[j] - tp->x_opt[j]) < 100 * obj_tol,
                "%s: x[%d] = %g, expected %g", tp->name, (int)j, sol.x[j],
                tp->x_opt[j]);
  cr_assert(info.iter > 0 && info.iter < 100000);
  /* the backend SCS_TEST_BACKEND chose (tp_settings), direct by default */
  const ScsLinSysBackend *b = tp_backend();
  cr_assert_str_eq(info.lin_sys_solver, b ? b->name : "sparse-direct");
  free_sol(&sol);
  tp_free(tp);
}

Test(known_answers, lp_small) { solve_and_check(tp_lp_small(), 1e-4, TOL); }
Test(known_answers, lp_equality) { solve_and_check(tp_lp_equality(), 1e-4, TOL); }
Test(known_answers, qp_small) { solve_and_check(tp_qp_small(), 1e-4, TOL); }
Test(known_answers, qp_box) { solve_and_check(tp_qp_box(), 1e-4, TOL); }
Test(known_answers, socp_ball) { solve_and_check(tp_socp_ball(), 1e-4, TOL); }
Test(known_answers, socp_cone) { solve_and_check(tp_socp_cone(), 1e-4, TOL); }

/* Tight tolerances give many more correct digits. */
Test(known_answers, tight_tolerances) {
  if (sizeof(scs_float) == 4) return; /* single precision cannot reach 1e-9 */
  solve_and_check(tp_lp_small(), 1e-9, 1e-7);
  solve_and_check(tp_qp_small(), 1e-9, 1e-7);
  solve_and_check(tp_qp_box(), 1e-9, 1e-7);
  solve_and_check(tp_socp_ball(), 1e-9, 1e-7);
  solve_and_check(tp_socp_cone(), 1e-9, 1e-7);
}

Test(known_answers, random_lp) {
  for (unsigned seed = 1; seed <= 5; ++seed)
    solve_and_check(tp_random(seed, 40, 5, 60, 0, 0, 0, 0.2), EPS_TIGHT,
                    sizeof(scs_float) == 4 ? 1e-2 : 1e-4);
}

Test(known_answers, random_qp) {
  for (unsigned seed = 11; seed <= 15; ++seed)
    solve_and_check(tp_random(seed, 40, 5, 60, 0, 0, 1, 0.2), EPS_TIGHT,
                    sizeof(scs_float) == 4 ? 1e-2 : 1e-4);
}

Test(known_answers, random_socp) {
  for (unsigned seed = 21; seed <= 25; ++seed)
    solve_and_check(tp_random(seed, 30, 3, 10, 6, 5, seed % 2, 0.3), EPS_TIGHT,
                    sizeof(scs_float) == 4 ? 1e-2 : 1e-4);
}

/* Options that change the path but not the answer. */
Test(known_answers, settings_variants) {
  ScsSettings variants[6];
  for (int v = 0; v < 6; ++v) tp_settings(&variants[v]);
  variants[0].normalize = 0;
  variants[1].adaptive_scale = 0;
  variants[2].acceleration_lookback = 0;
  variants[3].acceleration_type_1 = 0;
  variants[4].alpha = 1.0;
  variants[5].scale = 10;
  for (int v = 0; v < 6; ++v) {
    TestProblem *tp = tp_random(31 + v, 30, 3, 30, 3, 4, 1, 0.3);
    ScsSolution sol = {0};
    ScsInfo info = {0};
    scs_int flag = scs(&tp->d, &tp->k, &variants[v], &sol, &info);
    cr_assert_eq(flag, SCS_SOLVED, "variant %d: %s", v, info.status);
    cr_assert(tp_rel_err(info.pobj, tp->optimum) < TOL, "variant %d", v);
    free_sol(&sol);
    tp_free(tp);
  }
}

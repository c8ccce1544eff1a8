/* Infeasible and unbounded LP, QP and SOCP: the certificates are checked
 * against the data, independently of what the solver reports. */
#include <criterion/criterion.h>
#include <math.h>

#include "checks.h"
#include "problems.h"

static const double CTOL = sizeof(scs_float) == 4 ? 1e-3 : 1e-6;

static void check_infeasible(TestProblem *tp) {
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_eq(flag, SCS_INFEASIBLE, "%s: %s", tp->name, info.status);
  cr_assert_str_eq(info.status, "infeasible");
  /* b'y = -1, A'y ~ 0, y in K* */
  cr_assert(fabs(chk_dot(tp->d.b, sol.y, tp->d.m) + 1) < CTOL, "%s: b'y = %g",
            tp->name, chk_dot(tp->d.b, sol.y, tp->d.m));
  cr_assert(chk_infeasibility_aty(&tp->d, sol.y) < 1e3 * s.eps_infeas + CTOL,
            "%s: ||A'y|| = %g", tp->name, chk_infeasibility_aty(&tp->d, sol.y));
  cr_assert(chk_dual_cone_violation(&tp->k, sol.y) < CTOL, "%s: y not in K*",
            tp->name);
  cr_assert(isnan(sol.x[0]) && isnan(sol.s[0]), "x and s are NaN");
  cr_assert(isinf(info.pobj) && info.pobj > 0);
  cr_assert(info.res_infeas < s.eps_infeas);
  free_sol(&sol);
  tp_free(tp);
}

static void check_unbounded(TestProblem *tp) {
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_eq(flag, SCS_UNBOUNDED, "%s: %s", tp->name, info.status);
  cr_assert_str_eq(info.status, "unbounded");
  /* c'x = -1, Ax + s ~ 0, Px ~ 0, s in K */
  cr_assert(fabs(chk_dot(tp->d.c, sol.x, tp->d.n) + 1) < CTOL, "%s: c'x = %g",
            tp->name, chk_dot(tp->d.c, sol.x, tp->d.n));
  cr_assert(chk_unbounded_axs(&tp->d, sol.x, sol.s) < CTOL, "%s: ||Ax+s||",
            tp->name);
  cr_assert(chk_px_norm(tp->d.P, sol.x, tp->d.n) < CTOL, "%s: ||Px||", tp->name);
  cr_assert(chk_primal_cone_violation(&tp->k, sol.s) < CTOL, "%s: s not in K",
            tp->name);
  cr_assert(isnan(sol.y[0]));
  cr_assert(isinf(info.pobj) && info.pobj < 0);
  free_sol(&sol);
  tp_free(tp);
}

Test(certificates, lp_infeasible) { check_infeasible(tp_lp_infeasible()); }
Test(certificates, qp_infeasible) { check_infeasible(tp_qp_infeasible()); }
Test(certificates, socp_infeasible) { check_infeasible(tp_socp_infeasible()); }
Test(certificates, lp_unbounded) { check_unbounded(tp_lp_unbounded()); }
Test(certificates, qp_unbounded) { check_unbounded(tp_qp_unbounded()); }
Test(certificates, socp_unbounded) { check_unbounded(tp_socp_unbounded()); }

/* A random feasible LP made infeasible by two contradictory rows. */
Test(certificates, random_lp_infeasible) {
  TestProblem *tp = tp_random(77, 20, 0, 40, 0, 0, 0, 0.3);
  /* rows 0 and 1 of the nonnegative block: make row 1 = -row 0 with a
   * right-hand side that contradicts row 0 */
  ScsMatrix *A = tp->d.A;
  for (scs_int j = 0; j < A->n; ++j) {
    scs_int k0 = -1, k1 = -1;
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) {
      if (A->i[k] == 0) k0 = k;
      if (A->i[k] == 1) k1 = k;
    }
    if (k1 >= 0) A->x[k1] = k0 >= 0 ? -A->x[k0] : 0;
    else if (k0 >= 0) A->x[k0] = 0; /* keep the pattern consistent */
  }
  tp->d.b[0] = -1;
  tp->d.b[1] = -1; /* a'x <= -1 and -a'x <= -1 */
  tp->expected = SCS_INFEASIBLE;
  check_infeasible(tp);
}

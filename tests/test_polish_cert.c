/* Infeasibility certificates from the Farkas system (src/polish_cert.c,
 * docs/polishing.md): an infeasible LP or QP stopped by max_iters before
 * ADMM met the certificate test ends "infeasible" with a certificate that
 * checks on the caller's data; feasible problems and other cones are left
 * as they were. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

static scs_int solve(const TestProblem *tp, int polish, scs_int max_iters,
                     ScsSolution *sol, ScsInfo *info) {
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = !polish;
  s.max_iters = max_iters;
  memset(info, 0, sizeof(*info));
  return scs(&tp->d, &tp->k, &s, sol, info);
}

/* y certifies infeasibility: A'y = 0, b'y = -1 (SCS's normalization), y
 * in K* (the dual cone of zero and nonnegative rows). */
static void assert_certificate(const TestProblem *tp, const ScsSolution *sol,
                               const ScsInfo *info) {
  double bty = chk_dot(tp->d.b, sol->y, tp->d.m);
  cr_assert_lt(fabs(bty + 1), 1e-9, "b'y = %.17g", bty);
  double aty = chk_infeasibility_aty(&tp->d, sol->y);
  cr_assert_lt(aty, 1e-9, "||A'y|| = %g", aty);
  cr_assert_lt(chk_dual_cone_violation(&tp->k, sol->y), 1e-9);
  cr_assert_lt(info->res_infeas, 1e-9, "res_infeas %g", info->res_infeas);
}

/* Two iterations are too few for ADMM's own certificate; the Farkas
 * system gives one. */
static void certified_after_max_iters(TestProblem *tp) {
  if (SCS_SFLOAT) {
    tp_free(tp);
    cr_skip_test("the search needs the interior-point refinement, off in "
                 "single precision");
  }
  ScsSolution admm = {0}, pol = {0};
  ScsInfo ia, ip;
  scs_int st = solve(tp, 0, 2, &admm, &ia);
  cr_assert_neq(st, SCS_INFEASIBLE, "%s: ADMM alone certified it", tp->name);
  cr_assert_eq(solve(tp, 1, 2, &pol, &ip), SCS_INFEASIBLE, "%s: %s",
               tp->name, ip.status);
  cr_assert_str_eq(ip.status, "infeasible");
  assert_certificate(tp, &pol, &ip);
  free_sol(&admm);
  free_sol(&pol);
  tp_free(tp);
}

Test(polish_cert, lp) { certified_after_max_iters(tp_lp_infeasible()); }

Test(polish_cert, qp) { certified_after_max_iters(tp_qp_infeasible()); }

/* A feasible LP stopped early has no certificate: its status stays the
 * unfinished one. */
Test(polish_cert, feasible_lp_keeps_its_status) {
  TestProblem *tp = tp_random(9, 30, 5, 45, 0, 0, 0, 0.3);
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int st = solve(tp, 1, 3, &sol, &info);
  cr_assert(st == SCS_SOLVED_INACCURATE || st == SCS_SOLVED ||
                st == SCS_INFEASIBLE_INACCURATE ||
                st == SCS_UNBOUNDED_INACCURATE,
            "status %d (%s)", (int)st, info.status);
  cr_assert_neq(st, SCS_INFEASIBLE);
  free_sol(&sol);
  tp_free(tp);
}

/* Cones other than zero and nonnegative are not searched. */
Test(polish_cert, socp_untouched) {
  TestProblem *tp = tp_socp_infeasible();
  ScsSolution a = {0}, b = {0};
  ScsInfo ia, ib;
  scs_int sa = solve(tp, 0, 2, &a, &ia), sb = solve(tp, 1, 2, &b, &ib);
  cr_assert_eq(sa, sb);
  cr_assert_eq(ia.iter, ib.iter);
  free_sol(&a);
  free_sol(&b);
  tp_free(tp);
}

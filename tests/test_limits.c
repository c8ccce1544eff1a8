/* max_iters and time_limit_secs give the _INACCURATE statuses (without
 * polishing, which finishes the small LPs and QPs here: test_polish.c). */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

Test(limits, max_iters) {
  TestProblem *tp = tp_random(3, 60, 5, 80, 4, 5, 1, 0.2);
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  s.eps_abs = s.eps_rel = 1e-9;
  s.max_iters = 7;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert(flag == SCS_SOLVED_INACCURATE || flag == SCS_INFEASIBLE_INACCURATE ||
                flag == SCS_UNBOUNDED_INACCURATE,
            "flag %d", (int)flag);
  cr_assert_eq(info.iter, 7);
  cr_assert(strstr(info.status, "inaccurate - reached max_iters") != NULL,
            "status '%s'", info.status);
  free_sol(&sol);
  tp_free(tp);
}

Test(limits, max_iters_one) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  s.max_iters = 1;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert(flag < 0 ? flag == SCS_INFEASIBLE_INACCURATE ||
                           flag == SCS_UNBOUNDED_INACCURATE
                     : flag == SCS_SOLVED_INACCURATE);
  cr_assert_eq(info.iter, 1);
  free_sol(&sol);
  tp_free(tp);
}

/* An iteration budget far beyond the time limit: the solve stops on time. */
Test(limits, time_limit) {
  TestProblem *tp = tp_random(4, 300, 10, 400, 20, 10, 1, 0.05);
  ScsSettings s;
  tp_settings(&s);
  s.disable_polish = 1;
  s.eps_abs = s.eps_rel = 1e-14;
  s.eps_infeas = 1e-20;
  s.max_iters = 100000000;
  s.time_limit_secs = 0.05;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert(flag == SCS_SOLVED_INACCURATE || flag == SCS_INFEASIBLE_INACCURATE ||
                flag == SCS_UNBOUNDED_INACCURATE,
            "flag %d", (int)flag);
  cr_assert(strstr(info.status, "time_limit_secs") != NULL, "%s", info.status);
  cr_assert(info.iter < 100000000);
  cr_assert(info.solve_time < 5000, "solve took %g ms", info.solve_time);
  /* the best iterate is a reasonable answer when the limit allowed a few
   * hundred iterations (sanitizer builds are many times slower) */
  if (flag == SCS_SOLVED_INACCURATE && info.iter > 300)
    cr_assert(tp_rel_err(info.pobj, tp->optimum) < 0.5, "pobj %g after %d",
              info.pobj, (int)info.iter);
  cr_assert(!isnan(sol.x[0]));
  free_sol(&sol);
  tp_free(tp);
}

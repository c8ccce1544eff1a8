/* Workspace reuse: warm starts, scs_update with new b and c. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

static const double TOL = sizeof(scs_float) == 4 ? 1e-2 : 1e-4;

Test(warm_update, warm_start_takes_far_fewer_iterations) {
  TestProblem *tp = tp_random(5, 60, 5, 80, 4, 5, 1, 0.2);
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-4 : 1e-6;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  ScsSolution sol = {0};
  ScsInfo cold = {0}, warm = {0};
  cr_assert_eq(scs_solve(w, &sol, &cold, 0), SCS_SOLVED);
  cr_assert_eq(scs_solve(w, &sol, &warm, 1), SCS_SOLVED);
  cr_assert(warm.iter * 4 <= cold.iter, "cold %d, warm %d iterations",
            (int)cold.iter, (int)warm.iter);
  cr_assert(tp_rel_err(warm.pobj, tp->optimum) < TOL);
  /* the warm_start setting is honoured by scs() too */
  ScsInfo via_scs = {0};
  s.warm_start = 1;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &via_scs), SCS_SOLVED);
  cr_assert(via_scs.iter * 4 <= cold.iter);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

/* The same A and P with another planted solution: scs_update(b, c) must give
 * the new optimum without a new scs_init. */
Test(warm_update, update_b_and_c) {
  TestProblem *a = tp_random(9, 30, 2, 40, 2, 4, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-4 : 1e-7;
  ScsWork *w = scs_init(&a->d, &a->k, &s);
  cr_assert_not_null(w);
  ScsSolution sol = {0};
  ScsInfo info = {0};
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  double first = info.pobj;

  /* new b, c: the problem min (1/2)x'Px + c2'x with b2 = b + A e1 (shifts x
   * by e1): the optimum moves predictably. Compare against a fresh solve. */
  scs_float *b2 = malloc((size_t)a->d.m * sizeof(scs_float));
  scs_float *c2 = malloc((size_t)a->d.n * sizeof(scs_float));
  for (scs_int i = 0; i < a->d.m; ++i) b2[i] = a->d.b[i] * 1.5 + 0.1;
  for (scs_int j = 0; j < a->d.n; ++j) c2[j] = a->d.c[j] - 0.05 * (j % 3);
  cr_assert_eq(scs_update(w, b2, c2), 0);
  cr_assert_eq(scs_solve(w, &sol, &info, 1), SCS_SOLVED, "%s", info.status);
  double updated = info.pobj;

  scs_float *b_old = a->d.b, *c_old = a->d.c;
  a->d.b = b2;
  a->d.c = c2;
  ScsSolution fresh_sol = {0};
  ScsInfo fresh = {0};
  cr_assert_eq(scs(&a->d, &a->k, &s, &fresh_sol, &fresh), SCS_SOLVED);
  cr_assert(tp_rel_err(updated, fresh.pobj) < 1e-4 * (sizeof(scs_float) == 4 ? 100 : 1),
            "updated %g vs fresh %g", updated, fresh.pobj);
  cr_assert(tp_rel_err(updated, first) > 1e-3, "the update changed nothing");
  a->d.b = b_old;
  a->d.c = c_old;

  /* update only c (b NULL), then only b (c NULL): back to the original */
  cr_assert_eq(scs_update(w, NULL, c_old), 0);
  cr_assert_eq(scs_update(w, b_old, NULL), 0);
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, a->optimum) < TOL);

  /* a NaN in b is refused and leaves the workspace as it was */
  b2[3] = NAN;
  cr_assert_neq(scs_update(w, b2, NULL), 0);
  cr_assert(strstr(scs_last_error(), "b") != NULL);
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, a->optimum) < TOL);

  free(b2), free(c2);
  free_sol(&sol);
  free_sol(&fresh_sol);
  scs_finish(w);
  tp_free(a);
}

/* Known answer after update: the small LP with a new right-hand side.
 * min -x1 - x2, x1 + 2x2 <= 8, 3x1 + x2 <= 12: vertex (3.2, 2.4), -5.6. */
Test(warm_update, update_known_answer) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info = {0};
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, -2.8) < 1e-3);
  scs_float b2[] = {8, 12, 0, 0};
  cr_assert_eq(scs_update(w, b2, NULL), 0);
  cr_assert_eq(scs_solve(w, &sol, &info, 1), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, -5.6) < 1e-3, "pobj %g", info.pobj);
  scs_float c2[] = {-1, 0};
  cr_assert_eq(scs_update(w, NULL, c2), 0); /* now max x1: (4, 0), -4 */
  cr_assert_eq(scs_solve(w, &sol, &info, 1), SCS_SOLVED);
  cr_assert(tp_rel_err(info.pobj, -4) < 1e-3, "pobj %g", info.pobj);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

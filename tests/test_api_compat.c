/*
 * A program written against the SCS 3.2 C API the way its documentation's
 * example uses it (calloc'd structs, compound-literal matrices, plain
 * double / int arrays, scs_init / scs_solve / scs_update / scs_finish and
 * scs()). It must compile unchanged against libscs and give the answer.
 *
 * Problem (derived by hand): min (1/2) x'[4 1; 1 2]x + x1 + x2
 *   s.t. x1 + x2 = 1, 0 <= x1 <= 0.7, 0 <= x2 <= 0.7.
 * KKT at x = (0.3, 0.7): grad = (2.9, 2.7) = -(-2.9)(1, 1) - 0.2 e2, so the
 * multiplier of x2 <= 0.7 is 0.2 >= 0; objective 1.88.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scs.h"

/* SCS's example uses double and int, which are scs_float / scs_int in the
 * default build; other builds need the library's types (as with SCS). */
#if SCS_DLONG || SCS_SFLOAT
#define DOUBLE scs_float
#define INT scs_int
#else
#define DOUBLE double
#define INT int
#endif

Test(api_compat, documentation_style_program) {
  DOUBLE P_x[3] = {4., 1., 2.}; /* upper triangle of P */
  INT P_i[3] = {0, 0, 1};
  INT P_p[3] = {0, 1, 3};
  DOUBLE A_x[6] = {1., -1., 1., 1., -1., 1.};
  INT A_i[6] = {0, 1, 3, 0, 2, 4};
  INT A_p[3] = {0, 3, 6};
  DOUBLE b[5] = {1., 0., 0., 0.7, 0.7};
  DOUBLE c[2] = {1., 1.};
  INT n = 2;
  INT m = 5;

  ScsCone *k = (ScsCone *)calloc(1, sizeof(ScsCone));
  ScsData *d = (ScsData *)calloc(1, sizeof(ScsData));
  ScsSettings *stgs = (ScsSettings *)calloc(1, sizeof(ScsSettings));
  ScsSolution *sol = (ScsSolution *)calloc(1, sizeof(ScsSolution));
  ScsInfo *info = (ScsInfo *)calloc(1, sizeof(ScsInfo));

  d->m = m;
  d->n = n;
  d->b = b;
  d->c = c;
  d->A = &(ScsMatrix){A_x, A_i, A_p, m, n};
  d->P = &(ScsMatrix){P_x, P_i, P_p, n, n};
  k->z = 1;
  k->l = 4;

  scs_set_default_settings(stgs);
  stgs->eps_abs = 1e-9;
  stgs->eps_rel = 1e-9;
  stgs->verbose = 0;
  if (sizeof(scs_float) == 4) stgs->eps_abs = stgs->eps_rel = 1e-5;

  ScsWork *scs_work = scs_init(d, k, stgs);
  cr_assert_not_null(scs_work, "%s", scs_last_error());
  int exitflag = scs_solve(scs_work, sol, info, 0);
  cr_assert_eq(exitflag, SCS_SOLVED);
  cr_assert(fabs(info->pobj - 1.88) < 1e-4, "pobj %g", info->pobj);
  cr_assert(fabs(sol->x[0] - 0.3) < 1e-3 && fabs(sol->x[1] - 0.7) < 1e-3);
  cr_assert(info->iter > 0);
  cr_assert(strlen(info->lin_sys_solver) > 0);
  cr_assert(info->setup_time >= 0 && info->solve_time >= 0);
  AaStats aa = info->aa_stats; /* the AA diagnostics are part of ScsInfo */
  cr_assert(aa.iter >= 0);

  /* re-solve with new b (x2 <= 0.6 now): x = (0.4, 0.6),
   * 0.5 (4*0.16 + 2*0.24 + 2*0.36) + 1 = 1.92 */
  DOUBLE new_b[5] = {1., 0., 0., 0.7, 0.6};
  int success = scs_update(scs_work, new_b, SCS_NULL);
  cr_assert_eq(success, 0);
  int new_exitflag = scs_solve(scs_work, sol, info, 1);
  cr_assert_eq(new_exitflag, SCS_SOLVED);
  cr_assert(fabs(info->pobj - 1.92) < 1e-4, "pobj %g", info->pobj);
  scs_finish(scs_work);

  /* the one-call interface */
  int flag = scs(d, k, stgs, sol, info);
  cr_assert_eq(flag, SCS_SOLVED);
  cr_assert_str_eq(info->status, "solved");
  cr_assert_eq(info->status_val, SCS_SOLVED);

  free(k);
  free(d);
  free(stgs);
  free(sol->x);
  free(sol->y);
  free(sol->s);
  free(sol);
  free(info);
}

/* Defaults are SCS 3.2's (its documentation, "Settings"). */
Test(api_compat, default_settings) {
  ScsSettings s;
  memset(&s, 0xAB, sizeof(s));
  scs_set_default_settings(&s);
  cr_assert_eq(s.normalize, 1);
  cr_assert_eq(s.scale, (scs_float)0.1);
  cr_assert_eq(s.adaptive_scale, 1);
  cr_assert_eq(s.rho_x, (scs_float)1e-6);
  cr_assert_eq(s.max_iters, 100000);
  cr_assert_eq(s.eps_abs, (scs_float)1e-4);
  cr_assert_eq(s.eps_rel, (scs_float)1e-4);
  cr_assert_eq(s.eps_infeas, (scs_float)1e-7);
  cr_assert_eq(s.alpha, (scs_float)1.5);
  cr_assert_eq(s.time_limit_secs, 0);
  cr_assert_eq(s.verbose, 1);
  cr_assert_eq(s.warm_start, 0);
  cr_assert_eq(s.acceleration_lookback, 10);
  cr_assert_eq(s.acceleration_interval, 10);
  cr_assert_eq(s.acceleration_type_1, 1);
  cr_assert_eq(s.acceleration_regularization, (scs_float)1e-8);
  cr_assert_eq(s.acceleration_relaxation, (scs_float)1.0);
  cr_assert_null(s.write_data_filename);
  cr_assert_null(s.log_csv_filename);
}

Test(api_compat, exit_flags_and_version) {
  cr_assert_eq(SCS_INFEASIBLE_INACCURATE, -7);
  cr_assert_eq(SCS_UNBOUNDED_INACCURATE, -6);
  cr_assert_eq(SCS_SIGINT, -5);
  cr_assert_eq(SCS_FAILED, -4);
  cr_assert_eq(SCS_INDETERMINATE, -3);
  cr_assert_eq(SCS_INFEASIBLE, -2);
  cr_assert_eq(SCS_UNBOUNDED, -1);
  cr_assert_eq(SCS_UNFINISHED, 0);
  cr_assert_eq(SCS_SOLVED, 1);
  cr_assert_eq(SCS_SOLVED_INACCURATE, 2);
  cr_assert_eq(strncmp(scs_version(), "3.2.", 4), 0);
  cr_assert_eq(sizeof(((ScsInfo *)0)->status), 128);
  cr_assert_eq(sizeof(((ScsInfo *)0)->lin_sys_solver), 128);
}

Test(api_compat, layout_queries_for_bindings) {
  cr_assert_eq(scs_sizeof_int(), sizeof(scs_int));
  cr_assert_eq(scs_sizeof_float(), sizeof(scs_float));
  cr_assert_eq(scs_sizeof_int(), SCS_DLONG ? 8u : 4u);
  cr_assert_eq(scs_sizeof_float(), SCS_SFLOAT ? 4u : 8u);
}

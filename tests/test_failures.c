/* Failures never give garbage and never leave a handle half-changed:
 * non-finite iterates end the solve with SCS_FAILED and a message naming
 * their source, a failed refactorization falls back to the last good one,
 * scs_update is atomic, and the handle stays usable afterwards. A wrapper
 * around the direct backend injects the faults. */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "leaks.h"
#include "problems.h"

/* ---- a backend that misbehaves on request ------------------------------- */

typedef struct {
  int solves, updates;     /* calls so far */
  int nan_at_solve;        /* this solve call returns NaN (0: never) */
  int fail_solves_from;    /* solve calls from this one on fail (0: never) */
  int fail_updates;        /* this many update_diag_r calls fail next */
  scs_int report_its;      /* inner iterations each solve reports */
  int sleep_at_solve;      /* this solve call sleeps sleep_ms (0: never) */
  int sleep_ms;
} Faults;

typedef struct {
  void *inner;
  Faults *f;
} FaultyState;

static void *faulty_init(const ScsMatrix *A, const ScsMatrix *P,
                         const scs_float *r, void *user) {
  FaultyState *st = calloc(1, sizeof(*st));
  st->f = user;
  st->inner = scs_linsys_direct.init(A, P, r, scs_linsys_direct.user_data);
  if (!st->inner) {
    free(st);
    return NULL;
  }
  return st;
}

static scs_int faulty_solve(void *state, scs_float *rhs, const scs_float *warm,
                            scs_float tol) {
  FaultyState *st = state;
  Faults *f = st->f;
  int call = ++f->solves;
  if (f->fail_solves_from && call >= f->fail_solves_from) {
    scs_set_last_error("faulty: solve %d refused", call);
    return -1;
  }
  scs_int its = scs_linsys_direct.solve(st->inner, rhs, warm, tol);
  if (call == f->nan_at_solve) rhs[0] = NAN;
  if (call == f->sleep_at_solve) {
    struct timespec t = {f->sleep_ms / 1000, (f->sleep_ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
  }
  return its < 0 ? its : f->report_its;
}

static scs_int faulty_update(void *state, const scs_float *r) {
  FaultyState *st = state;
  st->f->updates++;
  if (st->f->fail_updates > 0) {
    st->f->fail_updates--;
    scs_set_last_error("faulty: refactorization refused");
    return -1;
  }
  return scs_linsys_direct.update_diag_r(st->inner, r);
}

static void faulty_free(void *state) {
  FaultyState *st = state;
  scs_linsys_direct.free(st->inner);
  free(st);
}

static ScsLinSysBackend faulty_backend(Faults *f) {
  ScsLinSysBackend b = {.abi_version = SCS_LINSYS_ABI_VERSION,
                        .name = "faulty",
                        .user_data = f,
                        .init = faulty_init,
                        .solve = faulty_solve,
                        .update_diag_r = faulty_update,
                        .free = faulty_free};
  return b;
}

static void settings_with(ScsSettings *s, const ScsLinSysBackend *b) {
  tp_settings(s);
  s->lin_sys_backend = b;
}

static void expect_solved_value(ScsWork *w, double optimum) {
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 0);
  cr_assert_eq(flag, SCS_SOLVED, "status %lld (%s)", (long long)flag,
               scs_last_error());
  cr_assert_lt(tp_rel_err(info.pobj, optimum), 1e-3, "pobj %g, want %g",
               info.pobj, optimum);
  free_sol(&sol);
}

static void expect_solved(ScsWork *w, const TestProblem *tp) {
  expect_solved_value(w, tp->optimum);
}

/* ---- non-finite iterates ------------------------------------------------ */

Test(failures, overflowing_warm_start_fails_and_the_handle_recovers) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  /* finite, but its square overflows once scaled */
  scs_float big = (scs_float)(sizeof(scs_float) == 4 ? 1e30 : 1e300);
  scs_float x[2] = {big, 1}, y[4] = {0}, sv[4] = {0};
  ScsSolution sol = {x, y, sv};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 1);
  cr_assert_eq(flag, SCS_FAILED, "status %lld", (long long)flag);
  cr_assert(strstr(scs_last_error(), "warm start: x[0]"), "%s",
            scs_last_error());
  cr_assert_lt(info.iter, 1, "failed before iterating");
  expect_solved(w, tp); /* a cold solve after the failure */
  scs_finish(w);
  tp_free(tp);
}

Test(failures, nan_from_the_backend_is_named_and_the_next_solve_is_clean) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.nan_at_solve = 30; /* mid-solve (the first call computes g) */
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 0);
  cr_assert_eq(flag, SCS_FAILED, "status %lld", (long long)flag);
  cr_assert(strstr(scs_last_error(), "backend \"faulty\" returned a "
                                     "non-finite value (x[0]) at iteration"),
            "%s", scs_last_error());
  cr_assert_lt(info.iter, 40, "stopped at once, not at max_iters: %lld",
               (long long)info.iter);
  free_sol(&sol);
  expect_solved(w, tp); /* the next solve */
  scs_finish(w);
  tp_free(tp);
}

Test(failures, nan_on_the_first_step_is_caught) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.nan_at_solve = 2; /* the first iteration's solve */
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_FAILED);
  cr_assert(strstr(scs_last_error(), "at iteration 0"), "%s",
            scs_last_error());
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

Test(failures, nan_while_computing_g_fails_init) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.nan_at_solve = 1;
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), "non-finite value (x[0] of M^-1"), "%s",
            scs_last_error());
  tp_free(tp);
  EXPECT_NO_LEAKS();
}

/* ---- failed refactorizations -------------------------------------------- */

Test(failures, failed_refactorization_falls_back_to_the_last_scale) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.fail_updates = 1; /* the scale change fails; the restore succeeds */
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  s.scale = 1e-5; /* forces a scale update */
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 0);
  cr_assert_eq(flag, SCS_SOLVED, "status %lld (%s)", (long long)flag,
               scs_last_error());
  cr_assert_eq(f.updates, 2, "one failed update and one restore");
  cr_assert_eq(info.scale, (scs_float)1e-5,
               "the scale stayed at the last good one");
  cr_assert_eq(info.scale_updates, 0);
  cr_assert_lt(tp_rel_err(info.pobj, -2.8), 1e-3, "pobj %g", info.pobj);
  free_sol(&sol);
  /* the next solve may change the scale again, and does */
  memset(&sol, 0, sizeof(sol));
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert_gt(info.scale_updates, 0);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

Test(failures, unrecoverable_refactorization_marks_the_handle_unusable) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.fail_updates = 1000; /* the restore fails too */
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  s.scale = 1e-5;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_FAILED,
               "never a stale factorization's answer");
  cr_assert(strstr(scs_last_error(), "refactorization refused"), "%s",
            scs_last_error());
  free_sol(&sol);
  scs_float *keep_x = NULL;
  ScsSolution later = {keep_x, NULL, NULL};
  cr_assert_eq(scs_solve(w, &later, &info, 0), SCS_FAILED);
  cr_assert(strstr(scs_last_error(), "unusable since a failed "
                                     "refactorization (faulty: "
                                     "refactorization refused)"),
            "%s", scs_last_error());
  cr_assert_null(later.x, "a refused solve leaves the solution alone");
  cr_assert_eq(info.status_val, SCS_FAILED);
  scs_float b2[4] = {8, 12, 0, 0};
  cr_assert_eq(scs_update(w, b2, NULL), -1);
  cr_assert(strstr(scs_last_error(), "unusable"), "%s", scs_last_error());
  scs_finish(w);
  tp_free(tp);
  EXPECT_NO_LEAKS();
}

/* ---- scs_update is atomic ----------------------------------------------- */

Test(failures, failed_update_leaves_the_handle_as_it_was) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution before = {0}, after = {0};
  ScsInfo info_before, info_after;
  cr_assert_eq(scs_solve(w, &before, &info_before, 0), SCS_SOLVED);
  f.fail_solves_from = f.solves + 1; /* the update's solve for g fails */
  scs_float b2[4] = {8, 12, 0, 0}, c2[2] = {-2, -1};
  cr_assert_eq(scs_update(w, b2, c2), -1);
  cr_assert(strstr(scs_last_error(), "solve"), "%s", scs_last_error());
  f.fail_solves_from = 0;
  cr_assert_eq(scs_solve(w, &after, &info_after, 0), SCS_SOLVED);
  cr_assert_eq(info_after.iter, info_before.iter, "same solve as before");
  cr_assert_eq(memcmp(after.x, before.x, 2 * sizeof(scs_float)), 0,
               "the old b and c are still in place");
  cr_assert_eq(info_after.pobj, info_before.pobj);
  /* and a good update after the failed one takes effect */
  cr_assert_eq(scs_update(w, b2, NULL), 0);
  expect_solved_value(w, -5.6);
  free_sol(&before);
  free_sol(&after);
  scs_finish(w);
  tp_free(tp);
}

/* ---- counters and limits ------------------------------------------------ */

Test(failures, inner_iteration_count_saturates) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.report_its = (scs_int)(sizeof(scs_int) == 4 ? 2000000000 : 4e18);
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert_gt(info.lin_sys_iters, f.report_its, "no wrap-around");
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

Test(failures, time_limit_is_checked_every_iteration) {
  TestProblem *tp = tp_lp_small();
  Faults f = {0};
  f.sleep_at_solve = 8; /* iteration 6 (g and the warm-up take 1 + 6) */
  f.sleep_ms = 300;
  ScsLinSysBackend b = faulty_backend(&f);
  ScsSettings s;
  settings_with(&s, &b);
  s.time_limit_secs = 0.2;
  s.eps_abs = s.eps_rel = 1e-300; /* never converges */
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 0);
  cr_assert(flag == SCS_SOLVED_INACCURATE, "status %lld", (long long)flag);
  cr_assert_eq(info.iter, 6, "stopped at the iteration that passed the "
                             "limit, not at the next check: %lld",
               (long long)info.iter);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

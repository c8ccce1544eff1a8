/*
 * Backend selection (include/scs_linsys.h): lookup by name, the "auto"
 * rule, vtable checks, a caller's backend and its failures, the scale-update
 * (refactorization) path on every backend, and answers agreeing across
 * backends. The known-answer suites also run once per backend (ctest
 * entries test_*.indirect, .dense, .example).
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "problems.h"

extern const ScsLinSysBackend example_cholesky_backend; /* docs/backends.md */


static void free_sol(ScsSolution *sol) {
  free(sol->x);
  free(sol->y);
  free(sol->s);
  *sol = (ScsSolution){0};
}

/* The built-in backends and the example of docs/backends.md. */
static const ScsLinSysBackend *const ALL[] = {
    &scs_linsys_direct, &scs_linsys_indirect, &scs_linsys_dense,
    &scs_linsys_auto, &example_cholesky_backend};
#define NALL (sizeof(ALL) / sizeof(ALL[0]))

Test(backends, lookup_by_name) {
  cr_assert_eq(scs_linsys_backend("direct"), &scs_linsys_direct);
  cr_assert_eq(scs_linsys_backend("sparse-direct"), &scs_linsys_direct);
  cr_assert_eq(scs_linsys_backend("indirect"), &scs_linsys_indirect);
  cr_assert_eq(scs_linsys_backend("sparse-indirect"), &scs_linsys_indirect);
  cr_assert_eq(scs_linsys_backend("dense"), &scs_linsys_dense);
  cr_assert_eq(scs_linsys_backend("auto"), &scs_linsys_auto);
  cr_assert_str_eq(scs_linsys_direct.name, "sparse-direct");
  cr_assert_str_eq(scs_linsys_indirect.name, "sparse-indirect");
  cr_assert_str_eq(scs_linsys_dense.name, "dense");
  cr_assert(scs_linsys_indirect.flags & SCS_LINSYS_ITERATIVE);
  cr_assert_eq(scs_linsys_direct.flags & SCS_LINSYS_ITERATIVE, 0);
}

Test(backends, unknown_names_rejected) {
  cr_assert_null(scs_linsys_backend("qdldl"));
  cr_assert(strstr(scs_last_error(), "unknown backend \"qdldl\""),
            "%s", scs_last_error());
  cr_assert(strstr(scs_last_error(), "direct, indirect, dense or auto"));
  cr_assert_null(scs_linsys_backend(""));
  cr_assert_null(scs_linsys_backend("Direct"));
  cr_assert_null(scs_linsys_backend(NULL));
  cr_assert(strstr(scs_last_error(), "NULL"), "%s", scs_last_error());
}

/* ---- solving with each backend ---------------------------------------- */

static ScsInfo solve_with(TestProblem *tp, const ScsLinSysBackend *b,
                          ScsSettings *s, ScsSolution *sol) {
  s->lin_sys_backend = b;
  ScsInfo info = {0};
  ScsWork *w = scs_init(&tp->d, &tp->k, s);
  cr_assert_not_null(w, "%s with %s: %s", tp->name, b ? b->name : "NULL",
                     scs_last_error());
  scs_solve(w, sol, &info, 0);
  scs_finish(w);
  return info;
}

static void check_solved(TestProblem *tp, const ScsLinSysBackend *b,
                         ScsSettings *s) {
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, b, s, &sol);
  cr_assert_eq(info.status_val, SCS_SOLVED, "%s with %s: %s", tp->name,
               b->name, info.status);
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < 10 * s->eps_rel,
            "%s with %s: pobj %.10g, expected %.10g", tp->name, b->name,
            info.pobj, tp->optimum);
  free_sol(&sol);
}

Test(backends, null_means_direct) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, NULL, &s, &sol);
  cr_assert_str_eq(info.lin_sys_solver, "sparse-direct");
  cr_assert_eq(info.lin_sys_iters, 0);
  free_sol(&sol);
  tp_free(tp);
}

Test(backends, names_and_inner_iterations_reported) {
  TestProblem *tp = tp_random(5, 40, 3, 60, 2, 4, 1, 0.8);
  ScsSettings s;
  tp_settings(&s);
  for (size_t i = 0; i < NALL; ++i) {
    ScsSolution sol = {0};
    ScsInfo info = solve_with(tp, ALL[i], &s, &sol);
    cr_assert_eq(info.status_val, SCS_SOLVED, "%s", ALL[i]->name);
    if (ALL[i] == &scs_linsys_auto) /* 40 columns, mostly full: dense */
      cr_assert_str_eq(info.lin_sys_solver, "dense");
    else
      cr_assert_str_eq(info.lin_sys_solver, ALL[i]->name);
    if (ALL[i]->flags & SCS_LINSYS_ITERATIVE)
      cr_assert(info.lin_sys_iters > 0, "%s", ALL[i]->name);
    else
      cr_assert_eq(info.lin_sys_iters, 0, "%s", ALL[i]->name);
    free_sol(&sol);
  }
  tp_free(tp);
}

Test(backends, auto_prefers_direct_for_large_sparse) {
  /* 1200 columns, 0.2% dense: beyond the dense rule's order 1000 */
  TestProblem *tp = tp_random(6, 1200, 0, 1500, 0, 0, 0, 0.002);
  ScsSettings s;
  tp_settings(&s);
  s.max_iters = 5;
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, &scs_linsys_auto, &s, &sol);
  cr_assert_str_eq(info.lin_sys_solver, "sparse-direct");
  free_sol(&sol);
  tp_free(tp);
}

/* Every backend gives the same solution of the same problems. */
Test(backends, solutions_agree) {
  TestProblem *probs[] = {tp_random(11, 30, 4, 40, 3, 3, 1, 0.3),
                          tp_random(12, 25, 0, 60, 0, 0, 0, 0.4),
                          tp_qp_small(), tp_socp_cone()};
  for (size_t p = 0; p < sizeof(probs) / sizeof(probs[0]); ++p) {
    TestProblem *tp = probs[p];
    ScsSettings s;
    tp_settings(&s);
    s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-5 : 1e-9;
    ScsSolution ref = {0};
    ScsInfo ri = solve_with(tp, &scs_linsys_direct, &s, &ref);
    cr_assert_eq(ri.status_val, SCS_SOLVED, "%s", tp->name);
    double xn = 1;
    for (scs_int j = 0; j < tp->d.n; ++j) xn = fmax(xn, fabs(ref.x[j]));
    for (size_t i = 1; i < NALL; ++i) {
      ScsSolution sol = {0};
      ScsInfo info = solve_with(tp, ALL[i], &s, &sol);
      cr_assert_eq(info.status_val, SCS_SOLVED, "%s with %s", tp->name,
                   ALL[i]->name);
      cr_assert(tp_rel_err(info.pobj, ri.pobj) < 100 * s.eps_rel,
                "%s with %s: %.12g vs %.12g", tp->name, ALL[i]->name,
                info.pobj, ri.pobj);
      for (scs_int j = 0; j < tp->d.n; ++j)
        cr_assert(fabs(sol.x[j] - ref.x[j]) < 1e3 * s.eps_rel * xn,
                  "%s with %s: x[%d] %g vs %g", tp->name, ALL[i]->name,
                  (int)j, sol.x[j], ref.x[j]);
      free_sol(&sol);
    }
    free_sol(&ref);
    tp_free(tp);
  }
}

/* A poor initial scale forces scale updates, so every backend goes through
 * update_diag_r (refactorization / preconditioner refresh) mid-solve. */
Test(backends, scale_updates_refactor) {
  TestProblem *tp = tp_random(21, 60, 5, 90, 4, 4, 1, 0.15);
  for (size_t i = 0; i < NALL; ++i) {
    ScsSettings s;
    tp_settings(&s);
    s.scale = 1e-5;
    s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-4 : 1e-6;
    ScsSolution sol = {0};
    ScsInfo info = solve_with(tp, ALL[i], &s, &sol);
    cr_assert_eq(info.status_val, SCS_SOLVED, "%s: %s", ALL[i]->name,
                 info.status);
    cr_assert(info.scale_updates > 0, "%s: no scale update", ALL[i]->name);
    cr_assert(tp_rel_err(info.pobj, tp->optimum) < 1e-3, "%s: %g vs %g",
              ALL[i]->name, info.pobj, tp->optimum);
    free_sol(&sol);
  }
  tp_free(tp);
}

Test(backends, infeasible_and_unbounded_on_every_backend) {
  for (size_t i = 0; i < NALL; ++i) {
    TestProblem *tps[] = {tp_lp_infeasible(), tp_qp_unbounded(),
                          tp_socp_infeasible()};
    for (size_t p = 0; p < 3; ++p) {
      ScsSettings s;
      tp_settings(&s);
      ScsSolution sol = {0};
      ScsInfo info = solve_with(tps[p], ALL[i], &s, &sol);
      cr_assert_eq(info.status_val, tps[p]->expected, "%s with %s: %s",
                   tps[p]->name, ALL[i]->name, info.status);
      free_sol(&sol);
      tp_free(tps[p]);
    }
  }
}

Test(backends, example_backend_known_answers) {
  ScsSettings s;
  tp_settings(&s);
  TestProblem *tps[] = {tp_lp_small(), tp_qp_small(), tp_socp_ball()};
  for (size_t p = 0; p < 3; ++p) {
    check_solved(tps[p], &example_cholesky_backend, &s);
    tp_free(tps[p]);
  }
}

/* ---- a caller's backend: checks and failures --------------------------- */

typedef struct {
  int init_calls, solve_calls, update_calls, free_calls;
  int fail_init, fail_solve_at, fail_update, silent;
  int saw_warm, saw_tol;
  const ScsLinSysBackend *inner; /* the backend doing the work */
} Spy;

typedef struct {
  Spy *spy;
  void *inner;
} SpyState;

static void *spy_init(const ScsMatrix *A, const ScsMatrix *P,
                      const scs_float *r, void *user) {
  Spy *spy = user;
  spy->init_calls++;
  if (spy->fail_init) {
    if (!spy->silent) scs_set_last_error("spy: refusing to init (%d)", 42);
    return NULL;
  }
  SpyState *st = calloc(1, sizeof(*st));
  st->spy = spy;
  st->inner = spy->inner->init(A, P, r, spy->inner->user_data);
  if (!st->inner) {
    free(st);
    return NULL;
  }
  return st;
}

static scs_int spy_solve(void *state, scs_float *rhs, const scs_float *warm,
                         scs_float tol) {
  SpyState *st = state;
  Spy *spy = st->spy;
  spy->solve_calls++;
  if (warm) spy->saw_warm = 1;
  if (tol > 0) spy->saw_tol = 1;
  if (spy->fail_solve_at && spy->solve_calls >= spy->fail_solve_at) {
    if (!spy->silent) scs_set_last_error("spy: solve %d failed",
                                         spy->solve_calls);
    return -1;
  }
  return spy->inner->solve(st->inner, rhs, warm, tol);
}

static scs_int spy_update(void *state, const scs_float *r) {
  SpyState *st = state;
  st->spy->update_calls++;
  if (st->spy->fail_update) {
    scs_set_last_error("spy: update refused");
    return 1;
  }
  return st->spy->inner->update_diag_r(st->inner, r);
}

static void spy_free(void *state) {
  SpyState *st = state;
  st->spy->free_calls++;
  st->spy->inner->free(st->inner);
  free(st);
}

static ScsLinSysBackend spy_backend(Spy *spy) {
  ScsLinSysBackend b = {.abi_version = SCS_LINSYS_ABI_VERSION,
                        .name = "spy",
                        .flags = spy->inner->flags,
                        .user_data = spy,
                        .init = spy_init,
                        .solve = spy_solve,
                        .update_diag_r = spy_update,
                        .free = spy_free};
  return b;
}

Test(backends, caller_backend_is_used_and_freed) {
  Spy spy = {.inner = &scs_linsys_direct};
  ScsLinSysBackend b = spy_backend(&spy);
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, &b, &s, &sol);
  cr_assert_eq(info.status_val, SCS_SOLVED);
  cr_assert_str_eq(info.lin_sys_solver, "spy");
  cr_assert_eq(spy.init_calls, 1);
  cr_assert_eq(spy.free_calls, 1);
  cr_assert(spy.solve_calls >= info.iter, "%d solves for %d iterations",
            spy.solve_calls, (int)info.iter);
  cr_assert(!spy.saw_warm && !spy.saw_tol, "direct got a warm start/tol");
  free_sol(&sol);
  tp_free(tp);
}

Test(backends, iterative_flag_gets_warm_start_and_tolerance) {
  Spy spy = {.inner = &scs_linsys_indirect};
  ScsLinSysBackend b = spy_backend(&spy);
  cr_assert(b.flags & SCS_LINSYS_ITERATIVE);
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, &b, &s, &sol);
  cr_assert_eq(info.status_val, SCS_SOLVED);
  cr_assert(spy.saw_warm && spy.saw_tol);
  free_sol(&sol);
  tp_free(tp);
}

static void expect_rejected(ScsLinSysBackend *b, const char *needle) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = b;
  ScsSettings copy = s;
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), needle), "expected '%s' in '%s'", needle,
            scs_last_error());
  cr_assert_eq(memcmp(&copy, &s, sizeof(s)), 0, "settings modified");
  tp_free(tp);
}

Test(backends, bad_vtables_rejected) {
  Spy spy = {.inner = &scs_linsys_direct};
  ScsLinSysBackend b = spy_backend(&spy);
  b.abi_version = 0;
  expect_rejected(&b, "abi_version is 0");
  b = spy_backend(&spy);
  b.name = NULL;
  expect_rejected(&b, "name is NULL or empty");
  b = spy_backend(&spy);
  b.name = "";
  expect_rejected(&b, "name is NULL or empty");
  char longname[200];
  memset(longname, 'x', sizeof(longname) - 1);
  longname[sizeof(longname) - 1] = '\0';
  b = spy_backend(&spy);
  b.name = longname;
  expect_rejected(&b, "longer than 127");
  b = spy_backend(&spy);
  b.init = NULL;
  expect_rejected(&b, "function init is NULL");
  b = spy_backend(&spy);
  b.solve = NULL;
  expect_rejected(&b, "function solve is NULL");
  b = spy_backend(&spy);
  b.update_diag_r = NULL;
  expect_rejected(&b, "function update_diag_r is NULL");
  b = spy_backend(&spy);
  b.free = NULL;
  expect_rejected(&b, "function free is NULL");
  b = spy_backend(&spy);
  b.flags = 0x80;
  expect_rejected(&b, "unknown flags 0x80");
  cr_assert_eq(spy.init_calls, 0, "a rejected backend was called");
}

Test(backends, init_failure_gives_the_backends_message) {
  Spy spy = {.inner = &scs_linsys_direct, .fail_init = 1};
  ScsLinSysBackend b = spy_backend(&spy);
  expect_rejected(&b, "spy: refusing to init (42)");
  spy.silent = 1;
  expect_rejected(&b, "linear-system backend \"spy\": init failed");
}

Test(backends, solve_failure_is_scs_failed_with_message) {
  Spy spy = {.inner = &scs_linsys_direct, .fail_solve_at = 5};
  ScsLinSysBackend b = spy_backend(&spy);
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, &b, &s, &sol);
  cr_assert_eq(info.status_val, SCS_FAILED);
  cr_assert(strstr(scs_last_error(), "spy: solve 5 failed"), "%s",
            scs_last_error());
  cr_assert_eq(spy.free_calls, 1);
  free_sol(&sol);
  spy = (Spy){.inner = &scs_linsys_direct, .fail_solve_at = 5, .silent = 1};
  info = solve_with(tp, &b, &s, &sol);
  cr_assert_eq(info.status_val, SCS_FAILED);
  cr_assert(strstr(scs_last_error(), "\"spy\": solve failed"), "%s",
            scs_last_error());
  free_sol(&sol);
  tp_free(tp);
}

Test(backends, update_failure_is_scs_failed_with_message) {
  Spy spy = {.inner = &scs_linsys_direct, .fail_update = 1};
  ScsLinSysBackend b = spy_backend(&spy);
  TestProblem *tp = tp_random(21, 60, 5, 90, 4, 4, 1, 0.15);
  ScsSettings s;
  tp_settings(&s);
  s.scale = 1e-5; /* forces a scale update */
  ScsSolution sol = {0};
  ScsInfo info = solve_with(tp, &b, &s, &sol);
  cr_assert(spy.update_calls > 0);
  cr_assert_eq(info.status_val, SCS_FAILED);
  cr_assert(strstr(scs_last_error(), "spy: update refused"), "%s",
            scs_last_error());
  free_sol(&sol);
  tp_free(tp);
}

/* The example backend's own failure path: an indefinite P. */
Test(backends, example_backend_reports_indefinite_p) {
  double A[] = {1, 0, 0, 1};
  double P[] = {1, 0, 0, -1};
  double b[] = {1, 1}, c[] = {0, 0};
  ScsCone k = {.l = 2};
  TestProblem *tp = tp_from_dense("indefinite", 2, 2, A, P, b, c, &k, 0,
                                  SCS_SOLVED);
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = &example_cholesky_backend;
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), "not positive definite"), "%s",
            scs_last_error());
  tp_free(tp);
}

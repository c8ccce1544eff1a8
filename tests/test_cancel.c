/* Cancellation inside a linear-system backend (ABI 2 of scs_linsys.h):
 * the indirect backend stops its CG at once when the solve is interrupted,
 * a caller's backend can poll scs_linsys_cancelled, version-1 tables are
 * still accepted, and g (scs_init, scs_update) is never cancelled. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "problems.h"

static void sleep_ms(int ms) {
  struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

static ScsWork *indirect_handle(TestProblem *tp) {
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = &scs_linsys_indirect;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  return w;
}

Test(cancel, indirect_cg_stops_at_once) {
  TestProblem *tp = tp_random(5, 80, 4, 80, 4, 4, 1, 0.2);
  ScsWork *w = indirect_handle(tp);
  scs_interrupt(w); /* sticky: the next solve is cancelled in its first CG */
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SIGINT);
  cr_assert_eq(info.lin_sys_iters, 0, "the CG took %lld steps",
               (long long)info.lin_sys_iters);
  cr_assert_eq(info.iter, 0);
  free_sol(&sol);
  memset(&sol, 0, sizeof(sol));
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED,
               "the interrupt was consumed");
  cr_assert_gt(info.lin_sys_iters, 0);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

Test(cancel, update_is_not_cancelled_by_a_pending_interrupt) {
  TestProblem *tp = tp_lp_small();
  ScsWork *w = indirect_handle(tp);
  scs_interrupt(w);
  scs_float b2[4] = {8, 12, 0, 0};
  cr_assert_eq(scs_update(w, b2, NULL), 0, "%s", scs_last_error());
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SIGINT, "still pending");
  free_sol(&sol);
  memset(&sol, 0, sizeof(sol));
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert_lt(tp_rel_err(info.pobj, -5.6), 1e-3, "the update took effect");
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

/* ---- a caller's backend that waits inside solve until cancelled -------- */

typedef struct {
  atomic_int waiting;   /* a solve is blocked polling the token */
  int block_from;       /* solve calls from this one on block */
  int calls, set_cancel_calls;
  const ScsCancelToken *token;
} Blocker;

typedef struct {
  void *inner;
  Blocker *b;
} BlockerState;

static void *blocker_init(const ScsMatrix *A, const ScsMatrix *P,
                          const scs_float *r, void *user) {
  BlockerState *st = calloc(1, sizeof(*st));
  st->b = user;
  st->inner = scs_linsys_direct.init(A, P, r, NULL);
  return st;
}

static scs_int blocker_solve(void *state, scs_float *rhs, const scs_float *warm,
                             scs_float tol) {
  BlockerState *st = state;
  Blocker *b = st->b;
  if (++b->calls >= b->block_from) {
    atomic_store(&b->waiting, 1);
    for (int i = 0; i < 20000 && !scs_linsys_cancelled(b->token); ++i)
      sleep_ms(1);
    if (scs_linsys_cancelled(b->token)) return SCS_LINSYS_CANCELLED;
  }
  return scs_linsys_direct.solve(st->inner, rhs, warm, tol);
}

static scs_int blocker_update(void *state, const scs_float *r) {
  return scs_linsys_direct.update_diag_r(((BlockerState *)state)->inner, r);
}

static void blocker_free(void *state) {
  scs_linsys_direct.free(((BlockerState *)state)->inner);
  free(state);
}

static void blocker_set_cancel(void *state, const ScsCancelToken *token) {
  Blocker *b = ((BlockerState *)state)->b;
  b->token = token;
  b->set_cancel_calls++;
}

static ScsLinSysBackend blocker_backend(Blocker *b, int abi) {
  ScsLinSysBackend be = {.abi_version = abi,
                         .name = "blocker",
                         .user_data = b,
                         .init = blocker_init,
                         .solve = blocker_solve,
                         .update_diag_r = blocker_update,
                         .free = blocker_free,
                         .set_cancel = blocker_set_cancel};
  return be;
}

typedef struct {
  ScsWork *w;
  scs_int flag;
} SolveJob;

static void *solve_thread(void *arg) {
  SolveJob *j = arg;
  ScsSolution sol = {0};
  ScsInfo info;
  j->flag = scs_solve(j->w, &sol, &info, 0);
  free_sol(&sol);
  return NULL;
}

static void interrupt_blocked_solve(int by_finish) {
  TestProblem *tp = tp_lp_small();
  Blocker b = {0};
  b.block_from = 5; /* g, then iterations 0, 1, 2 pass; iteration 3 blocks */
  ScsLinSysBackend be = blocker_backend(&b, SCS_LINSYS_ABI_VERSION);
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = &be;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  cr_assert_eq(b.set_cancel_calls, 1);
  SolveJob j = {w, 0};
  pthread_t th;
  pthread_create(&th, NULL, solve_thread, &j);
  for (int i = 0; i < 20000 && !atomic_load(&b.waiting); ++i) sleep_ms(1);
  cr_assert(atomic_load(&b.waiting), "the solve never reached the backend");
  if (by_finish)
    scs_finish(w); /* returns once the solve has left */
  else
    scs_interrupt(w);
  pthread_join(th, NULL);
  cr_assert_eq(j.flag, SCS_SIGINT);
  if (!by_finish) scs_finish(w);
  tp_free(tp);
}

Test(cancel, a_backend_polling_the_token_sees_scs_interrupt) {
  interrupt_blocked_solve(0);
}

Test(cancel, a_backend_polling_the_token_sees_scs_finish) {
  interrupt_blocked_solve(1);
}

Test(cancel, version_1_tables_are_accepted_without_set_cancel) {
  TestProblem *tp = tp_lp_small();
  Blocker b = {0};
  b.block_from = 1 << 30;
  /* a version-1 table has no set_cancel member: it must not be read */
  ScsLinSysBackend be = blocker_backend(&b, 1);
  ScsSettings s;
  tp_settings(&s);
  s.lin_sys_backend = &be;
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &info), SCS_SOLVED, "%s",
               scs_last_error());
  cr_assert_eq(b.set_cancel_calls, 0);
  free_sol(&sol);
  be.abi_version = SCS_LINSYS_ABI_VERSION + 1;
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  cr_assert(strstr(scs_last_error(), "takes 1 to"), "%s", scs_last_error());
  tp_free(tp);
}

Test(cancel, token_is_quiet_outside_solves) {
  cr_assert_eq(scs_linsys_cancelled(NULL), 0);
}

/* scs_finish on a handle that other threads use (src/gate.c): the running
 * solve is interrupted, queued solves, updates and set_callback calls fail
 * with a clear message, and the handle is freed only once every call has
 * left. Each case is repeated to catch races; ASan catches a use after
 * free and TSan a data race or a destroyed locked mutex. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "leaks.h"
#include "problems.h"
#include "solver_thread.h"
#include "work.h" /* the gate's count of calls, to know they are queued */

#define REPS 25

static void sleep_ms(int ms) {
  struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

/* A solve that only stops when interrupted (no tolerance can be met). */
static ScsWork *endless_handle(unsigned seed) {
  TestProblem *tp = tp_random(seed, 30, 2, 30, 2, 3, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = 1e-300;
  s.eps_infeas = 1e-300;
  s.max_iters = 1000000000;
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  tp_free(tp);
  cr_assert_not_null(w, "%s", scs_last_error());
  return w;
}

typedef enum { CALL_SOLVE, CALL_UPDATE, CALL_SET_CALLBACK } CallKind;

typedef struct {
  ScsWork *w;
  CallKind kind;
  scs_int result;
  char err[256];
} Call;

static void *call_thread(void *arg) {
  Call *c = arg;
  if (c->kind == CALL_SOLVE) {
    ScsSolution sol = {0};
    ScsInfo info;
    c->result = scs_solve(c->w, &sol, &info, 0);
    free_sol(&sol);
  } else if (c->kind == CALL_UPDATE) {
    scs_float b[64];
    for (int i = 0; i < 64; ++i) b[i] = 1;
    c->result = scs_update(c->w, b, NULL);
  } else {
    scs_set_callback(c->w, NULL, NULL);
    c->result = scs_last_error()[0] ? -1 : 0;
  }
  snprintf(c->err, sizeof(c->err), "%s", scs_last_error());
  return NULL;
}

/* Poll until cond() or about 20 s (generous under sanitizers). */
#define WAIT_FOR(cond)                                        \
  do {                                                        \
    int waited_ = 0;                                          \
    while (!(cond) && waited_++ < 20000) sleep_ms(1);         \
    cr_assert(cond, "timed out waiting for " #cond);          \
  } while (0)

/* One solve runs; `nq` calls of the given kinds queue behind it; then
 * scs_finish. */
static void finish_with_queue(unsigned seed, int nq, const CallKind *kinds) {
  ScsWork *w = endless_handle(seed);
  atomic_int started = 0;
  scs_set_callback(w, mark_started, &started);
  Call running = {w, CALL_SOLVE, 0, ""};
  Call queued[16];
  pthread_t th_run, th_q[16];
  pthread_create(&th_run, NULL, call_thread, &running);
  WAIT_FOR(atomic_load(&started));
  for (int i = 0; i < nq; ++i) {
    queued[i] = (Call){w, kinds[i % 3], 0, ""};
    pthread_create(&th_q[i], NULL, call_thread, &queued[i]);
  }
  WAIT_FOR(atomic_load(&w->gate.callers) == 1 + nq);
  scs_finish(w); /* returns only when every call above has left */
  pthread_join(th_run, NULL);
  for (int i = 0; i < nq; ++i) pthread_join(th_q[i], NULL);
  cr_assert_eq(running.result, SCS_SIGINT, "the running solve returned %lld",
               (long long)running.result);
  for (int i = 0; i < nq; ++i) {
    scs_int want = queued[i].kind == CALL_SOLVE ? SCS_FAILED : -1;
    cr_assert_eq(queued[i].result, want, "queued call %d returned %lld", i,
                 (long long)queued[i].result);
    cr_assert(strstr(queued[i].err, "being finished"),
              "queued call %d: message \"%s\"", i, queued[i].err);
  }
}

Test(finish, interrupts_the_solve_and_fails_a_queued_solve) {
  CallKind k[] = {CALL_SOLVE};
  for (int r = 0; r < REPS; ++r) finish_with_queue(10 + r, 1, k);
  EXPECT_NO_LEAKS();
}

Test(finish, fails_a_queued_update) {
  CallKind k[] = {CALL_UPDATE};
  for (int r = 0; r < REPS; ++r) finish_with_queue(40 + r, 1, k);
  EXPECT_NO_LEAKS();
}

Test(finish, many_waiters_of_every_kind) {
  CallKind k[] = {CALL_SOLVE, CALL_UPDATE, CALL_SET_CALLBACK};
  for (int r = 0; r < REPS; ++r) finish_with_queue(70 + r, 12, k);
  EXPECT_NO_LEAKS();
}

/* ---- scs_finish while the progress callback runs ------------------------ */

typedef struct {
  atomic_int in_callback, release, callback_returned;
} Gatekeeper;

static scs_int hold_in_callback(const ScsProgress *p, void *user) {
  (void)p;
  Gatekeeper *g = user;
  atomic_store(&g->in_callback, 1);
  while (!atomic_load(&g->release)) sleep_ms(1);
  atomic_store(&g->callback_returned, 1);
  return 0;
}

typedef struct {
  ScsWork *w;
  Gatekeeper *g;
  int callback_done_at_return;
} Finisher;

static void *finish_thread(void *arg) {
  Finisher *f = arg;
  scs_finish(f->w);
  f->callback_done_at_return = atomic_load(&f->g->callback_returned);
  return NULL;
}

Test(finish, waits_for_a_callback_in_progress) {
  for (int r = 0; r < REPS; ++r) {
    ScsWork *w = endless_handle(100 + r);
    Gatekeeper g = {0, 0, 0};
    scs_set_callback(w, hold_in_callback, &g);
    Call running = {w, CALL_SOLVE, 0, ""};
    pthread_t th_run, th_fin;
    pthread_create(&th_run, NULL, call_thread, &running);
    WAIT_FOR(atomic_load(&g.in_callback));
    Finisher f = {w, &g, -1};
    pthread_create(&th_fin, NULL, finish_thread, &f);
    WAIT_FOR(atomic_load(&w->gate.closing));
    sleep_ms(2); /* finish is now waiting for the solve */
    atomic_store(&g.release, 1);
    pthread_join(th_fin, NULL);
    pthread_join(th_run, NULL);
    cr_assert_eq(f.callback_done_at_return, 1,
                 "scs_finish returned before the callback did");
    cr_assert_eq(running.result, SCS_SIGINT);
  }
  EXPECT_NO_LEAKS();
}

/* ---- calls back into the handle from its own callback ------------------- */

typedef struct {
  ScsWork *w;
  scs_int solve_result, update_result;
  char solve_err[256];
  int calls;
} Reentry;

static scs_int reenter(const ScsProgress *p, void *user) {
  (void)p;
  Reentry *r = user;
  if (r->calls++ > 0) return 1; /* once is enough: stop */
  ScsSolution sol = {0};
  ScsInfo info;
  r->solve_result = scs_solve(r->w, &sol, &info, 0);
  snprintf(r->solve_err, sizeof(r->solve_err), "%s", scs_last_error());
  r->update_result = scs_update(r->w, NULL, NULL);
  cr_assert_null(sol.x, "a refused solve must not touch the solution");
  return 0;
}

Test(finish, a_callback_calling_its_own_handle_fails_cleanly) {
  ScsWork *w = endless_handle(200);
  Reentry r = {w, 0, 0, "", 0};
  scs_set_callback(w, reenter, &r);
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs_solve(w, &sol, &info, 0);
  cr_assert_eq(flag, SCS_SIGINT, "stopped by the callback");
  cr_assert_eq(r.solve_result, SCS_FAILED);
  cr_assert_eq(r.update_result, -1);
  cr_assert(strstr(r.solve_err, "inside a progress callback"), "%s",
            r.solve_err);
  free_sol(&sol);
  scs_finish(w);
  EXPECT_NO_LEAKS();
}

static scs_int finish_from_callback(const ScsProgress *p, void *user) {
  (void)p;
  scs_finish((ScsWork *)user);
  return 0;
}

Test(finish, from_inside_the_callback_frees_when_the_solve_returns) {
  for (int r = 0; r < REPS; ++r) {
    ScsWork *w = endless_handle(300 + r);
    scs_set_callback(w, finish_from_callback, w);
    ScsSolution sol = {0};
    ScsInfo info;
    scs_int flag = scs_solve(w, &sol, &info, 0); /* frees w on return */
    cr_assert_eq(flag, SCS_SIGINT);
    cr_assert(isfinite(sol.x[0]), "the best iterate is reported");
    free_sol(&sol);
  }
  EXPECT_NO_LEAKS();
}

/* ---- a finished solve racing queued calls: nothing is lost -------------- */

Test(finish, queued_calls_run_in_turn_until_finish) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  for (int r = 0; r < REPS; ++r) {
    ScsWork *w = scs_init(&tp->d, &tp->k, &s);
    cr_assert_not_null(w);
    Call c[6];
    pthread_t th[6];
    for (int i = 0; i < 6; ++i) {
      c[i] = (Call){w, i % 2 ? CALL_SOLVE : CALL_SET_CALLBACK, 0, ""};
      pthread_create(&th[i], NULL, call_thread, &c[i]);
    }
    for (int i = 0; i < 6; ++i) pthread_join(th[i], NULL);
    for (int i = 0; i < 6; ++i)
      cr_assert_eq(c[i].result, c[i].kind == CALL_SOLVE ? SCS_SOLVED : 0,
                   "call %d: %s", i, c[i].err);
    scs_finish(w);
  }
  tp_free(tp);
  EXPECT_NO_LEAKS();
}

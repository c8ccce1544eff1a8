/* The thread model of ARCHITECTURE.md: independent handles in parallel,
 * one handle shared by many threads, scs_interrupt, scs_finish racing a
 * solve, and the callback. Ctrl-C: test_sigint.c; scs_finish with queued
 * calls: test_finish.c. */
#include <criterion/criterion.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checks.h"
#include "problems.h"
#include "solver_thread.h"

#define NTHREADS 4

static void sleep_ms(int ms) {
  struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

/* ---- independent solves: bitwise identical to sequential ones ---------- */

typedef struct {
  unsigned seed;
  ScsSolution sol;
  ScsInfo info;
  scs_int flag;
} Job;

static void run_job(Job *j) {
  TestProblem *tp = tp_random(j->seed, 40, 4, 50, 4, 4, j->seed % 2, 0.25);
  ScsSettings s;
  tp_settings(&s);
  memset(&j->sol, 0, sizeof(j->sol));
  j->flag = scs(&tp->d, &tp->k, &s, &j->sol, &j->info);
  tp_free(tp);
}

static void *job_thread(void *arg) {
  Job *jobs = arg;
  for (int i = 0; i < 3; ++i) run_job(&jobs[i]);
  return NULL;
}

Test(threads, parallel_solves_match_sequential) {
  Job seq[NTHREADS][3], par[NTHREADS][3];
  for (int t = 0; t < NTHREADS; ++t)
    for (int i = 0; i < 3; ++i) {
      seq[t][i].seed = par[t][i].seed = (unsigned)(100 + 3 * t + i);
      run_job(&seq[t][i]);
    }
  pthread_t th[NTHREADS];
  for (int t = 0; t < NTHREADS; ++t)
    pthread_create(&th[t], NULL, job_thread, par[t]);
  for (int t = 0; t < NTHREADS; ++t) pthread_join(th[t], NULL);
  for (int t = 0; t < NTHREADS; ++t)
    for (int i = 0; i < 3; ++i) {
      Job *a = &seq[t][i], *b = &par[t][i];
      cr_assert_eq(a->flag, SCS_SOLVED);
      cr_assert_eq(a->flag, b->flag);
      cr_assert_eq(a->info.iter, b->info.iter);
      cr_assert_eq(memcmp(a->sol.x, b->sol.x, 40 * sizeof(scs_float)), 0,
                   "thread %d job %d: x differs from the sequential run", t, i);
      free_sol(&a->sol);
      free_sol(&b->sol);
    }
}

/* ---- one handle shared by many threads ---------------------------------- */

typedef struct {
  ScsWork *w;
  pthread_barrier_t *barrier;
  int id, bad;
} Shared;

/* lp_small with b = (4, 6, 0, 0) has optimum -2.8 at (1.6, 1.2); with
 * b = (8, 12, 0, 0) it is -5.6 at (3.2, 2.4). Every solve must return one of
 * the two, whatever the other threads updated in between. */
static void *shared_thread(void *arg) {
  Shared *sh = arg;
  scs_float b1[] = {4, 6, 0, 0}, b2[] = {8, 12, 0, 0};
  ScsSolution sol = {0};
  ScsInfo info;
  pthread_barrier_wait(sh->barrier);
  for (int i = 0; i < 20; ++i) {
    if (scs_update(sh->w, (sh->id + i) % 2 ? b2 : b1, NULL) != 0) sh->bad++;
    if (scs_solve(sh->w, &sol, &info, i % 3 == 0) != SCS_SOLVED) sh->bad++;
    int first = fabs(info.pobj + 2.8) < 1e-3 && fabs(sol.x[0] - 1.6) < 1e-2;
    int second = fabs(info.pobj + 5.6) < 1e-3 && fabs(sol.x[0] - 3.2) < 1e-2;
    if (!first && !second) sh->bad++;
  }
  free_sol(&sol);
  return NULL;
}

Test(threads, shared_handle_serializes_calls) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w);
  pthread_barrier_t barrier;
  pthread_barrier_init(&barrier, NULL, NTHREADS);
  Shared sh[NTHREADS];
  pthread_t th[NTHREADS];
  for (int t = 0; t < NTHREADS; ++t) {
    sh[t] = (Shared){w, &barrier, t, 0};
    pthread_create(&th[t], NULL, shared_thread, &sh[t]);
  }
  for (int t = 0; t < NTHREADS; ++t) {
    pthread_join(th[t], NULL);
    cr_assert_eq(sh[t].bad, 0, "thread %d saw %d wrong answers", t, sh[t].bad);
  }
  pthread_barrier_destroy(&barrier);
  scs_finish(w);
  tp_free(tp);
}

/* ---- interruption -------------------------------------------------------- */

static void wait_started(Solver *sv) {
  while (!atomic_load(&sv->started)) sleep_ms(1);
}

Test(threads, interrupt_from_another_thread) {
  ScsSettings s;
  TestProblem *tp = endless_problem(&s);
  Solver sv = {0};
  sv.w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(sv.w);
  scs_set_callback(sv.w, mark_started, &sv.started);
  pthread_t th;
  pthread_create(&th, NULL, solver_thread, &sv);
  wait_started(&sv);
  sleep_ms(20);
  scs_interrupt(sv.w);
  pthread_join(th, NULL);
  cr_assert_eq(sv.flag, SCS_SIGINT);
  cr_assert_str_eq(sv.info.status, "interrupted");
  cr_assert(sv.info.iter > 0 && sv.info.iter < 100000000);
  /* the best iterate is returned, not NaN */
  cr_assert(isfinite(sv.sol.x[0]));
  free_sol(&sv.sol);
  scs_finish(sv.w);
  tp_free(tp);
}

Test(threads, interrupt_before_the_solve_is_sticky_once) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  scs_interrupt(w);
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SIGINT);
  cr_assert_lt(info.iter, 2);
  /* consumed: the next solve runs to completion */
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert(fabs(info.pobj + 2.8) < 1e-3);
  scs_interrupt(NULL); /* a no-op */
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

static scs_int stop_at_iteration_50(const ScsProgress *p, void *user) {
  (*(int *)user)++;
  return p->iter >= 50;
}

Test(threads, callback_can_stop_the_solve) {
  ScsSettings s;
  TestProblem *tp = endless_problem(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  int calls = 0;
  scs_set_callback(w, stop_at_iteration_50, &calls);
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SIGINT);
  cr_assert(info.iter >= 50 && info.iter < 70, "stopped at %d", (int)info.iter);
  cr_assert_gt(calls, 5);
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
}

Test(threads, finish_racing_a_running_solve) {
  ScsSettings s;
  TestProblem *tp = endless_problem(&s);
  Solver sv = {0};
  sv.w = scs_init(&tp->d, &tp->k, &s);
  scs_set_callback(sv.w, mark_started, &sv.started);
  pthread_t th;
  pthread_create(&th, NULL, solver_thread, &sv);
  wait_started(&sv);
  scs_finish(sv.w); /* interrupts, waits for the solve, frees */
  pthread_join(th, NULL);
  cr_assert_eq(sv.flag, SCS_SIGINT);
  free_sol(&sv.sol);
  tp_free(tp);
}

static void *cycle_thread(void *arg) {
  int *bad = arg;
  for (int i = 0; i < 25; ++i) {
    TestProblem *tp = tp_qp_small();
    ScsSettings s;
    tp_settings(&s);
    ScsWork *w = scs_init(&tp->d, &tp->k, &s);
    ScsSolution sol = {0};
    ScsInfo info;
    if (!w || scs_solve(w, &sol, &info, 0) != SCS_SOLVED ||
        fabs(info.pobj - 1.88) > 1e-3)
      (*bad)++;
    scs_finish(w);
    free_sol(&sol);
    tp_free(tp);
  }
  return NULL;
}

Test(threads, rapid_create_solve_finish_cycles) {
  pthread_t th[NTHREADS];
  int bad[NTHREADS] = {0};
  for (int t = 0; t < NTHREADS; ++t)
    pthread_create(&th[t], NULL, cycle_thread, &bad[t]);
  for (int t = 0; t < NTHREADS; ++t) {
    pthread_join(th[t], NULL);
    cr_assert_eq(bad[t], 0);
  }
}

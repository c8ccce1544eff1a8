/* Shared by the thread, Ctrl-C, finish and cancel tests: a problem that
 * runs until it is stopped, and a solve on its own thread that says when
 * it is running. */
#ifndef SCS_TEST_SOLVER_THREAD_H
#define SCS_TEST_SOLVER_THREAD_H

#include <stdatomic.h>

#include "problems.h"

/* Huge iteration budget, tolerances no solve reaches: only an interrupt,
 * Ctrl-C or scs_finish ends it. */
static inline TestProblem *endless_problem(ScsSettings *s) {
  TestProblem *tp = tp_random(4, 200, 10, 300, 10, 8, 1, 0.05);
  tp_settings(s);
  s->eps_abs = s->eps_rel = 1e-15;
  s->eps_infeas = 1e-30;
  s->max_iters = 100000000;
  return tp;
}

typedef struct {
  ScsWork *w;
  ScsSolution sol;
  ScsInfo info;
  scs_int flag;
  atomic_int started;
} Solver;

/* A progress callback that marks the solve as running (it is called at
 * every residual check); user points to an atomic_int. */
static inline scs_int mark_started(const ScsProgress *p, void *user) {
  (void)p;
  atomic_store((atomic_int *)user, 1);
  return 0;
}

static inline void *solver_thread(void *arg) {
  Solver *sv = arg;
  sv->flag = scs_solve(sv->w, &sv->sol, &sv->info, 0);
  return NULL;
}

#endif

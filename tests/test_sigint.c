/* Ctrl-C (docs/threading.md, "Ctrl-C"): a SIGINT stops the solves running
 * at that moment and chains to the program's handler; the previous
 * disposition comes back when the last solve ends, unless the program
 * installed its own handler meanwhile; SIG_IGN stays ignored. Each test
 * runs in its own process (Criterion and the shim both fork), so the
 * dispositions set here do not leak into other tests. Most signals are
 * raised from the progress callback, inside the solve: deterministic. */
#include <criterion/criterion.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "checks.h"
#include "problems.h"
#include "solver_thread.h"

static void sleep_ms(int ms) {
  struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
  nanosleep(&t, NULL);
}

/* the current SIGINT disposition */
static struct sigaction current(void) {
  struct sigaction act;
  memset(&act, 0, sizeof(act));
  sigaction(SIGINT, NULL, &act);
  return act;
}

static int is_plain(const struct sigaction *act, void (*fn)(int)) {
  return !(act->sa_flags & SA_SIGINFO) && act->sa_handler == fn;
}

static void set_handler(void (*fn)(int), struct sigaction *old) {
  struct sigaction act;
  memset(&act, 0, sizeof(act));
  act.sa_handler = fn;
  sigemptyset(&act.sa_mask);
  cr_assert_eq(sigaction(SIGINT, &act, old), 0);
}

/* The program's handlers, counting their calls. */
static atomic_int program_calls, chaining_calls;
static void program_handler(int sig) {
  (void)sig;
  atomic_fetch_add(&program_calls, 1);
}

/* a handler that calls the one it replaced, as careful programs do */
static struct sigaction replaced;
static void chaining_handler(int sig) {
  atomic_fetch_add(&chaining_calls, 1);
  if (replaced.sa_flags & SA_SIGINFO) {
    if (replaced.sa_sigaction) replaced.sa_sigaction(sig, NULL, NULL);
  } else if (replaced.sa_handler != SIG_DFL && replaced.sa_handler != SIG_IGN) {
    replaced.sa_handler(sig);
  }
}

/* A problem that needs a few hundred iterations at default settings. */
static TestProblem *medium_problem(ScsSettings *s) {
  TestProblem *tp = tp_random(7, 40, 4, 50, 4, 4, 1, 0.25);
  tp_settings(s);
  return tp;
}

/* What the callback does at its first call (the first residual check). */
typedef enum { DO_RAISE, DO_INSTALL, DO_INSTALL_CHAINING, DO_INTERRUPT } Act;

typedef struct {
  Act act;
  ScsWork *w;
  int calls;
  scs_int first_iter;
  struct sigaction during; /* the disposition seen inside the solve */
} Cb;

static scs_int first_check(const ScsProgress *p, void *user) {
  Cb *cb = user;
  if (cb->calls++ > 0) return 0;
  cb->first_iter = p->iter;
  sigaction(SIGINT, NULL, &cb->during);
  switch (cb->act) {
    case DO_RAISE:
      raise(SIGINT);
      break;
    case DO_INSTALL:
      set_handler(program_handler, NULL);
      break;
    case DO_INSTALL_CHAINING:
      set_handler(chaining_handler, &replaced);
      break;
    case DO_INTERRUPT:
      scs_interrupt(cb->w);
      break;
  }
  return 0;
}

/* Solve the medium problem with the callback doing `act`. */
static scs_int solve_with(Act act, Cb *cb, ScsInfo *info) {
  ScsSettings s;
  TestProblem *tp = medium_problem(&s);
  ScsWork *w = scs_init(&tp->d, &tp->k, &s);
  cr_assert_not_null(w);
  memset(cb, 0, sizeof(*cb));
  cb->act = act;
  cb->w = w;
  scs_set_callback(w, first_check, cb);
  ScsSolution sol = {0};
  scs_int flag = scs_solve(w, &sol, info, 0);
  cr_assert_gt(cb->calls, 0, "the callback never ran");
  free_sol(&sol);
  scs_finish(w);
  tp_free(tp);
  return flag;
}

Test(sigint, raised_inside_a_solve_interrupts_it) {
  /* SIG_DFL before: the process is not killed, the solve stops */
  Cb cb;
  ScsInfo info;
  cr_assert_eq(solve_with(DO_RAISE, &cb, &info), SCS_SIGINT);
  cr_assert_str_eq(info.status, "interrupted");
  cr_assert(cb.during.sa_flags & SA_SIGINFO, "no handler during the solve");
  struct sigaction after = current();
  cr_assert(is_plain(&after, SIG_DFL), "SIG_DFL not restored");
  /* the signal is spent: the next solve runs to the end */
  cr_assert_eq(solve_with(DO_INSTALL, &cb, &info), SCS_SOLVED);
}

Test(sigint, ignored_sigint_stays_ignored) {
  signal(SIGINT, SIG_IGN);
  Cb cb;
  ScsInfo info;
  cr_assert_eq(solve_with(DO_RAISE, &cb, &info), SCS_SOLVED, "status %s",
               info.status);
  cr_assert_gt(info.iter, cb.first_iter, "the solve did not go on");
  cr_assert(is_plain(&cb.during, SIG_IGN), "SIG_IGN replaced during a solve");
  struct sigaction after = current();
  cr_assert(is_plain(&after, SIG_IGN), "SIG_IGN not kept");
  /* scs_interrupt still works */
  cr_assert_eq(solve_with(DO_INTERRUPT, &cb, &info), SCS_SIGINT);
  after = current();
  cr_assert(is_plain(&after, SIG_IGN));
}

Test(sigint, handler_installed_during_a_solve_survives) {
  Cb cb;
  ScsInfo info;
  cr_assert_eq(solve_with(DO_INSTALL, &cb, &info), SCS_SOLVED);
  struct sigaction after = current();
  cr_assert(is_plain(&after, program_handler),
            "the program's handler was overwritten at the end of the solve");
  raise(SIGINT);
  cr_assert_eq(atomic_load(&program_calls), 1);
  /* the next solve chains to it and puts it back */
  cr_assert_eq(solve_with(DO_RAISE, &cb, &info), SCS_SIGINT);
  cr_assert_eq(atomic_load(&program_calls), 2, "not chained");
  after = current();
  cr_assert(is_plain(&after, program_handler), "not restored");
}

Test(sigint, chaining_handler_installed_during_a_solve) {
  /* the program's handler saves libscs's and calls it: after the solve the
   * chain is program -> libscs -> the original handler; a later solve
   * installs libscs's handler over it without looping forever */
  set_handler(program_handler, NULL);
  Cb cb;
  ScsInfo info;
  cr_assert_eq(solve_with(DO_INSTALL_CHAINING, &cb, &info), SCS_SOLVED);
  struct sigaction after = current();
  cr_assert(is_plain(&after, chaining_handler));
  raise(SIGINT);
  cr_assert_eq(atomic_load(&chaining_calls), 1);
  cr_assert_eq(atomic_load(&program_calls), 1, "chain broken");
  cr_assert_eq(solve_with(DO_RAISE, &cb, &info), SCS_SIGINT);
  cr_assert_eq(atomic_load(&chaining_calls), 2);
  after = current();
  cr_assert(is_plain(&after, chaining_handler));
}

/* ---- several solves at once ------------------------------------------------ */

Test(sigint, stops_running_solves_and_chains) {
  set_handler(program_handler, NULL);

  ScsSettings s;
  TestProblem *tp = endless_problem(&s);
  Solver sv[3];
  pthread_t th[3];
  for (int t = 0; t < 3; ++t) {
    memset(&sv[t], 0, sizeof(sv[t]));
    sv[t].w = scs_init(&tp->d, &tp->k, &s);
    cr_assert_not_null(sv[t].w);
    scs_set_callback(sv[t].w, mark_started, &sv[t].started);
    pthread_create(&th[t], NULL, solver_thread, &sv[t]);
  }
  for (int t = 0; t < 3; ++t)
    while (!atomic_load(&sv[t].started)) sleep_ms(1);
  raise(SIGINT);
  for (int t = 0; t < 3; ++t) {
    pthread_join(th[t], NULL);
    cr_assert_eq(sv[t].flag, SCS_SIGINT, "solve %d: %s", t, sv[t].info.status);
  }
  cr_assert_eq(atomic_load(&program_calls), 1, "handler not chained once");

  /* a solve that starts after the signal is not hit */
  TestProblem *small = tp_lp_small();
  ScsSolution sol = {0};
  ScsInfo info;
  ScsSettings s2;
  tp_settings(&s2);
  cr_assert_eq(scs(&small->d, &small->k, &s2, &sol, &info), SCS_SOLVED);

  /* with no solve running, the program's handler is back */
  struct sigaction seen = current();
  cr_assert(is_plain(&seen, program_handler), "handler not restored");

  /* disable_signal_handling leaves SIGINT alone during a solve */
  s2.disable_signal_handling = 1;
  ScsWork *w = scs_init(&small->d, &small->k, &s2);
  Cb cb;
  memset(&cb, 0, sizeof(cb));
  cb.act = DO_INSTALL; /* records the disposition, sets the same handler */
  scs_set_callback(w, first_check, &cb);
  cr_assert_eq(scs_solve(w, &sol, &info, 0), SCS_SOLVED);
  cr_assert_gt(cb.calls, 0);
  cr_assert(is_plain(&cb.during, program_handler), "SIGINT touched");
  scs_finish(w);

  free_sol(&sol);
  for (int t = 0; t < 3; ++t) {
    free_sol(&sv[t].sol);
    scs_finish(sv[t].w);
  }
  tp_free(small);
  tp_free(tp);
}

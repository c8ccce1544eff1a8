/* Refcounted, thread-safe SIGINT handling (see interrupt.h). */
#include "interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "glob.h"

static pthread_mutex_t handler_lock = PTHREAD_MUTEX_INITIALIZER;
static int solves_running;         /* guarded by handler_lock */
static struct sigaction previous;  /* written only while no handler is ours */
static atomic_ulong generation;    /* bumped by the handler */

_Static_assert(ATOMIC_LONG_LOCK_FREE == 2,
               "the SIGINT handler needs a lock-free counter");

static void on_sigint(int sig, siginfo_t *info, void *ctx) {
  atomic_fetch_add(&generation, 1);
  /* chain: a function handler of the embedding program still sees it */
  if (previous.sa_flags & SA_SIGINFO) {
    if (previous.sa_sigaction) previous.sa_sigaction(sig, info, ctx);
  } else if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
    previous.sa_handler(sig);
  }
}

void scs_sigint_begin(ScsSigintToken *t) {
  pthread_mutex_lock(&handler_lock);
  if (solves_running++ == 0) {
    struct sigaction act;
    memset(&act, 0, sizeof(act));
    act.sa_sigaction = on_sigint;
    act.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&act.sa_mask);
    sigaction(SIGINT, &act, &previous);
  }
  t->generation = atomic_load(&generation);
  t->active = 1;
  pthread_mutex_unlock(&handler_lock);
}

int scs_sigint_fired(const ScsSigintToken *t) {
  return t->active && atomic_load_explicit(&generation, memory_order_relaxed) !=
                          t->generation;
}

void scs_sigint_end(ScsSigintToken *t) {
  if (!t->active) return;
  pthread_mutex_lock(&handler_lock);
  if (--solves_running == 0) sigaction(SIGINT, &previous, NULL);
  t->active = 0;
  pthread_mutex_unlock(&handler_lock);
}

/* Refcounted, thread-safe SIGINT handling (see interrupt.h). */
#include "interrupt.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

#include "glob.h"

static pthread_mutex_t handler_lock = PTHREAD_MUTEX_INITIALIZER;
static int solves_running; /* guarded by handler_lock */
static int installed;      /* guarded: on_sigint was installed by us */
static atomic_ulong generation; /* bumped by the handler */

/* The disposition on_sigint replaced, which it chains to. The handler can
 * run while a new one is saved (a program's handler that saved ours may
 * chain into it at any time), so it reads the slot `saved` points to and
 * scs_sigint_begin writes the other slot before publishing it. */
static struct sigaction previous_slots[2];
static _Atomic(struct sigaction *) saved = &previous_slots[0];

/* Set while on_sigint calls the saved handler. A program handler that
 * replaced ours during a solve and chains to it stays installed after the
 * solve; the next solve saves it and installs ours again, so the chain
 * comes back to on_sigint: it then only counts the signal. */
static atomic_int chaining;

_Static_assert(ATOMIC_LONG_LOCK_FREE == 2,
               "the SIGINT handler needs a lock-free counter");
_Static_assert(ATOMIC_POINTER_LOCK_FREE == 2 && ATOMIC_INT_LOCK_FREE == 2,
               "the SIGINT handler needs lock-free atomics");

static void on_sigint(int sig, siginfo_t *info, void *ctx) {
  atomic_fetch_add(&generation, 1);
  if (atomic_exchange(&chaining, 1)) return;
  /* chain: a function handler of the embedding program still sees it */
  const struct sigaction *prev = atomic_load(&saved);
  if (prev->sa_flags & SA_SIGINFO) {
    if (prev->sa_sigaction) prev->sa_sigaction(sig, info, ctx);
  } else if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN) {
    prev->sa_handler(sig);
  }
  atomic_store(&chaining, 0);
}

static int is_ours(const struct sigaction *act) {
  return (act->sa_flags & SA_SIGINFO) && act->sa_sigaction == on_sigint;
}

/* First solve: install on_sigint, unless SIGINT is ignored (it stays
 * ignored) or on_sigint is already there (a program chained to it). */
static void install(void) {
  struct sigaction cur;
  if (sigaction(SIGINT, NULL, &cur) != 0) return;
  if (!(cur.sa_flags & SA_SIGINFO) && cur.sa_handler == SIG_IGN) return;
  if (is_ours(&cur)) return;
  struct sigaction *slot = atomic_load(&saved) == &previous_slots[0]
                               ? &previous_slots[1]
                               : &previous_slots[0];
  *slot = cur;
  atomic_store(&saved, slot);
  struct sigaction act;
  memset(&act, 0, sizeof(act));
  act.sa_sigaction = on_sigint;
  act.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&act.sa_mask);
  /* a saved handler that left by longjmp never cleared the flag */
  atomic_store(&chaining, 0);
  if (sigaction(SIGINT, &act, NULL) == 0) installed = 1;
}

/* Last solve: put the saved disposition back, but only if on_sigint is
 * still the handler: one the program installed meanwhile stays. */
static void uninstall(void) {
  struct sigaction cur;
  if (installed && sigaction(SIGINT, NULL, &cur) == 0 && is_ours(&cur))
    sigaction(SIGINT, atomic_load(&saved), NULL);
  installed = 0;
}

void scs_sigint_begin(ScsSigintToken *t) {
  pthread_mutex_lock(&handler_lock);
  if (solves_running++ == 0) install();
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
  if (--solves_running == 0) uninstall();
  t->active = 0;
  pthread_mutex_unlock(&handler_lock);
}

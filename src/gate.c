/* The gate of a handle (see gate.h). */
#include "gate.h"

#include "error.h"

int scs_gate_init(ScsGate *g) {
  atomic_init(&g->callers, 0);
  atomic_init(&g->closing, 0);
  g->busy = 0;
  g->finish_deferred = 0;
  if (pthread_mutex_init(&g->lock, NULL) != 0) return -1;
  if (pthread_cond_init(&g->changed, NULL) != 0) {
    pthread_mutex_destroy(&g->lock);
    return -1;
  }
  return 0;
}

void scs_gate_destroy(ScsGate *g) {
  pthread_cond_destroy(&g->changed);
  pthread_mutex_destroy(&g->lock);
}

int scs_gate_closing(ScsGate *g) { return atomic_load(&g->closing); }

/* One caller fewer; wakes the closer and the waiting calls. Under lock. */
static void drop_caller(ScsGate *g) {
  atomic_fetch_sub(&g->callers, 1);
  pthread_cond_broadcast(&g->changed);
}

static int owned_by_me(const ScsGate *g) {
  return g->busy && pthread_equal(g->owner, pthread_self());
}

int scs_gate_enter(ScsGate *g, const char *who) {
  /* counted before anything else, so a closer that already runs waits for
   * this call instead of freeing the handle under it */
  atomic_fetch_add(&g->callers, 1);
  pthread_mutex_lock(&g->lock);
  if (owned_by_me(g)) {
    drop_caller(g);
    pthread_mutex_unlock(&g->lock);
    scs_set_error("%s: called from inside a progress callback of the same "
                  "workspace (the handle is busy with that solve)",
                  who);
    return -1;
  }
  while (g->busy && !atomic_load(&g->closing))
    pthread_cond_wait(&g->changed, &g->lock);
  if (atomic_load(&g->closing)) {
    drop_caller(g);
    pthread_mutex_unlock(&g->lock);
    scs_set_error("%s: the workspace is being finished (scs_finish was "
                  "called on it)",
                  who);
    return -1;
  }
  g->busy = 1;
  g->owner = pthread_self();
  pthread_mutex_unlock(&g->lock);
  return 0;
}

/* Under lock: wait until no other call is inside the handle. */
static void wait_for_drain(ScsGate *g) {
  while (atomic_load(&g->callers) > 0)
    pthread_cond_wait(&g->changed, &g->lock);
}

int scs_gate_leave(ScsGate *g) {
  pthread_mutex_lock(&g->lock);
  g->busy = 0;
  drop_caller(g);
  int must_free = g->finish_deferred;
  if (must_free) wait_for_drain(g);
  pthread_mutex_unlock(&g->lock);
  return must_free;
}

int scs_gate_close(ScsGate *g) {
  atomic_fetch_add(&g->callers, 1);
  pthread_mutex_lock(&g->lock);
  if (atomic_load(&g->closing)) { /* a second scs_finish: the first frees */
    drop_caller(g);
    pthread_mutex_unlock(&g->lock);
    return 0;
  }
  atomic_store(&g->closing, 1);
  if (owned_by_me(g)) { /* from a progress callback: free on leaving */
    g->finish_deferred = 1;
    drop_caller(g);
    pthread_mutex_unlock(&g->lock);
    return 0;
  }
  drop_caller(g);
  wait_for_drain(g);
  pthread_mutex_unlock(&g->lock);
  return 1;
}

/*
 * The gate of a handle: every call that touches a workspace passes it.
 *
 * Calls on one handle run one at a time (a `busy` flag and a condition
 * variable, so a waiting call never holds a lock the closer needs). Every
 * call is counted from its first instruction (`callers`, running or
 * waiting), so scs_finish can close the gate, let the waiting calls fail,
 * let the running one be interrupted, and free the handle only once the
 * count is zero (docs/threading.md, "Finishing a shared handle").
 */
#ifndef SCS_GATE_H
#define SCS_GATE_H

#include <pthread.h>
#include <stdatomic.h>

typedef struct {
  pthread_mutex_t lock;
  pthread_cond_t changed; /* busy, callers or closing changed */
  atomic_int callers;     /* calls inside an entry point */
  atomic_int closing;     /* scs_finish began: polled by the running solve */
  int busy;               /* a call owns the handle (under lock) */
  pthread_t owner;        /* the owning thread, while busy */
  int finish_deferred;    /* scs_finish was called by the owner itself */
} ScsGate;

/* 0, or nonzero if the mutex or condition could not be created. */
int scs_gate_init(ScsGate *g);
void scs_gate_destroy(ScsGate *g);

/*
 * Wait for the handle and own it. 0 on success; -1 after scs_set_error()
 * when the handle is being finished, or when the calling thread already
 * owns it (a progress callback calling back into its own handle). `who`
 * names the entry point in the message.
 */
int scs_gate_enter(ScsGate *g, const char *who);

/* Give the handle back. Returns 1 if the caller must now free the handle
 * (scs_finish was called from inside this call); every other call has
 * left by then. */
int scs_gate_leave(ScsGate *g);

/*
 * scs_finish: close the gate, wake the waiting calls (they fail), and wait
 * until every call has left. Returns 1 if the handle may be freed now, 0
 * if the calling thread owns it (scs_finish from a progress callback): the
 * free then happens when that call leaves.
 */
int scs_gate_close(ScsGate *g);

/* 1 once scs_finish began (lock-free; the solve loop polls it). */
int scs_gate_closing(ScsGate *g);

#endif

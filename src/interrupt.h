/*
 * Ctrl-C: the only process-wide state of libscs. While at least one solve
 * with signal handling runs, a SIGINT handler is installed (a count guarded
 * by a mutex); the previous handler is restored when the count drops to
 * zero. The handler bumps a lock-free generation counter, so a signal stops
 * every solve running at that moment and none that starts later, and it
 * chains to a previous handler that is a function (e.g. Python's).
 */
#ifndef SCS_INTERRUPT_H
#define SCS_INTERRUPT_H

typedef struct {
  unsigned long generation; /* the signal generation when the solve began */
  int active;               /* 1 if this solve holds a handler reference */
} ScsSigintToken;

/* Take a reference on the handler (installing it if first). */
void scs_sigint_begin(ScsSigintToken *t);
/* 1 if SIGINT arrived since scs_sigint_begin (lock-free). */
int scs_sigint_fired(const ScsSigintToken *t);
/* Drop the reference (restoring the previous handler if last). */
void scs_sigint_end(ScsSigintToken *t);

#endif

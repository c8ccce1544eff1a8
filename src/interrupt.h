/*
 * Ctrl-C: the only process-wide state of libscs. While at least one solve
 * with signal handling runs, a SIGINT handler is installed (a count guarded
 * by a mutex). When the count drops to zero the previous disposition is
 * restored, but only if libscs's handler is still the installed one: a
 * handler the program installed meanwhile stays. If SIGINT is ignored
 * (SIG_IGN) when the first solve starts, nothing is installed and Ctrl-C
 * stays ignored. The handler bumps a lock-free generation counter, so a
 * signal stops every solve running at that moment and none that starts
 * later, and it chains to a previous handler that is a function (e.g.
 * Python's). docs/threading.md, "Ctrl-C".
 */
#ifndef SCS_INTERRUPT_H
#define SCS_INTERRUPT_H

typedef struct {
  unsigned long generation; /* the signal generation when the solve began */
  int active;               /* 1 if this solve holds a handler reference */
} ScsSigintToken;

/* Take a reference on the handler (installing it if first, unless SIGINT
 * is ignored). */
void scs_sigint_begin(ScsSigintToken *t);
/* 1 if SIGINT arrived since scs_sigint_begin (lock-free). */
int scs_sigint_fired(const ScsSigintToken *t);
/* Drop the reference (if last, restoring the previous disposition when
 * libscs's handler is still the installed one). */
void scs_sigint_end(ScsSigintToken *t);

#endif

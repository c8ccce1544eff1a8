/* A workspace's cancellation token: what a backend polls mid-solve
 * (scs_linsys_cancelled, ABI 2 of scs_linsys.h) and the solve loop checks
 * every iteration. */
#ifndef SCS_CANCEL_H
#define SCS_CANCEL_H

#include <stdatomic.h>

#include "gate.h"
#include "interrupt.h"

struct ScsCancelToken {
  int solving;                 /* 1 while a solve runs (its thread only) */
  ScsSigintToken sigint;       /* the solve's Ctrl-C reference */
  const atomic_int *interrupt; /* the workspace's scs_interrupt flag */
  ScsGate *gate;               /* closing once scs_finish began */
};

/* 1 if the solve should stop: scs_interrupt (the flag is left for the
 * solve loop to consume), Ctrl-C or scs_finish. */
int scs_cancel_requested(const struct ScsCancelToken *t);

#endif

/* Cancellation tokens (see cancel.h). */
#include "cancel.h"

#include "glob.h"

int scs_cancel_requested(const struct ScsCancelToken *t) {
  return atomic_load(t->interrupt) || scs_sigint_fired(&t->sigint) ||
         scs_gate_closing(t->gate);
}

SCS_EXPORT int scs_linsys_cancelled(const ScsCancelToken *token) {
  return token && token->solving && scs_cancel_requested(token);
}

/* Whether a handle can still be used: a failed refactorization whose
 * fallback failed too leaves it without a valid factorization
 * (docs/failures.md). */
#ifndef SCS_HEALTH_H
#define SCS_HEALTH_H

#include "work.h"

/* The handle has no usable factorization any more: every later call fails
 * with a message that starts from `why`. */
void scs_work_mark_broken(ScsWork *w, const char *why);
/* 0, or nonzero after scs_set_error() naming `who` if the handle is
 * broken. */
int scs_work_check_usable(const ScsWork *w, const char *who);

#endif

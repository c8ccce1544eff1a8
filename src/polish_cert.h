/* Certificates of primal infeasibility for LPs and QPs by a solve of the
 * Farkas system (polish_cert.c; docs/polishing.md). */
#ifndef SCS_POLISH_CERT_H
#define SCS_POLISH_CERT_H

#include "glob.h"

struct SCS_WORK;

/* Look for y with A'y = 0, b'y = -1 and y >= 0 on the nonnegative rows
 * (equilibrated data; zero and nonnegative cones only) with a separate
 * solve of at most max_iters iterations and time_limit_secs seconds (0:
 * none). If one passes the infeasibility test (residuals.c, caller's
 * units), the iterate becomes that certificate (tau 0, kappa 1) with w->r
 * fresh for it (at iteration iter) and 1 is returned; otherwise the iterate and w->r are as
 * before and 0 is returned. */
int scs_polish_certificate(struct SCS_WORK *w, scs_int iter,
                           scs_int max_iters, double time_limit_secs);

#endif

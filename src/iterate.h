/* One Douglas-Rachford step on the homogeneous embedding (ALGORITHM.md,
 * "Iteration"; O'Donoghue 2021, with the diagonal scaling R). */
#ifndef SCS_ITERATE_H
#define SCS_ITERATE_H

#include "work.h"

/* u~ = (R + Q)^{-1} R w, u = Pi_{C+}(2u~ - w), rsk = R(w + u - 2u~).
 * Adds the time spent to *lin_sys_ms and *cone_ms. Returns 0, or nonzero
 * after scs_set_error (linear solve or cone). */
int scs_iterate_step(ScsWork *w, scs_int iter, double *lin_sys_ms,
                     double *cone_ms);
/* w <- w + alpha (u - u~) */
void scs_iterate_relax(ScsWork *w);
/* Rescale w to norm sqrt(n + m + 1): the map is positively homogeneous. */
void scs_iterate_normalize_w(ScsWork *w);
/* g = M^{-1} h, h = (c, -b), and the root_plus coefficient d + g'Rg;
 * needed after any change of R, b or c. 0 or nonzero (linear solve). */
int scs_iterate_update_g(ScsWork *w);
/* w = (0, 0, 1) */
void scs_iterate_cold_start(ScsWork *w);
/* w from a caller's guess (x, y, s) in the caller's units: u = (x, y, 1),
 * v = (0, s, 0), w = u + R^{-1} v. NaN entries are replaced by 0. */
void scs_iterate_warm_start(ScsWork *w, const scs_float *x, const scs_float *y,
                            const scs_float *s);

#endif

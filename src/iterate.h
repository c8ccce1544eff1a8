/* One Douglas-Rachford step on the homogeneous embedding (ALGORITHM.md,
 * "Iteration"; O'Donoghue 2021, with the diagonal scaling R). */
#ifndef SCS_ITERATE_H
#define SCS_ITERATE_H

#include "work.h"

/* u~ = (R + Q)^{-1} R w, u = Pi_{C+}(2u~ - w), rsk = R(w + u - 2u~).
 * Adds the time spent to *lin_sys_ms and *cone_ms. Returns 0; 1 if the
 * backend stopped because the solve is cancelled (u and rsk are still the
 * last iteration's); or -1 after scs_set_error (linear solve or cone). */
int scs_iterate_step(ScsWork *w, scs_int iter, double *lin_sys_ms,
                     double *cone_ms);
/* w <- w + alpha (u - u~). 0, or nonzero after scs_set_error if w is no
 * longer finite (naming the cone projection or an overflow). */
int scs_iterate_relax(ScsWork *w, scs_int iter);
/* Rescale w to norm sqrt(n + m + 1): the map is positively homogeneous.
 * 0, or nonzero after scs_set_error if w is not finite (the AA step). */
int scs_iterate_normalize_w(ScsWork *w, scs_int iter);
/* g = M^{-1} h, h = (c, -b), and the root_plus coefficient d + g'Rg, for
 * the given normalized b and c; needed after any change of R, b or c.
 * Computed into w->g_next and swapped in only on success, so on failure
 * (nonzero, after scs_set_error) w->g and w->root_a are unchanged. */
int scs_iterate_compute_g(ScsWork *w, const scs_float *b, const scs_float *c);
/* scs_iterate_compute_g with the workspace's own b and c. */
int scs_iterate_update_g(ScsWork *w);
/* w = (0, 0, 1) */
void scs_iterate_cold_start(ScsWork *w);
/* w from a caller's guess (x, y, s) in the caller's units: u = (x, y, 1),
 * v = (0, s, 0), w = u + R^{-1} v. NaN entries are replaced by 0. 0, or
 * nonzero after scs_set_error when a finite guess overflows once scaled. */
int scs_iterate_warm_start(ScsWork *w, const scs_float *x, const scs_float *y,
                           const scs_float *s);

#endif

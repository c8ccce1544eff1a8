/* The diagonal scaling R and the adaptive dual scale (SCS "scale" page,
 * "Dynamic scale updating"; O'Donoghue 2021). */
#ifndef SCS_SCALE_H
#define SCS_SCALE_H

#include "work.h"

/* R = diag(rho_x I, rho_y(scale), d) from w->scale. */
void scs_scale_set_diag_r(ScsWork *w);
/* Forget the residual-ratio history (start of a solve, after an update). */
void scs_scale_reset_tracking(ScsWork *w, scs_int iter);
/*
 * With fresh residuals at `iter`: accumulate log(rel_pri / rel_dual); when
 * at least SCS_RESCALE_MIN_ITERS passed since the last change and the
 * geometric-mean factor sqrt(beta) leaves [1/sqrt(10), sqrt(10)], set
 * scale <- sqrt(beta) scale (clamped), refactor, recompute g, reset AA and
 * remap w so that u, u~ and v are unchanged. If the refactorization
 * fails, the last good scale and factorization are restored and the scale
 * stays fixed for the rest of the solve (returns 0); nonzero only if that
 * restore fails too, after marking the handle broken.
 */
int scs_scale_maybe_update(ScsWork *w, scs_int iter);

#endif

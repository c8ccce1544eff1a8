/*
 * Anderson acceleration of the fixed-point iteration w -> T(w)
 * (Zhang, O'Donoghue, Boyd 2020). Type-I (default) or type-II, with
 * Tikhonov regularization, relaxation and a safeguard.
 *
 * Use from the solver loop, every `interval` iterations:
 *   f = T(x) was just computed from input x.
 *   norm = scs_aa_apply(aa, f, x);   stores the pair, f <- accelerated point
 *   ... one more step from the accelerated point: f2 = T(f) ...
 *   if (norm > 0) scs_aa_safeguard(aa, f2, f);
 */
#ifndef SCS_ACCEL_H
#define SCS_ACCEL_H

#include "glob.h"

/*
 * dim: vector length; mem: memory (>= 1); type1: 1 for type-I, 0 type-II;
 * regularization >= 0; relaxation in [0, 2]; safeguard_factor > 0;
 * max_weight_norm > 0. NULL (after scs_set_error) on allocation failure.
 */
AaWork *scs_aa_init(scs_int dim, scs_int mem, scs_int type1,
                    scs_float regularization, scs_float relaxation,
                    scs_float safeguard_factor, scs_float max_weight_norm);
/*
 * Record the pair (x, f = T(x)) and overwrite f with the accelerated point.
 * Returns the weight norm (> 0) when f was changed, 0 when the memory holds
 * too little to extrapolate (f untouched), and a negative value when the
 * extrapolation was refused (f untouched; AA state reset).
 */
scs_float scs_aa_apply(AaWork *aa, scs_float *f, const scs_float *x);
/*
 * After a step from the accelerated point x_acc gave f_new = T(x_acc):
 * accept (return 0) when ||f_new - x_acc|| <= safeguard_factor * ||f - x||
 * of the pair stored by the last apply; otherwise reject (return -1): f_new
 * <- the unaccelerated f of that pair, and the memory is reset.
 */
scs_int scs_aa_safeguard(AaWork *aa, scs_float *f_new, const scs_float *x_acc);
/* Extrapolate only once at least k differences are stored (clamped to
 * [1, mem]). The default is the full memory, as SCS does. */
void scs_aa_set_min_columns(AaWork *aa, scs_int k);
/* Forget the memory (after a change of the map, e.g. a scale update). */
void scs_aa_reset(AaWork *aa);
const AaStats *scs_aa_stats(const AaWork *aa);
void scs_aa_finish(AaWork *aa);

#endif

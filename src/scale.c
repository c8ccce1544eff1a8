/* R and the adaptive dual scale. */
#include "scale.h"

#include <stdio.h>

#include "error.h"
#include "iterate.h"
#include "output.h"
#include "health.h"
#include "residuals.h"

void scs_scale_set_diag_r(ScsWork *w) {
  scs_int n = w->n, m = w->m;
  for (scs_int j = 0; j < n; ++j) w->diag_r[j] = w->stgs.rho_x;
  scs_cone_set_r_y(w->cones, w->scale, w->diag_r + n);
  w->diag_r[n + m] = SCS_TAU_FACTOR;
}

void scs_scale_reset_tracking(ScsWork *w, scs_int iter) {
  w->sum_log_scale_factor = 0;
  w->n_log_scale_factor = 0;
  w->last_scale_update_iter = iter;
  w->scale_ref_merit = INFINITY;
  w->scale_ref_sum_log = 0;
  w->scale_ref_iter = iter;
}

/*
 * Stalled: the stopping tests' worst ratio (the merit) has not halved in
 * the current wait (SCS_RESCALE_STALL_ITERS, doubled after each stall
 * move in the solve) and is now no lower than where the wait began: no
 * net progress. The balance of the relative residuals can then sit inside
 * the band (fit2p: the primal residual plateaus and holds the gap test at
 * 2-3 times its tolerance for thousands of iterations, with rel_pri /
 * rel_dual between 3 and 10). A merit that falls, however slowly, is
 * progress: moving the scale then cost more than it gained (cblib's
 * mra02 and SDPLIB's gpp100 at eps 1e-6 and 1e-4).
 */
static int stalled(ScsWork *w, scs_int iter) {
  const ScsCone *k = &w->cones->k;
  /* no stall moves with PSD cones (measured on SDPLIB: docs/algorithm.md) */
  if (k->ssize > 0 || k->cssize > 0) return 0;
  scs_float merit = scs_residuals_merit(w);
  if (!isfinite(merit)) return 0;
  if (merit < 0.5 * w->scale_ref_merit) {
    w->scale_ref_merit = merit;
    w->scale_ref_sum_log = 0;
    w->scale_ref_iter = iter;
    return 0;
  }
  return iter - w->scale_ref_iter >= w->scale_stall_iters &&
         merit >= w->scale_ref_merit;
}

/* relative residuals ||Ax + s - b tau|| / max(||Ax||, ||s||, ||b|| tau)
 * and the dual counterpart, in the caller's units */
static void relative_residuals(const ScsWork *w, scs_float *pri,
                               scs_float *dual) {
  const ScsResiduals *r = &w->r;
  scs_float dp = SCS_MAX(SCS_MAX(r->nm_ax, r->nm_s), w->nm_b_orig * r->tau);
  scs_float dd = SCS_MAX(SCS_MAX(r->nm_px, r->nm_aty), w->nm_c_orig * r->tau);
  *pri = scs_safe_div(r->nm_pri, dp);
  *dual = scs_safe_div(r->nm_dual, dd);
}

/* After R changes to R+, keep v = R(w + u - 2u~) fixed:
 * w+ = R+^{-1} v + 2u~ - u. */
static void remap_w(ScsWork *w) {
  scs_int l = w->n + w->m + 1;
  for (scs_int i = 0; i < l; ++i)
    w->w[i] = w->rsk[i] / w->diag_r[i] + 2 * w->u_t[i] - w->u[i];
}

/* Refactor for the current R and recompute g; g is swapped in only on
 * success, so a failure leaves the old g. 0 or nonzero (message set). */
static int refactor(ScsWork *w) {
  scs_clear_error();
  if (w->linsys->update_diag_r(w->linsys_work, w->diag_r) != 0) {
    if (!scs_last_error()[0])
      scs_set_error("linear-system backend \"%s\": update_diag_r failed",
                    w->linsys->name);
    return -1;
  }
  return scs_iterate_update_g(w);
}

/* The refactorization for new_scale failed: go back to the last good
 * scale and factorization and keep the scale for the rest of this solve.
 * If even that fails the handle has no usable factorization: mark it. */
static int fall_back(ScsWork *w, scs_float old_scale) {
  char why[256];
  snprintf(why, sizeof(why), "%s", scs_last_error());
  w->scale = old_scale;
  w->scale_frozen = 1;
  scs_scale_set_diag_r(w);
  if (refactor(w) == 0) {
    scs_clear_error();
    if (w->stgs.verbose)
      scs_print(&w->stgs, SCS_PRINT_WARNING,
                "scs: warning: refactorization for a new scale failed (%s); "
                "keeping scale %.2e\n",
                why, (double)old_scale);
    return 0;
  }
  scs_work_mark_broken(w, why);
  return -1;
}

int scs_scale_maybe_update(ScsWork *w, scs_int iter) {
  scs_float pri, dual;
  if (w->scale_frozen) return 0;
  relative_residuals(w, &pri, &dual);
  if (!(pri > 0) || !(dual > 0) || !isfinite(pri) || !isfinite(dual)) return 0;
  /* a larger scale drives the primal residual down faster */
  scs_float log_ratio = log(pri) - log(dual);
  w->sum_log_scale_factor += log_ratio;
  w->scale_ref_sum_log += log_ratio;
  w->n_log_scale_factor++;
  if (iter - w->last_scale_update_iter < SCS_RESCALE_MIN_ITERS) return 0;
  scs_float factor =
      sqrt(exp(w->sum_log_scale_factor / (scs_float)w->n_log_scale_factor));
  if (factor <= sqrt(10.0) && factor >= 1 / sqrt(10.0)) {
    if (!stalled(w, iter)) return 0;
    /* move as far as the band's edge, in the direction the balance has
     * leant in during the stall */
    factor = w->scale_ref_sum_log >= 0 ? sqrt(10.0) : 1 / sqrt(10.0);
    /* a move that did not help would be undone by the next stall: wait
     * twice as long each time, so the scale does not oscillate */
    w->scale_stall_iters *= 2;
  }
  scs_float new_scale =
      SCS_MIN(SCS_MAX(w->scale * factor, SCS_MIN_SCALE), SCS_MAX_SCALE);
  if (new_scale == w->scale) return 0;

  scs_float old_scale = w->scale;
  w->scale = new_scale;
  scs_scale_reset_tracking(w, iter);
  scs_scale_set_diag_r(w);
  if (refactor(w) != 0) return fall_back(w, old_scale);
  w->scale_updates++;
  if (w->accel) scs_aa_reset(w->accel);
  remap_w(w);
  return 0;
}

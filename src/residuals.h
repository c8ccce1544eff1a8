/* Residuals, objectives and certificates of the current iterate, in the
 * caller's (un-normalized) units, and the termination test (SCS semantics,
 * infinity norm; ALGORITHM.md "Termination"). */
#ifndef SCS_RESIDUALS_H
#define SCS_RESIDUALS_H

#include "glob.h"

typedef struct {
  scs_int last_iter; /* iteration these were computed at, -1 if never */
  scs_float tau, kap;
  /* vectors of the homogeneous iterate (x, y, s not divided by tau) */
  scs_float *ax;          /* A x (m) */
  scs_float *ax_s;        /* A x + s (m) */
  scs_float *ax_s_btau;   /* A x + s - b tau (m) */
  scs_float *px;          /* P x (n) */
  scs_float *aty;         /* A' y (n) */
  scs_float *px_aty_ctau; /* P x + A' y + c tau (n) */
  scs_float bty_tau, ctx_tau, xt_p_x_tau; /* b'y, c'x, x'Px (homogeneous) */
  scs_float bty, ctx, xt_p_x;             /* the same divided by tau (tau^2) */
  scs_float pobj, dobj, gap;
  scs_float res_pri, res_dual;
  scs_float res_infeas, res_unbdd_a, res_unbdd_p;
  /* norms used by the relative tolerances (homogeneous, not / tau) */
  scs_float nm_ax, nm_s, nm_px, nm_aty;
  scs_float nm_pri, nm_dual; /* ||Ax + s - b tau||, ||Px + A'y + c tau|| */
  /* largest |A_ij|, |P_ij| of the caller's data (certificate tests);
   * computed at the first update, -1 before */
  scs_float nm_a, nm_p;
} ScsResiduals;

int scs_residuals_alloc(ScsResiduals *r, scs_int m, scs_int n);
void scs_residuals_free(ScsResiduals *r);

struct SCS_WORK;
/* The iterate changed other than by an iteration (a new solve, the best
 * iterate restored): the next scs_residuals_update recomputes. */
void scs_residuals_invalidate(ScsResiduals *r);
/* Recompute w->r (and w->x_orig, y_orig, s_orig) from the iterate unless
 * they are already fresh for this iteration. */
void scs_residuals_update(struct SCS_WORK *w, scs_int iter);
/* SCS_SOLVED, SCS_INFEASIBLE, SCS_UNBOUNDED or SCS_UNFINISHED (0).
 * Certificates must pass SCS's test and a scale-invariant one
 * (docs/exit_flags.md, "Badly scaled data"). */
scs_int scs_residuals_status(const struct SCS_WORK *w);
/* max of residual / tolerance over the three optimality tests (<1 means
 * solved); +inf when tau is 0. Used to keep the best iterate. */
scs_float scs_residuals_merit(const struct SCS_WORK *w);
/* The three ratios behind the merit: res_pri, res_dual and gap, each over
 * its tolerance (+inf when tau is 0 or the value is NaN). */
void scs_residuals_ratios(const struct SCS_WORK *w, scs_float ratio[3]);

#endif

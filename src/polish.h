/* Solution polishing for LPs and QPs (polish.c; docs/polishing.md). */
#ifndef SCS_POLISH_H
#define SCS_POLISH_H

#include "glob.h"

/* What an attempt did: SCS_POLISH_* of scs.h (ScsInfo.polish_status). */
struct SCS_WORK;

/* The sparse direct factorization polishing uses, kept for the rounds and
 * attempts of one solve: the full KKT pattern is analysed (AMD, symbolic)
 * once, each round only refactors with its diagonal. Zero-initialize;
 * free with scs_polish_factor_free at the end of the solve. */
typedef struct {
  void *lw;        /* direct backend state, NULL until the first round */
  double round_ms; /* time of the last round (the cost estimate) */
} ScsPolishFactor;

void scs_polish_factor_free(ScsPolishFactor *f);

/* Factor [P + diag(r_x), A'; A, -diag(r_y)] for diag_r = (r_x, r_y) into
 * f: the first call analyses and factors, later ones only refactor. The
 * active-set rounds and the refinement (polish_alm.c) share it. 0, or -1
 * if the backend failed. */
int scs_polish_factor(ScsPolishFactor *f, const struct SCS_WORK *w,
                      const scs_float *diag_r);

/* 1 if polishing is on and the cones are zero and nonnegative only. */
int scs_polish_applies(const struct SCS_WORK *w);

/* Polish the current iterate (tau > 0). Accepted: the iterate becomes the
 * polished point (tau 1, kappa 0) with w->r fresh for it. Otherwise the
 * iterate and w->r are as before. The point is accepted when each of its
 * three residual ratios (residual / tolerance) is no worse than the
 * iterate's, or below 1e-3; with must_solve it must also pass the
 * termination test. At most max_rounds active-set rounds (one
 * factorization each); when their best point is not acceptable, the
 * interior-point refinement (polish_ipm.c) follows with at most
 * max_ipm_steps steps (one factorization each; 0: none), then, if still
 * nothing is acceptable, the proximal augmented Lagrangian refinement
 * (polish_alm.c) from the iterate with at most max_alm_factors
 * factorizations (0: none), then rounds from the best refined point.
 * A round starts only if it is expected to end within budget_ms of the
 * start (the first of a solve is estimated by the setup time, later ones
 * by the last round of f): SCS_POLISH_NOT_RUN if not even the first fits.
 * Adds its time to *time_ms (may be NULL). */
scs_int scs_polish(struct SCS_WORK *w, ScsPolishFactor *f, scs_int iter,
                   int must_solve, int max_rounds, int max_ipm_steps,
                   int max_alm_factors, double budget_ms, double *time_ms);

#endif

/* Solution polishing for LPs and QPs (polish.c; docs/polishing.md). */
#ifndef SCS_POLISH_H
#define SCS_POLISH_H

#include "glob.h"
#include "polish_factor.h"

/* What an attempt did: SCS_POLISH_* of scs.h (ScsInfo.polish_status). */
struct SCS_WORK;

/* 1 if polishing is on and the cones are zero and nonnegative only. */
int scs_polish_applies(const struct SCS_WORK *w);

/* What one attempt may spend. Work is counted in solves with the
 * factorization f: a refactorization costs scs_direct_refactor_cost() of
 * them (flop counts of the symbolic analysis), so the bound is the same on
 * every machine, and a problem whose factorization is dense (qap12, where
 * one costs 500 solves) gets few refinement steps, a banded one (LISWET,
 * one solve) many. */
typedef struct {
  int rounds;      /* active-set rounds, one factorization each */
  int ipm;         /* run the interior-point refinement (polish_ipm.c) */
  int alm_factors; /* augmented Lagrangian factorizations (0: none) */
  double work;     /* what the solve's polishing may have spent, in solves,
                      when a round or step starts (f->spent) */
} ScsPolishLimits;

/* Polish the current iterate (tau > 0). Accepted: the iterate becomes the
 * polished point (tau 1, kappa 0) with w->r fresh for it. Otherwise the
 * iterate and w->r are as before. The point is accepted when each of its
 * three residual ratios (residual / tolerance) is no worse than the
 * iterate's, or below 1e-3; with must_solve it must also pass the
 * termination test. At most lim->rounds active-set rounds; when their best
 * point is not acceptable, the interior-point refinement follows (if
 * lim->ipm), then, if still nothing is acceptable, the proximal augmented
 * Lagrangian refinement (polish_alm.c) from the iterate (at most
 * lim->alm_factors factorizations), then rounds from the best refined
 * point; a round or step starts only while f->spent stays within
 * lim->work (SCS_POLISH_NOT_RUN if not even the first round fits). A round or step starts only if it is
 * expected to end within budget_ms of the start (the first of a solve is
 * estimated by the setup time, later ones by the last one of f):
 * SCS_POLISH_NOT_RUN if not even the first fits. Adds its time to *time_ms
 * (may be NULL). */
scs_int scs_polish(struct SCS_WORK *w, ScsPolishFactor *f, scs_int iter,
                   int must_solve, const ScsPolishLimits *lim,
                   double budget_ms, double *time_ms);

#endif

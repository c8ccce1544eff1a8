/* The sparse direct factorization solution polishing works with, and the
 * account of what polishing spends on it (polish_factor.c). The active-set
 * rounds (polish.c) and both refinements (polish_ipm.c, polish_alm.c)
 * share one per solve. */
#ifndef SCS_POLISH_FACTOR_H
#define SCS_POLISH_FACTOR_H

#include "glob.h"

struct SCS_WORK;

/* The sparse direct factorization polishing uses, kept for the rounds and
 * attempts of one solve: the full KKT pattern is analysed (AMD, symbolic)
 * once, each round only refactors with its diagonal. Zero-initialize;
 * free with scs_polish_factor_free at the end of the solve. */
typedef struct {
  void *lw;        /* direct backend state, NULL until the first round */
  double round_ms; /* time of the last round (the cost estimate) */
  double spent;    /* work of the solve's polishing so far, in solves */
  double expected; /* a refactorization's cost before lw exists, or 0 */
} ScsPolishFactor;

void scs_polish_factor_free(ScsPolishFactor *f);

/* Factor [P + diag(r_x), A'; A, -diag(r_y)] for diag_r = (r_x, r_y) into
 * f: the first call analyses and factors, later ones only refactor. The
 * active-set rounds and the refinements share it. Adds the
 * refactorization's cost to f->spent. 0, or -1 if the backend failed. */
int scs_polish_factor(ScsPolishFactor *f, const struct SCS_WORK *w,
                      const scs_float *diag_r);

/* rhs = M^{-1} rhs with the factorization of f (one solve, added to
 * f->spent). 0, or -1 if the backend failed. */
int scs_polish_solve(ScsPolishFactor *f, scs_float *rhs);

/* What one refactorization costs, in solves (its flops over a solve's,
 * from the symbolic analysis). Before f's first factorization: that of
 * the ADMM's own factorization of the same pattern when the workspace
 * uses the direct backend (scs_polish_factor_expect), else 1. */
double scs_polish_refactor_cost(const ScsPolishFactor *f);

/* Take the expected cost from w's backend if it is the direct one. */
void scs_polish_factor_expect(ScsPolishFactor *f, const struct SCS_WORK *w);

/* 1 if one more refactorization and `solves` solves keep f->spent within
 * work */
int scs_polish_affordable(const ScsPolishFactor *f, double solves,
                          double work);

#endif

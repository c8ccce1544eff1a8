/* Primal-dual interior-point refinement of an LP/QP, the last resort of
 * solution polishing (polish_ipm.c; docs/polishing.md). */
#ifndef SCS_POLISH_IPM_H
#define SCS_POLISH_IPM_H

#include "glob.h"
#include "polish_factor.h"

struct SCS_WORK;

/* State of one run, in equilibrated units (tau = 1). (x, y, s) is the
 * current point: s, y > 0 on the nonnegative rows, s = 0 on zero rows. */
typedef struct {
  scs_int n, m, nz;
  scs_float *x, *y, *s;
  scs_float *rd;     /* P x + A'y + c (n) */
  scs_float *rp;     /* A x + s - b (m) */
  scs_float *diag_r; /* the factored regularization (n + m) */
  scs_float *d;      /* D = s / y on nonnegative rows, 0 on zero rows (m) */
  scs_float *rhs;    /* right-hand side of a Newton system (n + m) */
  scs_float *dir;    /* its solution (dx, dy) (n + m) */
  scs_float *res;    /* refinement residual (n + m) */
  scs_float *ds;     /* slack direction (m) */
  scs_float *aff;    /* affine direction's ds o dy (m) */
  scs_float mu;      /* s'y / (number of nonnegative rows) */
  scs_float reg;     /* the static regularization in use */
  int iters;         /* steps taken */
} ScsIpm;

/* Allocate and compute the standard starting point (one factorization of
 * f). 0, or -1 without memory or when the factorization failed. */
int scs_ipm_init(ScsIpm *p, const struct SCS_WORK *w, ScsPolishFactor *f);
void scs_ipm_free(ScsIpm *p);

/* One Mehrotra predictor-corrector step (one refactorization of f).
 * 0, or -1 if a factorization failed or the point is no longer finite. */
int scs_ipm_step(ScsIpm *p, const struct SCS_WORK *w, ScsPolishFactor *f);

/* Progress of the method: the largest of ||r_d||_inf, ||r_p||_inf and mu
 * (equilibrated units). */
scs_float scs_ipm_merit(const ScsIpm *p);

#endif

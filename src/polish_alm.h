/* Proximal augmented Lagrangian refinement of an LP/QP point, the engine
 * of solution polishing (polish_alm.c; docs/polishing.md). */
#ifndef SCS_POLISH_ALM_H
#define SCS_POLISH_ALM_H

#include "glob.h"
#include "polish_factor.h"

struct SCS_WORK;

/* State of one refinement, in equilibrated units. x (n) and y (m) are the
 * current point: y are the multipliers (>= 0 on the nonnegative rows). */
typedef struct {
  scs_int n, m, nz;
  scs_float *x, *y;
  scs_float *center;      /* prox center (n) */
  scs_float *rho;         /* penalty of each row (m) */
  scs_float *viol;        /* constraint violation of the last outer step */
  scs_float *shift;       /* a = A x - b + y / rho (m) */
  scs_float *kkt;         /* Newton system: rhs, then (d, v) (n + m) */
  scs_float *diag_r;      /* its regularization (n + m) */
  scs_float *adir;        /* A d (m) */
  scs_float *yest;        /* rho h(shift), the next multipliers (m) */
  scs_float *grad;        /* gradient of the inner function (n) */
  scs_float *pdir;        /* P d (n) */
  void *breaks;           /* line-search breakpoints (m) */
  unsigned char *in_j;    /* J at the last gradient (m) */
  scs_float gamma;        /* prox parameter */
  scs_float inner_tol;    /* stationarity asked of the inner solve */
  int outer;              /* outer steps done */
} ScsAlm;

/* Allocate and start from (x, y) (copied). 0, or -1 without memory. */
int scs_alm_init(ScsAlm *a, const struct SCS_WORK *w, const scs_float *x,
                 const scs_float *y);
void scs_alm_free(ScsAlm *a);

/* One outer step: minimize the proximal augmented Lagrangian around the
 * current point by semismooth Newton steps (each one refactorization of f,
 * at most *factors_left of them, decremented), then update y, the prox
 * center and the penalties. 0, or -1 if a factorization or solve failed
 * or the point is no longer finite. */
int scs_alm_outer(ScsAlm *a, const struct SCS_WORK *w, ScsPolishFactor *f,
                  int *factors_left);

#endif

/* Independent checks of solutions and certificates against the data. */
#ifndef SCS_TEST_CHECKS_H
#define SCS_TEST_CHECKS_H

#include <math.h>
#include <stdlib.h>

#include "scs.h"

static inline double chk_dot(const scs_float *a, const scs_float *b, scs_int n) {
  double s = 0;
  for (scs_int i = 0; i < n; ++i) s += (double)a[i] * b[i];
  return s;
}

/* y += A x  (or A' x when trans) */
static inline void chk_mul(const ScsMatrix *A, const scs_float *x, double *y,
                           int trans) {
  for (scs_int j = 0; j < A->n; ++j)
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) {
      if (trans) y[j] += A->x[k] * x[A->i[k]];
      else y[A->i[k]] += A->x[k] * x[j];
    }
}

/* ||P x||_inf with P upper triangle */
static inline double chk_px_norm(const ScsMatrix *P, const scs_float *x,
                                 scs_int n) {
  if (!P) return 0;
  double *px = calloc((size_t)n, sizeof(double)), mx = 0;
  for (scs_int j = 0; j < n; ++j)
    for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k) {
      scs_int i = P->i[k];
      px[i] += P->x[k] * x[j];
      if (i != j) px[j] += P->x[k] * x[i];
    }
  for (scs_int j = 0; j < n; ++j) mx = fmax(mx, fabs(px[j]));
  free(px);
  return mx;
}

static inline double chk_objective(const ScsData *d, const scs_float *x) {
  double obj = chk_dot(d->c, x, d->n);
  if (!d->P) return obj;
  for (scs_int j = 0; j < d->n; ++j)
    for (scs_int k = d->P->p[j]; k < d->P->p[j + 1]; ++k) {
      scs_int i = d->P->i[k];
      obj += (i == j ? 0.5 : 1.0) * d->P->x[k] * x[i] * x[j];
    }
  return obj;
}

/* distance of v from K* (zero: free; l, q self-dual; box: ignored here) */
static inline double chk_dual_cone_violation(const ScsCone *k,
                                             const scs_float *y) {
  double worst = 0;
  scs_int off = k->z;
  for (scs_int i = 0; i < k->l; ++i) worst = fmax(worst, -y[off + i]);
  off += k->l + k->bsize;
  for (scs_int c = 0; c < k->qsize; ++c) {
    double nrm = 0;
    for (scs_int i = 1; i < k->q[c]; ++i) nrm += y[off + i] * y[off + i];
    worst = fmax(worst, sqrt(nrm) - y[off]);
    off += k->q[c];
  }
  return worst;
}

/* the primal cone K for s (zero rows must be 0) */
static inline double chk_primal_cone_violation(const ScsCone *k,
                                               const scs_float *s) {
  double worst = 0;
  for (scs_int i = 0; i < k->z; ++i) worst = fmax(worst, fabs(s[i]));
  scs_int off = k->z;
  for (scs_int i = 0; i < k->l; ++i) worst = fmax(worst, -s[off + i]);
  off += k->l;
  if (k->bsize > 0) {
    double t = s[off];
    worst = fmax(worst, -t);
    for (scs_int i = 1; i < k->bsize; ++i) {
      worst = fmax(worst, t * k->bl[i - 1] - s[off + i]);
      worst = fmax(worst, s[off + i] - t * k->bu[i - 1]);
    }
    off += k->bsize;
  }
  for (scs_int c = 0; c < k->qsize; ++c) {
    double nrm = 0;
    for (scs_int i = 1; i < k->q[c]; ++i) nrm += s[off + i] * s[off + i];
    worst = fmax(worst, sqrt(nrm) - s[off]);
    off += k->q[c];
  }
  return worst;
}

/* infeasibility certificate: b'y = -1, ||A'y||_inf, y in K* */
static inline double chk_infeasibility_aty(const ScsData *d,
                                           const scs_float *y) {
  double *aty = calloc((size_t)d->n, sizeof(double)), mx = 0;
  chk_mul(d->A, y, aty, 1);
  for (scs_int j = 0; j < d->n; ++j) mx = fmax(mx, fabs(aty[j]));
  free(aty);
  return mx;
}

/* unboundedness certificate: c'x = -1, ||Ax + s||_inf */
static inline double chk_unbounded_axs(const ScsData *d, const scs_float *x,
                                       const scs_float *s) {
  double *ax = calloc((size_t)d->m, sizeof(double)), mx = 0;
  chk_mul(d->A, x, ax, 0);
  for (scs_int i = 0; i < d->m; ++i) mx = fmax(mx, fabs(ax[i] + s[i]));
  free(ax);
  return mx;
}

/* primal residual ||Ax + s - b||_inf and dual ||Px + A'y + c||_inf */
static inline double chk_primal_res(const ScsData *d, const scs_float *x,
                                    const scs_float *s) {
  double *ax = calloc((size_t)d->m, sizeof(double)), mx = 0;
  chk_mul(d->A, x, ax, 0);
  for (scs_int i = 0; i < d->m; ++i) mx = fmax(mx, fabs(ax[i] + s[i] - d->b[i]));
  free(ax);
  return mx;
}

static inline void free_sol(ScsSolution *sol) {
  free(sol->x);
  free(sol->y);
  free(sol->s);
  sol->x = sol->y = sol->s = NULL;
}

#endif

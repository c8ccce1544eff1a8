/*
 * Proximal augmented Lagrangian refinement for LPs and QPs, the engine of
 * solution polishing (polish.c). The method is the proximal ALM of QPALM
 * (Hermans, Themelis and Patrinos, "QPALM: a Newton-type proximal
 * augmented Lagrangian method for quadratic programs", CDC 2019, and
 * Math. Prog. Comp. 2022), warm-started at the ADMM iterate.
 *
 * With C_i = {b_i} on zero rows and (-inf, b_i] on nonnegative ones (s =
 * b - Ax in K), one outer step minimizes, around the prox center xc and
 * the multipliers y,
 *
 *   phi(x) = (1/2) x'Px + c'x + ||x - xc||^2 / (2 gamma)
 *            + sum_i (rho_i / 2) h_i(a_i)^2,   a = A x - b + y / rho,
 *
 * with h_i(a) = a on zero rows and max(a, 0) on nonnegative ones (QPALM
 * eq. (6)), then sets y = rho h(a) and xc = x (eq. (8)). phi is convex,
 * piecewise quadratic and C^1. Its generalized Hessian on the set J of
 * rows with h_i'(a_i) = 1 is H = P + I / gamma + A_J' diag(rho_J) A_J, and
 * the Newton step H d = -grad phi is the quasi-definite system
 *
 *   [ P + I / gamma   A_J'          ] [ d ]   [ -grad phi ]
 *   [ A_J            -diag(1/rho_J) ] [ v ] = [  0        ],
 *
 * the library's KKT system with r_x = 1/gamma and r_y = 1/rho on J: the
 * direct backend's factorization of polish.c serves it, rows outside J
 * masked by a huge r_y. The step length is the exact minimizer of phi
 * along d, the root of a piecewise linear nondecreasing function (QPALM
 * Section 5.2). Once the Newton step keeps its set J, it lands on the
 * exact minimizer, so near the solution the method identifies the active
 * set and ends with an exact point; unlike a fixed active-set guess, a
 * wrong guess here costs steps, not the answer, and degenerate or
 * inconsistent guesses are harmless (the penalties, not equality
 * constraints, hold the rows).
 */
#include "polish_alm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "linalg.h"
#include "work.h"

/* Penalties and prox parameter: start, growth and cap. rho = 1 at the
 * start makes the first J the rows with y_i > s_i, the active-set guess
 * of the rounds (polish.c). The caps keep the Newton matrix's condition
 * within what an unrefined LDL' solve resolves: with 1e9 the directions
 * of degenerate LPs (QSCFXM1, lotfi) became too inaccurate to descend. */
#define ALM_RHO_START 1
#define ALM_RHO_MAX 1e6
#define ALM_RHO_GROWTH 10
#define ALM_GAMMA_START 1e2
#define ALM_GAMMA_MAX 1e6
#define ALM_GAMMA_GROWTH 5
/* a row whose violation fell by less than this factor gets more penalty */
#define ALM_VIOL_DECREASE 0.25
/* inner tolerance: start relative to the gradient, then shrink per step */
#define ALM_INNER_SHRINK 0.1
#define ALM_INNER_FLOOR 1e-13
#define ALM_NEWTON_MAX 20
/* r_y of a row outside J: its v is (A_i d) / INACTIVE_R, negligible */
#define ALM_INACTIVE_R 1e10

typedef struct {
  scs_float t;     /* where the row's h'(.) switches */
  scs_float slope; /* change of the derivative's slope there */
} Breakpoint;

int scs_alm_init(ScsAlm *a, const ScsWork *w, const scs_float *x,
                 const scs_float *y) {
  memset(a, 0, sizeof(*a));
  a->n = w->n;
  a->m = w->m;
  a->nz = w->cones->k.z;
  size_t n = (size_t)a->n, m = (size_t)a->m;
  a->x = scs_malloc_array(n, sizeof(scs_float));
  a->y = scs_malloc_array(m, sizeof(scs_float));
  a->center = scs_malloc_array(n, sizeof(scs_float));
  a->rho = scs_malloc_array(m, sizeof(scs_float));
  a->viol = scs_malloc_array(m, sizeof(scs_float));
  a->shift = scs_malloc_array(m, sizeof(scs_float));
  a->kkt = scs_malloc_array(n + m, sizeof(scs_float));
  a->diag_r = scs_malloc_array(n + m, sizeof(scs_float));
  a->adir = scs_malloc_array(m, sizeof(scs_float));
  a->yest = scs_malloc_array(m, sizeof(scs_float));
  a->grad = scs_malloc_array(n, sizeof(scs_float));
  a->pdir = scs_malloc_array(n, sizeof(scs_float));
  a->breaks = scs_malloc_array(m, sizeof(Breakpoint));
  a->in_j = scs_malloc_array(m, 1);
  if (!a->x || !a->y || !a->center || !a->rho || !a->viol || !a->shift ||
      !a->kkt || !a->diag_r || !a->adir || !a->yest || !a->grad || !a->pdir ||
      !a->breaks || !a->in_j)
    return -1;
  memcpy(a->x, x, n * sizeof(scs_float));
  memcpy(a->center, x, n * sizeof(scs_float));
  for (scs_int i = 0; i < a->m; ++i) {
    a->y[i] = i < a->nz ? y[i] : SCS_MAX(y[i], 0);
    a->rho[i] = ALM_RHO_START;
    a->viol[i] = INFINITY;
    a->in_j[i] = 2; /* not known yet */
  }
  a->gamma = ALM_GAMMA_START;
  a->inner_tol = INFINITY;
  return 0;
}

void scs_alm_free(ScsAlm *a) {
  scs_free(a->x);
  scs_free(a->y);
  scs_free(a->center);
  scs_free(a->rho);
  scs_free(a->viol);
  scs_free(a->shift);
  scs_free(a->kkt);
  scs_free(a->diag_r);
  scs_free(a->adir);
  scs_free(a->yest);
  scs_free(a->grad);
  scs_free(a->pdir);
  scs_free(a->breaks);
  scs_free(a->in_j);
  memset(a, 0, sizeof(*a));
}

/* 1 if row i is in J at shift value s (h_i'(s) = 1) */
static int in_set(const ScsAlm *a, scs_int i, scs_float s) {
  return i < a->nz || s > 0;
}

/* shift = A x - b + y / rho and grad = P x + c + (x - xc) / gamma
 * + A' rho h(shift); returns ||grad||_inf. */
static scs_float gradient(ScsAlm *a, const ScsWork *w, scs_int *changed) {
  scs_int n = a->n, m = a->m;
  memset(a->shift, 0, (size_t)m * sizeof(scs_float));
  scs_csc_mul_add(w->A, a->x, a->shift);
  for (scs_int i = 0; i < m; ++i) {
    a->shift[i] += a->y[i] / a->rho[i] - w->b[i];
    unsigned char j = (unsigned char)in_set(a, i, a->shift[i]);
    if (changed && j != a->in_j[i]) ++*changed;
    a->in_j[i] = j;
    a->yest[i] = in_set(a, i, a->shift[i]) ? a->rho[i] * a->shift[i] : 0;
  }
  for (scs_int j = 0; j < n; ++j)
    a->grad[j] = w->c[j] + (a->x[j] - a->center[j]) / a->gamma;
  if (w->P) scs_csc_sym_mul_add(w->P, a->x, a->grad);
  scs_csc_mul_t_add(w->A, a->yest, a->grad);
  return scs_vec_norm_inf(a->grad, n);
}

/* The Newton direction d = -H^{-1} grad into kkt[0..n). */
static int newton_direction(ScsAlm *a, ScsPolishFactor *f, const ScsWork *w) {
  scs_int n = a->n;
  for (scs_int j = 0; j < n; ++j) {
    a->diag_r[j] = 1 / a->gamma;
    a->kkt[j] = -a->grad[j];
  }
  for (scs_int i = 0; i < a->m; ++i) {
    a->diag_r[n + i] =
        in_set(a, i, a->shift[i]) ? 1 / a->rho[i] : ALM_INACTIVE_R;
    a->kkt[n + i] = 0;
  }
  if (scs_polish_factor(f, w, a->diag_r) != 0) return -1;
  if (scs_polish_solve(f, a->kkt) != 0) return -1;
  return scs_vec_all_finite(a->kkt, n) ? 0 : -1;
}

static int by_t(const void *p, const void *q) {
  scs_float s = ((const Breakpoint *)p)->t, t = ((const Breakpoint *)q)->t;
  return (s > t) - (s < t);
}

/* The exact minimizer of phi(x + t d) over t > 0: the root of its
 * derivative, which is piecewise linear and nondecreasing in t, with
 * kinks where a nonnegative row enters or leaves J. */
static scs_float line_search(ScsAlm *a, const ScsWork *w) {
  scs_int n = a->n, m = a->m, nb = 0;
  const scs_float *d = a->kkt;
  Breakpoint *bp = a->breaks;
  memset(a->adir, 0, (size_t)m * sizeof(scs_float));
  scs_csc_mul_add(w->A, d, a->adir);
  memset(a->pdir, 0, (size_t)n * sizeof(scs_float));
  if (w->P) scs_csc_sym_mul_add(w->P, d, a->pdir);
  scs_float slope = scs_vec_dot(d, a->pdir, n) +
                    scs_vec_dot(d, d, n) / a->gamma;
  /* derivative at 0: d'grad phi (grad holds the A' rho h(shift) term) */
  scs_float g = scs_vec_dot(d, a->grad, n);
  for (scs_int i = 0; i < m; ++i) {
    scs_float s = a->shift[i], dl = a->adir[i], k = a->rho[i] * dl * dl;
    if (i < a->nz || s > 0 || (s == 0 && dl > 0)) slope += k;
    if (i < a->nz || dl == 0) continue;
    scs_float t = -s / dl;
    if (t > 0) {
      bp[nb].t = t;
      bp[nb].slope = dl > 0 ? k : -k;
      ++nb;
    }
  }
  if (!(g < 0)) return 0; /* not a descent direction (rounding) */
  qsort(bp, (size_t)nb, sizeof(Breakpoint), by_t);
  scs_float t = 0;
  for (scs_int k = 0; k < nb; ++k) {
    if (slope > 0 && g + slope * (bp[k].t - t) >= 0) break;
    g += slope * (bp[k].t - t);
    t = bp[k].t;
    slope += bp[k].slope;
  }
  return slope > 0 ? t - g / slope : t;
}

/* Semismooth Newton on phi until ||grad phi|| <= inner_tol, or until a
 * full step kept J: phi is quadratic on that piece, so the step landed
 * on its exact minimizer and more steps only stir rounding. */
static int inner_solve(ScsAlm *a, const ScsWork *w, ScsPolishFactor *f,
                       int *factors_left) {
  int full_step = 0;
  scs_float last = INFINITY;
  for (int k = 0; k < ALM_NEWTON_MAX; ++k) {
    scs_int changed = 0;
    scs_float gn = gradient(a, w, &changed);
    if (!(gn < INFINITY)) return -1;
    if (a->inner_tol == INFINITY) a->inner_tol = ALM_INNER_SHRINK * gn;
    /* after a full step: exact if J held, rounding if no real progress */
    if (gn <= a->inner_tol || *factors_left <= 0 ||
        (full_step && (!changed || !(gn < 0.5 * last))))
      return 0;
    last = gn;
    --*factors_left;
    if (newton_direction(a, f, w) != 0) return -1;
    scs_float t = line_search(a, w);
    if (!(t > 0)) break;
    full_step = t > 0.999999;
    scs_vec_axpy(a->x, a->kkt, a->n, t);
  }
  gradient(a, w, NULL);
  return 0;
}

int scs_alm_outer(ScsAlm *a, const ScsWork *w, ScsPolishFactor *f,
                  int *factors_left) {
  if (inner_solve(a, w, f, factors_left) != 0) return -1;
  /* y = rho h(shift) (yest, left by gradient), violation =
   * A x - Pi_C(A x + y / rho) = (y_new - y_old) / rho */
  scs_float tol0 = ALM_INNER_FLOOR * (1 + scs_vec_norm_inf(w->c, a->n));
  for (scs_int i = 0; i < a->m; ++i) {
    scs_float ynew = a->yest[i];
    scs_float v = fabs(ynew - a->y[i]) / a->rho[i];
    if (v > ALM_VIOL_DECREASE * a->viol[i] && a->outer > 0)
      a->rho[i] = SCS_MIN(ALM_RHO_GROWTH * a->rho[i], ALM_RHO_MAX);
    a->viol[i] = v;
    a->y[i] = ynew;
  }
  memcpy(a->center, a->x, (size_t)a->n * sizeof(scs_float));
  a->gamma = SCS_MIN(ALM_GAMMA_GROWTH * a->gamma, ALM_GAMMA_MAX);
  a->inner_tol = SCS_MAX(ALM_INNER_SHRINK * a->inner_tol, tol0);
  ++a->outer;
  return scs_vec_all_finite(a->x, a->n) && scs_vec_all_finite(a->y, a->m)
             ? 0
             : -1;
}

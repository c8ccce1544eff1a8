/*
 * Primal-dual interior-point refinement for LPs and QPs, the last resort
 * of solution polishing (polish.c) when the active-set rounds find no
 * acceptable point: badly conditioned problems (LISWET, QSCFXM, netlib's
 * degenerate LPs) whose ADMM iterate passes the termination test with a
 * wrong objective, or never gets there.
 *
 * The problem, in equilibrated units, is
 *
 *   minimize (1/2) x'Px + c'x  subject to  A x + s = b,
 *   s_i = 0 on zero rows, s_i >= 0 on nonnegative rows,
 *
 * with KKT conditions P x + A'y + c = 0, A x + s - b = 0, y_i s_i = 0 and
 * y_i >= 0 on the nonnegative rows. Each step is Mehrotra's predictor-
 * corrector (S. Mehrotra, "On the implementation of a primal-dual interior
 * point method", SIAM J. Optim. 2(4), 1992; Nocedal and Wright, Numerical
 * Optimization, 2nd ed., Algorithm 16.4 for QPs). Eliminating
 * ds = (r_c - S dy) / y from the linearized conditions leaves
 *
 *   [ P   A'        ] [ dx ]   [ -r_d                 ]
 *   [ A  -diag(d)   ] [ dy ] = [ -r_p - r_c / y       ],   d = s / y,
 *
 * (d = 0 and r_c = 0 on zero rows), the library's quasi-definite KKT system
 * with r_x = 0 and r_y = d: one numeric refactorization of the factor that
 * polishing keeps serves both solves of a step. A static regularization
 * IPM_REG makes every pivot safely nonzero, and iterative refinement
 * against the unregularized matrix removes its effect.
 *
 * The start is the usual one for a cold solve (as in CVXOPT's coneqp,
 * Vandenberghe 2010, Section 10.3): least-squares primal and dual points
 * from one factorization, shifted into the interior. The ADMM iterate is
 * no good start here: it is complementary (one of s_i, y_i is 0) and the
 * shift it would need is exactly the information it lacks.
 */
#include "polish_ipm.h"

#include <math.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"
#include "work.h"

/* Static regularization of the Newton matrix (equilibrated units): it
 * starts at IPM_REG and grows by IPM_REG_GROWTH, up to IPM_REG_MAX, when
 * the factorization meets a numerically zero pivot (late steps, where
 * d spans 1e-12 to 1e12, cancel pivots away); refinement removes most of
 * its effect on the directions. */
#define IPM_REG 1e-9
#define IPM_REG_GROWTH 100
#define IPM_REG_MAX 1e-3
/* Iterative refinement of a Newton solve: while the residual falls by
 * IPM_REFINE_GAIN at least, up to IPM_REFINE_STEPS steps. Late steps need
 * many of them (a regularization raised to 1e-7 against d = 1e-12), and
 * stopping at 5 or at a halving left 80bau3b and greenbeb stalled with
 * the gap at 10-100x the tolerance. */
#define IPM_REFINE_STEPS 20
#define IPM_REFINE_GAIN 0.99
/* fraction of the step to the boundary of s, y >= 0 */
#define IPM_STEP_FRACTION 0.99

void scs_ipm_free(ScsIpm *p) {
  scs_free(p->x);
  scs_free(p->y);
  scs_free(p->s);
  scs_free(p->rd);
  scs_free(p->rp);
  scs_free(p->diag_r);
  scs_free(p->d);
  scs_free(p->rhs);
  scs_free(p->dir);
  scs_free(p->res);
  scs_free(p->ds);
  scs_free(p->aff);
  memset(p, 0, sizeof(*p));
}

static int ipm_alloc(ScsIpm *p, const ScsWork *w) {
  memset(p, 0, sizeof(*p));
  p->n = w->n;
  p->m = w->m;
  p->nz = w->cones->k.z;
  p->reg = IPM_REG;
  size_t n = (size_t)p->n, m = (size_t)p->m;
  p->x = scs_malloc_array(n, sizeof(scs_float));
  p->y = scs_malloc_array(m, sizeof(scs_float));
  p->s = scs_malloc_array(m, sizeof(scs_float));
  p->rd = scs_malloc_array(n, sizeof(scs_float));
  p->rp = scs_malloc_array(m, sizeof(scs_float));
  p->diag_r = scs_malloc_array(n + m, sizeof(scs_float));
  p->d = scs_malloc_array(m, sizeof(scs_float));
  p->rhs = scs_malloc_array(n + m, sizeof(scs_float));
  p->dir = scs_malloc_array(n + m, sizeof(scs_float));
  p->res = scs_malloc_array(n + m, sizeof(scs_float));
  p->ds = scs_malloc_array(m, sizeof(scs_float));
  p->aff = scs_malloc_array(m, sizeof(scs_float));
  return p->x && p->y && p->s && p->rd && p->rp && p->diag_r && p->d &&
                 p->rhs && p->dir && p->res && p->ds && p->aff
             ? 0
             : -1;
}

/* r_d = P x + A'y + c, r_p = A x + s - b and mu = s'y / #nonnegative rows */
static void kkt_residuals(ScsIpm *p, const ScsWork *w) {
  scs_int n = p->n, m = p->m;
  memcpy(p->rd, w->c, (size_t)n * sizeof(scs_float));
  if (w->P) scs_csc_sym_mul_add(w->P, p->x, p->rd);
  scs_csc_mul_t_add(w->A, p->y, p->rd);
  for (scs_int i = 0; i < m; ++i) p->rp[i] = p->s[i] - w->b[i];
  scs_csc_mul_add(w->A, p->x, p->rp);
  scs_float sy = 0;
  for (scs_int i = p->nz; i < m; ++i) sy += p->s[i] * p->y[i];
  p->mu = sy / (scs_float)(m - p->nz);
}

/* Factor the Newton matrix for the current d, regularized by p->reg,
 * raised until the factorization succeeds. */
static int factor(ScsIpm *p, const ScsWork *w, ScsPolishFactor *f) {
  for (;;) {
    for (scs_int j = 0; j < p->n; ++j) p->diag_r[j] = p->reg;
    for (scs_int i = 0; i < p->m; ++i)
      p->diag_r[p->n + i] = p->d[i] + p->reg;
    if (scs_polish_factor(f, w, p->diag_r) == 0) return 0;
    if (!(p->reg * IPM_REG_GROWTH <= IPM_REG_MAX)) return -1;
    scs_clear_error();
    p->reg *= IPM_REG_GROWTH;
  }
}

/* out = [P, A'; A, -diag(d)] z, the unregularized Newton matrix */
static void newton_apply(const ScsIpm *p, const ScsWork *w,
                         const scs_float *z, scs_float *out) {
  scs_int n = p->n;
  memset(out, 0, (size_t)(n + p->m) * sizeof(scs_float));
  if (w->P) scs_csc_sym_mul_add(w->P, z, out);
  scs_csc_mul_t_add(w->A, z + n, out);
  scs_csc_mul_add(w->A, z, out + n);
  for (scs_int i = 0; i < p->m; ++i) out[n + i] -= p->d[i] * z[n + i];
}

/* dir = M^{-1} rhs by the regularized factor and iterative refinement
 * against M while its residual decreases. */
static int newton_solve(ScsIpm *p, const ScsWork *w, ScsPolishFactor *f) {
  scs_int nk = p->n + p->m;
  memcpy(p->dir, p->rhs, (size_t)nk * sizeof(scs_float));
  if (scs_polish_solve(f, p->dir) != 0) return -1;
  scs_float last = INFINITY;
  for (int step = 0; step < IPM_REFINE_STEPS; ++step) {
    newton_apply(p, w, p->dir, p->res);
    for (scs_int k = 0; k < nk; ++k) p->res[k] = p->rhs[k] - p->res[k];
    scs_float nm = scs_vec_norm_inf(p->res, nk);
    if (!(nm < IPM_REFINE_GAIN * last) || nm == 0) break;
    last = nm;
    if (scs_polish_solve(f, p->res) != 0) return -1;
    scs_vec_axpy(p->dir, p->res, nk, 1);
  }
  return scs_vec_all_finite(p->dir, nk) ? 0 : -1;
}

/* Shift v (the nonnegative rows) into the interior, CVXOPT's rule: if
 * some v_i <= 0, add 1 - min v_i to all. */
static void shift_inside(scs_float *v, scs_int from, scs_int to) {
  scs_float lo = INFINITY;
  for (scs_int i = from; i < to; ++i) lo = SCS_MIN(lo, v[i]);
  if (lo > 0) return;
  for (scs_int i = from; i < to; ++i) v[i] += 1 - lo;
}

/* The start: with d = 1 on the nonnegative rows (0 on zero rows), the
 * primal point solves minimize (1/2) x'Px + (1/2)||s||^2 subject to the
 * equalities, s = b - A x, and the dual one minimize (1/2)||y||^2 subject
 * to P x + A'y + c = 0; both then shifted inside. */
int scs_ipm_init(ScsIpm *p, const ScsWork *w, ScsPolishFactor *f) {
  if (ipm_alloc(p, w) != 0) return -1;
  scs_int n = p->n, m = p->m, nz = p->nz;
  for (scs_int i = 0; i < m; ++i) p->d[i] = i < nz ? 0 : 1;
  if (factor(p, w, f) != 0) return -1;
  for (scs_int j = 0; j < n; ++j) p->rhs[j] = 0;
  for (scs_int i = 0; i < m; ++i) p->rhs[n + i] = w->b[i];
  if (newton_solve(p, w, f) != 0) return -1;
  memcpy(p->x, p->dir, (size_t)n * sizeof(scs_float));
  for (scs_int i = 0; i < m; ++i) p->s[i] = i < nz ? 0 : -p->dir[n + i];
  for (scs_int j = 0; j < n; ++j) p->rhs[j] = -w->c[j];
  for (scs_int i = 0; i < m; ++i) p->rhs[n + i] = 0;
  if (newton_solve(p, w, f) != 0) return -1;
  memcpy(p->y, p->dir + n, (size_t)m * sizeof(scs_float));
  shift_inside(p->s, nz, m);
  shift_inside(p->y, nz, m);
  kkt_residuals(p, w);
  return 0;
}

/* The largest t with v + t dv >= 0 on the nonnegative rows (INFINITY if
 * none is limited). */
static scs_float max_step(const ScsIpm *p, const scs_float *v,
                          const scs_float *dv) {
  scs_float t = INFINITY;
  for (scs_int i = p->nz; i < p->m; ++i)
    if (dv[i] < 0) t = SCS_MIN(t, -v[i] / dv[i]);
  return t;
}

/* Solve for the direction with complementarity target rc (NULL: the
 * affine one, rc = -s o y), and set ds = rc / y - d dy. */
static int direction(ScsIpm *p, const ScsWork *w, ScsPolishFactor *f,
                     const scs_float *rc) {
  scs_int n = p->n, m = p->m;
  for (scs_int j = 0; j < n; ++j) p->rhs[j] = -p->rd[j];
  for (scs_int i = 0; i < m; ++i) {
    scs_float rcy = i < p->nz ? 0 : rc ? rc[i] / p->y[i] : -p->s[i];
    p->rhs[n + i] = -p->rp[i] - rcy;
    p->ds[i] = rcy; /* completed below */
  }
  if (newton_solve(p, w, f) != 0) return -1;
  for (scs_int i = 0; i < m; ++i)
    p->ds[i] = i < p->nz ? 0 : p->ds[i] - p->d[i] * p->dir[n + i];
  return 0;
}

int scs_ipm_step(ScsIpm *p, const ScsWork *w, ScsPolishFactor *f) {
  scs_int n = p->n, m = p->m, nz = p->nz;
  const scs_float *dy = p->dir + n;
  /* one step length for QPs (dual feasibility involves x) */
  int one_step = w->P && w->P->p[w->P->n] > 0;
  for (scs_int i = 0; i < m; ++i) p->d[i] = i < nz ? 0 : p->s[i] / p->y[i];
  if (factor(p, w, f) != 0) return -1;
  /* predictor: the affine direction and the centering it suggests */
  if (direction(p, w, f, NULL) != 0) return -1;
  scs_float ap = SCS_MIN(1, max_step(p, p->s, p->ds));
  scs_float ad = SCS_MIN(1, max_step(p, p->y, dy));
  if (one_step) ap = ad = SCS_MIN(ap, ad);
  scs_float mu_aff = 0;
  for (scs_int i = nz; i < m; ++i) {
    mu_aff += (p->s[i] + ap * p->ds[i]) * (p->y[i] + ad * dy[i]);
    p->aff[i] = p->ds[i] * dy[i];
  }
  mu_aff /= (scs_float)(m - nz);
  scs_float ratio = SCS_MIN(SCS_MAX(mu_aff / p->mu, 0), 1);
  scs_float sigma = ratio * ratio * ratio;
  /* corrector: rc = sigma mu - s o y - ds_aff o dy_aff (in aff) */
  for (scs_int i = nz; i < m; ++i)
    p->aff[i] = sigma * p->mu - p->s[i] * p->y[i] - p->aff[i];
  if (direction(p, w, f, p->aff) != 0) return -1;
  ap = SCS_MIN(1, IPM_STEP_FRACTION * max_step(p, p->s, p->ds));
  ad = SCS_MIN(1, IPM_STEP_FRACTION * max_step(p, p->y, dy));
  if (one_step) ap = ad = SCS_MIN(ap, ad);
  scs_vec_axpy(p->x, p->dir, n, ap);
  scs_vec_axpy(p->s, p->ds, m, ap);
  scs_vec_axpy(p->y, dy, m, ad);
  kkt_residuals(p, w);
  ++p->iters;
  return scs_vec_all_finite(p->x, n) && scs_vec_all_finite(p->y, m) &&
                 scs_vec_all_finite(p->s, m)
             ? 0
             : -1;
}

scs_float scs_ipm_merit(const ScsIpm *p) {
  scs_float r = SCS_MAX(scs_vec_norm_inf(p->rd, p->n),
                        scs_vec_norm_inf(p->rp, p->m));
  return SCS_MAX(r, p->mu);
}

/* Residuals, objectives and certificates of the current iterate, and the
 * termination test (SCS semantics, ALGORITHM.md "Termination"). Everything
 * is computed on the normalized data and mapped back to the caller's units
 * (SCS "Equilibration" page, "Residuals"). */
#include "residuals.h"

#include <string.h>

#include "alloc.h"
#include "linalg.h"
#include "work.h"

#define NORM scs_vec_norm_inf

int scs_residuals_alloc(ScsResiduals *r, scs_int m, scs_int n) {
  memset(r, 0, sizeof(*r));
  r->last_iter = -1;
  r->nm_a = r->nm_p = -1;
  size_t mm = (size_t)m, nn = (size_t)n; /* 0 still allocates one */
  r->ax = scs_calloc_array(mm, sizeof(scs_float));
  r->ax_s = scs_calloc_array(mm, sizeof(scs_float));
  r->ax_s_btau = scs_calloc_array(mm, sizeof(scs_float));
  r->px = scs_calloc_array(nn, sizeof(scs_float));
  r->aty = scs_calloc_array(nn, sizeof(scs_float));
  r->px_aty_ctau = scs_calloc_array(nn, sizeof(scs_float));
  if (!r->ax || !r->ax_s || !r->ax_s_btau || !r->px || !r->aty ||
      !r->px_aty_ctau) {
    scs_residuals_free(r);
    return -1;
  }
  return 0;
}

void scs_residuals_free(ScsResiduals *r) {
  scs_free(r->ax);
  scs_free(r->ax_s);
  scs_free(r->ax_s_btau);
  scs_free(r->px);
  scs_free(r->aty);
  scs_free(r->px_aty_ctau);
  memset(r, 0, sizeof(*r));
}

/* A x, A x + s, A x + s - b tau: normalized, then / (sigma D). */
static void primal_vectors(ScsWork *w, const scs_float *x, const scs_float *s,
                           scs_float tau) {
  ScsResiduals *r = &w->r;
  scs_int m = w->m;
  memset(r->ax, 0, (size_t)m * sizeof(scs_float));
  scs_csc_mul_add(w->A, x, r->ax);
  for (scs_int i = 0; i < m; ++i) {
    r->ax_s[i] = r->ax[i] + s[i];
    r->ax_s_btau[i] = r->ax_s[i] - w->b[i] * tau;
  }
  scs_unnormalize_primal(w->scal, r->ax);
  scs_unnormalize_primal(w->scal, r->ax_s);
  scs_unnormalize_primal(w->scal, r->ax_s_btau);
}

/* P x, A' y, P x + A' y + c tau: normalized, then / (sigma E). Also
 * returns x'Px in normalized units. */
static scs_float dual_vectors(ScsWork *w, const scs_float *x,
                              const scs_float *y, scs_float tau) {
  ScsResiduals *r = &w->r;
  scs_int n = w->n;
  scs_float xpx = 0;
  memset(r->px, 0, (size_t)n * sizeof(scs_float));
  memset(r->aty, 0, (size_t)n * sizeof(scs_float));
  if (w->P) {
    scs_csc_sym_mul_add(w->P, x, r->px);
    xpx = scs_vec_dot(r->px, x, n);
  }
  scs_csc_mul_t_add(w->A, y, r->aty);
  for (scs_int j = 0; j < n; ++j)
    r->px_aty_ctau[j] = r->px[j] + r->aty[j] + w->c[j] * tau;
  scs_unnormalize_dual(w->scal, r->px);
  scs_unnormalize_dual(w->scal, r->aty);
  scs_unnormalize_dual(w->scal, r->px_aty_ctau);
  return xpx;
}

/* Certificate residuals: ||A'y|| / -b'y and ||Ax + s||, ||Px|| / -c'x. */
static void certificate_residuals(ScsResiduals *r, scs_int m, scs_int n) {
  r->res_infeas = NAN;
  r->res_unbdd_a = NAN;
  r->res_unbdd_p = NAN;
  if (r->bty_tau < 0) r->res_infeas = NORM(r->aty, n) / -r->bty_tau;
  if (r->ctx_tau < 0) {
    r->res_unbdd_a = NORM(r->ax_s, m) / -r->ctx_tau;
    r->res_unbdd_p = NORM(r->px, n) / -r->ctx_tau;
  }
}

/* v / tau, exact whenever tau > 0 (SCS floors tau at 1e-18, which
 * understates the residuals and objectives of an iterate with a tinier tau
 * while the tolerances use the true tau) */
static scs_float div_tau(scs_float v, scs_float tau) {
  return tau > 0 ? v / tau : scs_safe_div(v, tau);
}

/* max |M_ij| of the caller's matrix from the equilibrated one,
 * M^ = diag(f) M diag(g) (f = D, g = E for A; f = g = E for P) */
static scs_float orig_norm(const ScsMatrix *M, const scs_float *f,
                           const scs_float *g) {
  scs_float mx = 0;
  if (!M) return 0;
  for (scs_int j = 0; j < M->n; ++j)
    for (scs_int k = M->p[j]; k < M->p[j + 1]; ++k)
      mx = SCS_MAX(mx, fabs(M->x[k]) / f[M->i[k]] / g[j]);
  return mx;
}

void scs_residuals_invalidate(ScsResiduals *r) { r->last_iter = -1; }

void scs_residuals_update(ScsWork *w, scs_int iter) {
  ScsResiduals *r = &w->r;
  if (r->last_iter == iter) return;
  r->last_iter = iter;
  if (r->nm_a < 0) { /* A and P never change after scs_init */
    r->nm_a = orig_norm(w->A, w->scal->D, w->scal->E);
    r->nm_p = orig_norm(w->P, w->scal->E, w->scal->E);
  }
  scs_int n = w->n, m = w->m;
  const scs_float *x = w->u, *y = w->u + n, *s = w->rsk + n;
  scs_float sig2 = w->scal->sigma * w->scal->sigma;

  r->tau = fabs(w->u[n + m]);
  r->kap = fabs(w->rsk[n + m]) / sig2;
  primal_vectors(w, x, s, r->tau);
  r->xt_p_x_tau = dual_vectors(w, x, y, r->tau) / sig2;
  r->ctx_tau = scs_vec_dot(w->c, x, n) / sig2;
  r->bty_tau = scs_vec_dot(w->b, y, m) / sig2;

  r->bty = div_tau(r->bty_tau, r->tau);
  r->ctx = div_tau(r->ctx_tau, r->tau);
  r->xt_p_x = div_tau(div_tau(r->xt_p_x_tau, r->tau), r->tau);
  r->gap = fabs(r->xt_p_x + r->ctx + r->bty);
  r->pobj = r->xt_p_x / 2 + r->ctx;
  r->dobj = -r->xt_p_x / 2 - r->bty;
  r->nm_pri = NORM(r->ax_s_btau, m);
  r->nm_dual = NORM(r->px_aty_ctau, n);
  r->res_pri = div_tau(r->nm_pri, r->tau);
  r->res_dual = div_tau(r->nm_dual, r->tau);
  certificate_residuals(r, m, n);

  /* the homogeneous iterate in the caller's units */
  memcpy(w->x_orig, x, (size_t)n * sizeof(scs_float));
  memcpy(w->y_orig, y, (size_t)m * sizeof(scs_float));
  memcpy(w->s_orig, s, (size_t)m * sizeof(scs_float));
  scs_unnormalize_sol(w->scal, w->x_orig, w->y_orig, w->s_orig);
  r->nm_ax = NORM(r->ax, m);
  r->nm_s = NORM(w->s_orig, m);
  r->nm_px = NORM(r->px, n);
  r->nm_aty = NORM(r->aty, n);
}

/* Thresholds of the three SCS optimality tests, eps_abs + eps_rel * scale,
 * with the relative terms of its has_converged: s, Ax, Px, A'y are
 * homogeneous (not divided by tau). tau > 0. */
static void tolerances(const ScsWork *w, scs_float *tp, scs_float *td,
                       scs_float *tg) {
  const ScsResiduals *r = &w->r;
  scs_float ea = w->stgs.eps_abs, er = w->stgs.eps_rel;
  scs_float prl =
      SCS_MAX(SCS_MAX(w->nm_b_orig * r->tau, r->nm_s), r->nm_ax) / r->tau;
  scs_float drl =
      SCS_MAX(SCS_MAX(w->nm_c_orig * r->tau, r->nm_px), r->nm_aty) / r->tau;
  scs_float grl =
      SCS_MAX(SCS_MAX(fabs(r->xt_p_x), fabs(r->ctx)), fabs(r->bty));
  *tp = ea + er * prl;
  *td = ea + er * drl;
  *tg = ea + er * grl;
}

/* The solution is returned divided by max(tau, TAU_MIN) (solve.c, as SCS
 * does): below it the residuals tested would not be those returned. */
#define TAU_MIN 1e-18

static int is_solved(const ScsWork *w) {
  const ScsResiduals *r = &w->r;
  scs_float tp, td, tg;
  if (!(r->tau > TAU_MIN)) return 0;
  tolerances(w, &tp, &td, &tg);
  return r->res_pri < tp && r->res_dual < td && r->gap < tg;
}

/*
 * SCS's certificate tests, ||A'y|| < eps (-b'y) and ||Ax + s||, ||Px|| <
 * eps (-c'x), change with the units of b and c: c scaled by g divides
 * res_unbdd_a by g (b likewise res_infeas), so a large c or b passes them
 * with a point that is no certificate at all. The invariant form compares
 * relative quantities: with ||y||_1 the scale of y,
 *   ||A'y|| / (max|A_ij| ||y||_1) < S eps (-b'y) / (||b|| ||y||_1),
 * i.e. res_infeas < S eps max|A_ij| / ||b|| with S = INVARIANT_SLACK (the
 * same for x with ||c||). The slack absorbs the norm-equivalence constants (and
 * keeps SCS's test alone on data within 1e3 of balanced, where eps_infeas
 * 1e-7 is near the reach of single precision); unit errors are orders of
 * magnitude larger. Both forms must hold, so libscs is never looser than
 * SCS.
 */
#define INVARIANT_SLACK 1e3

static scs_float invariant_bound(scs_float eps, scs_float nm_mat,
                                 scs_float nm_vec) {
  if (!(nm_mat > 0)) return eps; /* that product is exactly 0 */
  scs_float f = INVARIANT_SLACK * (nm_mat / nm_vec);
  return f < 1 ? eps * f : eps;
}

scs_int scs_residuals_status(const ScsWork *w) {
  const ScsResiduals *r = &w->r;
  scs_float ei = w->stgs.eps_infeas;
  if (is_solved(w)) return SCS_SOLVED;
  /* isless-style comparisons: NaN never passes */
  if (r->res_unbdd_a < invariant_bound(ei, r->nm_a, w->nm_c_orig) &&
      r->res_unbdd_p < invariant_bound(ei, r->nm_p, w->nm_c_orig))
    return SCS_UNBOUNDED;
  if (r->res_infeas < invariant_bound(ei, r->nm_a, w->nm_b_orig))
    return SCS_INFEASIBLE;
  return SCS_UNFINISHED;
}

void scs_residuals_ratios(const ScsWork *w, scs_float ratio[3]) {
  const ScsResiduals *r = &w->r;
  scs_float tp, td, tg;
  ratio[0] = ratio[1] = ratio[2] = INFINITY;
  if (!(r->tau > 0)) return;
  tolerances(w, &tp, &td, &tg);
  scs_float v[3] = {r->res_pri / tp, r->res_dual / td, r->gap / tg};
  for (int k = 0; k < 3; ++k) ratio[k] = v[k] == v[k] ? v[k] : INFINITY;
}

scs_float scs_residuals_merit(const ScsWork *w) {
  scs_float ratio[3];
  scs_residuals_ratios(w, ratio);
  return SCS_MAX(SCS_MAX(ratio[0], ratio[1]), ratio[2]);
}

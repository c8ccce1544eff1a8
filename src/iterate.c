/* One Douglas-Rachford step on the homogeneous embedding. */
#include "iterate.h"

#include <stdio.h>
#include <string.h>

#include "error.h"
#include "linalg.h"
#include "timer.h"

/* x'Ry over the first n + m entries */
static scs_float dot_r(const ScsWork *w, const scs_float *x,
                       const scs_float *y) {
  double s = 0; /* double even in single-precision builds */
  for (scs_int i = 0; i < w->n + w->m; ++i)
    s += (double)x[i] * y[i] * w->diag_r[i];
  return (scs_float)s;
}

/* Solve M z = rhs in place with the workspace's backend; counts inner
 * iterations and makes sure a failure leaves a message. 0, 1 if an ABI-2
 * backend stopped because the solve is being cancelled, or -1. */
static int linsys_solve(ScsWork *w, scs_float *rhs, const scs_float *warm,
                        scs_float tol) {
  scs_clear_error();
  scs_int its = w->linsys->solve(w->linsys_work, rhs, warm, tol);
  if (its == SCS_LINSYS_CANCELLED && w->linsys->abi_version >= 2 &&
      scs_linsys_cancelled(&w->cancel))
    return 1;
  if (its < 0) {
    if (!scs_last_error()[0])
      scs_set_error("linear-system backend \"%s\": solve failed",
                    w->linsys->name);
    return -1;
  }
  /* saturating: a backend may report huge counts */
  w->lin_sys_iters =
      its > SCS_INT_MAX - w->lin_sys_iters ? SCS_INT_MAX : w->lin_sys_iters + its;
  return 0;
}

/* Index of the first non-finite entry of v, or -1. */
static scs_int first_non_finite(const scs_float *v, scs_int len) {
  for (scs_int i = 0; i < len; ++i)
    if (!isfinite(v[i])) return i;
  return -1;
}

/* Finite entries whose products or squares overflow. */
static void overflow_error(scs_int iter) {
  scs_set_error("the iterate overflowed at iteration %lld: the data are too "
                "large",
                (long long)iter);
}

/* Index of the entry of largest magnitude (a NaN counts as largest). */
static scs_int index_of_largest(const scs_float *v, scs_int len) {
  scs_int at = 0;
  for (scs_int i = 0; i < len; ++i)
    if (!(fabs(v[i]) <= fabs(v[at]))) at = i;
  return at;
}

/* "x[3]" or "y[2]" for index i of a vector laid out as (x, y, tau). */
static void name_entry(const ScsWork *w, scs_int i, char *buf, size_t len) {
  if (i < w->n)
    snprintf(buf, len, "x[%lld]", (long long)i);
  else if (i < w->n + w->m)
    snprintf(buf, len, "y[%lld]", (long long)(i - w->n));
  else
    snprintf(buf, len, "tau");
}

int scs_iterate_compute_g(ScsWork *w, const scs_float *b, const scs_float *c) {
  scs_int n = w->n, m = w->m;
  scs_float *g = w->g_next;
  memcpy(g, c, (size_t)n * sizeof(scs_float));
  for (scs_int i = 0; i < m; ++i) g[n + i] = -b[i];
  int iterative = (w->linsys->flags & SCS_LINSYS_ITERATIVE) != 0;
  /* g must be exact whatever happens: not cancellable, even mid-solve */
  int solving = w->cancel.solving;
  w->cancel.solving = 0;
  int rc = linsys_solve(w, g, NULL, iterative ? SCS_LINSYS_BEST_TOL : 0);
  w->cancel.solving = solving;
  if (rc != 0) return -1;
  scs_float root_a = w->diag_r[n + m] + dot_r(w, g, g);
  if (!isfinite(root_a)) {
    char at[48];
    name_entry(w, first_non_finite(g, n + m), at, sizeof(at));
    scs_set_error("linear-system backend \"%s\" returned a non-finite value "
                  "(%s of M^-1 (c, -b))",
                  w->linsys->name, at);
    return -1;
  }
  w->g_next = w->g; /* swap: the old g stays valid until here */
  w->g = g;
  w->root_a = root_a;
  return 0;
}

int scs_iterate_update_g(ScsWork *w) {
  return scs_iterate_compute_g(w, w->b, w->c);
}

/*
 * The tau row of (R + Q) u~ = R w with (x, y) = p - tau g is the quadratic
 *   a tau^2 + b tau + c = 0,
 *   a = d + g'Rg,  b = g'Rw - 2 g'Rp - d w_tau,  c = p'R(p - w) = -x'Px <= 0
 * (SCS "scale" page, root_plus; the identities use M p = (R_x w_x, -R_y w_y)
 * and M g = h). Its positive root; the stable form avoids cancellation.
 */
static scs_float root_plus(const ScsWork *w, const scs_float *p) {
  scs_float d = w->diag_r[w->n + w->m], w_tau = w->w[w->n + w->m];
  scs_float a = w->root_a;
  scs_float b = dot_r(w, w->g, w->w) - 2 * dot_r(w, w->g, p) - d * w_tau;
  scs_float c = dot_r(w, p, p) - dot_r(w, p, w->w);
  if (!isfinite(b) || !isfinite(c)) return NAN; /* p is not finite */
  scs_float rad = sqrt(SCS_MAX(b * b - 4 * a * c, 0));
  if (b <= 0) return (-b + rad) / (2 * a);
  return c < 0 ? -2 * c / (b + rad) : 0; /* c > 0 only by rounding */
}

/* ||A x + s - b tau|| and ||P x + A'y + c tau|| (infinity norms) of the
 * last projection u = (x, y, tau) and v = (r, s, kappa), in the normalized
 * units the backend works in. */
static void normalized_residuals(ScsWork *w, scs_float *pri,
                                 scs_float *dual) {
  scs_int n = w->n, m = w->m;
  scs_float tau = w->u[n + m];
  scs_float *ax = w->linsys_scratch, *px = w->linsys_scratch + m;
  for (scs_int i = 0; i < m; ++i) ax[i] = w->rsk[n + i] - tau * w->b[i];
  scs_csc_mul_add(w->A, w->u, ax);
  for (scs_int j = 0; j < n; ++j) px[j] = tau * w->c[j];
  if (w->P) scs_csc_sym_mul_add(w->P, w->u, px);
  scs_csc_mul_t_add(w->A, w->u + n, px);
  *pri = scs_vec_norm_inf(ax, m);
  *dual = scs_vec_norm_inf(px, n);
}

/*
 * For iterative backends (SCS 3.2's indirect method): the guess is the last
 * projection plus tau g, which approximates the solution p = u~ + tau g; the
 * tolerance is 0.2 min(||Ax + s - b tau||, ||Px + A'y + c tau||,
 * ||guess_x|| / (k+1)^1.5) (infinity norms of the last iterate's normalized
 * residuals, one extra product with A, A' and P: small next to a CG solve),
 * floored at 1e-12. Decaying faster than 1/k keeps the inexact DR
 * iteration convergent (the summable-error condition of Eckstein and
 * Bertsekas). The first step of a solve has no projection yet: it gets the
 * floor (which also keeps a warm start from being spoiled by a loose
 * first solve).
 */
static scs_float iterative_guess(ScsWork *w, scs_int iter) {
  scs_int n = w->n, l = w->n + w->m;
  if (iter < 1) {
    memcpy(w->linsys_warm, w->w, (size_t)l * sizeof(scs_float));
    return SCS_LINSYS_BEST_TOL;
  }
  scs_float tau = w->u[l];
  for (scs_int i = 0; i < l; ++i) w->linsys_warm[i] = w->u[i] + tau * w->g[i];
  scs_float pri, dual;
  normalized_residuals(w, &pri, &dual);
  scs_float tol = scs_vec_norm_inf(w->linsys_warm, n) /
                  pow((scs_float)iter + 1, SCS_LINSYS_TOL_RATE);
  tol = SCS_MIN(tol, SCS_MIN(pri, dual));
  return SCS_MAX(SCS_LINSYS_TOL_FACTOR * tol, SCS_LINSYS_BEST_TOL);
}

static int solve_linear(ScsWork *w, scs_int iter) {
  scs_int n = w->n, m = w->m, l = n + m;
  scs_float *p = w->u_t;
  const scs_float *warm = NULL;
  scs_float tol = 0;
  if (w->linsys->flags & SCS_LINSYS_ITERATIVE) {
    tol = iterative_guess(w, iter);
    warm = w->linsys_warm;
  }
  for (scs_int i = 0; i < l; ++i)
    p[i] = (i < n ? 1 : -1) * w->diag_r[i] * w->w[i];
  int rc = linsys_solve(w, p, warm, tol);
  if (rc != 0) return rc;
  /* the first step is the feasibility step tau = 1, as SCS does; later a
   * non-finite p makes root_plus non-finite, so one scalar test suffices */
  scs_float tau = iter < 1 ? 1 : root_plus(w, p);
  if (iter < 1 || !isfinite(tau)) {
    scs_int bad = first_non_finite(p, l);
    char at[48];
    name_entry(w, bad, at, sizeof(at));
    if (bad >= 0)
      scs_set_error("linear-system backend \"%s\" returned a non-finite "
                    "value (%s) at iteration %lld",
                    w->linsys->name, at, (long long)iter);
    else if (!isfinite(tau))
      overflow_error(iter);
    if (bad >= 0 || !isfinite(tau)) return -1;
  }
  scs_vec_axpy(p, w->g, l, -tau);
  w->u_t[l] = tau;
  return 0;
}

static int project_cones(ScsWork *w, scs_int iter) {
  scs_int n = w->n, l = w->n + w->m + 1;
  for (scs_int i = 0; i < l; ++i) w->u[i] = 2 * w->u_t[i] - w->w[i];
  if (scs_cone_project_dual(w->cones, w->u + n) != 0) return -1;
  w->u[l - 1] = iter < 1 ? 1 : SCS_MAX(w->u[l - 1], 0);
  return 0;
}

int scs_iterate_step(ScsWork *w, scs_int iter, double *lin_sys_ms,
                     double *cone_ms) {
  ScsTimer t;
  scs_tic(&t);
  int rc = solve_linear(w, iter);
  *lin_sys_ms += scs_toc_ms(&t);
  if (rc != 0) return rc;
  scs_tic(&t);
  rc = project_cones(w, iter);
  *cone_ms += scs_toc_ms(&t);
  if (rc != 0) return -1;
  scs_int l = w->n + w->m + 1;
  /* v = R(w + u - 2u~) lies in C+* and is orthogonal to u (Moreau) */
  for (scs_int i = 0; i < l; ++i)
    w->rsk[i] = (w->w[i] + w->u[i] - 2 * w->u_t[i]) * w->diag_r[i];
  return 0;
}

int scs_iterate_relax(ScsWork *w, scs_int iter) {
  scs_int l = w->n + w->m + 1;
  scs_float alpha = w->stgs.alpha;
  scs_float nan_probe = 0; /* v - v is 0 unless v is inf or NaN */
  for (scs_int i = 0; i < l; ++i) {
    w->w[i] += alpha * (w->u[i] - w->u_t[i]);
    nan_probe += w->w[i] - w->w[i];
  }
  if (nan_probe == 0) return 0;
  /* u~ is finite (checked in solve_linear): the projection, or overflow */
  scs_int i = first_non_finite(w->u, l);
  if (i < 0) {
    overflow_error(iter);
    return -1;
  }
  char at[48];
  name_entry(w, i, at, sizeof(at));
  scs_set_error("the cone projection produced a non-finite value (%s) at "
                "iteration %lld",
                at, (long long)iter);
  return -1;
}

int scs_iterate_normalize_w(ScsWork *w, scs_int iter) {
  scs_int l = w->n + w->m + 1;
  scs_float nrm = scs_vec_norm_2(w->w, l);
  if (isfinite(nrm)) {
    if (nrm > 0) scs_vec_scale(w->w, l, sqrt((scs_float)l) / nrm);
    return 0;
  }
  /* w was finite after the last relaxation: only the Anderson step changed
   * it since; finite entries whose squares overflow are an overflow */
  if (first_non_finite(w->w, l) >= 0)
    scs_set_error("Anderson acceleration produced a non-finite iterate at "
                  "iteration %lld",
                  (long long)iter);
  else
    overflow_error(iter);
  return -1;
}

void scs_iterate_cold_start(ScsWork *w) {
  scs_int l = w->n + w->m + 1;
  memset(w->w, 0, (size_t)l * sizeof(scs_float));
  w->w[l - 1] = 1;
}

static scs_float finite_or_zero(scs_float v) { return isfinite(v) ? v : 0; }

int scs_iterate_warm_start(ScsWork *w, const scs_float *x, const scs_float *y,
                           const scs_float *s) {
  scs_int n = w->n, m = w->m;
  /* normalize into scratch: u holds x, y and u_t holds s */
  scs_float *xs = w->u, *ys = w->u + n, *ss = w->u_t;
  for (scs_int j = 0; j < n; ++j) xs[j] = finite_or_zero(x[j]);
  for (scs_int i = 0; i < m; ++i) {
    ys[i] = finite_or_zero(y[i]);
    ss[i] = finite_or_zero(s[i]);
  }
  scs_normalize_sol(w->scal, xs, ys, ss);
  for (scs_int j = 0; j < n; ++j) w->w[j] = xs[j];
  for (scs_int i = 0; i < m; ++i)
    w->w[n + i] = ys[i] + ss[i] / w->diag_r[n + i];
  w->w[n + m] = 1;
  /* the iteration keeps ||w|| = sqrt(n + m + 1): its square must exist */
  if (isfinite(scs_vec_norm_2(w->w, n + m + 1))) return 0;
  scs_int at = index_of_largest(w->w, n + m);
  if (at < n)
    scs_set_error("warm start: x[%lld] = %g is too large: the iterate "
                  "overflows once scaled to the solver's units",
                  (long long)at, (double)x[at]);
  else
    scs_set_error("warm start: y[%lld] = %g, s[%lld] = %g are too large: "
                  "the iterate overflows once scaled to the solver's units",
                  (long long)(at - n), (double)y[at - n], (long long)(at - n),
                  (double)s[at - n]);
  return -1;
}

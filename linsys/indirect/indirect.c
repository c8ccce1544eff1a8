/*
 * The sparse indirect backend ("sparse-indirect"): matrix-free
 * preconditioned conjugate gradient (CG) on the reduced system, the
 * "indirect method" of the SCS paper (O'Donoghue et al. 2016, section 4.1).
 *
 * Eliminating y from
 *
 *     [ P + R_x   A'   ] [x]   [rx]        R_x = diag(r_x), R_y = diag(r_y)
 *     [ A       -R_y   ] [y] = [ry]
 *
 * with the second row, y = R_y^{-1} (A x - ry), leaves the n x n system
 *
 *     K x = b,   K = P + R_x + A' R_y^{-1} A,   b = rx + A' R_y^{-1} ry,
 *
 * symmetric positive definite when P is positive semidefinite and r > 0.
 * K is never formed (in particular not A'A): K v costs one product with A
 * (column axpys), one with A' (column dot products) and one with the
 * symmetric P stored as its upper triangle, fused into two passes over the
 * columns. The preconditioner is Jacobi: diag(K) = diag(P) + r_x +
 * sum_i A_ij^2 / r_y_i, recomputed in O(nnz(A)) whenever r changes.
 *
 * Residual and tolerance. Since y is computed exactly from x, the residual
 * of the full system is (K x - b, 0) up to the rounding of y: the reduced
 * residual is the residual of M z = rhs. CG stops when the infinity norm of
 * its (recursively updated) residual is at most
 *
 *     max(tol, FLOOR_REL * ||b||_inf),   tol <= 0 meaning DEFAULT_TOL,
 *
 * FLOOR_REL being 4 units of roundoff of the CG arithmetic. No computed x
 * has a true residual much below eps ||K|| ||x|| >= eps ||b||, so asking
 * for less only spends iterations on rounding noise (the solver asks for
 * 1e-12 absolute for its g solve whatever the scale of the data). The cap
 * is 10 n iterations (as in SCS); reaching it is not an error: the
 * iterations done are returned and the outer method copes with the
 * inexact solve.
 *
 * Precision: the CG vectors and the stored r are double in every build
 * (cg_float below, like the direct backend's factor); products with the
 * scs_float A and P and all dot products are accumulated in double. In
 * single-precision builds z is the double solution rounded to float.
 *
 * A and P are borrowed (the interface keeps them valid and unchanged until
 * free); r is copied (as r_x and 1 / r_y). Every workspace is allocated in
 * init: a solve allocates nothing. The rhs is only overwritten by a
 * successful solve; on failure it is left as it was.
 */
#include <float.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "common.h"
#include "error.h"
#include "glob.h"
#include "linsys.h"

/* Tolerance used when the caller passes tol <= 0 (no tolerance asked):
 * the solver's tightest request, 1e-12. */
#define DEFAULT_TOL SCS_LINSYS_BEST_TOL
/* Relative floor of the stopping tolerance: 4 units of roundoff of the CG
 * arithmetic (cg_float, double in every build): about 8.9e-16. */
#define FLOOR_REL (4.0 * DBL_EPSILON)
/* Iteration cap per solve, in multiples of n (SCS uses 10 n too). */
#define CAP_FACTOR 10
/* The type of the CG vectors and of the stored r: double in every build,
 * as in the direct backend (ldl.h). With float vectors the error of x is
 * about cond(K) FLT_EPSILON ||x||, and SCS's reduced matrices are badly
 * conditioned (r_x = rho_x = 1e-6 next to A' R_y^{-1} A, zero-cone rows
 * weighted 1000 times more). Measured in a single-precision build on a
 * random LP with n = 1000: with float vectors the solve stopped at 20000
 * iterations short of eps = 1e-4, even with every linear solve run to the
 * rounding floor; with double vectors it is solved. A and P stay
 * scs_float (borrowed); only the 8 n + 2 m stored entries (CG vectors, r,
 * preconditioner) double in size. */
typedef double cg_float;

typedef struct {
  scs_int n, m;
  ScsMatrix A;          /* the caller's A (arrays borrowed, not copied) */
  ScsMatrix P;          /* the caller's P, arrays borrowed; used if has_p */
  int has_p;            /* P given and with at least one entry */
  scs_int cap;          /* iteration cap, CAP_FACTOR n clamped to scs_int */
  cg_float *rx;         /* r_x (n) */
  cg_float *ry_inv;     /* 1 / r_y (m) */
  cg_float *p_diag;     /* diag(P) (n), 0 where P has no diagonal entry */
  cg_float *minv;       /* inverse of the Jacobi preconditioner (n) */
  cg_float *x, *r, *z;  /* CG iterate, residual b - K x, z = minv .* r (n) */
  cg_float *p, *kp;     /* CG direction and K p (n) */
  cg_float *t;          /* R_y^{-1} A v (m) */
  const ScsCancelToken *cancel; /* polled every CG step (ABI 2), or NULL */
} IndirectWork;

static void indirect_free(void *state) {
  IndirectWork *w = state;
  if (!w) return;
  scs_free(w->rx);
  scs_free(w->ry_inv);
  scs_free(w->p_diag);
  scs_free(w->minv);
  scs_free(w->x);
  scs_free(w->r);
  scs_free(w->z);
  scs_free(w->p);
  scs_free(w->kp);
  scs_free(w->t);
  scs_free(w);
}

/* Store r (already checked) and rebuild the Jacobi preconditioner:
 * diag(K)_j = P_jj + r_x_j + sum_i A_ij^2 / r_y_i. If P_jj < 0 makes that
 * non-positive (P not PSD) the P_jj term is dropped so the preconditioner
 * stays positive definite; CG then reports the indefiniteness itself. */
static void set_diag_r(IndirectWork *w, const scs_float *r) {
  const scs_int n = w->n, m = w->m;
  const scs_int *Ap = w->A.p, *Ai = w->A.i;
  const scs_float *Ax = w->A.x;
  for (scs_int j = 0; j < n; ++j) w->rx[j] = r[j];
  for (scs_int i = 0; i < m; ++i)
    w->ry_inv[i] = (cg_float)(1.0 / (double)r[n + i]);
  for (scs_int j = 0; j < n; ++j) {
    double s = 0;
    for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k)
      s += (double)Ax[k] * Ax[k] * w->ry_inv[Ai[k]];
    double base = (double)w->rx[j] + s;
    double d = base + (double)w->p_diag[j];
    if (!(d > 0) || !isfinite(d)) d = base;
    cg_float inv = (cg_float)(1.0 / d);
    w->minv[j] = (inv > 0 && isfinite(inv)) ? inv : 1;
  }
}

static void *indirect_init(const ScsMatrix *A, const ScsMatrix *P,
                           const scs_float *diag_r, void *user_data) {
  (void)user_data;
  if (scs_linsys_check_data("indirect", A, P) ||
      scs_linsys_check_diag_r("indirect", diag_r, A->n, A->m))
    return NULL;
  scs_int n = A->n, m = A->m;

  IndirectWork *w = scs_calloc_array(1, sizeof(*w));
  if (!w) {
    scs_set_error("indirect: out of memory (workspace)");
    return NULL;
  }
  w->n = n;
  w->m = m;
  w->A = *A;
  w->has_p = P && P->p[n] > 0;
  if (w->has_p) w->P = *P;
  w->cap = (long long)n > SCS_INT_MAX / CAP_FACTOR
               ? (scs_int)SCS_INT_MAX
               : (scs_int)(CAP_FACTOR * n);
  size_t sn = (size_t)n, sm = (size_t)m, fs = sizeof(cg_float);
  w->rx = scs_malloc_array(sn, fs);
  w->ry_inv = scs_malloc_array(sm, fs);
  w->p_diag = scs_calloc_array(sn ? sn : 1, fs);
  w->minv = scs_malloc_array(sn, fs);
  w->x = scs_malloc_array(sn, fs);
  w->r = scs_malloc_array(sn, fs);
  w->z = scs_malloc_array(sn, fs);
  w->p = scs_malloc_array(sn, fs);
  w->kp = scs_malloc_array(sn, fs);
  w->t = scs_malloc_array(sm, fs);
  if (!w->rx || !w->ry_inv || !w->p_diag || !w->minv || !w->x || !w->r ||
      !w->z || !w->p || !w->kp || !w->t) {
    scs_set_error("indirect: out of memory (CG workspace for n = %lld, "
                  "m = %lld)",
                  (long long)n, (long long)m);
    indirect_free(w);
    return NULL;
  }
  if (w->has_p) /* diag(P), summed in case of duplicate entries */
    for (scs_int j = 0; j < n; ++j)
      for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k)
        if (P->i[k] == j) w->p_diag[j] += P->x[k];
  set_diag_r(w, diag_r);
  return w;
}

/*
 * out = K v = R_x v + A' R_y^{-1} A v + P v; returns v'Kv, accumulated in
 * double as r_x'(v.^2) + v'Pv + ||R_y^{-1/2} A v||^2 (the last term is
 * never negative, whatever the rounding). With z != NULL, v is first
 * replaced by z + beta v (the CG direction update, fused into the first
 * pass over v).
 */
static double apply_k(IndirectWork *w, cg_float *v, const cg_float *z,
                      cg_float beta, cg_float *out) {
  const scs_int n = w->n, m = w->m;
  const scs_int *Ap = w->A.p, *Ai = w->A.i;
  const scs_float *Ax = w->A.x;
  const cg_float *ry_inv = w->ry_inv, *rx = w->rx;
  cg_float *t = w->t;
  double vkv = 0;

  /* t = A v, as axpys with the columns of A */
  if (m > 0) memset(t, 0, (size_t)m * sizeof(cg_float));
  for (scs_int j = 0; j < n; ++j) {
    cg_float vj = v[j];
    if (z) {
      vj = z[j] + beta * vj;
      v[j] = vj;
    }
    if (vj == 0) continue;
    for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k) t[Ai[k]] += Ax[k] * vj;
  }
  /* t = R_y^{-1} A v, and (A v)' R_y^{-1} (A v) */
  for (scs_int i = 0; i < m; ++i) {
    cg_float ti = t[i];
    t[i] = ti * ry_inv[i];
    vkv += (double)ti * (double)t[i];
  }
  /* out_j = r_x_j v_j + A_j' t + (P v)_j, column by column. Column j of the
   * upper triangle of P holds P_ij for i <= j: P_ij v_i goes to out_j here
   * and, for i < j, its mirror P_ji v_j = P_ij v_j is added to out_i, which
   * was written at column i < j. */
  if (!w->has_p) {
    for (scs_int j = 0; j < n; ++j) {
      double s = 0;
      for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k) s += (double)Ax[k] * t[Ai[k]];
      double rv = (double)rx[j] * v[j];
      out[j] = (cg_float)(rv + s);
      vkv += rv * v[j];
    }
    return vkv;
  }
  const scs_int *Pp = w->P.p, *Pi = w->P.i;
  const scs_float *Px = w->P.x;
  for (scs_int j = 0; j < n; ++j) {
    double s = 0, off = 0, dg = 0;
    cg_float vj = v[j];
    for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k) s += (double)Ax[k] * t[Ai[k]];
    for (scs_int k = Pp[j]; k < Pp[j + 1]; ++k) {
      scs_int i = Pi[k];
      if (i < j) {
        off += (double)Px[k] * v[i];
        out[i] += Px[k] * vj;
      } else { /* i == j (init checked i <= j) */
        dg += (double)Px[k] * vj;
      }
    }
    double rv = (double)rx[j] * vj;
    out[j] = (cg_float)(rv + dg + off + s);
    vkv += (double)vj * (rv + dg + 2 * off);
  }
  return vkv;
}

/* 0 if every v[k] is finite, else 1 with *bad the first offending index. */
static int first_non_finite(const scs_float *v, scs_int len, scs_int *bad) {
  for (scs_int k = 0; k < len; ++k) {
    if (!isfinite(v[k])) {
      *bad = k;
      return 1;
    }
  }
  return 0;
}

/* The same for a CG vector once rounded to scs_float (which may overflow
 * in single precision). */
static int first_unrepresentable(const cg_float *v, scs_int len,
                                 scs_int *bad) {
  for (scs_int k = 0; k < len; ++k) {
    if (!isfinite((scs_float)v[k])) {
      *bad = k;
      return 1;
    }
  }
  return 0;
}

static scs_int indirect_solve(void *state, scs_float *rhs,
                              const scs_float *warm, scs_float tol) {
  IndirectWork *w = state;
  if (!w || !rhs) {
    scs_set_error("indirect: solve called with a NULL workspace or rhs");
    return -1;
  }
  if (isnan(tol)) {
    scs_set_error("indirect: solve called with tol = NaN");
    return -1;
  }
  const scs_int n = w->n, m = w->m;
  const scs_int *Ap = w->A.p, *Ai = w->A.i;
  const scs_float *Ax = w->A.x;
  const cg_float *ry_inv = w->ry_inv, *minv = w->minv;
  cg_float *x = w->x, *r = w->r, *z = w->z, *p = w->p, *kp = w->kp, *t = w->t;
  const scs_float *ry = rhs + n;
  scs_int bad;
  if (first_non_finite(rhs, n + m, &bad)) {
    scs_set_error("indirect: rhs[%lld] = %g is not finite", (long long)bad,
                  (double)rhs[bad]);
    return -1;
  }
  if (warm && first_non_finite(warm, n, &bad)) {
    scs_set_error("indirect: warm[%lld] = %g is not finite", (long long)bad,
                  (double)warm[bad]);
    return -1;
  }

  /* b = rx + A' R_y^{-1} ry, held in r */
  for (scs_int i = 0; i < m; ++i) t[i] = ry[i] * ry_inv[i];
  double bnorm = 0;
  for (scs_int j = 0; j < n; ++j) {
    double s = rhs[j];
    for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k) s += (double)Ax[k] * t[Ai[k]];
    r[j] = (cg_float)s;
    double a = fabs((double)r[j]);
    if (a > bnorm) bnorm = a;
  }
  if (!isfinite(bnorm)) { /* finite rhs, but the product overflowed */
    scs_set_error("indirect: the reduced right-hand side rx + A' R_y^{-1} ry "
                  "overflows");
    return -1;
  }

  scs_int iters = 0;
  if (bnorm == 0) {
    /* K x = 0: x = 0 exactly, whatever the warm start */
    if (n > 0) memset(x, 0, (size_t)n * sizeof(cg_float));
  } else {
    double tol_eff = tol > 0 ? (double)tol : DEFAULT_TOL;
    if (tol_eff < FLOOR_REL * bnorm) tol_eff = FLOOR_REL * bnorm;
    double rnorm = bnorm;
    if (warm) { /* r = b - K x0 */
      for (scs_int j = 0; j < n; ++j) x[j] = warm[j];
      apply_k(w, x, NULL, 0, kp);
      rnorm = 0;
      for (scs_int j = 0; j < n; ++j) {
        r[j] -= kp[j];
        double a = fabs((double)r[j]);
        if (!(a <= rnorm)) rnorm = a; /* NaN propagates */
      }
    } else {
      memset(x, 0, (size_t)n * sizeof(cg_float));
    }
    if (!(rnorm <= tol_eff)) {
      double rz = 0;
      for (scs_int j = 0; j < n; ++j) {
        z[j] = minv[j] * r[j];
        rz += (double)r[j] * z[j];
      }
      memcpy(p, z, (size_t)n * sizeof(cg_float));
      cg_float beta = 0;
      /* rz = r'M^{-1}r > 0 while r != 0; it is 0 only when r underflows,
       * at which point no step can improve x */
      while (iters < w->cap && rz > 0) {
        /* one relaxed atomic load or three: nothing next to a product */
        if (scs_linsys_cancelled(w->cancel)) return SCS_LINSYS_CANCELLED;
        /* p = z + beta p (not on the first step), kp = K p */
        double pkp = apply_k(w, p, iters ? z : NULL, beta, kp);
        if (!(pkp > 0) || !isfinite(pkp)) {
          scs_set_error("indirect: CG breakdown at iteration %lld: p'Mp = %g, "
                        "the reduced matrix is not positive definite (is P "
                        "positive semidefinite?)",
                        (long long)iters, pkp);
          return -1;
        }
        cg_float alpha = (cg_float)(rz / pkp);
        double rz_new = 0;
        rnorm = 0;
        for (scs_int j = 0; j < n; ++j) {
          x[j] += alpha * p[j];
          cg_float rj = r[j] - alpha * kp[j];
          r[j] = rj;
          cg_float zj = minv[j] * rj;
          z[j] = zj;
          rz_new += (double)rj * zj;
          double a = fabs((double)rj);
          if (!(a <= rnorm)) rnorm = a;
        }
        ++iters;
        if (!isfinite(rnorm)) {
          scs_set_error("indirect: CG residual is not finite at iteration "
                        "%lld (overflow; is the system badly scaled?)",
                        (long long)iters);
          return -1;
        }
        if (rnorm <= tol_eff) break;
        beta = (cg_float)(rz_new / rz);
        rz = rz_new;
      }
    }
  }

  /* y = R_y^{-1} (A x - ry), into t, then x and y to rhs if all finite */
  if (m > 0) memset(t, 0, (size_t)m * sizeof(cg_float));
  for (scs_int j = 0; j < n; ++j) {
    cg_float xj = x[j];
    if (xj == 0) continue;
    for (scs_int k = Ap[j]; k < Ap[j + 1]; ++k) t[Ai[k]] += Ax[k] * xj;
  }
  for (scs_int i = 0; i < m; ++i) t[i] = (t[i] - ry[i]) * ry_inv[i];
  if (first_unrepresentable(x, n, &bad)) {
    scs_set_error("indirect: the solution x[%lld] = %g is not finite",
                  (long long)bad, (double)x[bad]);
    return -1;
  }
  if (first_unrepresentable(t, m, &bad)) {
    scs_set_error("indirect: the solution y[%lld] = %g is not finite",
                  (long long)bad, (double)t[bad]);
    return -1;
  }
  for (scs_int j = 0; j < n; ++j) rhs[j] = (scs_float)x[j];
  for (scs_int i = 0; i < m; ++i) rhs[n + i] = (scs_float)t[i];
  return iters;
}

static scs_int indirect_update_diag_r(void *state, const scs_float *diag_r) {
  IndirectWork *w = state;
  if (!w) {
    scs_set_error("indirect: update_diag_r called with a NULL workspace");
    return -1;
  }
  /* an invalid r leaves the current r and preconditioner in place */
  if (scs_linsys_check_diag_r("indirect", diag_r, w->n, w->m)) return -1;
  set_diag_r(w, diag_r);
  return 0;
}

static void indirect_set_cancel(void *state, const ScsCancelToken *token) {
  ((IndirectWork *)state)->cancel = token;
}

SCS_EXPORT const ScsLinSysBackend scs_linsys_indirect = {
    .abi_version = SCS_LINSYS_ABI_VERSION,
    .name = "sparse-indirect",
    .flags = SCS_LINSYS_ITERATIVE,
    .user_data = NULL,
    .init = indirect_init,
    .solve = indirect_solve,
    .update_diag_r = indirect_update_diag_r,
    .free = indirect_free,
    .set_cancel = indirect_set_cancel};

/*
 * Projections onto the exponential cone, the power cone and their duals
 * (SCS 3.2 conventions, docs/cones.md), three entries at a time.
 *
 *   K_exp  = cl{(x, y, z) : y > 0, y e^(x/y) <= z}
 *   K_exp* = {(u, v, w) : u < 0, -u e^(v/u) <= e w} u {(0, v, w) : v, w >= 0}
 *   K_p    = {(x, y, z) : x, y >= 0, x^p y^(1-p) >= |z|},   p in (0, 1)
 *   K_p*   = {(u, v, w) : u, v >= 0, (u/p)^p (v/(1-p))^(1-p) >= |w|}
 *
 * Dual projections use Moreau's decomposition with the polar cone
 * K° = -K*:  v = Pi_K(v) + Pi_{K°}(v),  so  Pi_{K*}(v) = v + Pi_K(-v).
 *
 * Degenerate powers (validation accepts p in [-1, 1]): as p -> 0 the cone
 * K_p tends to K_0 = {x >= 0, y >= |z|}, and as p -> 1 to
 * K_1 = {y >= 0, x >= |z|}; both limits are self-dual (R_+ times a 2-D
 * second-order cone), so p = 0, -0, 1 and -1 all project onto them, and
 * 0 < |p| < SCS_POW_P_TINY is treated as p = 0 (there x^|p| rounds to 1 for
 * every representable x > 0, so the two cones agree to rounding).
 *
 * Everything is computed in double, also in float builds, with no
 * allocation; non-finite input (inf or NaN) gives NaN in all three entries.
 * Methods: exp.c (Friberg 2023) and power.c (Hien 2015).
 */
#ifndef SCS_EXPOW_H
#define SCS_EXPOW_H

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "glob.h"

/* v[0..3) <- projection onto K_exp */
void scs_proj_exp(scs_float *v);
/* v[0..3) <- projection onto K_exp* (Moreau) */
void scs_proj_exp_dual(scs_float *v);
/* v[0..3) <- projection onto K_p, p in (0, 1), or onto the dual cone of
 * K_{-p} when p in (-1, 0) (SCS convention); see above for p in {0, +-1}. */
void scs_proj_power(scs_float *v, scs_float p);

/* Powers with 0 < |p| below this project onto K_0 (see above). */
#define SCS_POW_P_TINY 1e-20

/* ---- helpers shared by exp.c and power.c --------------------------------- */

/* After scaling by a power of two so that max |v_i| is in [0.5, 1), entries
 * below this are set to 0 before root finding: it bounds every ratio the
 * root finders form by 1e100 (so squares stay finite), and changes the
 * projection by at most 1e-100 relative to |v|. */
#define SCS_EXPOW_FLUSH 1e-100
/* Safeguard budget of the root finders (each bisection halves the ordered
 * bit pattern range, so 64 of them pin any double bracket). */
#define SCS_EXPOW_MAX_ITERS 200

/* 2^e for a normal power of two (|e| <= 1022), from its bit pattern: a
 * multiplication by it is exactly ldexp, without the library call. */
static inline double scs_expow_pow2(int e) {
  uint64_t b = (uint64_t)(e + 1023) << 52;
  double x;
  memcpy(&x, &b, sizeof(x));
  return x;
}

/* v <- v 2^k (exact unless the result leaves the normal range; then
 * rounded exactly as ldexp rounds). */
static inline void scs_expow_ldexp3(double v[3], int k) {
  if (k >= -1022 && k <= 1022) {
    double f = scs_expow_pow2(k);
    for (int i = 0; i < 3; ++i) v[i] *= f;
  } else {
    for (int i = 0; i < 3; ++i) v[i] = ldexp(v[i], k);
  }
}

/* v <- v 2^-e with e chosen so max |v_i| is in [0.5, 1) (exact: powers of
 * two); returns e (0 for v = 0). */
static inline int scs_expow_scale(double v[3]) {
  double m = fmax(fabs(v[0]), fmax(fabs(v[1]), fabs(v[2])));
  int e = 0;
  if (m == 0) return 0;
  (void)frexp(m, &e);
  scs_expow_ldexp3(v, -e);
  return e;
}

/* Entries of a scaled v below SCS_EXPOW_FLUSH in magnitude <- 0. */
static inline void scs_expow_flush(double v[3]) {
  for (int i = 0; i < 3; ++i)
    if (fabs(v[i]) < SCS_EXPOW_FLUSH) v[i] = 0;
}

/* Doubles in increasing order map to increasing integers (the sign-magnitude
 * bit pattern made two's complement; -0 and +0 both map to 0). */
static inline int64_t scs_expow_key(double x) {
  int64_t i;
  memcpy(&i, &x, sizeof(i));
  return i >= 0 ? i : INT64_MIN - i;
}
static inline double scs_expow_unkey(int64_t k) {
  int64_t i = k >= 0 ? k : INT64_MIN - k;
  double x;
  memcpy(&x, &i, sizeof(x));
  return x;
}

/* A point strictly between lo < hi when one exists (else lo): the midpoint
 * when they are within a factor 2 of each other, else the midpoint of their
 * bit patterns, which bisects orders of magnitude (geometric mean-like), so
 * any bracket of doubles shrinks to adjacent ones in at most 64 steps. */
static inline double scs_expow_mid(double lo, double hi) {
  double m;
  if ((lo > 0 && hi <= 2 * lo) || (hi < 0 && lo >= 2 * hi))
    m = lo + (hi - lo) / 2;
  else {
    int64_t a = scs_expow_key(lo), b = scs_expow_key(hi);
    m = scs_expow_unkey(a / 2 + b / 2 + (a % 2 + b % 2) / 2);
  }
  return (m > lo && m < hi) ? m : lo;
}

/* f and f' at t, and *fs >= 0 a magnitude of the terms summed to form f
 * (its rounding error is a few DBL_EPSILON * *fs); f is continuous with
 * f(lo) < 0 < f(hi). */
typedef void (*ScsExpowFn)(const void *ctx, double t, double *f, double *df,
                           double *fs);

/*
 * Root of f in (lo, hi) by Newton's method safeguarded with bisection (the
 * "rtsafe" scheme of Numerical Recipes 9.4): the bracket shrinks on the sign
 * of every evaluation, and a Newton step that is not finite or is longer
 * than half the step of two iterations ago is replaced by scs_expow_mid. A
 * step past an end of the bracket is replaced by the point one tolerance
 * inside that end the first time (the root is often within rounding of an
 * end, where the signs are only assumed), by scs_expow_mid after that.
 * Returns the Newton iterate once a Newton step is below the tolerance
 * tol_rel |t| + tol_abs. Also stops once |f| <= 2 DBL_EPSILON fs: f is
 * down to its rounding noise, and every point of that stretch is as good;
 * a short Newton step (at most 1e-6 (1 + |t|)) is still taken, a long one
 * is not (it would extrapolate noise where f is flat, e.g. exponentially
 * small). Otherwise stops once the bracket is below the tolerance, when it
 * has no interior double, or after SCS_EXPOW_MAX_ITERS evaluations. The
 * signs at lo and hi are assumed, never evaluated. t is the start.
 */
static inline double scs_expow_root(ScsExpowFn fn, const void *ctx, double lo,
                                    double hi, double t, double tol_rel,
                                    double tol_abs) {
  double step1 = hi - lo, step2 = step1; /* the last two steps */
  int edge_tried = 0;
  if (!(t > lo && t < hi)) t = scs_expow_mid(lo, hi);
  for (int it = 0; it < SCS_EXPOW_MAX_ITERS; ++it) {
    double f, df, fs;
    fn(ctx, t, &f, &df, &fs);
    /* f' <= 0 (flat, or rounding noise): f rises through the root, so take
     * an infinite step towards the side the sign of f points to */
    double dt = df > 0 ? f / df : copysign(INFINITY, f);
    double tn = t - dt, tol = tol_rel * fabs(t) + tol_abs;
    if (f < 0) lo = t;
    else hi = t;
    if (tn >= lo && tn <= hi && fabs(dt) <= tol)
      return tn; /* converged (also when the step is below one ulp) */
    if (fabs(f) <= 2 * DBL_EPSILON * fs) /* f is down to rounding noise */
      return tn >= lo && tn <= hi && fabs(dt) <= 1e-6 * (1 + fabs(t)) ? tn : t;
    if (hi - lo <= tol) return lo + (hi - lo) / 2;
    if ((tn >= hi || tn <= lo) && !edge_tried) {
      edge_tried = 1;
      tn = tn >= hi ? hi - tol : lo + tol;
    } else if (!(tn > lo && tn < hi) || !(fabs(dt) <= 0.5 * step2)) {
      tn = scs_expow_mid(lo, hi);
      if (tn == lo) return t; /* no double strictly inside the bracket */
    }
    step2 = step1;
    step1 = fabs(tn - t);
    t = tn;
  }
  return t;
}

#endif

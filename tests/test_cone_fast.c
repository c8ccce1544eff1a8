/*
 * Property tests of the exponential, power and box cone projections
 * (src/cones/exp.c, power.c, box.c) against reference copies of the
 * implementations they replaced (below, renamed ref_*): on many random
 * points, including hard ones (near the cone boundaries, huge and tiny
 * magnitudes, near the origin, powers near 0 and 1, infinite box bounds,
 * t near 0), the new projection must match the reference to a tight
 * tolerance, be idempotent, satisfy Moreau's decomposition
 * x = Pi_K(x) - Pi_{K*}(-x) with orthogonal parts (K° = -K*), and land in
 * the cone.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cones/cones.h"
#include "cones/expow.h"
#include "rng.h"

#define SINGLE (sizeof(scs_float) == sizeof(float))
/* new vs reference, relative to |x| (both compute in double) */
#define TOL_REF (SINGLE ? 2e-6 : 1e-12)
/* membership, Moreau, idempotence, relative to |x| */
#define TOL (SINGLE ? 1e-5 : 1e-9)
/* the widest magnitudes that stay representable */
#define MAG (SINGLE ? 15.0 : 150.0)

typedef long double LD;

/* ==== reference: the helpers of src/cones/expow.h before the change ==== */
/* Powers with 0 < |p| below this project onto K_0 (see above). */
#define REF_POW_P_TINY 1e-20

/* ---- helpers shared by exp.c and power.c --------------------------------- */

/* After scaling by a power of two so that max |v_i| is in [0.5, 1), entries
 * below this are set to 0 before root finding: it bounds every ratio the
 * root finders form by 1e100 (so squares stay finite), and changes the
 * projection by at most 1e-100 relative to |v|. */
#define REF_EXPOW_FLUSH 1e-100
/* Safeguard budget of the root finders (each bisection halves the ordered
 * bit pattern range, so 64 of them pin any double bracket). */
#define REF_EXPOW_MAX_ITERS 200

/* v <- v 2^-e with e chosen so max |v_i| is in [0.5, 1) (exact: powers of
 * two); returns e (0 for v = 0). */
static inline int ref_expow_scale(double v[3]) {
  double m = fmax(fabs(v[0]), fmax(fabs(v[1]), fabs(v[2])));
  int e = 0;
  if (m == 0) return 0;
  (void)frexp(m, &e);
  for (int i = 0; i < 3; ++i) v[i] = ldexp(v[i], -e);
  return e;
}

/* Entries of a scaled v below REF_EXPOW_FLUSH in magnitude <- 0. */
static inline void ref_expow_flush(double v[3]) {
  for (int i = 0; i < 3; ++i)
    if (fabs(v[i]) < REF_EXPOW_FLUSH) v[i] = 0;
}

/* Doubles in increasing order map to increasing integers (the sign-magnitude
 * bit pattern made two's complement; -0 and +0 both map to 0). */
static inline int64_t ref_expow_key(double x) {
  int64_t i;
  memcpy(&i, &x, sizeof(i));
  return i >= 0 ? i : INT64_MIN - i;
}
static inline double ref_expow_unkey(int64_t k) {
  int64_t i = k >= 0 ? k : INT64_MIN - k;
  double x;
  memcpy(&x, &i, sizeof(x));
  return x;
}

/* A point strictly between lo < hi when one exists (else lo): the midpoint
 * when they are within a factor 2 of each other, else the midpoint of their
 * bit patterns, which bisects orders of magnitude (geometric mean-like), so
 * any bracket of doubles shrinks to adjacent ones in at most 64 steps. */
static inline double ref_expow_mid(double lo, double hi) {
  double m;
  if ((lo > 0 && hi <= 2 * lo) || (hi < 0 && lo >= 2 * hi))
    m = lo + (hi - lo) / 2;
  else {
    int64_t a = ref_expow_key(lo), b = ref_expow_key(hi);
    m = ref_expow_unkey(a / 2 + b / 2 + (a % 2 + b % 2) / 2);
  }
  return (m > lo && m < hi) ? m : lo;
}

/* f and f' at t, and *fs >= 0 a magnitude of the terms summed to form f
 * (its rounding error is a few DBL_EPSILON * *fs); f is continuous with
 * f(lo) < 0 < f(hi). */
typedef void (*RefExpowFn)(const void *ctx, double t, double *f, double *df,
                           double *fs);

/*
 * Root of f in (lo, hi) by Newton's method safeguarded with bisection (the
 * "rtsafe" scheme of Numerical Recipes 9.4): the bracket shrinks on the sign
 * of every evaluation, and a Newton step that is not finite or is longer
 * than half the step of two iterations ago is replaced by ref_expow_mid. A
 * step past an end of the bracket is replaced by the point one tolerance
 * inside that end the first time (the root is often within rounding of an
 * end, where the signs are only assumed), by ref_expow_mid after that.
 * Returns the Newton iterate once a Newton step is below the tolerance
 * tol_rel |t| + tol_abs. Also stops once |f| <= 2 DBL_EPSILON fs: f is
 * down to its rounding noise, and every point of that stretch is as good;
 * a short Newton step (at most 1e-6 (1 + |t|)) is still taken, a long one
 * is not (it would extrapolate noise where f is flat, e.g. exponentially
 * small). Otherwise stops once the bracket is below the tolerance, when it
 * has no interior double, or after REF_EXPOW_MAX_ITERS evaluations. The
 * signs at lo and hi are assumed, never evaluated. t is the start.
 */
static inline double ref_expow_root(RefExpowFn fn, const void *ctx, double lo,
                                    double hi, double t, double tol_rel,
                                    double tol_abs) {
  double step1 = hi - lo, step2 = step1; /* the last two steps */
  int edge_tried = 0;
  if (!(t > lo && t < hi)) t = ref_expow_mid(lo, hi);
  for (int it = 0; it < REF_EXPOW_MAX_ITERS; ++it) {
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
      tn = ref_expow_mid(lo, hi);
      if (tn == lo) return t; /* no double strictly inside the bracket */
    }
    step2 = step1;
    step1 = fabs(tn - t);
    t = tn;
  }
  return t;
}


/* ==== reference: src/cones/exp.c before the change ==== */
/* relative margin by which a heuristic must beat the ray point (squared
 * distances; rounding in them is a few DBL_EPSILON) */
#define EXP_TIE_MARGIN (64 * DBL_EPSILON)
/* exp(t) is finite for t below this */
#define EXP_ARG_MAX 700.0

typedef struct {
  double x, y, z;
} ExpPt;

/* ---- membership ---------------------------------------------------------- */

/* v in K: y e^(x/y) <= z (compared in logs where e^(x/y) would overflow) or
 * x <= 0 = y <= z. */
static int exp_in_cone(double x, double y, double z) {
  if (y > 0) {
    if (z <= 0) return 0;
    double t = x / y;
    return t < EXP_ARG_MAX ? y * exp(t) <= z : log(y) + t <= log(z);
  }
  return y == 0 && x <= 0 && z >= 0;
}

/* v in K°: x e^(y/x - 1) <= -z, or x = 0 >= y, z. */
static int exp_in_polar(double x, double y, double z) {
  if (x > 0) {
    if (z >= 0) return 0;
    double t = y / x - 1;
    return t < EXP_ARG_MAX ? x * exp(t) <= -z : log(x) + t <= log(-z);
  }
  return x == 0 && y <= 0 && z <= 0;
}

/* ---- the univariate equation --------------------------------------------- */

/* f = h(rho) e^-|rho| and f' (f has the sign of h; no overflow for
 * |rho| <= 1e150: rho^2 is finite and every e^rho factor of h cancels). */
static void exp_h(const void *ctx, double rho, double *f, double *df,
                  double *fs) {
  const ExpPt *v = ctx;
  double a = (rho - 1) * v->x + v->y; /* q y  of (1) */
  double b = v->x - rho * v->y;       /* q mu of (1) */
  double q = rho * rho - rho + 1, dq = 2 * rho - 1;
  double e = exp(-fabs(rho)), e2 = e * e, ze = v->z * e;
  double sa = fabs(rho - 1) * fabs(v->x) + fabs(v->y); /* sizes of the */
  double sb = fabs(v->x) + fabs(rho * v->y);          /* terms of a, b */
  if (rho >= 0) { /* f = a - b e^-2rho - q z e^-rho */
    *f = a - b * e2 - q * ze;
    *df = v->x + (v->y + 2 * b) * e2 + (q - dq) * ze;
    *fs = sa + sb * e2 + fabs(q * ze);
  } else { /* f = a e^2rho - b - q z e^rho */
    *f = a * e2 - b - q * ze;
    *df = (v->x + 2 * a) * e2 + v->y - (q + dq) * ze;
    *fs = sa * e2 + sb + fabs(q * ze);
  }
}

/*
 * Finite ends lo < hi of the interval I of (1) holding the root (v0 not in
 * K or K°, not x0, y0 <= 0; entries flushed, so ratios are at most 1e100).
 * y > 0 needs (rho - 1) x0 > -y0 and mu > 0 needs rho y0 < x0:
 *  x0 > 0, y0 > 0:  I = (1 - y0/x0, x0/y0);
 *  x0 > 0, y0 <= 0: I = (1 - y0/x0, inf). With n = |v0| >= |p|, |v0 - p|:
 *    y e^rho <= n and mu = x0 - y rho; once n rho e^-rho <= x0/2 (true for
 *    rho >= 2 log(2n/x0)) this gives y <= x0/2 <= mu, so by (1)
 *    rho - 1 = (y - y0)/mu <= 1 - 2 y0/x0; hence rho <= max(2 log(2n/x0),
 *    2 (1 - y0/x0)).
 *  x0 <= 0, y0 > 0: I = (-inf, x0/y0). Symmetrically mu e^-rho <= n and
 *    mu (1 - rho) <= n, so once rho <= -2 log(4n/y0) we get mu <= y0/2 <= y
 *    and -rho = (mu - x0)/y <= 1 - 2 x0/y0.
 */
static void exp_bracket(const ExpPt *v, double *lo, double *hi) {
  double n = sqrt(v->x * v->x + v->y * v->y + v->z * v->z);
  if (v->x > 0) {
    *lo = 1 - v->y / v->x;
    *hi = v->y > 0 ? v->x / v->y
                   : fmax(2 * log(2 * n / v->x), 2 * *lo) + 1;
  } else {
    *hi = v->x / v->y;
    *lo = -fmax(2 * log(4 * n / v->y), 1 - 2 * *hi) - 1;
  }
}

/*
 * Newton start. Near the z axis the root solves an equation of Lambert type
 * (h has exponential and polynomial parts of very different sizes):
 *  z0 > 0: p ~ (x0, y, z0) with y e^rho ~ z0 and y rho ~ x0, so
 *          rho e^-rho ~ x0 / z0, rho ~ L + log L with L = log(z0 / x0);
 *  z0 < 0: v0 - p ~ mu (1, 1 - rho, -e^-rho) with mu e^-rho ~ -z0 and
 *          mu (1 - rho) ~ y0, so rho ~ -(L + log(1 + L)), L = log(-z0/y0).
 * Otherwise (or if that lands outside I): the end of I nearer the origin,
 * moved one unit inside when I is long.
 */
static double exp_start(const ExpPt *v, double lo, double hi) {
  double t = NAN;
  if (v->z > 0 && v->x > 0 && v->z > 4 * v->x) {
    double l = log(v->z / v->x);
    t = l + log(l);
  } else if (v->z < 0 && v->y > 0 && -v->z > 4 * v->y) {
    double l = log(-v->z / v->y);
    t = -(l + log1p(l));
  }
  if (t > lo && t < hi) return t;
  if (hi - lo <= 2) return lo + (hi - lo) / 2;
  if (hi <= 0) return hi - 1;
  if (lo >= 0) return lo + 1;
  return 0;
}

/* ---- candidates ---------------------------------------------------------- */

static double exp_dist2(const ExpPt *v, const double p[3]) {
  double a = v->x - p[0], b = v->y - p[1], c = v->z - p[2];
  return a * a + b * b + c * c;
}

/* p <- the point of the ray {c (rho, 1, e^rho) : c >= 0} nearest v, with the
 * direction scaled to stay finite: (rho e^-rho, e^-rho, 1) for rho >= 0,
 * (rho, 1, e^rho) / max(1, -rho) below. */
static void exp_ray_point(const ExpPt *v, double rho, double p[3]) {
  double a[3];
  if (rho >= 0) {
    double e = exp(-rho);
    a[0] = rho * e, a[1] = e, a[2] = 1;
  } else {
    double s = 1 / fmax(1, -rho);
    a[0] = rho * s, a[1] = s, a[2] = exp(rho) * s;
  }
  double c = (v->x * a[0] + v->y * a[1] + v->z * a[2]) /
             (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  c = fmax(c, 0);
  for (int i = 0; i < 3; ++i) p[i] = c * a[i];
}

/* best <- cand if cand is finite and its squared distance d2 beats *best_d2
 * by the tie margin. */
static void exp_consider(const ExpPt *v, const double cand[3], double *best,
                         double *best_d2) {
  double d2 = exp_dist2(v, cand);
  if (!(d2 < *best_d2 * (1 - EXP_TIE_MARGIN))) return; /* also drops NaN */
  *best_d2 = d2;
  for (int i = 0; i < 3; ++i) best[i] = cand[i];
}

/* The general case: root, ray point, heuristics. */
static void exp_proj_general(const ExpPt *v, double out[3]) {
  double lo, hi;
  exp_bracket(v, &lo, &hi);
  double rho = ref_expow_root(exp_h, v, lo, hi, exp_start(v, lo, hi),
                              4 * DBL_EPSILON, 4 * DBL_EPSILON);
  double cand[3];
  exp_ray_point(v, rho, out);
  double best_d2 = exp_dist2(v, out);
  if (!isfinite(best_d2)) best_d2 = INFINITY;
  /* the face y = 0 */
  cand[0] = fmin(v->x, 0), cand[1] = 0, cand[2] = fmax(v->z, 0);
  exp_consider(v, cand, out, &best_d2);
  /* raise z onto the boundary above v0 */
  if (v->y > 0 && v->x / v->y < EXP_ARG_MAX) {
    cand[0] = v->x, cand[1] = v->y, cand[2] = v->y * exp(v->x / v->y);
    exp_consider(v, cand, out, &best_d2);
  }
  /* v0 minus the polar point (x0, y0, -x0 e^(y0/x0 - 1)) */
  if (v->x > 0 && v->y / v->x - 1 < EXP_ARG_MAX) {
    cand[0] = 0, cand[1] = 0, cand[2] = v->z + v->x * exp(v->y / v->x - 1);
    exp_consider(v, cand, out, &best_d2);
  }
}

/* ---- entry points -------------------------------------------------------- */

/* v <- Pi_K(v) in double. */
static void exp_proj_d(double v[3]) {
  if (!isfinite(v[0]) || !isfinite(v[1]) || !isfinite(v[2])) {
    v[0] = v[1] = v[2] = NAN;
    return;
  }
  double v0[3] = {v[0], v[1], v[2]};
  int e = ref_expow_scale(v);
  if (exp_in_cone(v[0], v[1], v[2])) {
    v[0] = v0[0], v[1] = v0[1], v[2] = v0[2];
    return;
  }
  ref_expow_flush(v);
  if (exp_in_cone(v[0], v[1], v[2])) goto unscale;
  if (exp_in_polar(v[0], v[1], v[2])) {
    v[0] = v[1] = v[2] = 0;
    return;
  }
  if (v[0] <= 0 && v[1] <= 0) { /* the face y = 0 */
    v[1] = 0;
    v[2] = fmax(v[2], 0);
  } else {
    ExpPt p0 = {v[0], v[1], v[2]};
    exp_proj_general(&p0, v);
  }
unscale:
  for (int i = 0; i < 3; ++i) v[i] = ldexp(v[i], e);
}

static void ref_proj_exp(scs_float *v) {
  double d[3] = {v[0], v[1], v[2]};
  exp_proj_d(d);
  for (int i = 0; i < 3; ++i) v[i] = (scs_float)d[i];
}

/* Pi_{K*}(v) = v + Pi_K(-v) (Moreau, with K° = -K*). */
static void ref_proj_exp_dual(scs_float *v) {
  double d[3] = {-(double)v[0], -(double)v[1], -(double)v[2]};
  exp_proj_d(d);
  for (int i = 0; i < 3; ++i) v[i] = (scs_float)((double)v[i] + d[i]);
}

/* ==== reference: src/cones/power.c before the change ==== */
/* bracket for the logit t = log(r / (|z0| - r)): beyond it r or |z0| - r
 * is below e^-800 |z0|, i.e. underflows to 0 */
#define POW_T_MAX 800.0

typedef struct {
  double x, y, zr; /* x0, y0, |z0| */
  double p, q;     /* the power and 1 - p */
  double lzr;      /* log |z0| */
  double gk;       /* log(|x0|^p |y0|^q / |z0|): >= 0 in K (x0, y0 >= 0) */
  double gp;       /* gk - p log p - q log q: >= 0 in K° (x0, y0 <= 0) */
} PowPt;

/* ---- the easy cases ------------------------------------------------------ */

enum { POW_GENERAL, POW_IN_CONE, POW_IN_POLAR, POW_FLAT };

/* log p computed accurately also for p near 1 (from q = 1 - p) */
static double pow_log_weight(double p, double q) {
  return p < 0.5 ? log(p) : log1p(-q);
}

/*
 * Fill pt from v (scaled) and classify it: in K (x0, y0 >= 0, x0^p y0^q >=
 * |z0|), in K° = -K_p* (x0, y0 <= 0, (-x0/p)^p (-y0/q)^q >= |z0|), z0 = 0
 * with mixed signs (P = (x0+, y0+, 0)), or the general case. The tests
 * compare logarithms.
 */
static int pow_setup(PowPt *pt, const double v[3], double p) {
  double x = v[0], y = v[1];
  pt->x = x, pt->y = y, pt->zr = fabs(v[2]), pt->p = p, pt->q = 1 - p;
  pt->lzr = pt->gk = pt->gp = 0;
  if (pt->zr == 0) {
    if (x >= 0 && y >= 0) return POW_IN_CONE;
    return x <= 0 && y <= 0 ? POW_IN_POLAR : POW_FLAT;
  }
  pt->lzr = log(pt->zr);
  pt->gk = p * log(fabs(x)) + pt->q * log(fabs(y)) - pt->lzr;
  if (x >= 0 && y >= 0) return pt->gk >= 0 ? POW_IN_CONE : POW_GENERAL;
  if (x <= 0 && y <= 0) {
    pt->gp = pt->gk - p * pow_log_weight(p, pt->q) -
             pt->q * pow_log_weight(pt->q, p);
    return pt->gp >= 0 ? POW_IN_POLAR : POW_GENERAL;
  }
  return POW_GENERAL;
}

/* ---- the scalar equation ------------------------------------------------- */

/* The point r = |z0| / (1 + e^-t) of (0, |z0|) and mu = |z0| - r =
 * |z0| / (1 + e^t), each with its logarithm (log r - log mu = t), all to
 * full relative accuracy at both ends, where one of them is tiny; one exp
 * and one log1p. */
typedef struct {
  double r, mu, lr, lmu;
} PowR;

static PowR pow_r(const PowPt *v, double t) {
  PowR w;
  double e = exp(-fabs(t)), c = v->zr / (1 + e);
  w.r = t >= 0 ? c : c * e;
  w.mu = t >= 0 ? c * e : c;
  w.lr = v->lzr - log1p(e) - fmax(-t, 0);
  w.lmu = w.lr - t;
  return w;
}

/*
 * One coordinate a(r) of P (a0 = x0 or y0, al = p or q): *a <- a(r),
 * *lg <- log a(r) and *g <- r mu a'(r) / a(r), where a' = al (|z0| - 2r) / S
 * (differentiate a^2 - a0 a = al r mu); g has no 1/r or 1/mu singularity.
 * Where r mu is not a normal double, log a comes from the logs of r and mu.
 */
static void pow_side(double a0, double al, const PowR *w, double zr,
                     double *a, double *lg, double *g) {
  double rm = w->r * w->mu, s = sqrt(a0 * a0 + 4 * al * rm);
  double c = zr - 2 * w->r;
  int normal = rm > 1e-290;
  if (a0 > 0) {
    *a = (a0 + s) / 2;
    *lg = log(*a);
    *g = 2 * al * rm * c / (s * (a0 + s));
    return;
  }
  if (a0 == 0) { /* a = sqrt(al r mu) */
    *lg = 0.5 * (log(al) + w->lr + w->lmu);
    *a = normal ? sqrt(al * rm) : exp(*lg);
    *g = c / 2;
    return;
  }
  /* a0 < 0: a = 2 al r mu / (s - a0) */
  if (normal) {
    *a = 2 * al * rm / (s - a0);
    *lg = log(*a);
  } else {
    *lg = log(2 * al) + w->lr + w->lmu - log(s - a0);
    *a = exp(*lg);
  }
  *g = c * (s - a0) / (2 * s);
}

/*
 * F = log r - p log x(r) - q log y(r) as a function of the logit
 * t = log(r / mu), and dF/dt. With dr/dt = r mu / |z0|,
 *   dF/dt = (mu - p g_x - q g_y) / |z0|   (g of pow_side).
 * F is asymptotically linear in t at both ends (log r ~ t as r -> 0, and
 * log x ~ log mu ~ -t as mu -> 0 when x0 <= 0).
 */
static void pow_f(const void *ctx, double t, double *f, double *df,
                  double *fs) {
  const PowPt *v = ctx;
  PowR w = pow_r(v, t);
  double x, y, lx, ly, gx, gy;
  pow_side(v->x, v->p, &w, v->zr, &x, &lx, &gx);
  pow_side(v->y, v->q, &w, v->zr, &y, &ly, &gy);
  *f = w.lr - v->p * lx - v->q * ly;
  *df = (w.mu - v->p * gx - v->q * gy) / v->zr;
  *fs = fabs(w.lr) + v->p * fabs(lx) + v->q * fabs(ly);
}

/*
 * Newton start.
 *  x0, y0 > 0: x(r) >= x0 and y(r) >= y0, so the root is at least
 *    r_l = x0^p y0^q (the z of the point straight below v0 on the
 *    boundary): start half way (in r) between r_l and |z0|,
 *    t = log((|z0| + r_l) / (|z0| - r_l)).
 *  x0, y0 < 0: while 4 al r mu << a0^2, a(r) ~ al r mu / |a0|, so
 *    F ~ -log(mu / |z0|) + C = log(1 + e^t) + C with
 *    C = p log(-x0 / p) + q log(-y0 / q) - log|z0| = gp < 0 (not in K°):
 *    start at the root of that, t = log(e^-C - 1).
 *  Otherwise: r = |z0| / 2 (t = 0), where F is nearly linear on both sides.
 */
static double pow_start(const PowPt *v) {
  if (v->x > 0 && v->y > 0) /* r_l / |z0| = e^gk < 1 */
    return log1p(exp(v->gk)) - log(-expm1(v->gk));
  if (v->x < 0 && v->y < 0) {
    double t = log(expm1(-v->gp));
    if (isfinite(t)) return t;
  }
  return 0;
}

/* ---- the projection ------------------------------------------------------ */

/* The general case: P from the root t. */
static void pow_proj_general(const PowPt *v, double sz, double out[3]) {
  double t = ref_expow_root(pow_f, v, -POW_T_MAX, POW_T_MAX, pow_start(v),
                            4 * DBL_EPSILON, 4 * DBL_EPSILON);
  PowR w = pow_r(v, t);
  double lx, ly, g;
  pow_side(v->x, v->p, &w, v->zr, &out[0], &lx, &g);
  pow_side(v->y, v->q, &w, v->zr, &out[1], &ly, &g);
  /* z = r, but never above x^p y^q (so P is in K to rounding) */
  out[2] = sz * fmin(w.r, exp(v->p * lx + v->q * ly));
}

/* v <- Pi_{K_p}(v) in double, p in (0, 1). Points of K come back bit for
 * bit (unless the flush changed them). */
static void pow_proj_d(double v[3], double p) {
  double v0[3] = {v[0], v[1], v[2]}, s[3];
  int e = ref_expow_scale(v);
  memcpy(s, v, sizeof(s));
  ref_expow_flush(v);
  PowPt pt;
  switch (pow_setup(&pt, v, p)) {
  case POW_IN_CONE:
    if (memcmp(s, v, sizeof(s)) == 0) {
      memcpy(v, v0, sizeof(v0));
      return;
    }
    break;
  case POW_IN_POLAR:
    v[0] = v[1] = v[2] = 0;
    return;
  case POW_FLAT:
    v[0] = fmax(v[0], 0), v[1] = fmax(v[1], 0), v[2] = 0;
    break;
  default:
    pow_proj_general(&pt, v[2] > 0 ? 1 : -1, v);
  }
  for (int i = 0; i < 3; ++i) v[i] = ldexp(v[i], e);
}

/* (t, s) <- projection onto the 2-D second-order cone {t >= |s|}. */
static void pow_soc2(double *t, double *s) {
  double n = fabs(*s);
  if (n <= *t) return;
  if (n <= -*t) {
    *t = *s = 0;
    return;
  }
  double c = 0.5 * (*t + n);
  *t = c;
  *s = *s > 0 ? c : -c;
}

/* Limits p -> 1 (K_1 = {x >= |z|, y >= 0}) and p -> 0 (K_0 = {x >= 0,
 * y >= |z|}); both self-dual. */
static void pow_proj_limit(double v[3], int one) {
  if (one) {
    pow_soc2(&v[0], &v[2]);
    v[1] = fmax(v[1], 0);
  } else {
    pow_soc2(&v[1], &v[2]);
    v[0] = fmax(v[0], 0);
  }
}

static void ref_proj_power(scs_float *v, scs_float p_in) {
  double p = p_in, ap = fabs(p);
  double d[3] = {v[0], v[1], v[2]};
  if (!isfinite(d[0]) || !isfinite(d[1]) || !isfinite(d[2]) || !(ap <= 1)) {
    v[0] = v[1] = v[2] = (scs_float)NAN;
    return;
  }
  if (ap == 1 || ap < REF_POW_P_TINY) {
    pow_proj_limit(d, ap == 1);
  } else if (p > 0) {
    pow_proj_d(d, p);
  } else { /* Pi_{K*}(v) = v + Pi_K(-v) (Moreau, with K° = -K*) */
    double w[3] = {-d[0], -d[1], -d[2]};
    pow_proj_d(w, ap);
    for (int i = 0; i < 3; ++i) d[i] += w[i];
  }
  for (int i = 0; i < 3; ++i) v[i] = (scs_float)d[i];
}

/* ==== reference: src/cones/box.c before the change ==== */
/* g(t) = f'(t) / 2, evaluated directly from its definition. */
static scs_float ref_box_half_grad(scs_float t, scs_float t0, const scs_float *s0,
                               const scs_float *bl, const scs_float *bu,
                               scs_int n) {
  scs_float g = t - t0;
  for (scs_int i = 0; i < n; ++i) {
    if (isfinite(bl[i])) {
      scs_float r = t * bl[i] - s0[i];
      if (r > 0) g += bl[i] * r;
    }
    if (isfinite(bu[i])) {
      scs_float r = s0[i] - t * bu[i];
      if (r > 0) g -= bu[i] * r;
    }
  }
  return g;
}

/* In-place heapsort (ascending): O(n log n), no recursion, no allocation. */
static void ref_sift_down(scs_float *a, scs_int root, scs_int n) {
  scs_float x = a[root];
  for (;;) {
    scs_int child = 2 * root + 1;
    if (child >= n) break;
    if (child + 1 < n && a[child + 1] > a[child]) ++child;
    if (!(a[child] > x)) break;
    a[root] = a[child];
    root = child;
  }
  a[root] = x;
}

static void ref_heap_sort(scs_float *a, scs_int n) {
  for (scs_int i = n / 2 - 1; i >= 0; --i) ref_sift_down(a, i, n);
  for (scs_int end = n - 1; end > 0; --end) {
    scs_float tmp = a[0];
    a[0] = a[end];
    a[end] = tmp;
    ref_sift_down(a, 0, end);
  }
}

/* Write the positive finite breakpoints s0_i / c into bp; return the count
 * (at most 2 n). */
static scs_int ref_box_breakpoints(const scs_float *s0, const scs_float *bl,
                               const scs_float *bu, scs_int n,
                               scs_float *bp) {
  scs_int k = 0;
  for (scs_int i = 0; i < n; ++i) {
    const scs_float c[2] = {bl[i], bu[i]};
    for (int j = 0; j < 2; ++j) {
      if (!isfinite(c[j]) || c[j] == 0) continue; /* c = 0: g term is 0 */
      scs_float b = s0[i] / c[j];
      if (b > 0 && isfinite(b)) bp[k++] = b;
    }
  }
  return k;
}

/* Is the bound c (sign +1 lower, -1 upper) active on the open piece
 * (lo, hi)? A lower bound with c > 0 or an upper one with c < 0 is active
 * for t > s0 / c; the other two for t < s0 / c. The breakpoint is computed
 * exactly as in ref_box_breakpoints, so comparisons with lo / hi are exact. */
static int ref_box_active(scs_float c, int sign, scs_float s0, scs_float lo,
                      scs_float hi) {
  if (!isfinite(c) || c == 0) return 0;
  scs_float b = s0 / c;
  return (sign > 0 ? c > 0 : c < 0) ? (b <= lo) : (b >= hi);
}

/* The root of g on the piece [lo, hi], from g = A t - B there. */
static scs_float ref_box_piece_root(scs_float t0, const scs_float *s0,
                                const scs_float *bl, const scs_float *bu,
                                scs_int n, scs_float lo, scs_float hi) {
  scs_float a = 1, b = t0;
  for (scs_int i = 0; i < n; ++i) {
    if (ref_box_active(bl[i], 1, s0[i], lo, hi)) {
      a += bl[i] * bl[i];
      b += bl[i] * s0[i];
    }
    if (ref_box_active(bu[i], -1, s0[i], lo, hi)) {
      a += bu[i] * bu[i];
      b += bu[i] * s0[i];
    }
  }
  scs_float t = b / a;
  return t < lo ? lo : (t > hi ? hi : t); /* guards rounding only */
}

/* argmin_{t >= 0} f(t), see the header comment. */
static scs_float ref_box_opt_t(scs_float t0, const scs_float *s0,
                           const scs_float *bl, const scs_float *bu,
                           scs_int n, scs_float *bp) {
  if (ref_box_half_grad(0, t0, s0, bl, bu, n) >= 0) return 0;
  scs_int k = ref_box_breakpoints(s0, bl, bu, n, bp);
  ref_heap_sort(bp, k);
  /* first breakpoint where g >= 0 (g is increasing); the root lies on the
   * piece just left of it */
  scs_int lo_i = 0, hi_i = k;
  while (lo_i < hi_i) {
    scs_int mid = lo_i + (hi_i - lo_i) / 2;
    if (ref_box_half_grad(bp[mid], t0, s0, bl, bu, n) >= 0) hi_i = mid;
    else lo_i = mid + 1;
  }
  scs_float lo = lo_i > 0 ? bp[lo_i - 1] : 0;
  scs_float hi = lo_i < k ? bp[lo_i] : (scs_float)INFINITY;
  return ref_box_piece_root(t0, s0, bl, bu, n, lo, hi);
}

static void ref_proj_box(scs_float *v, scs_int len, const scs_float *bl,
                  const scs_float *bu, scs_float *work) {
  if (len <= 0) return;
  scs_int n = len - 1;
  scs_float *s = v + 1;
  scs_float t = ref_box_opt_t(v[0], s, bl, bu, n, work);
  v[0] = t;
  for (scs_int i = 0; i < n; ++i) { /* s = clip(s0, t bl, t bu) */
    if (isfinite(bl[i]) && s[i] < t * bl[i]) s[i] = t * bl[i];
    if (isfinite(bu[i]) && s[i] > t * bu[i]) s[i] = t * bu[i];
  }
}

/* ==== helpers ============================================================= */

static double rng_sym(Rng *r) { return 2 * rng_unif(r) - 1; }
static double rng_gauss(Rng *r) {
  double u = rng_unif(r) + 1e-300, v = rng_unif(r);
  return sqrt(-2 * log(u)) * cos(6.283185307179586 * v);
}
/* +-10^U(lo, hi) */
static double rng_mag(Rng *r, double lo, double hi) {
  return (rng_unif(r) < 0.5 ? -1 : 1) * pow(10.0, lo + (hi - lo) * rng_unif(r));
}

static double norm_n(const scs_float *v, scs_int n) {
  LD s = 0;
  for (scs_int i = 0; i < n; ++i) s += (LD)v[i] * (LD)v[i];
  return (double)sqrtl(s);
}
static double dot_n(const scs_float *a, const scs_float *b, scs_int n) {
  LD s = 0;
  for (scs_int i = 0; i < n; ++i) s += (LD)a[i] * (LD)b[i];
  return (double)s;
}
static double maxdiff_n(const scs_float *a, const scs_float *b, scs_int n) {
  double m = 0;
  for (scs_int i = 0; i < n; ++i) {
    double d = fabs((double)a[i] - (double)b[i]);
    if (!(d <= m)) m = d; /* NaN propagates */
  }
  return m;
}

/* ==== the triple cones ===================================================== */

/* kind: 0 exp, 1 exp dual, 2 power (p > 0: K_p, p < 0: K_|p|*) */
typedef struct {
  int kind;
  scs_float p;
} Cone3;

static void proj_new(const Cone3 *c, scs_float *v, int dual) {
  if (c->kind == 2) scs_proj_power(v, dual ? -c->p : c->p);
  else if ((c->kind == 0) != dual) scs_proj_exp(v);
  else scs_proj_exp_dual(v);
}
static void proj_ref(const Cone3 *c, scs_float *v, int dual) {
  if (c->kind == 2) ref_proj_power(v, dual ? -c->p : c->p);
  else if ((c->kind == 0) != dual) ref_proj_exp(v);
  else ref_proj_exp_dual(v);
}

/* v + delta d in the closed cone, d = (-1, 1, 1) (exp, exp dual) or
 * (1, 1, 0) (power): certifies dist(v, cone) <= 2 delta. Long double. */
static int in_exp_k(const scs_float *v, double delta) {
  LD x = (LD)v[0] - delta, y = (LD)v[1] + delta, z = (LD)v[2] + delta;
  if (y > 0) return z > 0 && logl(y) + x / y <= logl(z);
  return y == 0 && x <= 0 && z >= 0;
}
static int in_exp_dual_k(const scs_float *v, double delta) {
  LD u = (LD)v[0] - delta, w1 = (LD)v[1] + delta, w2 = (LD)v[2] + delta;
  if (u < 0) return w2 > 0 && logl(-u) + w1 / u <= 1 + logl(w2);
  return u == 0 && w1 >= 0 && w2 >= 0;
}
/* K_p (dual = 0) or K_p* (dual = 1), p in (0, 1) */
static int in_pow_k(const scs_float *v, double delta, double p, int dual) {
  LD x = (LD)v[0] + delta, y = (LD)v[1] + delta, q = 1 - (LD)p;
  LD z = fabsl((LD)v[2]);
  if (x < 0 || y < 0) return 0;
  if (z == 0) return 1;
  if (x == 0 || y == 0) return 0;
  if (dual) x /= p, y /= q;
  return p * logl(x) + q * logl(y) >= logl(z);
}
static int in_cone3(const Cone3 *c, const scs_float *v, double delta,
                    int dual) {
  if (c->kind == 2) return in_pow_k(v, delta, (double)c->p, dual);
  return (c->kind == 0) != dual ? in_exp_k(v, delta) : in_exp_dual_k(v, delta);
}

static const char *cone_name(const Cone3 *c) {
  static const char *names[] = {"exp", "exp dual", "power"};
  return names[c->kind];
}

/* All the checks on one point x, for K (dual = 0) and K* (dual = 1). */
static void check3(const Cone3 *c, const scs_float *x, const char *what) {
  double nx = norm_n(x, 3), eps = TOL * nx, eps_ref = TOL_REF * nx;
  for (int dual = 0; dual < 2; ++dual) {
    scs_float p[3], r[3], d[3], t[3];
    memcpy(p, x, sizeof(p));
    proj_new(c, p, dual);
    memcpy(r, x, sizeof(r));
    proj_ref(c, r, dual);
    cr_assert_leq(maxdiff_n(p, r, 3), eps_ref,
                  "%s (%s, p %.17g, dual %d): new (%.17g, %.17g, %.17g) vs "
                  "reference (%.17g, %.17g, %.17g), x = (%.17g, %.17g, %.17g)",
                  what, cone_name(c), (double)c->p, dual, (double)p[0],
                  (double)p[1], (double)p[2], (double)r[0], (double)r[1],
                  (double)r[2], (double)x[0], (double)x[1], (double)x[2]);
    cr_assert(in_cone3(c, p, eps, dual),
              "%s (%s, p %.17g, dual %d): (%.17g, %.17g, %.17g) not in the "
              "cone, x = (%.17g, %.17g, %.17g)", what, cone_name(c),
              (double)c->p, dual, (double)p[0], (double)p[1], (double)p[2],
              (double)x[0], (double)x[1], (double)x[2]);
    memcpy(t, p, sizeof(t));
    proj_new(c, t, dual);
    cr_assert_leq(maxdiff_n(t, p, 3), eps, "%s (%s, p %.17g, dual %d): not "
                  "idempotent, x = (%.17g, %.17g, %.17g)", what, cone_name(c),
                  (double)c->p, dual, (double)x[0], (double)x[1],
                  (double)x[2]);
    for (int i = 0; i < 3; ++i) d[i] = -x[i];
    proj_new(c, d, !dual); /* Pi_{K*}(-x) (or Pi_K(-x) for dual = 1) */
    for (int i = 0; i < 3; ++i)
      cr_assert_leq(fabs((double)x[i] - ((double)p[i] - (double)d[i])),
                    eps, "%s (%s, p %.17g, dual %d): Moreau fails in entry "
                    "%d, x = (%.17g, %.17g, %.17g)", what, cone_name(c),
                    (double)c->p, dual, i, (double)x[0], (double)x[1],
                    (double)x[2]);
    cr_assert_leq(fabs(dot_n(p, d, 3)), eps * nx, "%s (%s, p %.17g, dual "
                  "%d): parts not orthogonal, x = (%.17g, %.17g, %.17g)",
                  what, cone_name(c), (double)c->p, dual, (double)x[0],
                  (double)x[1], (double)x[2]);
  }
}

static void set3(scs_float *v, double a, double b, double c) {
  v[0] = (scs_float)a, v[1] = (scs_float)b, v[2] = (scs_float)c;
}

/* A random point of one of the hard families, at magnitude 10^U(-m, m). */
static void rand_exp_point(Rng *r, scs_float *v, int family) {
  double s = pow(10.0, MAG * rng_sym(r) * (family == 1 ? 1 : 0.02));
  double rho = 6 * rng_sym(r), y = s, e = rng_mag(r, -12, -1);
  switch (family) {
  case 0: /* gaussian at moderate scale */
  case 1: /* gaussian at any scale */
    set3(v, s * rng_gauss(r), s * rng_gauss(r), s * rng_gauss(r));
    break;
  case 2: /* every entry of its own magnitude and sign */
    set3(v, rng_mag(r, -MAG, MAG), rng_mag(r, -MAG, MAG),
         rng_mag(r, -MAG, MAG));
    break;
  case 3: /* near the boundary of K_exp: y (rho, 1, e^rho) plus a little of
           * the normal (1, 1 - rho, -e^-rho) and of noise */
    set3(v, y * rho + s * e * (1 + rng_sym(r)),
         y + s * e * (1 - rho + rng_sym(r)),
         y * exp(rho) - s * e * (exp(-rho) + rng_sym(r)));
    break;
  case 4: /* near the boundary of the polar cone: mu (1, 1 - rho, -e^-rho) */
    set3(v, y + s * e * rng_sym(r), y * (1 - rho) + s * e * rng_sym(r),
         -y * exp(-rho) + s * e * rng_sym(r));
    break;
  case 5: /* boundary point plus a large normal part (projection far out) */
    set3(v, y * rho + s * 1e3 * e, y + s * 1e3 * e * (1 - rho),
         y * exp(rho) - s * 1e3 * e * exp(-rho));
    break;
  default: /* near the origin */
    set3(v, rng_mag(r, -300, -250) * (SINGLE ? 0 : 1) + 1e-30 * rng_gauss(r),
         (SINGLE ? 1e-30 : 1e-290) * rng_gauss(r),
         (SINGLE ? 1e-30 : 1e-290) * rng_gauss(r));
  }
}

Test(cone_fast, exp_matches_reference) {
  Rng r = {20240611};
  char what[64];
  for (int fam = 0; fam < 7; ++fam)
    for (int i = 0; i < 4000; ++i) {
      scs_float v[3];
      rand_exp_point(&r, v, fam);
      snprintf(what, sizeof(what), "family %d point %d", fam, i);
      Cone3 c = {i % 2, 0};
      check3(&c, v, what);
    }
}

Test(cone_fast, exp_special_points) {
  const double pts[][3] = {
      {0, 0, 0},   {1, 0, 0},   {-1, 0, 0},  {0, 1, 0},  {0, -1, 0},
      {0, 0, 1},   {0, 0, -1},  {-1, -1, 1}, {-1, -1, -1}, {1, 1, 1},
      {1, 1, -1},  {-2, 1, 0.5}, {1, -1, -1}, {0, 1, 1}, {1, 0, 1},
      {1e-300, 1, 1}, {700, 1, 1}, {-700, 1, 1}, {1, 1e-300, 1},
      {1, 1, 1e300}, {-1e300, 1, 0}, {3, 2, exp(1.5) * 2}};
  for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); ++i)
    for (int s = -1; s <= 1; s += 2)
      for (int k = 0; k < 2; ++k) {
        scs_float v[3];
        set3(v, s * pts[i][0], s * pts[i][1], s * pts[i][2]);
        if (SINGLE && !(isfinite(v[0]) && isfinite(v[1]) && isfinite(v[2])))
          continue;
        Cone3 c = {k, 0};
        check3(&c, v, "special point");
      }
}

/* p near 0 and 1, moderate, and random */
static double pick_power(Rng *r, int i) {
  static const double ps[] = {1e-6, 1e-3, 0.01, 0.3, 0.5, 0.7,
                              0.99, 0.999, 1 - 1e-6};
  int np = (int)(sizeof(ps) / sizeof(ps[0]));
  if (i % (np + 1) == np) return 0.001 + 0.998 * rng_unif(r);
  double p = ps[i % (np + 1)];
  return SINGLE && (p < 1e-4 || p > 1 - 1e-4) ? 0.5 : p;
}

/* A random point for K_p of one of the hard families. */
static void rand_pow_point(Rng *r, scs_float *v, int family, double p) {
  double s = pow(10.0, MAG * rng_sym(r) * (family == 1 ? 1 : 0.02));
  double x = s * rng_unif(r), y = s * rng_unif(r), e = rng_mag(r, -12, -1);
  double z = pow(x, p) * pow(y, 1 - p); /* on the boundary */
  switch (family) {
  case 0:
  case 1:
    set3(v, s * rng_gauss(r), s * rng_gauss(r), s * rng_gauss(r));
    break;
  case 2:
    set3(v, rng_mag(r, -MAG, MAG), rng_mag(r, -MAG, MAG),
         rng_mag(r, -MAG, MAG));
    break;
  case 3: /* near the boundary of K_p */
    set3(v, x * (1 + e * rng_sym(r)), y * (1 + e * rng_sym(r)),
         (rng_unif(r) < 0.5 ? -1 : 1) * z * (1 + e * rng_sym(r)));
    break;
  case 4: /* near the boundary of the polar: -(p u, q w, z) with z = u^p w^q */
    set3(v, -p * x * (1 + e * rng_sym(r)), -(1 - p) * y * (1 + e * rng_sym(r)),
         (rng_unif(r) < 0.5 ? -1 : 1) * z * (1 + e * rng_sym(r)));
    break;
  case 5: /* mixed signs, z dominant */
    set3(v, s * rng_sym(r), s * rng_sym(r), s * 1e3 * rng_sym(r));
    break;
  default: /* near the origin */
    set3(v, (SINGLE ? 1e-30 : 1e-290) * rng_gauss(r),
         (SINGLE ? 1e-30 : 1e-290) * rng_gauss(r),
         (SINGLE ? 1e-30 : 1e-290) * rng_gauss(r));
  }
}

Test(cone_fast, power_matches_reference) {
  Rng r = {77};
  char what[64];
  for (int fam = 0; fam < 7; ++fam)
    for (int i = 0; i < 4000; ++i) {
      double p = pick_power(&r, i);
      scs_float v[3];
      rand_pow_point(&r, v, fam, p);
      snprintf(what, sizeof(what), "family %d point %d", fam, i);
      Cone3 c = {2, (scs_float)p};
      check3(&c, v, what);
    }
}

Test(cone_fast, power_special_points) {
  const double pts[][3] = {{0, 0, 0},  {1, 0, 0},   {0, 1, 0},  {0, 0, 1},
                           {1, 1, 0},  {-1, 1, 0},  {1, -1, 0}, {-1, -1, 0},
                           {1, 1, 1},  {1, 1, -1},  {-1, -1, 1}, {1, -1, 1},
                           {-1, 1, -1}, {0, 0, -1}, {1e-300, 1, 1},
                           {1, 1e300, 1}, {2, 3, 1e-300}};
  for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); ++i)
    for (int k = 0; k < 6; ++k) {
      const double ps[] = {1e-6, 0.2, 0.5, 0.8, 1 - 1e-6, 0.999};
      scs_float v[3];
      set3(v, pts[i][0], pts[i][1], pts[i][2]);
      if (SINGLE && !(isfinite(v[0]) && isfinite(v[1]) && isfinite(v[2])))
        continue;
      Cone3 c = {2, (scs_float)(SINGLE && k % 4 == 0 ? 0.5 : ps[k])};
      check3(&c, v, "special point");
    }
}

/* ==== the box cone ========================================================= */

#define BOX_MAX 4001

typedef struct {
  scs_int len; /* 1 + n */
  scs_float bl[BOX_MAX], bu[BOX_MAX];
} Box;

/* Bounds of one of the families: 0 bl < 0 < bu, 1 positive, 2 negative,
 * 3 anything (equal bounds, zeros, infinities, wide scales). */
static void rand_box(Rng *r, Box *b, scs_int n, int family) {
  b->len = n + 1;
  for (scs_int i = 0; i < n; ++i) {
    double lo, hi;
    switch (family) {
    case 0: lo = -rng_unif(r), hi = rng_unif(r); break;
    case 1: lo = rng_unif(r), hi = lo + rng_unif(r); break;
    case 2: hi = -rng_unif(r), lo = hi - rng_unif(r); break;
    default: {
      double a = rng_mag(r, -6, 6), c = rng_mag(r, -6, 6);
      lo = fmin(a, c), hi = fmax(a, c);
      int k = (int)(rng_next(r) % 8);
      if (k == 0) hi = lo;
      if (k == 1) lo = 0, hi = fmax(hi, 0);
      if (k == 2) hi = 0, lo = fmin(lo, 0);
      if (k == 3) lo = 0, hi = 0;
    }
    }
    if (rng_unif(r) < 0.15) lo = -INFINITY;
    if (rng_unif(r) < 0.15) hi = INFINITY;
    b->bl[i] = (scs_float)lo, b->bu[i] = (scs_float)hi;
  }
}

static void rand_box_point(Rng *r, const Box *b, scs_float *v, int kind) {
  double s = pow(10.0, (SINGLE ? 3 : 8) * rng_sym(r));
  v[0] = (scs_float)(s * rng_gauss(r));
  if (kind == 1) v[0] = (scs_float)(s * 1e-12 * rng_sym(r)); /* t near 0 */
  if (kind == 2) v[0] = 0;
  for (scs_int i = 1; i < b->len; ++i) {
    double w = kind == 3 ? rng_mag(r, -6, 6) : rng_gauss(r);
    v[i] = (scs_float)(s * (1 + (kind == 0 ? 10 * rng_unif(r) : 0)) * w);
  }
  if (kind == 4) { /* a point of the cone: unchanged */
    double t = s * rng_unif(r);
    v[0] = (scs_float)t;
    for (scs_int i = 1; i < b->len; ++i) {
      double lo = b->bl[i - 1], hi = b->bu[i - 1];
      double c = isfinite(lo) && isfinite(hi) ? lo + (hi - lo) * rng_unif(r)
                 : isfinite(lo)               ? lo + rng_unif(r)
                 : isfinite(hi)               ? hi - rng_unif(r)
                                              : rng_sym(r);
      v[i] = (scs_float)(t * c);
      if (isfinite(lo) && v[i] < t * lo) v[i] = (scs_float)(t * lo);
      if (isfinite(hi) && v[i] > t * hi) v[i] = (scs_float)(t * hi);
    }
  }
}

static double box_bmax(const Box *b) {
  double m = 1;
  for (scs_int i = 0; i + 1 < b->len; ++i) {
    if (isfinite(b->bl[i])) m = fmax(m, fabs((double)b->bl[i]));
    if (isfinite(b->bu[i])) m = fmax(m, fabs((double)b->bu[i]));
  }
  return m;
}

/* p in K_box to eps (relative slack eps |b| on the bounds). */
static int in_box(const Box *b, const scs_float *p, double eps) {
  if (!(p[0] >= -eps)) return 0;
  for (scs_int i = 1; i < b->len; ++i) {
    double lo = b->bl[i - 1], hi = b->bu[i - 1], t = p[0];
    if (isfinite(lo) && !(p[i] >= t * lo - eps * (1 + fabs(lo)))) return 0;
    if (isfinite(hi) && !(p[i] <= t * hi + eps * (1 + fabs(hi)))) return 0;
  }
  return 1;
}

/* y in K_box*: y_t + sum_i min_{c in [bl_i, bu_i]} y_i c >= -eps. */
static int in_box_dual(const Box *b, const scs_float *y, double eps,
                       double ny) {
  LD h = y[0];
  for (scs_int i = 1; i < b->len; ++i) {
    double lo = b->bl[i - 1], hi = b->bu[i - 1], yi = y[i];
    if (yi > 0) {
      if (!isfinite(lo)) {
        if (yi > eps) return 0;
        continue;
      }
      h += (LD)yi * lo;
    } else if (yi < 0) {
      if (!isfinite(hi)) {
        if (-yi > eps) return 0;
        continue;
      }
      h += (LD)yi * hi;
    }
  }
  return h >= -eps * (1 + ny);
}

static scs_float g_work[2 * BOX_MAX + 2];

static void check_box(const Box *b, const scs_float *x, const char *what) {
  static scs_float p[BOX_MAX], r[BOX_MAX], t[BOX_MAX], y[BOX_MAX];
  scs_int len = b->len;
  double nx = norm_n(x, len), bm = box_bmax(b);
  double eps = TOL * nx * bm, eps_ref = TOL_REF * nx * bm;
  memcpy(p, x, sizeof(scs_float) * (size_t)len);
  memset(g_work, 0xff, sizeof(g_work)); /* garbage: must not matter */
  scs_proj_box(p, len, b->bl, b->bu, g_work);
  memcpy(r, x, sizeof(scs_float) * (size_t)len);
  ref_proj_box(r, len, b->bl, b->bu, g_work);
  cr_assert_leq(maxdiff_n(p, r, len), eps_ref, "%s (n %d): new t %.17g vs "
                "reference %.17g, max difference %g", what, (int)(len - 1),
                (double)p[0], (double)r[0], maxdiff_n(p, r, len));
  cr_assert(in_box(b, p, eps), "%s: (t, s_1) = (%.17g, %.17g) not in the "
            "box cone, bounds (%g, %g), x = (%.17g, %.17g)", what,
            (double)p[0], (double)p[1], (double)b->bl[0], (double)b->bu[0],
            (double)x[0], (double)x[1]);
  memcpy(t, p, sizeof(scs_float) * (size_t)len);
  scs_proj_box(t, len, b->bl, b->bu, g_work);
  cr_assert_leq(maxdiff_n(t, p, len), eps, "%s: not idempotent", what);
  /* x - p in the polar cone, i.e. y = p - x in K*, and <p, y> = 0 */
  for (scs_int i = 0; i < len; ++i) y[i] = (scs_float)((double)p[i] - x[i]);
  double ny = norm_n(y, len);
  cr_assert(in_box_dual(b, y, eps, ny), "%s: p - x not in the dual cone",
            what);
  cr_assert_leq(fabs(dot_n(p, y, len)), eps * nx, "%s: not orthogonal",
                what);
}

Test(cone_fast, box_matches_reference) {
  static Box b;
  static scs_float x[BOX_MAX];
  Rng r = {99};
  const scs_int sizes[] = {1, 2, 3, 5, 10, 40, 300, 4000};
  char what[96];
  for (int si = 0; si < 8; ++si)
    for (int fam = 0; fam < 4; ++fam) {
      int reps = sizes[si] >= 300 ? 6 : 150;
      for (int rep = 0; rep < reps; ++rep) {
        rand_box(&r, &b, sizes[si], fam);
        for (int kind = 0; kind < 5; ++kind) {
          rand_box_point(&r, &b, x, kind);
          snprintf(what, sizeof(what), "bounds %d point %d size %d rep %d",
                   fam, kind, (int)sizes[si], rep);
          check_box(&b, x, what);
        }
      }
    }
}

/* Many equal breakpoints and bounds that all switch at one t: the root sits
 * exactly on a kink. */
Test(cone_fast, box_ties) {
  static Box b;
  static scs_float x[BOX_MAX];
  Rng r = {5};
  for (int rep = 0; rep < 200; ++rep) {
    scs_int n = 1 + (scs_int)(rng_next(&r) % 200);
    b.len = n + 1;
    double s = rng_mag(&r, -3, 3), c = rng_unif(&r) + 0.5;
    x[0] = (scs_float)(s * rng_sym(&r));
    for (scs_int i = 0; i < n; ++i) {
      b.bl[i] = (scs_float)(rep % 3 == 0 ? c : -c);
      b.bu[i] = (scs_float)(rep % 3 == 1 ? -c / 2 + c : c);
      if (b.bu[i] < b.bl[i]) b.bu[i] = b.bl[i];
      x[i + 1] = (scs_float)(s * (rng_next(&r) % 3) * (rep % 2 ? 1 : -1));
    }
    check_box(&b, x, "ties");
  }
}

/* The unbounded cone R_+ x R^n, and bounds 0: closed forms. */
Test(cone_fast, box_closed_forms) {
  static Box b;
  scs_float x[4] = {-2, 5, -7, 1}, want[4] = {0, 5, -7, 1};
  b.len = 4;
  for (int i = 0; i < 3; ++i) b.bl[i] = -INFINITY, b.bu[i] = INFINITY;
  scs_proj_box(x, 4, b.bl, b.bu, g_work);
  for (int i = 0; i < 4; ++i) cr_assert_eq(x[i], want[i], "entry %d", i);
  /* bl = bu = 0: t = max(t0, 0), s = 0 */
  scs_float y[4] = {3, 5, -7, 1};
  for (int i = 0; i < 3; ++i) b.bl[i] = b.bu[i] = 0;
  scs_proj_box(y, 4, b.bl, b.bu, g_work);
  cr_assert_eq(y[0], 3);
  for (int i = 1; i < 4; ++i) cr_assert_eq(y[i], 0, "entry %d", i);
  /* bl = bu = 1, one coordinate: (3, 1) -> (2, 2) */
  scs_float z[2] = {3, 1};
  b.len = 2, b.bl[0] = b.bu[0] = 1;
  scs_proj_box(z, 2, b.bl, b.bu, g_work);
  cr_assert_float_eq(z[0], 2, TOL);
  cr_assert_float_eq(z[1], 2, TOL);
}

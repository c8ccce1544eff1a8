/*
 * Projection onto the exponential cone
 *   K = cl{(x, y, z) : y > 0, y e^(x/y) <= z}
 *     = {y > 0, y e^(x/y) <= z} u {(x, 0, z) : x <= 0, z >= 0}
 * and, by Moreau, onto its dual K* = {(u, v, w) : u < 0, -u e^(v/u) <= e w}
 * u {(0, v, w) : v, w >= 0}. The polar cone is
 *   K° = -K* = {x > 0, x e^(y/x) <= -e z} u {(0, y, z) : y, z <= 0}.
 *
 * Method: H. Friberg, "Projection onto the exponential cone: a univariate
 * root-finding problem", Optim. Methods Softw. 38(3), 2023 (arXiv
 * 2101.04000). Write v0 = (x0, y0, z0) and p = Pi_K(v0).
 *
 * Easy cases: v0 in K (p = v0), v0 in K° (p = 0), and x0 <= 0, y0 <= 0
 * (p = (x0, 0, max(z0, 0)), the projection onto the face y = 0; then
 * v0 - p = (0, y0, min(z0, 0)) is in K° and orthogonal to p).
 *
 * Otherwise p lies on the smooth boundary, p = y (rho, 1, e^rho) with y > 0,
 * and v0 - p is on the boundary of K° orthogonal to it,
 * v0 - p = mu (1, 1 - rho, -e^-rho) with mu > 0. Solving the first two
 * coordinates of v0 = p + (v0 - p) gives, with q(rho) = rho^2 - rho + 1 > 0,
 *   y = ((rho - 1) x0 + y0) / q,   mu = (x0 - rho y0) / q,           (1)
 * and the third one is Friberg's univariate equation
 *   h(rho) = ((rho - 1) x0 + y0) e^rho - (x0 - rho y0) e^-rho - q z0 = 0.
 * The projection is unique, so h has exactly one root in the interval
 * I = {rho : y > 0, mu > 0} of (1), with h < 0 to its left and h > 0 to its
 * right (at the finite ends of I the signs of h are those of the in-K and
 * in-K° tests that failed). exp_bracket gives finite ends; the root is
 * found by safeguarded Newton on h e^-|rho| (same sign, never overflows).
 *
 * As in the paper, the answer is the best of several feasible candidates:
 * the point of the ray through (rho, 1, e^rho) nearest v0 (exact for the
 * exact root, and well conditioned in rho), and the closed-form heuristic
 * points (x0, y0, y0 e^(x0/y0)) (raise z), (min(x0, 0), 0, max(z0, 0)) (the
 * face y = 0) and v0 - (x0, y0, -x0 e^(y0/x0 - 1)) = (0, 0, z0 + ...) (the
 * complement of a polar point), which are near-optimal where p is near the
 * face y = 0 or the ray computation loses accuracy (|rho| huge). A heuristic
 * replaces the ray point only when it is closer to v0 by more than rounding,
 * so ties (both within rounding of the optimum) keep the ray point, whose
 * residual v0 - p is the accurate one.
 *
 * Inputs are scaled by a power of two first (Pi_K(c v) = c Pi_K(v), c > 0).
 */
#include <float.h>

#include "expow.h"

/* relative margin by which a heuristic must beat the ray point (squared
 * distances; rounding in them is a few DBL_EPSILON) */
#define EXP_TIE_MARGIN (64 * DBL_EPSILON)
/* exp(t) is finite for t below this */
#define EXP_ARG_MAX 700.0

/* The point, and two exponentials computed at most once per projection:
 * the membership tests and the heuristic candidates share them. */
typedef struct {
  double x, y, z;
  double lift;  /* y e^(x/y): NAN until computed, INFINITY if not usable */
  double plift; /* x e^(y/x - 1): the same */
} ExpPt;

static void exp_set(ExpPt *v, const double p[3]) {
  v->x = p[0], v->y = p[1], v->z = p[2];
  v->lift = v->plift = NAN;
}

/* y e^(x/y), the z of the boundary point above (x, y), for y > 0 and
 * x/y < EXP_ARG_MAX; else INFINITY. */
static double exp_lift(ExpPt *v) {
  if (isnan(v->lift))
    v->lift = v->y > 0 && v->x / v->y < EXP_ARG_MAX
                  ? v->y * exp(v->x / v->y) : INFINITY;
  return v->lift;
}

/* x e^(y/x - 1), minus the z of the polar boundary point below (x, y),
 * for x > 0 and y/x - 1 < EXP_ARG_MAX; else INFINITY. */
static double exp_plift(ExpPt *v) {
  if (isnan(v->plift))
    v->plift = v->x > 0 && v->y / v->x - 1 < EXP_ARG_MAX
                   ? v->x * exp(v->y / v->x - 1) : INFINITY;
  return v->plift;
}

/* ---- membership ---------------------------------------------------------- */

/* v in K: y e^(x/y) <= z (compared in logs where e^(x/y) would overflow) or
 * x <= 0 = y <= z. */
static int exp_in_cone(ExpPt *v) {
  if (v->y > 0) {
    if (v->z <= 0) return 0;
    double l = exp_lift(v);
    return l < INFINITY ? l <= v->z : log(v->y) + v->x / v->y <= log(v->z);
  }
  return v->y == 0 && v->x <= 0 && v->z >= 0;
}

/* v in K°: x e^(y/x - 1) <= -z, or x = 0 >= y, z. */
static int exp_in_polar(ExpPt *v) {
  if (v->x > 0) {
    if (v->z >= 0) return 0;
    double l = exp_plift(v);
    return l < INFINITY ? l <= -v->z
                        : log(v->x) + (v->y / v->x - 1) <= log(-v->z);
  }
  return v->x == 0 && v->y <= 0 && v->z <= 0;
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
static void exp_proj_general(ExpPt *v, double out[3]) {
  double lo, hi;
  exp_bracket(v, &lo, &hi);
  double rho = scs_expow_root(exp_h, v, lo, hi, exp_start(v, lo, hi),
                              4 * DBL_EPSILON, 4 * DBL_EPSILON);
  double cand[3];
  exp_ray_point(v, rho, out);
  double best_d2 = exp_dist2(v, out);
  if (!isfinite(best_d2)) best_d2 = INFINITY;
  /* the face y = 0 */
  cand[0] = fmin(v->x, 0), cand[1] = 0, cand[2] = fmax(v->z, 0);
  exp_consider(v, cand, out, &best_d2);
  /* raise z onto the boundary above v0 */
  if (exp_lift(v) < INFINITY) {
    cand[0] = v->x, cand[1] = v->y, cand[2] = v->lift;
    exp_consider(v, cand, out, &best_d2);
  }
  /* v0 minus the polar point (x0, y0, -x0 e^(y0/x0 - 1)) */
  if (exp_plift(v) < INFINITY) {
    cand[0] = 0, cand[1] = 0, cand[2] = v->z + v->plift;
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
  int e = scs_expow_scale(v);
  ExpPt p;
  exp_set(&p, v);
  if (exp_in_cone(&p)) {
    v[0] = v0[0], v[1] = v0[1], v[2] = v0[2];
    return;
  }
  scs_expow_flush(v);
  if (v[0] != p.x || v[1] != p.y || v[2] != p.z) { /* the flush changed v */
    exp_set(&p, v);
    if (exp_in_cone(&p)) goto unscale;
  }
  if (exp_in_polar(&p)) {
    v[0] = v[1] = v[2] = 0;
    return;
  }
  if (v[0] <= 0 && v[1] <= 0) { /* the face y = 0 */
    v[1] = 0;
    v[2] = fmax(v[2], 0);
  } else {
    exp_proj_general(&p, v);
  }
unscale:
  scs_expow_ldexp3(v, e);
}

void scs_proj_exp(scs_float *v) {
  double d[3] = {v[0], v[1], v[2]};
  exp_proj_d(d);
  for (int i = 0; i < 3; ++i) v[i] = (scs_float)d[i];
}

/* Pi_{K*}(v) = v + Pi_K(-v) (Moreau, with K° = -K*). */
void scs_proj_exp_dual(scs_float *v) {
  double d[3] = {-(double)v[0], -(double)v[1], -(double)v[2]};
  exp_proj_d(d);
  for (int i = 0; i < 3; ++i) v[i] = (scs_float)((double)v[i] + d[i]);
}

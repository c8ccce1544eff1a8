/*
 * Projection onto the power cone
 *   K_p = {(x, y, z) : x, y >= 0, x^p y^q >= |z|},   p in (0, 1), q = 1 - p,
 * and, by Moreau, onto its dual
 *   K_p* = {(u, v, w) : u, v >= 0, (u/p)^p (v/q)^q >= |w|},
 * which SCS 3.2 denotes by a negative p. The polar cone is K° = -K_p*.
 *
 * Method: L. T. K. Hien, "Differential properties of Euclidean projection
 * onto power cone", Math. Methods Oper. Res. 82, 2015. Write v0 = (x0, y0,
 * z0) and P = (x, y, z) = Pi_K(v0).
 *
 * Easy cases: v0 in K (P = v0); v0 in K° (P = 0); z0 = 0 (P = (x0+, y0+,
 * 0): then v0 - P = (x0-, y0-, 0) is in K° and orthogonal to P).
 *
 * Otherwise P is on the boundary with x, y > 0 and z = sign(z0) r,
 * 0 < r < |z0|. The KKT conditions of min |P - v0|^2 s.t. x^p y^q >= r,
 * with multiplier |z0| - r > 0 (from the z row), give for each of x and y
 * (a0 = x0 or y0, weight al = p or q)
 *   a^2 - a0 a - al r (|z0| - r) = 0,  so  a(r) = (a0 + S) / 2,
 *   S = sqrt(a0^2 + 4 al r (|z0| - r)),
 * computed as 2 al r (|z0| - r) / (S - a0) when a0 <= 0 (no cancellation),
 * and r is the unique root in (0, |z0|) of Hien's scalar equation
 *   Phi(r) = x(r)^p y(r)^q - r = 0.
 * We solve it in logs, F = log r - p log x(r) - q log y(r) = 0, as a
 * function of the logit t = log(r / (|z0| - r)), by safeguarded Newton:
 * F < 0 as t -> -inf (F -> -inf, or -> gp < 0 of pow_setup when x0, y0 <
 * 0, v0 not in K°) and F > 0 as t -> +inf (v0 not in K). In t both r and
 * |z0| - r keep full relative accuracy, F is asymptotically linear at both
 * ends, and roots of any size, down to underflow, take a few steps; roots
 * beyond |t| = 800 give r = 0 or r = |z0| to double precision.
 *
 * Inputs are scaled by a power of two first (Pi_K(c v) = c Pi_K(v), c > 0).
 */
#include <float.h>

#include "expow.h"

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
  double t = scs_expow_root(pow_f, v, -POW_T_MAX, POW_T_MAX, pow_start(v),
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
  int e = scs_expow_scale(v);
  memcpy(s, v, sizeof(s));
  scs_expow_flush(v);
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
  scs_expow_ldexp3(v, e);
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

void scs_proj_power(scs_float *v, scs_float p_in) {
  double p = p_in, ap = fabs(p);
  double d[3] = {v[0], v[1], v[2]};
  if (!isfinite(d[0]) || !isfinite(d[1]) || !isfinite(d[2]) || !(ap <= 1)) {
    v[0] = v[1] = v[2] = (scs_float)NAN;
    return;
  }
  if (ap == 1 || ap < SCS_POW_P_TINY) {
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

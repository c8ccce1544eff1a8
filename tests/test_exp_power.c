/*
 * Tests for the exponential and power cone projections (src/cones/exp.c,
 * src/cones/power.c) and their duals.
 *
 * For a closed convex cone K with dual K* and polar K° = -K*, p = Pi_K(x)
 * is characterised by p in K, x - p in K°, <x - p, p> = 0; equivalently
 * Moreau's decomposition x = Pi_K(x) - Pi_{K*}(-x) with orthogonal parts.
 * Every point is checked for: Pi_K(x) in K and Pi_{K*}(-x) in K* (to TOL
 * |x|, by pushing the point TOL |x| along an interior direction), both
 * idempotent, x = Pi_K(x) - Pi_{K*}(-x), <Pi_K(x), Pi_{K*}(-x)> = 0 (to TOL
 * |x|^2), and the same with K and K* swapped. On top: closed-form answers
 * (points built from a boundary point plus a normal vector), an independent
 * brute-force reference (the best point over a fine grid of boundary rays,
 * refined by golden section in long double: no feasible point may be closer
 * than ours), the degenerate powers and non-finite input.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cones/expow.h"

/* precision-relative tolerances and magnitudes that stay representable */
#define SINGLE (sizeof(scs_float) == sizeof(float))
#define TOL (SINGLE ? 1e-5 : 1e-9)
#define TOL_POS (SINGLE ? 1e-3 : 1e-6) /* vs the brute-force reference */
#define BIG (SINGLE ? 1e15 : 1e150)
#define SMALL (SINGLE ? 1e-15 : 1e-150)
#define EULER 2.71828182845904523536L

typedef long double LD;

/* ---- deterministic PRNG (splitmix64) ------------------------------------- */

#include "rng.h"
static double rng_sym(Rng *r) { return 2 * rng_unif(r) - 1; }
static int rng_int(Rng *r, int n) { return (int)(rng_next(r) % (uint64_t)n); }
static double rng_sign(Rng *r) { return rng_int(r, 2) ? 1 : -1; }
/* 10^U(lo, hi) */
static double rng_mag(Rng *r, double lo, double hi) {
  return pow(10.0, lo + (hi - lo) * rng_unif(r));
}

/* ---- the four cones ------------------------------------------------------ */

typedef enum { K_EXP, K_EXP_DUAL, K_POW, K_POW_DUAL } Kind;

typedef struct {
  Kind kind;
  scs_float p; /* power cones: a in (0, 1) */
} Cone;

static const char *kind_name(Kind k) {
  static const char *names[] = {"exp", "exp dual", "power", "power dual"};
  return names[k];
}

/* v <- Pi_K(v) (dual = 0) or Pi_{K*}(v) (dual = 1) */
static void project(const Cone *c, scs_float *v, int dual) {
  int prim = (c->kind == K_EXP || c->kind == K_POW) != dual;
  if (c->kind == K_EXP || c->kind == K_EXP_DUAL) {
    if (prim) scs_proj_exp(v);
    else scs_proj_exp_dual(v);
  } else {
    scs_proj_power(v, prim ? c->p : -c->p);
  }
}

/* Membership of v + delta d in the closed cone, d an interior direction:
 * (-1, 1, 1) for K_exp and K_exp*, (1, 1, 0) for K_p and K_p*. Certifies
 * dist(v, cone) <= |d| delta, and holds when dist(v, cone) is below about
 * delta / 4. Exact tests in long double. */
static int in_exp(const scs_float *v, double delta) {
  LD x = (LD)v[0] - delta, y = (LD)v[1] + delta, z = (LD)v[2] + delta;
  if (y > 0) return y * expl(x / y) <= z;
  return y == 0 && x <= 0 && z >= 0;
}
static int in_exp_dual(const scs_float *v, double delta) {
  LD u = (LD)v[0] - delta, w1 = (LD)v[1] + delta, w2 = (LD)v[2] + delta;
  if (u < 0) return -u * expl(w1 / u) <= EULER * w2;
  return u == 0 && w1 >= 0 && w2 >= 0;
}
/* (x/sx)^p (y/sy)^q >= |z| with x, y >= 0 (sx = sy = 1 for K_p, p and q
 * for K_p*) */
static int in_pow(const scs_float *v, double delta, double p, int dual) {
  LD x = (LD)v[0] + delta, y = (LD)v[1] + delta, q = 1 - (LD)p;
  if (x < 0 || y < 0) return 0;
  if (dual) x /= p, y /= q;
  return powl(x, p) * powl(y, q) >= fabsl((LD)v[2]);
}
static int in_cone(const Cone *c, const scs_float *v, double delta, int dual) {
  switch (c->kind) {
  case K_EXP: return dual ? in_exp_dual(v, delta) : in_exp(v, delta);
  case K_EXP_DUAL: return dual ? in_exp(v, delta) : in_exp_dual(v, delta);
  case K_POW: return in_pow(v, delta, c->p, dual);
  default: return in_pow(v, delta, c->p, !dual);
  }
}

/* ---- helpers ------------------------------------------------------------- */

/* norms and inner products in long double: entries up to BIG * 1e8 would
 * overflow their squares in double */
static double dnorm3(const scs_float *v) {
  LD s = 0;
  for (int i = 0; i < 3; ++i) s += (LD)v[i] * (LD)v[i];
  return (double)sqrtl(s);
}
static double ddot3(const scs_float *a, const scs_float *b) {
  LD s = 0;
  for (int i = 0; i < 3; ++i) s += (LD)a[i] * (LD)b[i];
  return (double)s;
}
static double dmaxdiff3(const scs_float *a, const scs_float *b) {
  double m = 0;
  for (int i = 0; i < 3; ++i) m = fmax(m, fabs((double)a[i] - (double)b[i]));
  return m;
}
static void set3(scs_float *v, double a, double b, double c) {
  v[0] = (scs_float)a, v[1] = (scs_float)b, v[2] = (scs_float)c;
}

/* ---- the property check -------------------------------------------------- */

/* p = Pi_K(x), d = Pi_{K*}(-x): memberships, idempotence, Moreau,
 * orthogonality, then the same with K and K* swapped. */
static void check_point(const Cone *c, const scs_float *x, const char *what) {
  double nx = dnorm3(x), eps = TOL * nx;
  for (int dual = 0; dual < 2; ++dual) {
    scs_float p[3], d[3], t[3];
    memcpy(p, x, sizeof(p));
    project(c, p, dual);
    for (int i = 0; i < 3; ++i) d[i] = -x[i];
    project(c, d, !dual);
    cr_assert(in_cone(c, p, eps, dual), "%s (%s, p %g, dual %d): Pi(x) = "
              "(%.17g, %.17g, %.17g) not in the cone, x = (%.17g, %.17g, "
              "%.17g)", what, kind_name(c->kind), (double)c->p, dual,
              (double)p[0], (double)p[1], (double)p[2], (double)x[0],
              (double)x[1], (double)x[2]);
    cr_assert(in_cone(c, d, eps, !dual), "%s (%s, p %g, dual %d): Pi*(-x) = "
              "(%.17g, %.17g, %.17g) not in the dual cone, x = (%.17g, "
              "%.17g, %.17g)", what, kind_name(c->kind), (double)c->p, dual,
              (double)d[0], (double)d[1], (double)d[2], (double)x[0],
              (double)x[1], (double)x[2]);
    memcpy(t, p, sizeof(t));
    project(c, t, dual);
    cr_assert_leq(dmaxdiff3(t, p), eps, "%s (%s, p %g, dual %d): Pi not "
                  "idempotent: (%.17g, %.17g, %.17g) -> (%.17g, %.17g, %.17g)",
                  what, kind_name(c->kind), (double)c->p, dual, (double)p[0],
                  (double)p[1], (double)p[2], (double)t[0], (double)t[1],
                  (double)t[2]);
    memcpy(t, d, sizeof(t));
    project(c, t, !dual);
    cr_assert_leq(dmaxdiff3(t, d), eps, "%s (%s, p %g, dual %d): Pi* not "
                  "idempotent: (%.17g, %.17g, %.17g) -> (%.17g, %.17g, %.17g)",
                  what, kind_name(c->kind), (double)c->p, dual, (double)d[0],
                  (double)d[1], (double)d[2], (double)t[0], (double)t[1],
                  (double)t[2]);
    for (int i = 0; i < 3; ++i) t[i] = (scs_float)((double)p[i] - d[i]);
    cr_assert_leq(dmaxdiff3(t, x), eps, "%s: x != Pi(x) - Pi*(-x)", what);
    cr_assert_leq(fabs(ddot3(p, d)), eps * nx,
                  "%s (%s, p %g, dual %d): <Pi(x), Pi*(-x)> = %g, |x| = %g, "
                  "x = (%.17g, %.17g, %.17g)", what, kind_name(c->kind),
                  (double)c->p, dual, ddot3(p, d), nx, (double)x[0],
                  (double)x[1], (double)x[2]);
  }
}

/* ---- random and adversarial points --------------------------------------- */

/* A random point of one of several shapes: componentwise N-like entries at
 * one random magnitude in 1e-8..1e8 (or BIG / SMALL), entries of
 * independent magnitudes 1e-8..1e8, or with some entries exactly 0. */
static void rand_point(Rng *r, scs_float *x) {
  double scale;
  switch (rng_int(r, 8)) {
  case 0: scale = BIG; break;
  case 1: scale = SMALL; break;
  case 2: scale = 1; break;
  default: scale = rng_mag(r, -8, 8); break;
  }
  int shape = rng_int(r, 4);
  for (int i = 0; i < 3; ++i) {
    double e = shape == 1 ? rng_sign(r) * rng_mag(r, -8, 8) : rng_sym(r);
    if (shape == 2 && rng_int(r, 3) == 0) e = 0;
    x[i] = (scs_float)(scale * e);
  }
}

/* Random points, then each projected onto K and onto K* and negated: points
 * on the boundaries and in the polar cones. */
static void run_random(const Cone *c, Rng *r, int n) {
  char what[64];
  scs_float x[3];
  for (int j = 0; j < n; ++j) {
    rand_point(r, x);
    int shape = rng_int(r, 5);
    if (shape == 1) project(c, x, 0); /* on the boundary of K */
    if (shape == 2) {                 /* in K° */
      project(c, x, 1);
      for (int i = 0; i < 3; ++i) x[i] = -x[i];
    }
    snprintf(what, sizeof(what), "random point %d", j);
    check_point(c, x, what);
  }
}

/* Sign and magnitude patterns: every entry from {0, +-SMALL, +-1e-8, +-1,
 * +-1e8, +-BIG}, all 11^3 combinations. */
static void run_patterns(const Cone *c) {
  const double vals[] = {0, SMALL, -SMALL, 1e-8, -1e-8, 1, -1, 1e8, -1e8,
                         BIG, -BIG};
  const int nv = (int)(sizeof(vals) / sizeof(vals[0]));
  char what[64];
  scs_float x[3];
  for (int a = 0; a < nv; ++a)
    for (int b = 0; b < nv; ++b)
      for (int d = 0; d < nv; ++d) {
        set3(x, vals[a], vals[b], vals[d]);
        snprintf(what, sizeof(what), "pattern (%g, %g, %g)", vals[a], vals[b],
                 vals[d]);
        check_point(c, x, what);
      }
}

/* ---- brute-force reference ----------------------------------------------- */

/* Unit direction of the boundary ray with parameter s (and sign sg of the
 * last entry for the power cones), written so nothing overflows:
 *  K_exp:  (rho, 1, e^rho), rho = sinh(s);
 *  K_exp*: (-1, -l, e^(l - 1)), l = sinh(s) (-u e^(v/u) = e w);
 *  K_p:    (1, e^s, sg e^(q s));  K_p*: (1, e^s, sg e^(q s - H)),
 *          H = p log p + q log q. */
static void ray_dir(const Cone *c, int dual, LD s, int sg, LD a[3]) {
  Kind k = c->kind;
  if (dual) k = k == K_EXP ? K_EXP_DUAL : k == K_EXP_DUAL ? K_EXP
              : k == K_POW ? K_POW_DUAL : K_POW;
  LD p = c->p, q = 1 - p;
  if (k == K_EXP) {
    LD rho = sinhl(s);
    if (rho >= 0) a[0] = rho * expl(-rho), a[1] = expl(-rho), a[2] = 1;
    else a[0] = rho, a[1] = 1, a[2] = expl(rho);
  } else if (k == K_EXP_DUAL) {
    LD l = sinhl(s);
    if (l >= 1) a[0] = -expl(1 - l), a[1] = -l * expl(1 - l), a[2] = 1;
    else a[0] = -1, a[1] = -l, a[2] = expl(l - 1);
  } else {
    LD h = k == K_POW ? 0 : p * logl(p) + q * logl(q);
    if (s >= 0) a[0] = expl(-s), a[1] = 1, a[2] = sg * expl(-p * s - h);
    else a[0] = 1, a[1] = expl(s), a[2] = sg * expl(q * s - h);
  }
  LD n = sqrtl(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  for (int i = 0; i < 3; ++i) a[i] /= n;
}

static LD ray_gain(const Cone *c, int dual, const LD x[3], LD s, int sg) {
  LD a[3];
  ray_dir(c, dual, s, sg, a);
  return x[0] * a[0] + x[1] * a[1] + x[2] * a[2];
}

/* Nearest point of the cone's boundary rays to x (a feasible point),
 * including the exponential cones' flat faces and the origin. */
static void brute_force(const Cone *c, int dual, const scs_float *xf,
                        LD out[3]) {
  LD x[3] = {xf[0], xf[1], xf[2]};
  int is_exp = c->kind == K_EXP || c->kind == K_EXP_DUAL;
  int sg = x[2] >= 0 ? 1 : -1;
  /* a fine grid near 0 and a coarse one far out (the power cones' rays
   * reach x / y = e^-5000: with p = 0.001 the answer can be that flat) */
  LD wide = is_exp ? 50 : 5000, best = -1, bs = 0, h = 0;
  for (int grid = 0; grid < 2; ++grid) {
    LD smax = grid == 0 ? 50 : wide, step = 2 * smax / 2000;
    for (int i = 0; i <= 2000; ++i) {
      LD g = ray_gain(c, dual, x, -smax + step * i, sg);
      if (g > best) best = g, bs = -smax + step * i, h = step;
    }
  }
  LD lo = bs - h, hi = bs + h, gr = 0.61803398874989484820L;
  for (int it = 0; it < 100; ++it) { /* golden section on [lo, hi] */
    LD m1 = hi - gr * (hi - lo), m2 = lo + gr * (hi - lo);
    if (ray_gain(c, dual, x, m1, sg) < ray_gain(c, dual, x, m2, sg)) lo = m1;
    else hi = m2;
  }
  LD a[3], s = (lo + hi) / 2, g = ray_gain(c, dual, x, s, sg);
  ray_dir(c, dual, s, sg, a);
  for (int i = 0; i < 3; ++i) out[i] = g > 0 ? g * a[i] : 0;
  if (!is_exp) { /* the limit rays (1, 0, 0) and (0, 1, 0) */
    for (int axis = 0; axis < 2; ++axis) {
      LD f[3] = {0, 0, 0}, df = 0, dr = 0;
      f[axis] = fmaxl(x[axis], 0);
      for (int i = 0; i < 3; ++i) {
        df += (x[i] - f[i]) * (x[i] - f[i]);
        dr += (x[i] - out[i]) * (x[i] - out[i]);
      }
      if (df < dr) memcpy(out, f, sizeof(f));
    }
    return;
  }
  /* the flat face: {(x, 0, z): x <= 0 <= z} for K_exp, {(0, v, w): v, w >= 0}
   * for K_exp* */
  int prim = (c->kind == K_EXP) != dual;
  LD f[3];
  if (prim) f[0] = fminl(x[0], 0), f[1] = 0, f[2] = fmaxl(x[2], 0);
  else f[0] = 0, f[1] = fmaxl(x[1], 0), f[2] = fmaxl(x[2], 0);
  LD df = 0, dr = 0;
  for (int i = 0; i < 3; ++i) {
    df += (x[i] - f[i]) * (x[i] - f[i]);
    dr += (x[i] - out[i]) * (x[i] - out[i]);
  }
  if (df < dr) memcpy(out, f, sizeof(f));
}

/* Our projection is at least as close as the reference; and, for x outside
 * the cone, within TOL_POS |x| of it unless ours is closer by more than TOL
 * |x| (then the grid missed the optimum: with p = 0.001 the answer can sit
 * at x / y = e^-20000, beyond long double). Returns 1 if positions were
 * compared. */
static int check_brute(const Cone *c, const scs_float *x, const char *what) {
  int compared = 1;
  double nx = dnorm3(x);
  for (int dual = 0; dual < 2; ++dual) {
    scs_float p[3];
    LD ref[3], dp = 0, dr = 0, dd = 0;
    memcpy(p, x, sizeof(p));
    project(c, p, dual);
    brute_force(c, dual, x, ref);
    for (int i = 0; i < 3; ++i) {
      dp += ((LD)x[i] - p[i]) * ((LD)x[i] - p[i]);
      dr += ((LD)x[i] - ref[i]) * ((LD)x[i] - ref[i]);
      dd += ((LD)p[i] - ref[i]) * ((LD)p[i] - ref[i]);
    }
    cr_assert_leq((double)sqrtl(dp), (double)sqrtl(dr) + TOL * nx,
                  "%s (%s, p %g, dual %d): |x - Pi(x)| = %.17g > %.17g of "
                  "the brute-force point", what, kind_name(c->kind),
                  (double)c->p, dual, (double)sqrtl(dp), (double)sqrtl(dr));
    if (in_cone(c, x, 0, dual)) continue; /* reference is on the boundary */
    if (sqrtl(dr) > sqrtl(dp) + TOL * nx) {
      compared = 0;
      continue;
    }
    cr_assert_leq((double)sqrtl(dd), TOL_POS * nx,
                  "%s (%s, p %g, dual %d): Pi(x) = (%.17g, %.17g, %.17g), "
                  "brute force (%.17Lg, %.17Lg, %.17Lg), x = (%.17g, %.17g, "
                  "%.17g)", what, kind_name(c->kind), (double)c->p, dual,
                  (double)p[0], (double)p[1], (double)p[2], ref[0], ref[1],
                  ref[2], (double)x[0], (double)x[1], (double)x[2]);
  }
  return compared;
}

/* n random unit points; at least 80% of them must be compared in full */
static void run_brute(const Cone *c, Rng *r, int n) {
  char what[64];
  scs_float x[3];
  int compared = 0;
  for (int j = 0; j < n; ++j) {
    rand_point(r, x);
    /* keep magnitudes where the golden-section reference is accurate */
    double nx = dnorm3(x);
    if (!(nx > 0)) continue;
    for (int i = 0; i < 3; ++i) x[i] = (scs_float)(x[i] / nx);
    snprintf(what, sizeof(what), "brute-force point %d", j);
    compared += check_brute(c, x, what);
  }
  cr_assert_geq(compared, n * 8 / 10, "%s, p %g: only %d of %d compared",
                kind_name(c->kind), (double)c->p, compared, n);
}

/* ---- exponential cone ---------------------------------------------------- */

static const Cone EXP = {K_EXP, 0};
static const Cone EXP_DUAL = {K_EXP_DUAL, 0};

Test(exp_cone, random_points) {
  Rng r = {11};
  run_random(&EXP, &r, 20000);
  run_random(&EXP_DUAL, &r, 20000);
}

Test(exp_cone, sign_and_magnitude_patterns) {
  run_patterns(&EXP);
  run_patterns(&EXP_DUAL);
}

Test(exp_cone, adversarial_points) {
  const double pts[][3] = {
      {0, 0, 0},         {1, 1, 2.718281828459045}, /* on the boundary */
      {-1, 1, 0.5},      {-1, 1, 0.3678794411714423}, /* in, on */
      {1, 0, 0},         {0, 1, 0},
      {0, 0, 1},         {0, 0, -1},
      {-1, 0, 0},        {0, -1, 0},
      {1, -1, 1},        {1, 1, 0},
      {1, 1, -1},        {-1, -1, -1},
      {-1, -1, 1},       {1, -1, -1},
      {-1e8, 1, 1},      {-1e8, 1, -1}, /* x very negative */
      {-1e8, 1e-8, -1e-8}, {-1e8, -1, 1},
      {1e-8, -1e8, 1},   {1e-8, -1e8, -1e-8}, /* rho huge */
      {1, 1e-8, -1},     {1e8, 1e8, 1e8},
      {1e-8, 1e-8, -1e8}, {1e-8, 1, -1e8},
      {2, 0, 1},         {-2, 0, -1}, /* y = 0 */
      {2, 3, 0},         {-2, 3, 0}, /* z = 0 */
      {1, 0.5, 7.38905609893065}, /* on the boundary, rho = 2 */
      {-50, 1, 1.9287498479639178e-22}, /* on the boundary, rho = -50 */
      {0.5, -1, -1e-9},  {1e-300, -1, 1e-300},
  };
  char what[64];
  scs_float x[3];
  for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); ++i) {
    for (int s = 0; s < 3; ++s) { /* as is, times BIG, times SMALL */
      double sc = s == 0 ? 1 : s == 1 ? BIG : SMALL;
      set3(x, pts[i][0] * sc, pts[i][1] * sc, pts[i][2] * sc);
      snprintf(what, sizeof(what), "adversarial %d scale %d", (int)i, s);
      check_point(&EXP, x, what);
      check_point(&EXP_DUAL, x, what);
    }
  }
}

/* x = y (rho, 1, e^rho) + mu (1, 1 - rho, -e^-rho) with y, mu > 0: a point
 * of the boundary plus an orthogonal polar vector, so Pi_K(x) is the first
 * term (Friberg's parametrisation). */
Test(exp_cone, closed_form_answers) {
  Rng r = {12};
  for (int j = 0; j < 20000; ++j) {
    double rho = SINGLE ? 20 * rng_sym(&r) : 60 * rng_sym(&r);
    double y = rng_mag(&r, -4, 4), mu = rng_mag(&r, -4, 4);
    if (rng_int(&r, 4) == 0) y *= 1e-4;
    double e = exp(rho), pv[3] = {y * rho, y, y * e};
    double x0[3] = {pv[0] + mu, pv[1] + mu * (1 - rho), pv[2] - mu / e};
    scs_float x[3], p[3];
    set3(x, x0[0], x0[1], x0[2]);
    memcpy(p, x, sizeof(p));
    scs_proj_exp(p);
    double nx = dnorm3(x);
    /* the rounding of x itself moves the answer by about eps |x| */
    double tol = (SINGLE ? 1e-4 : 1e-10) * nx;
    for (int i = 0; i < 3; ++i)
      cr_assert_leq(fabs((double)p[i] - pv[i]), tol,
                    "rho %g y %g mu %g: entry %d is %.17g, want %.17g", rho, y,
                    mu, i, (double)p[i], pv[i]);
    check_point(&EXP, x, "closed form");
  }
}

Test(exp_cone, brute_force_optimality) {
  Rng r = {13};
  run_brute(&EXP, &r, 200);
  run_brute(&EXP_DUAL, &r, 200);
}

/* Points of K are returned bit for bit; points of K° give exactly 0. */
Test(exp_cone, exact_easy_cases) {
  scs_float x[3];
  set3(x, -1, 1, 0.5);
  scs_proj_exp(x);
  cr_assert(x[0] == -1 && x[1] == 1 && x[2] == (scs_float)0.5);
  set3(x, -3, 0, 2); /* the face y = 0 */
  scs_proj_exp(x);
  cr_assert(x[0] == -3 && x[1] == 0 && x[2] == 2);
  set3(x, 1, -1, -5); /* polar: 1 e^(-1 - 1) <= 5 */
  scs_proj_exp(x);
  cr_assert(x[0] == 0 && x[1] == 0 && x[2] == 0);
  set3(x, -3, -2, 4); /* x, y <= 0: (x, 0, max(z, 0)) */
  scs_proj_exp(x);
  cr_assert(x[0] == -3 && x[1] == 0 && x[2] == 4);
  set3(x, -3, -2, -4);
  scs_proj_exp(x);
  cr_assert(x[0] == -3 && x[1] == 0 && x[2] == 0);
  /* dual: points of K* unchanged, of -K to 0 */
  set3(x, -1, 2, 3);
  scs_proj_exp_dual(x);
  cr_assert(x[0] == -1 && x[1] == 2 && x[2] == 3);
  set3(x, 1, -1, -0.5);
  scs_proj_exp_dual(x);
  cr_assert(x[0] == 0 && x[1] == 0 && x[2] == 0);
}

/* Pi_K(c x) = c Pi_K(x) for c > 0: exactly for powers of two (up to
 * subnormal outputs, which lose bits). */
#define SUBNORMAL (SINGLE ? FLT_MIN : DBL_MIN)
Test(exp_cone, positive_homogeneity) {
  Rng r = {14};
  for (int j = 0; j < 2000; ++j) {
    scs_float x[3], y[3];
    for (int i = 0; i < 3; ++i) x[i] = (scs_float)rng_sym(&r);
    int k = rng_int(&r, 81) - 40;
    for (int i = 0; i < 3; ++i) y[i] = (scs_float)ldexp(x[i], k);
    scs_proj_exp(x);
    scs_proj_exp(y);
    for (int i = 0; i < 3; ++i)
      cr_assert_leq(fabs((double)y[i] - ldexp(x[i], k)), SUBNORMAL,
                    "entry %d, 2^%d", i, k);
  }
}

/* ---- power cone ---------------------------------------------------------- */

static const double POWERS[] = {0.001, 0.1, 0.3, 0.5, 0.9, 0.999};
#define NPOWERS (sizeof(POWERS) / sizeof(POWERS[0]))

Test(power_cone, random_points) {
  Rng r = {21};
  for (size_t i = 0; i < NPOWERS; ++i) {
    Cone c = {K_POW, (scs_float)POWERS[i]};
    Cone d = {K_POW_DUAL, (scs_float)POWERS[i]};
    run_random(&c, &r, 6000);
    run_random(&d, &r, 6000);
  }
}

Test(power_cone, sign_and_magnitude_patterns) {
  for (size_t i = 0; i < NPOWERS; ++i) {
    Cone c = {K_POW, (scs_float)POWERS[i]};
    Cone d = {K_POW_DUAL, (scs_float)POWERS[i]};
    run_patterns(&c);
    run_patterns(&d);
  }
}

Test(power_cone, adversarial_points) {
  const double pts[][3] = {
      {0, 0, 0},     {1, 1, 1},      {1, 1, -1},     {1, 1, 0.5},
      {1, 0, 0},     {0, 1, 0},      {0, 0, 1},      {0, 0, -1},
      {1, 0, 1},     {0, 1, 1},      {-1, 0, 0},     {0, -1, 0},
      {-1, -1, 0},   {-1, -1, 1},    {-1, -1, 1e-3}, {-1, 1, 1},
      {1, -1, 1},    {-1, 1, 0},     {2, 3, 0},      {-2, 3, 0},
      {-1e8, 1, 1},  {1, -1e8, 1},   {1e-8, 1, 1},   {1, 1e-8, 1},
      {1e-8, 1e-8, 1}, {-1e-8, -1e-8, 1}, {1e8, 1e8, 1e-8},
      {1e8, -1e-8, 1}, {-1e-8, 1e8, -1}, {1, 1, 1e8}, {-1, 2, -1e-8},
  };
  char what[64];
  scs_float x[3];
  for (size_t k = 0; k < NPOWERS; ++k) {
    Cone c = {K_POW, (scs_float)POWERS[k]};
    Cone d = {K_POW_DUAL, (scs_float)POWERS[k]};
    for (size_t i = 0; i < sizeof(pts) / sizeof(pts[0]); ++i) {
      for (int s = 0; s < 3; ++s) {
        double sc = s == 0 ? 1 : s == 1 ? BIG : SMALL;
        set3(x, pts[i][0] * sc, pts[i][1] * sc, pts[i][2] * sc);
        snprintf(what, sizeof(what), "adversarial %d scale %d", (int)i, s);
        check_point(&c, x, what);
        check_point(&d, x, what);
      }
    }
  }
}

/* From the KKT conditions: for x, y > 0, r = x^p y^q and mu > 0 the point
 * (x - mu p r / x, y - mu q r / y, +-(r + mu)) projects onto (x, y, +-r). */
Test(power_cone, closed_form_answers) {
  Rng r = {22};
  for (size_t k = 0; k < NPOWERS; ++k) {
    Cone c = {K_POW, (scs_float)POWERS[k]};
    double p = (double)(scs_float)POWERS[k], q = 1 - p;
    for (int j = 0; j < 3000; ++j) {
      double x = rng_mag(&r, -3, 3), y = rng_mag(&r, -3, 3);
      double rr = pow(x, p) * pow(y, q), mu = rng_mag(&r, -3, 3) * rr;
      double sg = rng_sign(&r);
      double pv[3] = {x, y, sg * rr};
      double x0[3] = {x - mu * p * rr / x, y - mu * q * rr / y, sg * (rr + mu)};
      scs_float v[3], pr[3];
      set3(v, x0[0], x0[1], x0[2]);
      memcpy(pr, v, sizeof(pr));
      scs_proj_power(pr, (scs_float)p);
      double tol = (SINGLE ? 1e-4 : 1e-10) * dnorm3(v);
      for (int i = 0; i < 3; ++i)
        cr_assert_leq(fabs((double)pr[i] - pv[i]), tol,
                      "p %g x %g y %g mu %g: entry %d is %.17g, want %.17g", p,
                      x, y, mu, i, (double)pr[i], pv[i]);
      check_point(&c, v, "closed form");
    }
  }
}

Test(power_cone, brute_force_optimality) {
  Rng r = {23};
  for (size_t i = 0; i < NPOWERS; ++i) {
    Cone c = {K_POW, (scs_float)POWERS[i]};
    Cone d = {K_POW_DUAL, (scs_float)POWERS[i]};
    run_brute(&c, &r, 60);
    run_brute(&d, &r, 60);
  }
}

/* Powers close to 0 and 1 (not the limits themselves). */
Test(power_cone, extreme_powers) {
  Rng r = {24};
  const double ps[] = {1e-12, 1e-6, 0.01, 0.99, 1 - 1e-6,
                       SINGLE ? 1 - 1e-7 : 1 - 1e-12};
  for (size_t i = 0; i < sizeof(ps) / sizeof(ps[0]); ++i) {
    Cone c = {K_POW, (scs_float)ps[i]}, d = {K_POW_DUAL, (scs_float)ps[i]};
    run_random(&c, &r, 3000);
    run_random(&d, &r, 3000);
    run_patterns(&c);
  }
}

static void expect3(const scs_float *v, double a, double b, double c,
                    const char *what) {
  cr_assert(fabs((double)v[0] - a) <= TOL * (1 + fabs(a)) &&
                fabs((double)v[1] - b) <= TOL * (1 + fabs(b)) &&
                fabs((double)v[2] - c) <= TOL * (1 + fabs(c)),
            "%s: got (%g, %g, %g), want (%g, %g, %g)", what, (double)v[0],
            (double)v[1], (double)v[2], a, b, c);
}

/* p = +-1: K_1 = {x >= |z|, y >= 0}; p = +-0 (and 0 < |p| < 1e-20):
 * K_0 = {x >= 0, y >= |z|}; both self-dual. */
Test(power_cone, degenerate_powers) {
  const scs_float ones[] = {1, -1};
  const scs_float zeros[] = {0, (scs_float)-0.0, (scs_float)1e-30,
                             (scs_float)-1e-30};
  scs_float v[3];
  for (int i = 0; i < 2; ++i) {
    set3(v, 0, -2, 2); /* (x, z) = (0, 2) -> (1, 1); y -> 0 */
    scs_proj_power(v, ones[i]);
    expect3(v, 1, 0, 1, "p = +-1");
    set3(v, 3, 2, -1); /* inside */
    scs_proj_power(v, ones[i]);
    expect3(v, 3, 2, -1, "p = +-1 inside");
    set3(v, -3, 5, 1); /* (x, z) polar */
    scs_proj_power(v, ones[i]);
    expect3(v, 0, 5, 0, "p = +-1 polar part");
  }
  for (int i = 0; i < 4; ++i) {
    set3(v, -2, 0, 2); /* (y, z) = (0, 2) -> (1, 1); x -> 0 */
    scs_proj_power(v, zeros[i]);
    expect3(v, 0, 1, 1, "p = +-0");
    set3(v, 2, 3, -1);
    scs_proj_power(v, zeros[i]);
    expect3(v, 2, 3, -1, "p = +-0 inside");
    set3(v, 4, -3, 1);
    scs_proj_power(v, zeros[i]);
    expect3(v, 4, 0, 0, "p = +-0 polar part");
  }
  /* the limits are continuous: p = 1e-9 and 1 - 1e-7 are close to them */
  set3(v, -2, 0, 2);
  scs_proj_power(v, (scs_float)1e-9);
  cr_assert(fabs((double)v[0]) < 1e-6 && fabs((double)v[1] - 1) < 1e-6 &&
                fabs((double)v[2] - 1) < 1e-6,
            "p = 1e-9: got (%g, %g, %g)", (double)v[0], (double)v[1],
            (double)v[2]);
  set3(v, 0, -2, 2);
  scs_proj_power(v, (scs_float)(1 - 1e-7));
  cr_assert(fabs((double)v[0] - 1) < 1e-3 && fabs((double)v[2] - 1) < 1e-3 &&
                fabs((double)v[1]) < 1e-3,
            "p = 1 - 1e-7: got (%g, %g, %g)", (double)v[0], (double)v[1],
            (double)v[2]);
}

Test(power_cone, exact_easy_cases) {
  scs_float v[3];
  set3(v, 4, 1, -2); /* 4^0.5 1^0.5 = 2 */
  scs_proj_power(v, (scs_float)0.5);
  cr_assert(v[0] == 4 && v[1] == 1 && v[2] == -2);
  set3(v, -4, -1, 2); /* (4/0.5)^0.5 (1/0.5)^0.5 = 4 >= 2: polar */
  scs_proj_power(v, (scs_float)0.5);
  cr_assert(v[0] == 0 && v[1] == 0 && v[2] == 0);
  set3(v, -4, 3, 0); /* z = 0 */
  scs_proj_power(v, (scs_float)0.3);
  cr_assert(v[0] == 0 && v[1] == 3 && v[2] == 0);
  set3(v, 4, 1, -4); /* dual cone: (4/0.5)^0.5 (1/0.5)^0.5 = 4 */
  scs_proj_power(v, (scs_float)-0.5);
  cr_assert(v[0] == 4 && v[1] == 1 && v[2] == -4);
}

Test(power_cone, positive_homogeneity) {
  Rng r = {25};
  for (int j = 0; j < 2000; ++j) {
    scs_float x[3], y[3], p = (scs_float)POWERS[j % NPOWERS];
    if (j % 2) p = -p;
    for (int i = 0; i < 3; ++i) x[i] = (scs_float)rng_sym(&r);
    int k = rng_int(&r, 81) - 40;
    for (int i = 0; i < 3; ++i) y[i] = (scs_float)ldexp(x[i], k);
    scs_float x0[3] = {x[0], x[1], x[2]};
    scs_proj_power(x, p);
    scs_proj_power(y, p);
    for (int i = 0; i < 3; ++i)
      cr_assert_leq(fabs((double)y[i] - ldexp(x[i], k)), SUBNORMAL,
                   "entry %d, 2^%d, p %g: x (%.9g, %.9g, %.9g) -> (%.9g, "
                   "%.9g, %.9g), scaled -> %.9g", i, k, (double)p,
                   (double)x0[0], (double)x0[1], (double)x0[2], (double)x[0],
                   (double)x[1], (double)x[2], (double)y[i]);
  }
}

/* ---- non-finite input: NaN out, no hang ---------------------------------- */

Test(exp_power, non_finite_input) {
  const double bad[] = {NAN, INFINITY, -INFINITY};
  for (int b = 0; b < 3; ++b) {
    for (int pos = 0; pos < 3; ++pos) {
      scs_float v[4][3];
      for (int k = 0; k < 4; ++k) {
        set3(v[k], 1, -2, 0.5);
        v[k][pos] = (scs_float)bad[b];
      }
      scs_proj_exp(v[0]);
      scs_proj_exp_dual(v[1]);
      scs_proj_power(v[2], (scs_float)0.3);
      scs_proj_power(v[3], (scs_float)-0.3);
      for (int k = 0; k < 4; ++k)
        for (int i = 0; i < 3; ++i)
          cr_assert(isnan(v[k][i]), "case %d/%d/%d: entry %d is %g", b, pos, k,
                    i, (double)v[k][i]);
    }
  }
  scs_float v[3];
  set3(v, 1, 2, 3);
  scs_proj_power(v, (scs_float)NAN);
  cr_assert(isnan(v[0]) && isnan(v[1]) && isnan(v[2]));
}

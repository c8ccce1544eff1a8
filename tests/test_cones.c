/*
 * Property tests for the cones of the core build: zero, nonnegative, box and
 * second-order, alone and in a product, through scs_cone_project / _dual.
 *
 * For a closed convex cone K with dual K* and polar K° = -K*, p = Pi_K(x)
 * is characterised by p in K, x - p in K°, <x - p, p> = 0, and Moreau's
 * decomposition x = Pi_K(x) - Pi_{K*}(-x) with orthogonal parts. The tests
 * check these on random and adversarial points, plus closed forms and an
 * independent 1-D minimisation for the box cone.
 */
#include <criterion/criterion.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cones/cones.h"
#include "cones/expow.h"
#include "error.h"

/* precision-relative tolerance and magnitudes that stay representable */
#define SINGLE (sizeof(scs_float) == sizeof(float))
#define TOL (SINGLE ? 1e-4 : 1e-9)
#define BIG (SINGLE ? 1e15 : 1e150)
#define SMALL (SINGLE ? 1e-15 : 1e-150)
/* magnitudes whose squares overflow / underflow in scs_float */
#define HUGE_SQ (SINGLE ? 1e30 : 1e200)
#define TINY_SQ (SINGLE ? 1e-30 : 1e-200)
#define SQRT2 1.41421356237309504880

/* ---- deterministic PRNG (splitmix64) ------------------------------------ */

#include "rng.h"
static double rng_sym(Rng *r) { return 2 * rng_unif(r) - 1; }
static int rng_int(Rng *r, int n) { return (int)(rng_next(r) % (uint64_t)n); }

/* ---- small double-precision helpers --------------------------------------- */

static double dnorm(const scs_float *v, scs_int n) {
  double s = 0;
  for (scs_int i = 0; i < n; ++i) s += (double)v[i] * (double)v[i];
  return sqrt(s);
}
static double ddot(const scs_float *a, const scs_float *b, scs_int n) {
  double s = 0;
  for (scs_int i = 0; i < n; ++i) s += (double)a[i] * (double)b[i];
  return s;
}
static double dmaxdiff(const scs_float *a, const scs_float *b, scs_int n) {
  double m = 0;
  for (scs_int i = 0; i < n; ++i) m = fmax(m, fabs((double)a[i] - (double)b[i]));
  return m;
}
static scs_float *fdup(const scs_float *v, scs_int n) {
  scs_float *d = malloc(sizeof(scs_float) * (size_t)(n > 0 ? n : 1));
  cr_assert_not_null(d);
  if (n > 0) memcpy(d, v, sizeof(scs_float) * (size_t)n);
  return d;
}

/* ---- cone membership (tolerance eps is absolute) ------------------------- */

static int in_soc(const scs_float *v, scs_int len, double eps) {
  if (len <= 0) return 1;
  return dnorm(v + 1, len - 1) - (double)v[0] <= eps;
}

/* (t, s) with t >= 0 and t bl <= s <= t bu; nonfinite bounds are absent */
static int in_box(const scs_float *v, scs_int len, const scs_float *bl,
                  const scs_float *bu, double eps) {
  double t = v[0];
  if (t < -eps) return 0;
  for (scs_int i = 0; i < len - 1; ++i) {
    double s = v[i + 1], e = eps * (1 + fabs(t));
    if (isfinite(bl[i]) && s - t * bl[i] < -e * (1 + fabs(bl[i]))) return 0;
    if (isfinite(bu[i]) && t * bu[i] - s < -e * (1 + fabs(bu[i]))) return 0;
  }
  return 1;
}

/* y in K_box* iff y_t + min_{s in [bl, bu]} <y_s, s> >= 0, i.e. y_i <= 0
 * where bl_i is absent, y_i >= 0 where bu_i is absent, and
 * y_t + sum_i (y_i > 0 ? y_i bl_i : y_i bu_i) >= 0 over the finite ones. */
static int in_box_dual(const scs_float *y, scs_int len, const scs_float *bl,
                       const scs_float *bu, double eps) {
  double h = y[0], scale = 1;
  for (scs_int i = 0; i < len - 1; ++i) {
    double yi = y[i + 1];
    double c = yi > 0 ? bl[i] : bu[i];
    if (!isfinite(c)) {
      if (fabs(yi) > eps) return 0;
      continue;
    }
    h += yi * c;
    scale += fabs(c);
  }
  return h >= -eps * scale;
}

static double bound_max(const ScsCone *k) {
  double m = 0;
  for (scs_int i = 0; i + 1 < k->bsize; ++i) {
    if (isfinite(k->bl[i])) m = fmax(m, fabs(k->bl[i]));
    if (isfinite(k->bu[i])) m = fmax(m, fabs(k->bu[i]));
  }
  return m;
}

static scs_int cone_dim(const ScsCone *k) {
  scs_int m = k->z + k->l + k->bsize;
  for (scs_int i = 0; i < k->qsize; ++i) m += k->q[i];
  return m;
}

/* Membership of v in the product K (dual = 0) or K* (dual = 1). */
static int in_product(const ScsCone *k, const scs_float *v, int dual,
                      double eps) {
  scs_int r = 0;
  for (; r < k->z; ++r)
    if (!dual && fabs(v[r]) > eps) return 0; /* K*: free */
  for (; r < k->z + k->l; ++r)
    if (v[r] < -eps) return 0;
  if (k->bsize > 0) {
    int ok = dual ? in_box_dual(v + r, k->bsize, k->bl, k->bu, eps)
                  : in_box(v + r, k->bsize, k->bl, k->bu, eps);
    if (!ok) return 0;
    r += k->bsize;
  }
  for (scs_int i = 0; i < k->qsize; ++i) {
    if (!in_soc(v + r, k->q[i], eps)) return 0;
    r += k->q[i];
  }
  return 1;
}

/* ---- the generic property check --------------------------------------------- */

/*
 * For x: p = Pi_K(x), d = Pi_{K*}(-x). Checks p in K, d in K*, Pi_K(p) == p,
 * Pi_{K*}(d) == d, x == p - d, <p, d> == 0, and the same with K and K*
 * swapped (x == Pi_{K*}(x) - Pi_K(-x)).
 */
static void check_moreau(const ScsCone *k, ScsConeWork *w, const scs_float *x,
                         const char *what) {
  scs_int m = cone_dim(k);
  double nx = dnorm(x, m);
  double eps = TOL * nx * (1 + bound_max(k));
  scs_float *p = fdup(x, m), *d = fdup(x, m), *pd = fdup(x, m);
  scs_float *q = fdup(x, m), *e = fdup(x, m);
  for (scs_int i = 0; i < m; ++i) d[i] = -x[i];
  cr_assert_eq(scs_cone_project(w, p), 0, "%s", what);
  cr_assert_eq(scs_cone_project_dual(w, d), 0, "%s", what);
  cr_assert(in_product(k, p, 0, eps), "%s: Pi_K(x) not in K", what);
  cr_assert(in_product(k, d, 1, eps), "%s: Pi_K*(-x) not in K*", what);
  /* idempotence */
  memcpy(pd, p, sizeof(scs_float) * (size_t)m);
  scs_cone_project(w, pd);
  cr_assert_leq(dmaxdiff(pd, p, m), eps, "%s: Pi_K not idempotent", what);
  memcpy(pd, d, sizeof(scs_float) * (size_t)m);
  scs_cone_project_dual(w, pd);
  cr_assert_leq(dmaxdiff(pd, d, m), eps, "%s: Pi_K* not idempotent", what);
  /* Moreau: x = p - d with <p, d> = 0 */
  for (scs_int i = 0; i < m; ++i) pd[i] = p[i] - d[i];
  cr_assert_leq(dmaxdiff(pd, x, m), eps, "%s: x != Pi_K(x) - Pi_K*(-x)", what);
  cr_assert_leq(fabs(ddot(p, d, m)), eps * nx, "%s: <p, d> = %g, |x| = %g",
                what, ddot(p, d, m), nx);
  /* the same with the roles of K and K* swapped */
  for (scs_int i = 0; i < m; ++i) e[i] = -x[i];
  scs_cone_project_dual(w, q);
  scs_cone_project(w, e);
  for (scs_int i = 0; i < m; ++i) pd[i] = q[i] - e[i];
  cr_assert_leq(dmaxdiff(pd, x, m), eps, "%s: x != Pi_K*(x) - Pi_K(-x)", what);
  cr_assert_leq(fabs(ddot(q, e, m)), eps * nx, "%s: <q, e> != 0", what);
  free(p);
  free(d);
  free(pd);
  free(q);
  free(e);
}

/* ---- random data ------------------------------------------------------------ */

/* one of 1, BIG, SMALL, or 10^U(-8, 8) */
static double rand_scale(Rng *r) {
  switch (rng_int(r, 6)) {
  case 0: return BIG;
  case 1: return SMALL;
  case 2: return pow(10.0, 16 * rng_unif(r) - 8);
  default: return 1;
  }
}

static void rand_vec(Rng *r, scs_float *v, scs_int n, double scale) {
  for (scs_int i = 0; i < n; ++i) {
    int kind = rng_int(r, 10);
    v[i] = kind == 0 ? 0 : (scs_float)(scale * rng_sym(r) * (kind == 1 ? 1e-3 : 1));
  }
}

/* Box bounds of every adversarial kind: finite, infinite, equal, zero. */
static void rand_bounds(Rng *r, scs_float *bl, scs_float *bu, scs_int n) {
  for (scs_int i = 0; i < n; ++i) {
    double a = 3 * rng_sym(r), b = a + 3 * rng_unif(r);
    switch (rng_int(r, 8)) {
    case 0: a = -INFINITY; break;
    case 1: b = INFINITY; break;
    case 2: a = -INFINITY, b = INFINITY; break;
    case 3: b = a; break;             /* bl == bu */
    case 4: a = b = 0; break;         /* s_i == 0 */
    case 5: a = -fabs(a), b = fabs(b); break; /* 0 inside */
    default: break;
    }
    bl[i] = (scs_float)a;
    bu[i] = (scs_float)b;
  }
}

/* Points of three shapes: generic, on the boundary of K (Pi_K of a random
 * point) and in the polar cone (-Pi_{K*} of a random point). */
static void rand_point(Rng *r, ScsConeWork *w, scs_float *x, scs_int m) {
  rand_vec(r, x, m, rand_scale(r));
  int shape = rng_int(r, 4);
  if (shape == 1) scs_cone_project(w, x);
  if (shape == 2) {
    scs_cone_project_dual(w, x);
    for (scs_int i = 0; i < m; ++i) x[i] = -x[i];
  }
}

/* ---- per family, through the product API ------------------------------------ */

static void run_random(ScsCone *k, Rng *r, int npoints, const char *name) {
  scs_int m = cone_dim(k);
  ScsConeWork *w = scs_cone_work_init(k, m);
  cr_assert_not_null(w);
  scs_float *x = malloc(sizeof(scs_float) * (size_t)m);
  char what[96];
  for (int j = 0; j < npoints; ++j) {
    rand_point(r, w, x, m);
    snprintf(what, sizeof(what), "%s point %d", name, j);
    check_moreau(k, w, x, what);
  }
  /* the zero vector and a constant vector */
  for (scs_int i = 0; i < m; ++i) x[i] = 0;
  check_moreau(k, w, x, "zero vector");
  for (scs_int i = 0; i < m; ++i) x[i] = (scs_float)BIG;
  check_moreau(k, w, x, "constant BIG");
  free(x);
  scs_cone_work_free(w);
}

Test(cones, zero_and_nonneg_properties) {
  Rng r = {1};
  ScsCone k = {0};
  k.z = 5;
  run_random(&k, &r, 200, "zero");
  k.z = 0;
  k.l = 7;
  run_random(&k, &r, 500, "nonneg");
}

Test(cones, soc_properties) {
  Rng r = {2};
  scs_int q[] = {1, 2, 3, 10, 50};
  for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); ++i) {
    ScsCone k = {0};
    k.q = &q[i];
    k.qsize = 1;
    run_random(&k, &r, 400, "soc");
  }
}

Test(cones, box_properties) {
  Rng r = {3};
  scs_int sizes[] = {1, 2, 3, 6, 40};
  for (size_t t = 0; t < sizeof(sizes) / sizeof(sizes[0]); ++t) {
    for (int rep = 0; rep < 20; ++rep) {
      ScsCone k = {0};
      scs_float bl[40], bu[40];
      k.bsize = sizes[t];
      rand_bounds(&r, bl, bu, k.bsize - 1);
      k.bl = bl;
      k.bu = bu;
      run_random(&k, &r, 60, "box");
    }
  }
}

/* ---- second-order cone: closed forms and extreme magnitudes ------------------ */

static void soc_expect(const double *in, const double *out, scs_int len,
                       double rtol) {
  scs_float v[8];
  for (scs_int i = 0; i < len; ++i) v[i] = (scs_float)in[i];
  scs_proj_soc(v, len);
  double scale = 0;
  for (scs_int i = 0; i < len; ++i) scale = fmax(scale, fabs(in[i]));
  for (scs_int i = 0; i < len; ++i)
    cr_assert_leq(fabs((double)v[i] - (double)(scs_float)out[i]), rtol * scale,
                  "entry %d: got %g, want %g", (int)i, (double)v[i], out[i]);
}

Test(cones, soc_closed_forms) {
  /* inside and on the boundary: unchanged, exactly */
  soc_expect((double[]){5, 3, 4}, (double[]){5, 3, 4}, 3, 0);
  soc_expect((double[]){5, 1, -2}, (double[]){5, 1, -2}, 3, 0);
  /* polar cone (boundary and interior): exactly zero */
  soc_expect((double[]){-5, 3, 4}, (double[]){0, 0, 0}, 3, 0);
  soc_expect((double[]){-10, 1, -2}, (double[]){0, 0, 0}, 3, 0);
  /* neither: ((t + n) / 2) (1, x / n) */
  soc_expect((double[]){0, 3, 4}, (double[]){2.5, 1.5, 2}, 3, 0);
  soc_expect((double[]){1, 3, 4}, (double[]){3, 1.8, 2.4}, 3, TOL);
  soc_expect((double[]){0, -2}, (double[]){1, -1}, 2, 0);
  /* len 1 is {t >= 0}; len 0 is a no-op */
  soc_expect((double[]){-3}, (double[]){0}, 1, 0);
  soc_expect((double[]){2}, (double[]){2}, 1, 0);
  scs_proj_soc(NULL, 0);
  /* zero stays zero */
  soc_expect((double[]){0, 0, 0, 0}, (double[]){0, 0, 0, 0}, 4, 0);
}

Test(cones, soc_no_overflow_or_underflow) {
  /* squares of these overflow / underflow, the projection must not */
  for (int j = 0; j < 2; ++j) {
    double h = j == 0 ? HUGE_SQ : TINY_SQ;
    /* (0, h, h): n = sqrt(2) h, projection (n/2, h/2, h/2) */
    soc_expect((double[]){0, h, h}, (double[]){h * SQRT2 / 2, h / 2, h / 2},
               3, TOL);
    /* (-h, h, h): outside both Q and -Q since n = 1.41 h > h */
    double a = (SQRT2 - 1) / 2 * h, f = a / (SQRT2 * h);
    soc_expect((double[]){-h, h, h}, (double[]){a, f * h, f * h}, 3, TOL);
    /* (2h, h, h): inside, unchanged */
    soc_expect((double[]){2 * h, h, h}, (double[]){2 * h, h, h}, 3, 0);
    /* (-2h, h, h): polar, zero */
    soc_expect((double[]){-2 * h, h, h}, (double[]){0, 0, 0}, 3, 0);
  }
}

Test(cones, nonneg_exact) {
  scs_float v[] = {-1, 0, 2, (scs_float)-BIG, (scs_float)SMALL, (scs_float)-0.0};
  scs_proj_nonneg(v, 6);
  scs_float want[] = {0, 0, 2, 0, (scs_float)SMALL, 0};
  for (int i = 0; i < 6; ++i) cr_assert_eq(v[i], want[i], "entry %d", i);
  cr_assert(!signbit(v[5]), "-0.0 should map to +0.0");
}

/* ---- box cone: closed forms ---------------------------------------------------- */

static void box_expect(const double *in, const double *out, scs_int len,
                       const double *bl, const double *bu, double rtol) {
  scs_float v[8], l[8], u[8], work[16];
  for (scs_int i = 0; i < len; ++i) v[i] = (scs_float)in[i];
  for (scs_int i = 0; i + 1 < len; ++i) {
    l[i] = (scs_float)bl[i];
    u[i] = (scs_float)bu[i];
  }
  scs_proj_box(v, len, l, u, work);
  double scale = 0;
  for (scs_int i = 0; i < len; ++i) scale = fmax(scale, fabs(in[i]));
  for (scs_int i = 0; i < len; ++i)
    cr_assert_leq(fabs((double)v[i] - (double)(scs_float)out[i]), rtol * scale,
                  "entry %d: got %g, want %g", (int)i, (double)v[i], out[i]);
}

Test(cones, box_closed_forms) {
  const double inf = INFINITY;
  double one[] = {1};
  /* bl == bu == 1: the ray t (1, 1); (3, 1) -> (2, 2) */
  box_expect((double[]){3, 1}, (double[]){2, 2}, 2, one, one, TOL);
  for (int j = 0; j < 2; ++j) { /* the same at extreme scales */
    double h = j ? BIG : SMALL;
    box_expect((double[]){3 * h, h}, (double[]){2 * h, 2 * h}, 2, one, one,
               TOL);
  }
  /* all-zero input, and t0 < 0 with s0 == 0: the origin */
  box_expect((double[]){0, 0, 0}, (double[]){0, 0, 0}, 3,
             (double[]){-1, 2}, (double[]){1, 3}, 0);
  box_expect((double[]){-4, 0, 0}, (double[]){0, 0, 0}, 3,
             (double[]){-1, 2}, (double[]){1, 3}, 0);
  /* no bounds: R_+ x R^n */
  box_expect((double[]){-2, 5, -7}, (double[]){0, 5, -7}, 3,
             (double[]){-inf, -inf}, (double[]){inf, inf}, 0);
  box_expect((double[]){2, 5, -7}, (double[]){2, 5, -7}, 3,
             (double[]){-inf, -inf}, (double[]){inf, inf}, 0);
  /* s <= 0 only: R_+ x R_- */
  box_expect((double[]){-2, 5, -7}, (double[]){0, 0, -7}, 3,
             (double[]){-inf, -inf}, (double[]){0, 0}, 0);
  /* bl == bu == 0: s forced to 0, t = max(t0, 0) */
  box_expect((double[]){3, 5, -7}, (double[]){3, 0, 0}, 3, (double[]){0, 0}, (double[]){0, 0}, 0);
  /* interior point: unchanged */
  box_expect((double[]){2, 0.5, 5}, (double[]){2, 0.5, 5}, 3,
             (double[]){-1, 2}, (double[]){1, 3}, TOL);
  /* s >= t (bl = 1, bu = inf): (0, 2) and (2, 3) inside; (-1, 2) -> (0, 2);
   * (2, 1) -> (1.5, 1.5) */
  box_expect((double[]){0, 2}, (double[]){0, 2}, 2, one, &inf, 0);
  box_expect((double[]){2, 3}, (double[]){2, 3}, 2, one, &inf, 0);
  box_expect((double[]){-1, 2}, (double[]){0, 2}, 2, one, &inf, 0);
  box_expect((double[]){2, 1}, (double[]){1.5, 1.5}, 2, one, &inf, TOL);
  /* polar points of the ray t (1, 1) ((-1, -1) direction and beyond) -> 0 */
  box_expect((double[]){-1, -1}, (double[]){0, 0}, 2, one, one, TOL);
  box_expect((double[]){-3, 1}, (double[]){0, 0}, 2, one, one, TOL);
}

/* ---- box cone: optimality against independent checks ----------------------- */

/* squared distance from (t0, s0) to the slice of K_box at height t */
static double box_f(double t, const scs_float *x, scs_int len,
                    const scs_float *bl, const scs_float *bu) {
  double f = (t - x[0]) * (t - x[0]);
  for (scs_int i = 0; i + 1 < len; ++i) {
    double s = x[i + 1];
    double lo = isfinite(bl[i]) ? t * bl[i] : -INFINITY;
    double hi = isfinite(bu[i]) ? t * bu[i] : INFINITY;
    double c = s < lo ? lo : (s > hi ? hi : s);
    f += (s - c) * (s - c);
  }
  return f;
}

/* g(t) = f'(t) / 2 = (t - t0) + sum over finite bounds of
 * bl (t bl - s0)_+ - bu (s0 - t bu)_+ */
static double box_g(double t, const scs_float *x, scs_int len,
                    const scs_float *bl, const scs_float *bu) {
  double g = t - x[0];
  for (scs_int i = 0; i + 1 < len; ++i) {
    double s = x[i + 1];
    if (isfinite(bl[i])) g += bl[i] * fmax(t * bl[i] - s, 0);
    if (isfinite(bu[i])) g -= bu[i] * fmax(s - t * bu[i], 0);
  }
  return g;
}

/* golden-section minimisation of the convex box_f over [0, hi] */
static double golden_min(const scs_float *x, scs_int len, const scs_float *bl,
                         const scs_float *bu, double hi) {
  const double g = (sqrt(5.0) - 1) / 2;
  double a = 0, b = hi;
  for (int it = 0; it < 300 && b - a > 0; ++it) {
    double c = b - g * (b - a), d = a + g * (b - a);
    if (box_f(c, x, len, bl, bu) <= box_f(d, x, len, bl, bu)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/* a random point of K_box at scale `scale` */
static void rand_box_point(Rng *r, scs_float *k, scs_int len,
                           const scs_float *bl, const scs_float *bu,
                           double scale) {
  double t = rng_int(r, 5) == 0 ? 0 : scale * rng_unif(r);
  k[0] = (scs_float)t;
  for (scs_int i = 0; i + 1 < len; ++i) {
    double lo = isfinite(bl[i]) ? t * bl[i] : -INFINITY;
    double hi = isfinite(bu[i]) ? t * bu[i] : INFINITY;
    double v;
    if (isfinite(lo) && isfinite(hi)) v = lo + rng_unif(r) * (hi - lo);
    else if (isfinite(lo)) v = lo + scale * rng_unif(r);
    else if (isfinite(hi)) v = hi - scale * rng_unif(r);
    else v = scale * rng_sym(r);
    if (isfinite(lo) && v < lo) v = lo; /* rounding */
    if (isfinite(hi) && v > hi) v = hi;
    k[i + 1] = (scs_float)v;
  }
}

static void check_box_optimal(Rng *r, const scs_float *x, scs_int len,
                              const scs_float *bl, const scs_float *bu,
                              double bmax) {
  scs_float p[64], work[128], k[64];
  memcpy(p, x, sizeof(scs_float) * (size_t)len);
  scs_proj_box(p, len, bl, bu, work);
  double nx = dnorm(x, len), eps = TOL * nx * (1 + bmax);
  double dist2 = 0;
  for (scs_int i = 0; i < len; ++i)
    dist2 += ((double)x[i] - p[i]) * ((double)x[i] - p[i]);
  /* s is the clip of s0 at height t */
  cr_assert_leq(fabs(dist2 - box_f(p[0], x, len, bl, bu)),
                eps * nx * (1 + bmax), "s is not clip(s0, t bl, t bu)");
  /* 1-D: no t on a grid or from golden section does better */
  double f = box_f(p[0], x, len, bl, bu), ftol = eps * nx * (1 + bmax);
  double tg = golden_min(x, len, bl, bu, 2 * nx + 1e-300);
  cr_assert_leq(f, box_f(tg, x, len, bl, bu) + ftol,
                "golden section beats the projection: t %g vs %g", (double)p[0], tg);
  for (int j = 0; j <= 200; ++j) {
    double t = 2 * nx * j / 200.0;
    cr_assert_leq(f, box_f(t, x, len, bl, bu) + ftol, "grid t = %g better", t);
  }
  /* first-order condition: g(t*) = f'(t*) / 2 = 0, or t* = 0 and
   * g(0) >= 0; g has slope >= 1, so this pins t* to within |g(t*)| */
  double g = box_g(p[0], x, len, bl, bu), gtol = eps * (1 + bmax) * len;
  if (p[0] > 0)
    cr_assert_leq(fabs(g), gtol, "not stationary: t = %g, g = %g",
                  (double)p[0], g);
  else
    cr_assert_geq(g, -gtol, "t = 0 but f decreases there: g = %g", g);
  /* random feasible points are no closer, and x - p is in the polar cone */
  for (int j = 0; j < 50; ++j) {
    rand_box_point(r, k, len, bl, bu, (j % 2 ? 1 : 1e-3) * nx + 1e-300);
    double dk = 0, vi = 0;
    for (scs_int i = 0; i < len; ++i) {
      dk += ((double)x[i] - k[i]) * ((double)x[i] - k[i]);
      vi += ((double)x[i] - p[i]) * (double)k[i];
    }
    cr_assert_geq(dk, dist2 - ftol, "a feasible point is closer");
    cr_assert_leq(vi, eps * dnorm(k, len), "<x - p, k> > 0 for k in K");
  }
}

Test(cones, box_optimality_random) {
  Rng r = {4};
  scs_float x[64], bl[64], bu[64];
  scs_int sizes[] = {2, 3, 5, 12, 60};
  for (size_t t = 0; t < sizeof(sizes) / sizeof(sizes[0]); ++t) {
    scs_int len = sizes[t];
    for (int rep = 0; rep < 200; ++rep) {
      rand_bounds(&r, bl, bu, len - 1);
      rand_vec(&r, x, len, rand_scale(&r));
      if (rep % 4 == 1) x[0] = (scs_float)(-fabs(x[0])); /* t0 < 0 */
      ScsCone k = {0};
      k.bsize = len;
      k.bl = bl;
      k.bu = bu;
      check_box_optimal(&r, x, len, bl, bu, bound_max(&k));
    }
  }
}

Test(cones, box_large_bounds_and_many_breakpoints) {
  /* wide bounds and values straddling them: many breakpoints, ties */
  Rng r = {5};
  scs_float x[64], bl[64], bu[64];
  for (int rep = 0; rep < 100; ++rep) {
    scs_int len = 60;
    for (scs_int i = 0; i < len - 1; ++i) {
      bl[i] = (scs_float)(-1 - (i % 7));
      bu[i] = (scs_float)(i % 5 == 0 ? bl[i] : 1 + (i % 3));
      x[i + 1] = (scs_float)((rep % 3 ? rng_sym(&r) * 10 : (double)(i % 4)));
    }
    x[0] = (scs_float)(rep % 2 ? rng_sym(&r) : 1);
    ScsCone k = {0};
    k.bsize = len;
    k.bl = bl;
    k.bu = bu;
    check_box_optimal(&r, x, len, bl, bu, bound_max(&k));
  }
}

/* ---- the mixed product cone ----------------------------------------------------- */

static scs_float g_bl[] = {-1, -INFINITY, 2, 0};
static scs_float g_bu[] = {1, 3, 2, INFINITY};
static scs_int g_q[] = {1, 3, 5};

static ScsCone mixed_cone(void) {
  ScsCone k = {0};
  k.z = 3;
  k.l = 4;
  k.bsize = 5;
  k.bl = g_bl;
  k.bu = g_bu;
  k.q = g_q;
  k.qsize = 3;
  return k; /* m = 3 + 4 + 5 + 9 = 21 */
}

Test(cones, mixed_properties) {
  Rng r = {6};
  ScsCone k = mixed_cone();
  run_random(&k, &r, 3000, "mixed");
}

Test(cones, mixed_matches_families) {
  Rng r = {7};
  ScsCone k = mixed_cone();
  ScsConeWork *w = scs_cone_work_init(&k, 21);
  cr_assert_not_null(w);
  scs_float x[21], v[21], dv[21], work[10];
  for (int rep = 0; rep < 200; ++rep) {
    rand_vec(&r, x, 21, 1);
    memcpy(v, x, sizeof(x));
    memcpy(dv, x, sizeof(x));
    cr_assert_eq(scs_cone_project(w, v), 0);
    cr_assert_eq(scs_cone_project_dual(w, dv), 0);
    for (int i = 0; i < 3; ++i) {
      cr_assert_eq(v[i], 0, "zero cone row %d", i);
      cr_assert_eq(dv[i], x[i], "dual of zero cone is free, row %d", i);
    }
    for (int i = 3; i < 7; ++i) {
      cr_assert_eq(v[i], x[i] > 0 ? x[i] : 0, "nonneg row %d", i);
      cr_assert_eq(dv[i], v[i], "nonneg is self-dual, row %d", i);
    }
    scs_float b[5];
    memcpy(b, x + 7, sizeof(b));
    scs_proj_box(b, 5, g_bl, g_bu, work);
    for (int i = 0; i < 5; ++i) cr_assert_eq(v[7 + i], b[i], "box row %d", i);
    scs_float s[9];
    memcpy(s, x + 12, sizeof(s));
    scs_proj_soc(s, 1);
    scs_proj_soc(s + 1, 3);
    scs_proj_soc(s + 4, 5);
    for (int i = 0; i < 9; ++i) {
      cr_assert_eq(v[12 + i], s[i], "soc row %d", 12 + i);
      cr_assert_eq(dv[12 + i], s[i], "soc is self-dual, row %d", 12 + i);
    }
  }
  scs_cone_work_free(w);
}

Test(cones, set_r_y_and_blocks) {
  ScsCone k = mixed_cone();
  ScsConeWork *w = scs_cone_work_init(&k, 21);
  cr_assert_not_null(w);
  scs_float r_y[21];
  const scs_float scale = (scs_float)0.25;
  scs_cone_set_r_y(w, scale, r_y);
  for (int i = 0; i < 21; ++i) {
    double want = i < 3 ? 1 / (1000 * 0.25) : 1 / 0.25;
    cr_assert_float_eq((double)r_y[i], want, TOL * want, "r_y[%d] = %g", i,
                       (double)r_y[i]);
  }
  scs_int starts[21], ends[21];
  scs_int nb = scs_cone_blocks(w, starts, ends);
  scs_int ws[] = {7, 12, 13, 16}, we[] = {12, 13, 16, 21};
  cr_assert_eq(nb, 4);
  for (int i = 0; i < 4; ++i) {
    cr_assert_eq(starts[i], ws[i], "block %d start", i);
    cr_assert_eq(ends[i], we[i], "block %d end", i);
  }
  scs_cone_work_free(w);
  /* no box, no soc: no blocks */
  ScsCone k2 = {0};
  k2.z = 2;
  k2.l = 3;
  w = scs_cone_work_init(&k2, 5);
  cr_assert_not_null(w);
  cr_assert_eq(scs_cone_blocks(w, starts, ends), 0);
  scs_cone_work_free(w);
}

Test(cones, deep_copy) {
  scs_float bl[] = {-1, -INFINITY, 2, 0}, bu[] = {1, 3, 2, INFINITY};
  scs_int q[] = {1, 3, 5};
  ScsCone k = mixed_cone();
  k.bl = bl;
  k.bu = bu;
  k.q = q;
  ScsConeWork *w = scs_cone_work_init(&k, 21);
  cr_assert_not_null(w);
  cr_assert_neq(w->k.bl, bl);
  cr_assert_neq(w->k.bu, bu);
  cr_assert_neq(w->k.q, q);
  /* clobber the caller's arrays: the work must not notice */
  for (int i = 0; i < 4; ++i) bl[i] = bu[i] = 1e3f;
  q[0] = 9, q[1] = 0, q[2] = 0;
  scs_int starts[21], ends[21];
  cr_assert_eq(scs_cone_blocks(w, starts, ends), 4);
  cr_assert_eq(ends[3], 21);
  /* (t, s) = (1, 5, 0, 2, 0): s_0 = 5 must be clipped toward [-t, t] */
  scs_float v[21] = {0}, want[5] = {1, 5, 0, 2, 0}, work[10];
  memcpy(v + 7, want, sizeof(want));
  scs_proj_box(want, 5, g_bl, g_bu, work);
  scs_cone_project(w, v);
  for (int i = 0; i < 5; ++i) cr_assert_eq(v[7 + i], want[i], "row %d", 7 + i);
  cr_assert_lt(v[8], 5, "the box bound must still be 1, not 1e3");
  scs_cone_work_free(w);
}

/* The whole-cone dispatch of the PSD, complex PSD, exponential and power
 * families: blocks land on the right rows, and Moreau holds for the product
 * (x = Pi_K(x) - Pi_K*(-x), the two parts orthogonal). */
Test(cones, every_family_dispatched) {
  scs_int s[] = {2}, cs[] = {2};
  scs_float p[] = {0.3, -0.4};
  ScsCone k = {0};
  k.l = 1, k.s = s, k.ssize = 1, k.cs = cs, k.cssize = 1;
  k.ep = 1, k.ed = 1, k.p = p, k.psize = 2;
  scs_int m = 1 + 3 + 4 + 3 + 3 + 6;
  ScsConeWork *w = scs_cone_work_init(&k, m);
  cr_assert_not_null(w);
  scs_float x[20], pk[20], pd[20], ref[20];
  for (int trial = 0; trial < 50; ++trial) {
    for (scs_int i = 0; i < m; ++i)
      x[i] = (scs_float)(sin(1.7 * (double)(i + 1) * (trial + 1)) * 3);
    memcpy(pk, x, sizeof(x));
    cr_assert_eq(scs_cone_project(w, pk), 0, "%s", scs_last_error());
    /* rows 1..3 the PSD block, 8..10 exp, 11..13 dual exp, 14.. power */
    memcpy(ref, x, sizeof(x));
    scs_proj_exp(ref + 8);
    scs_proj_exp_dual(ref + 11);
    scs_proj_power(ref + 14, 0.3);
    scs_proj_power(ref + 17, -0.4);
    for (int i = 8; i < 20; ++i)
      cr_assert_float_eq(pk[i], ref[i], TOL, "row %d", i);
    for (scs_int i = 0; i < m; ++i) pd[i] = -x[i];
    cr_assert_eq(scs_cone_project_dual(w, pd), 0);
    double dot = 0, nrm = 0;
    for (scs_int i = 0; i < m; ++i) {
      cr_assert(fabs(x[i] - (pk[i] - pd[i])) <= TOL * (1 + fabs(x[i])),
                "Moreau fails at row %d", (int)i);
      dot += (double)pk[i] * pd[i];
      nrm += (double)x[i] * x[i];
    }
    cr_assert(fabs(dot) <= TOL * (1 + nrm), "not orthogonal: %g", dot);
  }
  scs_cone_work_free(w);
  scs_cone_work_free(NULL);
}

Test(cones, describe) {
  ScsCone k = mixed_cone();
  char buf[128];
  scs_cone_describe(&k, buf, sizeof(buf));
  cr_assert_str_eq(buf, "z: 3, l: 4, box: 5, q: 3 cones (max 5)");
  ScsCone k2 = {0};
  k2.l = 10;
  scs_cone_describe(&k2, buf, sizeof(buf));
  cr_assert_str_eq(buf, "l: 10");
  /* truncation stays inside the buffer and terminated */
  char small[8];
  memset(small, 'x', sizeof(small));
  scs_cone_describe(&k, small, sizeof(small));
  cr_assert_eq(strlen(small), 7);
  cr_assert_eq(strncmp(small, "z: 3, l", 7), 0);
}

/*
 * Projection onto the box cone
 *   K_box = {(t, s) : t >= 0, t bl <= s <= t bu},
 * the closed conic hull of {1} x [bl, bu]. Bounds that are not finite are
 * absent (bl_i = -inf: no lower bound on s_i; bu_i = +inf: no upper bound).
 *
 * For a fixed t >= 0 the closest s to s0 is clip(s0, t bl, t bu), so the
 * projection of (t0, s0) minimises over t >= 0 the convex function
 *   f(t) = (t - t0)^2 + sum_i (t bl_i - s0_i)_+^2 + (s0_i - t bu_i)_+^2.
 * Each finite bound c (lower or upper) adds the term c (t c - s0_i) to
 *   g(t) = f'(t) / 2 = (t - t0) + sum_{active} c (t c - s0_i)
 * while it is active (t c > s0_i for a lower bound, t c < s0_i for an upper
 * one). g is continuous, piecewise linear and strictly increasing (slope
 * >= 1), with kinks only at the breakpoints s0_i / c. So t* = 0 if g(0) >= 0,
 * else t* is the unique root of g, and on the linear piece holding it
 *   g(t) = A t - B,  A = 1 + sum_{active} c^2,  B = t0 + sum_{active} c s0_i,
 * so t* = B / A exactly (up to rounding).
 *
 * The piece is found in two phases, both exact (no tolerance):
 *  1. Newton on g from t = 0: one O(n) pass gives the line A t - B of the
 *     piece through t, the next t is its root B / A, and the search ends
 *     when the pass at B / A gives the same line (B / A is then the root of
 *     its own piece). Every pass also tightens a bracket (lo, hi) of the
 *     root by the sign of g; steps are doubled until hi is finite (see
 *     box_next). g is monotone but not convex, so Newton can leave the
 *     bracket or stall; it gets a fixed number of passes.
 *  2. Otherwise, randomized selection over the breakpoints, as in
 *     quickselect: keep the coordinates with a breakpoint strictly inside
 *     (lo, hi), fold every other one (linear on (lo, hi)) into running
 *     sums of A and B, evaluate g at a random remaining breakpoint, halve
 *     (lo, hi) there and fold again. The remaining set shrinks by a
 *     constant factor in expectation: O(n) expected, with no sort. The
 *     random source has a fixed seed, so results are deterministic; the
 *     indices of the remaining coordinates live in the caller's work
 *     array (n scs_ints fit in its 2 len scs_floats in every build).
 * Phase 1 usually ends within a few passes; phase 2 bounds the worst case.
 */
#include <stdint.h>
#include <string.h>

#include "cones.h"

/* ---- one coordinate ---------------------------------------------------------- */

/* The contribution of coordinate i to g(t), from the definition of g. */
static scs_float box_term(scs_float t, scs_float s0, scs_float l, scs_float u) {
  scs_float g = 0;
  if (isfinite(l)) {
    scs_float r = t * l - s0;
    if (r > 0) g += l * r;
  }
  if (isfinite(u)) {
    scs_float r = s0 - t * u;
    if (r > 0) g -= u * r;
  }
  return g;
}

/* Writes the breakpoints s0 / c of the finite nonzero bounds c in {l, u}
 * that lie strictly inside (lo, hi) to b; returns their count (0 to 2).
 * c = 0 gives no breakpoint: its term in g is always 0. */
static int box_inner_breaks(scs_float s0, scs_float l, scs_float u,
                            scs_float lo, scs_float hi, scs_float b[2]) {
  const scs_float c[2] = {l, u};
  int k = 0;
  for (int j = 0; j < 2; ++j) {
    if (!isfinite(c[j]) || c[j] == 0) continue;
    scs_float x = s0 / c[j];
    if (x > lo && x < hi) b[k++] = x;
  }
  return k;
}

/* Is the bound c (lower: lower = 1) active on (lo, hi), which holds none of
 * its breakpoints? A lower bound with c > 0 or an upper one with c < 0 is
 * active for t > s0 / c; the other two for t < s0 / c. The breakpoint is
 * computed as in box_inner_breaks, so the comparisons agree with it. */
static int box_active(scs_float c, int lower, scs_float s0, scs_float lo,
                      scs_float hi) {
  if (!isfinite(c) || c == 0) return 0;
  scs_float b = s0 / c;
  return (lower ? c > 0 : c < 0) ? (b <= lo) : (b >= hi);
}

/* g = A t - W - t0 + (the remaining coordinates) on the current interval:
 * a and w are the sums over the folded ones of c^2 and c s0_i. */
typedef struct {
  scs_float a, w;
} BoxLinear;

/* Adds the active terms of a coordinate that is linear on (lo, hi). */
static void box_fold(BoxLinear *lin, scs_float s0, scs_float l, scs_float u,
                     scs_float lo, scs_float hi) {
  if (box_active(l, 1, s0, lo, hi)) lin->a += l * l, lin->w += l * s0;
  if (box_active(u, 0, s0, lo, hi)) lin->a += u * u, lin->w += u * s0;
}

/* ---- the remaining coordinates, as indices in the work array ---------------- */

/* memcpy keeps the scs_float work array free of type punning */
static scs_int box_idx(const scs_float *work, scs_int k) {
  scs_int i;
  memcpy(&i, (const char *)work + (size_t)k * sizeof(i), sizeof(i));
  return i;
}
static void box_set_idx(scs_float *work, scs_int k, scs_int i) {
  memcpy((char *)work + (size_t)k * sizeof(i), &i, sizeof(i));
}

/* splitmix64 step: the pivot choices */
static uint64_t box_rand(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* ---- the root of g -------------------------------------------------------- */

typedef struct {
  scs_float t0;
  const scs_float *s0, *bl, *bu;
  scs_float lo, hi; /* the root of g is in [lo, hi] */
  BoxLinear lin;    /* the folded coordinates */
  scs_float *work;  /* indices of the coordinates not folded */
  scs_int k;        /* their count */
} BoxSearch;

/* g(t) for t in (lo, hi). */
static scs_float box_search_g(const BoxSearch *bs, scs_float t) {
  scs_float g = t - bs->t0 + (bs->lin.a * t - bs->lin.w);
  for (scs_int m = 0; m < bs->k; ++m) {
    scs_int i = box_idx(bs->work, m);
    g += box_term(t, bs->s0[i], bs->bl[i], bs->bu[i]);
  }
  return g;
}

/* Keeps the coordinates with a breakpoint inside (lo, hi), folds the rest. */
static void box_search_shrink(BoxSearch *bs) {
  scs_int kept = 0;
  for (scs_int m = 0; m < bs->k; ++m) {
    scs_int i = box_idx(bs->work, m);
    scs_float b[2];
    if (box_inner_breaks(bs->s0[i], bs->bl[i], bs->bu[i], bs->lo, bs->hi, b))
      box_set_idx(bs->work, kept++, i);
    else
      box_fold(&bs->lin, bs->s0[i], bs->bl[i], bs->bu[i], bs->lo, bs->hi);
  }
  bs->k = kept;
}

/* Phase 2 (see the header comment): the root of g in [lo, hi]. */
static scs_float box_select(BoxSearch *bs, scs_int n) {
  const scs_float *s0 = bs->s0, *bl = bs->bl, *bu = bs->bu;
  for (scs_int i = 0; i < n; ++i) { /* the coordinates to keep */
    scs_float b[2];
    if (box_inner_breaks(s0[i], bl[i], bu[i], bs->lo, bs->hi, b))
      box_set_idx(bs->work, bs->k++, i);
    else
      box_fold(&bs->lin, s0[i], bl[i], bu[i], bs->lo, bs->hi);
  }
  uint64_t rng = (uint64_t)n;
  while (bs->k > 0) {
    uint64_t r = box_rand(&rng);
    scs_int i = box_idx(bs->work, (scs_int)(r % (uint64_t)bs->k));
    scs_float b[2];
    int nb = box_inner_breaks(s0[i], bl[i], bu[i], bs->lo, bs->hi, b);
    scs_float p = b[nb == 2 ? (int)(r >> 63) : 0];
    if (box_search_g(bs, p) >= 0) bs->hi = p; /* g increasing */
    else bs->lo = p;
    box_search_shrink(bs); /* p itself is no longer inside */
  }
  scs_float t = (bs->t0 + bs->lin.w) / (1 + bs->lin.a);
  return t < bs->lo ? bs->lo : (t > bs->hi ? bs->hi : t); /* rounding */
}

/* x if on, else +0, without a branch (gcc turns the plain ?: on doubles
 * into a jump, and the activity pattern of the bounds is random). */
#if SCS_SFLOAT
typedef uint32_t BoxBits;
#else
typedef uint64_t BoxBits;
#endif
static scs_float box_keep(scs_float x, int on) {
  BoxBits b;
  memcpy(&b, &x, sizeof(b));
  b &= (BoxBits)0 - (BoxBits)on;
  memcpy(&x, &b, sizeof(b));
  return x;
}

/* c^2 and c s of the bounds of coordinate i active at t (strictly, as in
 * box_term), added to *a and *w. Bounds are validated: l < +inf, u > -inf,
 * so an infinite bound is never active (t l > s fails for l = -inf, also
 * at t = 0 where t l is NaN). */
static void box_add_active(scs_float t, scs_float s, scs_float l, scs_float u,
                           scs_float *a, scs_float *w) {
  l = box_keep(l, t * l > s);
  u = box_keep(u, t * u < s);
  *a += l * l + u * u;
  *w += (l + u) * s;
}

/* The line g = a t - w of the piece through t: a = 1 + sum c^2 and
 * w = t0 + sum c s0_i over the bounds active at t. Two partial sums (even
 * and odd i) halve the chain of dependent additions. */
static void box_line_at(scs_float t, scs_float t0, const scs_float *s0,
                        const scs_float *bl, const scs_float *bu, scs_int n,
                        scs_float *a, scs_float *w) {
  scs_float a0 = 0, w0 = 0, a1 = 0, w1 = 0;
  scs_int i = 0;
  for (; i + 1 < n; i += 2) {
    box_add_active(t, s0[i], bl[i], bu[i], &a0, &w0);
    box_add_active(t, s0[i + 1], bl[i + 1], bu[i + 1], &a1, &w1);
  }
  if (i < n) box_add_active(t, s0[i], bl[i], bu[i], &a0, &w0);
  *a = 1 + (a0 + a1), *w = t0 + (w0 + w1);
}

/* Phase 1 passes before phase 2 takes over */
#define BOX_NEWTON_PASSES 12

/* The next point of phase 1 from t (g(t) = a t - w) in the bracket: the
 * root of the line, but a doubled step while the root has no upper bound
 * yet: from the left, Newton undershoots where g is concave (bounds turning
 * off, the common case bl < 0 < bu) and would creep up on the root. */
static scs_float box_next(scs_float t, scs_float a, scs_float w,
                          scs_float hi) {
  scs_float tn = w / a;
  if (isinf(hi) && tn > t) tn += tn - t;
  return tn;
}

/* argmin_{t >= 0} f(t), see the header comment. */
static scs_float box_opt_t(scs_float t0, const scs_float *s0,
                           const scs_float *bl, const scs_float *bu,
                           scs_int n, scs_float *work) {
  BoxSearch bs = {t0, s0, bl, bu, 0, (scs_float)INFINITY, {0, 0}, work, 0};
  scs_float a, w, t = 0;
  box_line_at(0, t0, s0, bl, bu, n, &a, &w);
  if (w <= 0) return 0; /* g(0) = -w >= 0 */
  for (int pass = 0; pass < BOX_NEWTON_PASSES; ++pass) {
    scs_float tn = box_next(t, a, w, bs.hi), a1, w1;
    if (!(tn > bs.lo && tn < bs.hi)) break;
    box_line_at(tn, t0, s0, bl, bu, n, &a1, &w1);
    /* the same line: tn is the root of its own piece (if it was its root) */
    if (a1 == a && w1 == w && tn == w / a) return tn;
    if (a1 * tn - w1 >= 0) bs.hi = tn;
    else bs.lo = tn;
    t = tn, a = a1, w = w1;
  }
  return box_select(&bs, n);
}

void scs_proj_box(scs_float *v, scs_int len, const scs_float *bl,
                  const scs_float *bu, scs_float *work) {
  if (len <= 0) return;
  scs_int n = len - 1;
  scs_float *s = v + 1;
  scs_float t = box_opt_t(v[0], s, bl, bu, n, work);
  v[0] = t;
  for (scs_int i = 0; i < n; ++i) { /* s = clip(s0, t bl, t bu) */
    scs_float lo = t * bl[i], hi = t * bu[i]; /* NaN for t = 0, inf bound */
    s[i] = s[i] < lo ? lo : s[i];
    s[i] = s[i] > hi ? hi : s[i];
  }
}

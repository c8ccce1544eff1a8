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
 * else t* is the unique root of g: a binary search over the sorted positive
 * breakpoints finds the linear piece holding it, and on that piece
 *   g(t) = A t - B,  A = 1 + sum_{active} c^2,  B = t0 + sum_{active} c s0_i,
 * so t* = B / A exactly (up to rounding). O(n log n), no allocation.
 */
#include "cones.h"

/* g(t) = f'(t) / 2, evaluated directly from its definition. */
static scs_float box_half_grad(scs_float t, scs_float t0, const scs_float *s0,
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
static void sift_down(scs_float *a, scs_int root, scs_int n) {
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

static void heap_sort(scs_float *a, scs_int n) {
  for (scs_int i = n / 2 - 1; i >= 0; --i) sift_down(a, i, n);
  for (scs_int end = n - 1; end > 0; --end) {
    scs_float tmp = a[0];
    a[0] = a[end];
    a[end] = tmp;
    sift_down(a, 0, end);
  }
}

/* Write the positive finite breakpoints s0_i / c into bp; return the count
 * (at most 2 n). */
static scs_int box_breakpoints(const scs_float *s0, const scs_float *bl,
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
 * exactly as in box_breakpoints, so comparisons with lo / hi are exact. */
static int box_active(scs_float c, int sign, scs_float s0, scs_float lo,
                      scs_float hi) {
  if (!isfinite(c) || c == 0) return 0;
  scs_float b = s0 / c;
  return (sign > 0 ? c > 0 : c < 0) ? (b <= lo) : (b >= hi);
}

/* The root of g on the piece [lo, hi], from g = A t - B there. */
static scs_float box_piece_root(scs_float t0, const scs_float *s0,
                                const scs_float *bl, const scs_float *bu,
                                scs_int n, scs_float lo, scs_float hi) {
  scs_float a = 1, b = t0;
  for (scs_int i = 0; i < n; ++i) {
    if (box_active(bl[i], 1, s0[i], lo, hi)) {
      a += bl[i] * bl[i];
      b += bl[i] * s0[i];
    }
    if (box_active(bu[i], -1, s0[i], lo, hi)) {
      a += bu[i] * bu[i];
      b += bu[i] * s0[i];
    }
  }
  scs_float t = b / a;
  return t < lo ? lo : (t > hi ? hi : t); /* guards rounding only */
}

/* argmin_{t >= 0} f(t), see the header comment. */
static scs_float box_opt_t(scs_float t0, const scs_float *s0,
                           const scs_float *bl, const scs_float *bu,
                           scs_int n, scs_float *bp) {
  if (box_half_grad(0, t0, s0, bl, bu, n) >= 0) return 0;
  scs_int k = box_breakpoints(s0, bl, bu, n, bp);
  heap_sort(bp, k);
  /* first breakpoint where g >= 0 (g is increasing); the root lies on the
   * piece just left of it */
  scs_int lo_i = 0, hi_i = k;
  while (lo_i < hi_i) {
    scs_int mid = lo_i + (hi_i - lo_i) / 2;
    if (box_half_grad(bp[mid], t0, s0, bl, bu, n) >= 0) hi_i = mid;
    else lo_i = mid + 1;
  }
  scs_float lo = lo_i > 0 ? bp[lo_i - 1] : 0;
  scs_float hi = lo_i < k ? bp[lo_i] : (scs_float)INFINITY;
  return box_piece_root(t0, s0, bl, bu, n, lo, hi);
}

void scs_proj_box(scs_float *v, scs_int len, const scs_float *bl,
                  const scs_float *bu, scs_float *work) {
  if (len <= 0) return;
  scs_int n = len - 1;
  scs_float *s = v + 1;
  scs_float t = box_opt_t(v[0], s, bl, bu, n, work);
  v[0] = t;
  for (scs_int i = 0; i < n; ++i) { /* s = clip(s0, t bl, t bu) */
    if (isfinite(bl[i]) && s[i] < t * bl[i]) s[i] = t * bl[i];
    if (isfinite(bu[i]) && s[i] > t * bu[i]) s[i] = t * bu[i];
  }
}

/*
 * Projection onto the second-order cone Q = {(t, x) : ||x||_2 <= t}.
 *
 * With n = ||x||_2 the projection of (t, x) is (e.g. Boyd & Vandenberghe,
 * Convex Optimization, exercise 8.3; Parikh & Boyd, Proximal Algorithms 6.3.2)
 *   (t, x)                        if n <= t     (inside Q),
 *   0                             if n <= -t    (in the polar cone -Q),
 *   ((t + n) / 2) (1, x / n)      otherwise.
 */
#include <float.h>

#include "cones.h"

/* Below this a plain sum of squares may have lost digits to underflow. */
#define SOC_SUMSQ_TINY                                                       \
  (sizeof(scs_float) == sizeof(float) ? (scs_float)(FLT_MIN / FLT_EPSILON)  \
                                      : (scs_float)(DBL_MIN / DBL_EPSILON))

/* ||x||_2 without spurious overflow or underflow: the plain sum of squares
 * when it is safely representable, else max|x_i| * ||x / max|x_i|||_2. */
static scs_float soc_norm(const scs_float *x, scs_int len) {
  scs_float ss = 0, mx = 0;
  for (scs_int i = 0; i < len; ++i) ss += x[i] * x[i];
  if (isfinite(ss) && ss >= SOC_SUMSQ_TINY) return (scs_float)sqrt(ss);
  for (scs_int i = 0; i < len; ++i) mx = SCS_MAX(mx, (scs_float)fabs(x[i]));
  if (mx == 0 || !isfinite(mx)) return mx;
  ss = 0;
  for (scs_int i = 0; i < len; ++i) {
    scs_float r = x[i] / mx;
    ss += r * r;
  }
  return mx * (scs_float)sqrt(ss);
}

void scs_proj_soc(scs_float *v, scs_int len) {
  if (len <= 0) return;
  scs_float t = v[0];
  if (len == 1) { /* the cone {t >= 0} */
    v[0] = t > 0 ? t : 0;
    return;
  }
  scs_float n = soc_norm(v + 1, len - 1);
  if (n <= t) return;
  if (n <= -t) {
    for (scs_int i = 0; i < len; ++i) v[i] = 0;
    return;
  }
  /* Here n > |t|: alpha = (t + n) / 2 = ratio * n with ratio = alpha / n in
   * (0, 1), so nothing overflows; t <- ratio * n and x <- ratio * x keep
   * ||x|| == t up to one rounding. */
  scs_float ratio = (scs_float)0.5 * (1 + t / n);
  v[0] = ratio * n;
  for (scs_int i = 1; i < len; ++i) v[i] *= ratio;
}

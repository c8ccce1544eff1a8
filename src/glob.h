/* Internal definitions shared by every module of libscs. */
#ifndef SCS_GLOB_H
#define SCS_GLOB_H

#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "scs.h"

#define SCS_API_VERSION "3.2.11"   /* the SCS API this library implements */
#define SCS_LIBRARY_VERSION "0.1.0"

/* Public entry points are the only symbols the shared library exports. */
#ifndef SCS_EXPORT
#define SCS_EXPORT __attribute__((visibility("default")))
#endif

/* The largest scs_int (int or long long, scs_types.h). */
#if SCS_DLONG
#define SCS_INT_MAX ((scs_int)LLONG_MAX)
#else
#define SCS_INT_MAX ((scs_int)INT_MAX)
#endif

#define SCS_MAX(a, b) (((a) > (b)) ? (a) : (b))
#define SCS_MIN(a, b) (((a) < (b)) ? (a) : (b))

/* Defaults of the SCS 3.2 settings (its documentation, "Settings"). */
#define SCS_DEFAULT_MAX_ITERS 100000
#define SCS_DEFAULT_EPS_REL 1e-4
#define SCS_DEFAULT_EPS_ABS 1e-4
#define SCS_DEFAULT_EPS_INFEAS 1e-7
#define SCS_DEFAULT_ALPHA 1.5
#define SCS_DEFAULT_RHO_X 1e-6
#define SCS_DEFAULT_SCALE 0.1
#define SCS_DEFAULT_ACCEL_LOOKBACK 10
#define SCS_DEFAULT_ACCEL_INTERVAL 10
#define SCS_DEFAULT_AA_REGULARIZATION 1e-8
#define SCS_DEFAULT_AA_RELAXATION 1.0

/* Algorithm constants (ALGORITHM.md and the SCS "scale" page). */
#define SCS_TAU_FACTOR 10.0         /* R entry of the tau row */
#define SCS_ZERO_CONE_R_FACTOR 1000.0 /* zero-cone rows: rho_y / 1000 */
#define SCS_MIN_SCALE 1e-6
#define SCS_MAX_SCALE 1e6
#define SCS_RESCALE_MIN_ITERS 100
#define SCS_RESCALE_STALL_ITERS 500
/* Iterative linear-system tolerance (SCS 3.2's CG_* constants). */
#define SCS_LINSYS_TOL_FACTOR 0.2
#define SCS_LINSYS_TOL_RATE 1.5
#define SCS_LINSYS_BEST_TOL 1e-12
#define SCS_AA_SAFEGUARD_FACTOR 1.0
#define SCS_AA_MAX_WEIGHT_NORM 1e10

static inline int scs_is_finite(scs_float v) { return isfinite(v); }

/* a / b for b > 0 that never divides by zero */
static inline scs_float scs_safe_div(scs_float a, scs_float b) {
  return a / (b > 1e-18 ? b : 1e-18);
}

#endif

/*
 * The linear-system backend interface (internal for now; issue "backends"
 * makes it public). Every iteration solves the quasi-definite KKT system
 *
 *     M z = rhs,   M = [ P + diag(r_x)   A'         ]
 *                      [ A              -diag(r_y)  ]
 *
 * with r = (r_x, r_y) = diag_r > 0 of length n + m. A backend never sees
 * cones or settings beyond a tolerance.
 */
#ifndef SCS_LINSYS_H
#define SCS_LINSYS_H

#include "scs.h"

typedef struct ScsLinSysBackend {
  /* Short name reported in ScsInfo.lin_sys_solver, e.g. "sparse-direct". */
  const char *name;
  /*
   * Prepare for solves with M (factor it, build a preconditioner...).
   * A is m x n, P is n x n upper triangle (or NULL); both have columns
   * sorted by row without duplicates. The backend must copy what it keeps.
   * Returns NULL and calls scs_set_error() on failure (for instance a zero,
   * tiny or NaN pivot).
   */
  void *(*init)(const ScsMatrix *A, const ScsMatrix *P, const scs_float *diag_r);
  /*
   * Overwrite rhs (length n + m) with M^{-1} rhs. warm (may be NULL) is a
   * guess of the solution and tol a residual tolerance, both for iterative
   * backends. Returns 0 on success, nonzero (after scs_set_error) on failure.
   */
  scs_int (*solve)(void *work, scs_float *rhs, const scs_float *warm,
                   scs_float tol);
  /* diag_r changed: refactor / refresh. 0 on success, nonzero on failure. */
  scs_int (*update_diag_r)(void *work, const scs_float *diag_r);
  void (*free)(void *work);
} ScsLinSysBackend;

/* The sparse direct backend: AMD ordering + LDL'. */
extern const ScsLinSysBackend scs_linsys_direct;

#endif

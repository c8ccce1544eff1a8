/* The workspace behind the opaque ScsWork handle. */
#ifndef SCS_WORK_H
#define SCS_WORK_H

#include <stdatomic.h>

#include "accel.h"
#include "cancel.h"
#include "cones/cones.h"
#include "gate.h"
#include "glob.h"
#include "linsys.h"
#include "normalize.h"
#include "residuals.h"

struct SCS_WORK {
  ScsGate gate;         /* every call that touches the handle passes it */
  atomic_int interrupt; /* set by scs_interrupt, consumed by a solve */
  ScsCancelToken cancel; /* what the loop and an ABI-2 backend poll */
  /* Set when a failure left the handle without a valid factorization and
   * restoring the previous one failed too: every later call fails with
   * this message (docs/c_api.md, "Failures and the handle"). */
  int broken;
  char broken_why[256];
  ScsProgressCallback callback;
  void *callback_data;

  scs_int m, n;
  ScsSettings stgs;     /* private copy; filenames point to owned copies,
                         * allocator to `allocator` below (or NULL) */
  ScsAllocator allocator; /* copy of the caller's, if any */
  char *write_data_filename, *log_csv_filename;
  ScsConeWork *cones;

  /* normalized data */
  ScsMatrix *A, *P;
  scs_float *b, *c;
  scs_float *b_next, *c_next; /* scs_update builds here, then swaps */
  scs_float nm_b_orig, nm_c_orig; /* ||b||_inf, ||c||_inf of caller data */
  ScsScaling *scal;

  const ScsLinSysBackend *linsys;
  void *linsys_work;
  scs_float *linsys_warm; /* n + m guess for iterative backends, else NULL */
  scs_float *linsys_scratch; /* n + m, residuals for their tolerance */
  scs_int lin_sys_iters;  /* inner iterations since the solve began */
  AaWork *accel;

  /* the iteration (ALGORITHM.md): w the DR iterate, u_t = u~, u the
   * projected point, rsk = (r, s, kappa) the dual vector v */
  scs_float scale;   /* current dual scale */
  scs_float *diag_r; /* R, length n + m + 1 */
  scs_float *w, *w_prev, *u, *u_t, *rsk;
  scs_float *g;      /* M^{-1} h, h = (c, -b) (length n + m) */
  scs_float *g_next; /* g is recomputed here, then swapped in on success */
  scs_float root_a;  /* d + g'Rg: leading coefficient of root_plus */

  ScsResiduals r;    /* residuals in the caller's units */
  scs_float *x_orig, *y_orig, *s_orig; /* homogeneous iterate (not / tau)
                                        * in the caller's units */

  /* adaptive scale bookkeeping */
  scs_float sum_log_scale_factor;
  scs_int n_log_scale_factor, last_scale_update_iter, scale_updates;
  int scale_frozen; /* a refactorization failed this solve: keep the scale */
  /* stall watch (scale.c): the merit where the watch began or last
   * halved, the iteration of it, and the sum of the log ratios since */
  scs_float scale_ref_merit, scale_ref_sum_log;
  scs_int scale_ref_iter;
  scs_int scale_stall_iters; /* how long a stall must last (this solve) */

  scs_int accepted_accel_steps, rejected_accel_steps;
  scs_float aa_norm;
  double setup_time_ms;
  int time_limit_reached;
  int farkas; /* solving another's Farkas system (polish_cert.c): no
               * certificate search of its own */
};

#endif

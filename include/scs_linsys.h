/*
 * libscs extension: linear-system backends chosen at run time
 * (docs/backends.md). Included by scs.h.
 *
 * Every iteration of the solver solves the quasi-definite system
 *
 *     M z = rhs,   M = [ P + diag(r_x)   A'         ]
 *                      [ A              -diag(r_y)  ]
 *
 * where A (m x n) and P (n x n, upper triangle, or NULL) are the
 * equilibrated data and r = (r_x, r_y) > 0 has length n + m. A backend is a
 * table of four functions; a workspace (ScsWork) holds one backend state,
 * and calls on one state never overlap. The same backend serves many
 * workspaces at once, so its functions must not share mutable state
 * between states (or must lock it themselves).
 */
#ifndef SCS_LINSYS_H_GUARD
#define SCS_LINSYS_H_GUARD

#include "scs.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Value of ScsLinSysBackend.abi_version for this header. Version 2 added
 *  set_cancel; tables of version 1 (without it) are still accepted. */
#define SCS_LINSYS_ABI_VERSION 2

/** What solve returns (ABI 2) when it stopped early because
 *  scs_linsys_cancelled() said so; no message is needed. */
#define SCS_LINSYS_CANCELLED (-2)

/** The cancellation state of one workspace (opaque; see set_cancel). */
typedef struct ScsCancelToken ScsCancelToken;

/** Flag: the backend is iterative; the solver then passes a warm start and
 *  a tolerance to every solve (otherwise warm is NULL and tol is 0). */
#define SCS_LINSYS_ITERATIVE 1u

struct ScsLinSysBackend {
  /** Must be SCS_LINSYS_ABI_VERSION. */
  int abi_version;
  /** Short name reported in ScsInfo.lin_sys_solver (at most 127 chars). */
  const char *name;
  /** SCS_LINSYS_* flags. */
  unsigned flags;
  /** Passed unchanged to init (state shared by every workspace). */
  void *user_data;
  /**
   * Prepare solves with M: factor it, build a preconditioner... A and P
   * have columns sorted by row, no duplicates, and stay valid and unchanged
   * until free is called (the backend may keep pointers to them); diag_r is
   * only valid during the call. Returns the backend's state, or NULL after
   * scs_set_last_error() on failure.
   */
  void *(*init)(const ScsMatrix *A, const ScsMatrix *P,
                const scs_float *diag_r, void *user_data);
  /**
   * Overwrite rhs (length n + m) with M^{-1} rhs. For iterative backends
   * warm (length n + m) is a guess of the solution and tol an absolute
   * bound on the infinity norm of the residual of the system solved.
   * Returns the number of inner iterations (0 for a factorization), or a
   * negative value after scs_set_last_error() on failure.
   */
  scs_int (*solve)(void *state, scs_float *rhs, const scs_float *warm,
                   scs_float tol);
  /** r changed (adaptive scale): refactor or refresh. 0, or nonzero after
   *  scs_set_last_error() on failure. */
  scs_int (*update_diag_r)(void *state, const scs_float *diag_r);
  /** Release the state (never called with NULL). */
  void (*free)(void *state);
  /* ---- ABI version 2 ---- */
  /**
   * Optional (NULL: the backend is never cancelled mid-solve). Called once
   * after init with the workspace's cancellation token, valid until free.
   * A long solve may poll scs_linsys_cancelled(token) (lock-free, a few
   * atomic loads) and return SCS_LINSYS_CANCELLED when it is nonzero; the
   * solve then returns SCS_SIGINT.
   */
  void (*set_cancel)(void *state, const ScsCancelToken *token);
};

/** Sparse LDL' of M with AMD ordering ("sparse-direct", the default). */
extern const ScsLinSysBackend scs_linsys_direct;
/** Matrix-free preconditioned conjugate gradient on the reduced system
 *  (P + R_x + A' R_y^{-1} A) x = rhs ("sparse-indirect"). */
extern const ScsLinSysBackend scs_linsys_indirect;
/** Dense Cholesky (LAPACK) of the reduced system ("dense"), for small or
 *  dense problems. */
extern const ScsLinSysBackend scs_linsys_dense;
/** Picks dense for small dense problems and direct otherwise, at scs_init
 *  ("auto"; the rule is in docs/backends.md). */
extern const ScsLinSysBackend scs_linsys_auto;

/** Nonzero when the solve that is running on the token's workspace has
 *  been asked to stop (scs_interrupt, Ctrl-C or scs_finish). Zero outside
 *  solves (during scs_init and scs_update), so those always complete. */
int scs_linsys_cancelled(const ScsCancelToken *token);

/**
 * The built-in backend called name: "direct" or "sparse-direct",
 * "indirect" or "sparse-indirect", "dense", "auto". NULL and
 * scs_last_error() set for anything else.
 */
const ScsLinSysBackend *scs_linsys_backend(const char *name);

/** Record a printf-style message as the calling thread's last error (for
 *  backends reporting a failure; scs_last_error() returns it). */
void scs_set_last_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#ifdef __cplusplus
}
#endif
#endif

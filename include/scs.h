/*
 * libscs public API: source compatible with the SCS 3.2 C API, plus a few
 * scs_-prefixed extensions (marked "extension" below).
 *
 * Solves   minimize (1/2) x'Px + c'x  subject to  Ax + s = b, s in K
 * with operator splitting on the homogeneous self-dual embedding.
 *
 * Ownership: scs_init deep-copies everything it needs; the caller may free
 * its data, cones and settings as soon as scs_init returns. Arrays in
 * ScsSolution belong to the caller (the solver allocates them with malloc
 * when they are NULL; free them with free()).
 */
#ifndef SCS_H_GUARD
#define SCS_H_GUARD

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>

#include "scs_types.h"
#include "aa_stats.h"

#define SCS_NULL 0

/* Opaque workspaces. */
typedef struct ACCEL_WORK AaWork;
typedef struct SCS_CONE_WORK ScsConeWork;
typedef struct SCS_LIN_SYS_WORK ScsLinSysWork;
typedef struct SCS_WORK ScsWork;
/* Extension: a linear-system backend (full definition in scs_linsys.h). */
typedef struct ScsLinSysBackend ScsLinSysBackend;

/* Exit flags returned by scs_solve / scs and stored in info.status_val. */
#define SCS_INFEASIBLE_INACCURATE (-7)
#define SCS_UNBOUNDED_INACCURATE (-6)
#define SCS_SIGINT (-5)
#define SCS_FAILED (-4)
#define SCS_INDETERMINATE (-3)
#define SCS_INFEASIBLE (-2) /* primal infeasible, dual unbounded */
#define SCS_UNBOUNDED (-1)  /* primal unbounded, dual infeasible */
#define SCS_UNFINISHED (0)  /* placeholder, never returned by a solve */
#define SCS_SOLVED (1)
#define SCS_SOLVED_INACCURATE (2)

/** Sparse matrix in compressed sparse column form, 0-based. */
typedef struct {
  scs_float *x; /**< values, length p[n] */
  scs_int *i;   /**< row indices, length p[n] */
  scs_int *p;   /**< column pointers, length n + 1 */
  scs_int m;    /**< rows */
  scs_int n;    /**< columns */
} ScsMatrix;

/** Extension: what a line passed to ScsSettings.print is (docs/output.md). */
#define SCS_PRINT_LOG 0     /**< the progress table (default: stdout) */
#define SCS_PRINT_WARNING 1 /**< a warning (default: stderr) */
#define SCS_PRINT_ERROR 2   /**< an error, also in scs_last_error() (stderr) */

/** Extension: receives the library's output, one whole line at a time
 *  (ending in '\n'); `kind` is an SCS_PRINT_* value. Called on the thread
 *  of the call that prints (scs_init, scs_solve...). */
typedef void (*ScsPrintFn)(const char *line, scs_int kind, void *user_data);

/**
 * Extension: where the solver's memory comes from (docs/memory.md). malloc
 * and free are required; every block the library allocates for a handle
 * (from scs_init to scs_finish) goes through them, with user_data. The
 * solution arrays scs_solve allocates for NULL members of ScsSolution are
 * not included: those are always malloc'ed, as in SCS, for the caller to
 * free(). BLAS, LAPACK and SuiteSparse AMD allocate on their own.
 */
typedef struct {
  void *(*malloc)(size_t size, void *user_data);
  void (*free)(void *ptr, void *user_data);
  void *user_data;
} ScsAllocator;

/** Extension: values of ScsInfo.polish_status. */
#define SCS_POLISH_NOT_RUN 0
#define SCS_POLISH_ACCEPTED 1
#define SCS_POLISH_REJECTED (-1)
#define SCS_POLISH_FAILED (-2)

/** Solver settings; fill with scs_set_default_settings first. */
typedef struct {
  scs_int normalize;        /**< equilibrate the data (default 1) */
  scs_float scale;          /**< initial dual scale (default 0.1) */
  scs_int adaptive_scale;   /**< adapt scale during the solve (default 1) */
  scs_float rho_x;          /**< primal scale (default 1e-6) */
  scs_int max_iters;        /**< iteration limit (default 100000) */
  scs_float eps_abs;        /**< absolute tolerance (default 1e-4) */
  scs_float eps_rel;        /**< relative tolerance (default 1e-4) */
  scs_float eps_infeas;     /**< infeasibility tolerance (default 1e-7) */
  scs_float alpha;          /**< relaxation, in (0, 2) (default 1.5) */
  scs_float time_limit_secs; /**< 0 means no limit (default 0) */
  scs_int verbose;          /**< print the progress table (default 1) */
  scs_int warm_start;       /**< start from sol's x, y, s (default 0) */
  scs_int acceleration_lookback; /**< AA memory, 0 disables (default 10) */
  scs_int acceleration_interval; /**< AA every this many iters (default 10) */
  scs_int acceleration_type_1;   /**< 1 type-I, 0 type-II AA (default 1) */
  scs_float acceleration_regularization; /**< AA Tikhonov term (1e-8) */
  scs_float acceleration_relaxation;     /**< AA relaxation in [0,2] (1) */
  const char *write_data_filename; /**< dump the problem here (default NULL) */
  const char *log_csv_filename;    /**< per-iteration CSV log (default NULL) */
  /* ---- extensions (zero means the default, so zero-filled structs and
   * programs written for SCS 3.2 keep SCS's behaviour) ---- */
  /** Extension: nonzero leaves SIGINT alone (for embedders that own their
   *  signals); scs_interrupt still works. Default 0: Ctrl-C stops solves. */
  scs_int disable_signal_handling;
  /** Extension: the linear-system backend (docs/backends.md): a built-in
   *  (scs_linsys_direct, scs_linsys_indirect, scs_linsys_dense, or
   *  scs_linsys_backend(name)) or the caller's own. NULL means the sparse
   *  direct backend, as in SCS's default build. The vtable must outlive
   *  the workspace. */
  const ScsLinSysBackend *lin_sys_backend;
  /** Extension: where every line the library prints goes, from the first
   *  line scs_init prints to the last line of each solve (docs/output.md).
   *  NULL: the progress table to stdout, warnings and errors to stderr, as
   *  SCS. */
  ScsPrintFn print;
  /** Extension: passed unchanged to print (per handle: no global state). */
  void *print_data;
  /** Extension: the allocator of this handle's memory (NULL: the C
   *  library's malloc and free). scs_init copies the struct. */
  const ScsAllocator *allocator;
  /** Extension: nonzero turns solution polishing off (docs/polishing.md).
   *  Default 0: problems whose cones are zero and nonnegative only (LPs,
   *  QPs) are polished from the ADMM answer, which is kept whenever the
   *  polished point is not at least as good. */
  scs_int disable_polish;
} ScsSettings;

/** Problem data. */
typedef struct {
  scs_int m;     /**< rows of A */
  scs_int n;     /**< columns of A, size of P */
  ScsMatrix *A;  /**< m x n constraint matrix */
  ScsMatrix *P;  /**< n x n PSD matrix, upper triangle only, or NULL */
  scs_float *b;  /**< length m */
  scs_float *c;  /**< length n */
} ScsData;

/** The cone K. Rows of A follow this order: z, l, box, q, s, cs, ep, ed, p. */
typedef struct {
  scs_int z;      /**< zero cone (equalities) */
  scs_int l;      /**< nonnegative cone */
  scs_float *bu;  /**< box upper bounds, length bsize - 1 */
  scs_float *bl;  /**< box lower bounds, length bsize - 1 */
  scs_int bsize;  /**< box cone length including the t entry */
  scs_int *q;     /**< second-order cone lengths */
  scs_int qsize;  /**< number of second-order cones */
  scs_int *s;     /**< PSD cone matrix dimensions */
  scs_int ssize;  /**< number of PSD cones */
  scs_int *cs;    /**< complex PSD cone matrix dimensions */
  scs_int cssize; /**< number of complex PSD cones */
  scs_int ep;     /**< primal exponential cone triples */
  scs_int ed;     /**< dual exponential cone triples */
  scs_float *p;   /**< power cone parameters in [-1, 1] (negative: dual) */
  scs_int psize;  /**< number of power cone triples */
} ScsCone;

/** Solution or certificate; see the exit flag to know which. */
typedef struct {
  scs_float *x; /**< primal, length n */
  scs_float *y; /**< dual, length m */
  scs_float *s; /**< slack, length m */
} ScsSolution;

/** Information about a solve. Times are in milliseconds. */
typedef struct {
  scs_int iter;              /**< iterations taken */
  char status[128];          /**< status string, e.g. "solved" */
  char lin_sys_solver[128];  /**< linear-system backend used */
  scs_int status_val;        /**< exit flag */
  scs_int scale_updates;     /**< number of scale updates */
  scs_float pobj;            /**< primal objective */
  scs_float dobj;            /**< dual objective */
  scs_float res_pri;         /**< primal residual */
  scs_float res_dual;        /**< dual residual */
  scs_float gap;             /**< duality gap */
  scs_float res_infeas;      /**< infeasibility certificate residual */
  scs_float res_unbdd_a;     /**< unboundedness certificate residual (A) */
  scs_float res_unbdd_p;     /**< unboundedness certificate residual (P) */
  scs_float setup_time;      /**< setup time */
  scs_float solve_time;      /**< solve time */
  scs_float scale;           /**< final scale */
  scs_float comp_slack;      /**< complementary slackness |s'y| */
  scs_int rejected_accel_steps; /**< AA steps rejected by the safeguard */
  scs_int accepted_accel_steps; /**< AA steps accepted */
  AaStats aa_stats;          /**< acceleration diagnostics */
  scs_float lin_sys_time;    /**< time in the linear-system solves */
  scs_float cone_time;       /**< time in cone projections */
  scs_float accel_time;      /**< time in acceleration */
  /* ---- extensions ---- */
  /** Extension: inner iterations of the linear-system backend in this
   *  solve (conjugate-gradient steps for "sparse-indirect"; 0 for direct
   *  factorizations). */
  scs_int lin_sys_iters;
  /** Extension: what solution polishing did (docs/polishing.md):
   *  SCS_POLISH_NOT_RUN (0), SCS_POLISH_ACCEPTED (1: the answer is the
   *  polished point), SCS_POLISH_REJECTED (-1: tried, the ADMM answer was
   *  kept) or SCS_POLISH_FAILED (-2: the reduced system could not be
   *  factored; the ADMM answer was kept). The last attempt's. */
  scs_int polish_status;
  /** Extension: time spent polishing, included in solve_time (ms). */
  scs_float polish_time;
} ScsInfo;

/**
 * Validate and copy the problem, equilibrate it and factor the linear
 * system. Returns NULL on bad input or failure; scs_last_error() says why.
 * d, k and stgs may be freed by the caller as soon as this returns.
 */
ScsWork *scs_init(const ScsData *d, const ScsCone *k, const ScsSettings *stgs);

/**
 * Replace b and/or c (NULL keeps the current one) without refactoring.
 * Returns 0 on success, nonzero (and leaves the workspace unchanged) on bad
 * input such as NaN entries.
 */
scs_int scs_update(ScsWork *w, scs_float *b, scs_float *c);

/**
 * Solve the problem held by w. NULL members of sol are allocated with malloc.
 * With warm_start nonzero, sol's x, y, s are the starting point.
 * Returns the exit flag (also in info->status_val).
 */
scs_int scs_solve(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                  scs_int warm_start);

/**
 * Free the workspace (NULL is a no-op). Safe while other threads use w:
 * the running solve returns SCS_SIGINT, waiting and new calls fail, and w is
 * freed once every call has left (docs/threading.md). Using w after this
 * returned is the caller's bug, as with free.
 */
void scs_finish(ScsWork *w);

/** scs_init + scs_solve + scs_finish in one call. */
scs_int scs(const ScsData *d, const ScsCone *k, const ScsSettings *stgs,
            ScsSolution *sol, ScsInfo *info);

/** Fill stgs with the default settings. */
void scs_set_default_settings(ScsSettings *stgs);

/** The SCS API version this library implements, e.g. "3.2.11". */
const char *scs_version(void);

/* ---- extensions ---------------------------------------------------- */

/**
 * Extension: the calling thread's last error message ("" if none). The
 * string is owned by the library and valid until the thread's next call.
 */
const char *scs_last_error(void);

/**
 * Extension: stop the solve running on w, or the next one if none runs
 * (sticky until a solve consumes it). It returns SCS_SIGINT, status
 * "interrupted", with its best iterate. Lock-free and async-signal-safe:
 * callable from any thread or a signal handler, never blocks.
 */
void scs_interrupt(ScsWork *w);

/** Extension: progress reported to a callback at every residual check. */
typedef struct {
  scs_int iter;          /**< iteration index */
  scs_float res_pri;     /**< primal residual */
  scs_float res_dual;    /**< dual residual */
  scs_float gap;         /**< duality gap */
  scs_float pobj;        /**< primal objective */
  scs_float dobj;        /**< dual objective */
  scs_float scale;       /**< current dual scale */
  scs_float elapsed_ms;  /**< time since the solve began */
} ScsProgress;

/** A nonzero return stops the solve like scs_interrupt. */
typedef scs_int (*ScsProgressCallback)(const ScsProgress *progress,
                                        void *user_data);

/**
 * Extension: call fn(progress, user_data) at every residual check of every
 * later solve on w (fn NULL removes it). fn runs on the solving thread while
 * the solve owns the handle: it may call scs_interrupt or scs_finish on w
 * (w is then freed when the solve returns); scs_solve, scs_update and
 * scs_set_callback on w fail from inside it (docs/threading.md).
 */
void scs_set_callback(ScsWork *w, ScsProgressCallback fn, void *user_data);

/**
 * Extension: a one-line description of the cones, as the progress table and
 * scs-solve print it: "z: 8, l: 43, box: 3, q: 2 cones (max 5), ..." or
 * "none". Writes at most len bytes, always NUL-terminated (truncated if
 * needed). k is not validated beyond not being NULL.
 */
void scs_cone_describe(const ScsCone *k, char *buf, size_t len);

/** Extension: sizeof(scs_int) and sizeof(scs_float) of this build (4 or 8
 *  each), for bindings that mirror the structs through a foreign-function
 *  interface and must match the library they load (docs/c_api.md). */
size_t scs_sizeof_int(void);
size_t scs_sizeof_float(void);

/** Extension: ScsInfo.polish_status as a word: "accepted", "rejected",
 *  "failed" or "not run" (any other value). A static string. */
const char *scs_polish_status_name(scs_int polish_status);

/** Extension: the libscs release, e.g. "0.1.0". */
const char *scs_library_version(void);

#ifdef __cplusplus
}
#endif

#include "scs_linsys.h" /* extension: linear-system backends */
#endif

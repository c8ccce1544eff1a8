/*
 * libscs extension: problem files, a layer above the solver
 * (docs/problem_files.md). Nothing here needs a workspace.
 *
 * The SCS dump (write_data_filename's format) is always available. The
 * readers of CBF, MPS and QPS files (scs_read_problem and the scs_problem_*
 * functions) are built unless the library was configured with
 * -DSCS_WITH_READERS=OFF; SCS_WITH_READERS (scs_types.h) is 1 when they
 * are, 0 when they are not (and then ScsProblem and the functions are not
 * declared).
 */
#ifndef SCS_IO_H_GUARD
#define SCS_IO_H_GUARD

#include "scs.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the SCS dump --------------------------------------------------- */

/**
 * Write d, k and stgs as an SCS 3.2 problem dump (the format of
 * write_data_filename, which SCS's and libscs's readers take) without
 * creating a workspace: nothing is factored, so any valid problem can be
 * written, an indefinite P included. Returns 0, or nonzero with
 * scs_last_error() saying why (invalid data, cones or settings, complex PSD
 * cones, which the format cannot hold, or an I/O error; a partial file is
 * removed).
 */
scs_int scs_write_data(const ScsData *d, const ScsCone *k,
                       const ScsSettings *stgs, const char *filename);

/**
 * Read a problem written by write_data_filename (SCS 3.2's binary dump).
 * On success returns 0 and sets *d, *k and *stgs (settings from the file,
 * filenames NULL); release them with scs_free_problem. On failure returns
 * nonzero, sets nothing, and scs_last_error() says why.
 */
scs_int scs_read_data(const char *filename, ScsData **d, ScsCone **k,
                      ScsSettings **stgs);

/** Free what scs_read_data returned (any argument may be NULL). */
void scs_free_problem(ScsData *d, ScsCone *k, ScsSettings *stgs);

/* ---- problem files (built with SCS_WITH_READERS) --------------------- */

#if SCS_WITH_READERS

/**
 * A problem read from a file and converted to the SCS form. The objective
 * of the file is
 *     objective_sign * (SCS primal objective) + objective_offset,
 * so maximization problems are stored with c negated and sign -1. Only
 * scs_read_problem creates one (it holds more than these members, for the
 * scs_problem_* functions); release it with scs_problem_free.
 */
typedef struct {
  ScsData *data;              /**< the problem in SCS form */
  ScsCone *cone;              /**< its cones */
  ScsSettings *settings;      /**< defaults, or the settings of an SCS dump */
  const char *format;         /**< "cbf", "mps" or "scs-dump" */
  char name[256];             /**< NAME of the file, else its base name */
  scs_float objective_sign;   /**< 1 if the file minimizes, -1 maximizes */
  scs_float objective_offset; /**< constant term of the file's objective */
  scs_int n_file_vars;        /**< length of the file's variable vector */
} ScsProblem;

/**
 * Read a problem file. format is "cbf", "mps" (free or fixed MPS, QPS
 * included), "scs-dump" (write_data_filename's format), or NULL to guess
 * from the name (.cbf, .mps, .qps, .sif, each optionally followed by .gz;
 * anything else is tried as an SCS dump). gzip-compressed files are read
 * directly. Returns NULL on failure; scs_last_error() then names the file
 * and, for text formats, the line ("afiro.mps:12: ...").
 */
ScsProblem *scs_read_problem(const char *path, const char *format);

/** Free a problem from scs_read_problem (NULL is a no-op). */
void scs_problem_free(ScsProblem *prob);

/** The file's objective value for an SCS primal objective. */
scs_float scs_problem_objective(const ScsProblem *prob, scs_float pobj);

/**
 * The file's variables from an SCS solution: x gets n_file_vars values
 * (for CBF the scalar variables, then each PSD variable's lower triangle
 * column by column, unscaled). Returns 0, or nonzero if an argument is
 * NULL.
 */
scs_int scs_problem_file_solution(const ScsProblem *prob,
                                  const ScsSolution *sol, scs_float *x);

/** The name of file variable i (MPS column names), or NULL. */
const char *scs_problem_var_name(const ScsProblem *prob, scs_int i);

#endif /* SCS_WITH_READERS */

#ifdef __cplusplus
}
#endif
#endif

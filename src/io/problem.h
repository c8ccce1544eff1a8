/*
 * Problem files (scs_read_problem): what the format readers share.
 *
 * scs_read_problem allocates an IoProblem: the public ScsProblem first (the
 * pointer handed out; the scs_problem_* functions cast it back) and the
 * map back to the file's variables, which the public struct does not show.
 *
 * A reader fills prob->data and prob->cone (allocated with malloc, exactly
 * as scs_free_problem releases them), prob->name (when the file has one),
 * objective_sign, objective_offset, n_file_vars, and map for the way back
 * to the file's variables. It returns 0, or nonzero after
 * scs_set_last_error() / scs_text_error() ("file:line: message"); on
 * failure scs_problem_free releases whatever it had set.
 */
#ifndef SCS_IO_PROBLEM_H
#define SCS_IO_PROBLEM_H

#include "io/io_util.h"

typedef struct {
  /* file variable names (MPS columns), n_file_vars of them, or NULL */
  char **var_names;
  /* File variables 0 .. n_scalar-1 are x[0 .. n_scalar-1]; then come the
   * PSD variables: variable v (order k = psd_dim[v]) is stored in SCS's
   * scaled lower-triangle layout at x[psd_start[v] ...]. */
  scs_int n_scalar;
  scs_int n_psd;
  scs_int *psd_dim;
  scs_int *psd_start;
} ScsProblemMap;

typedef struct {
  ScsProblem pub; /* first: (IoProblem *)&pub is the IoProblem */
  ScsProblemMap map;
} IoProblem;

int scs_read_cbf(const char *path, ScsProblem *prob, ScsProblemMap *map);
int scs_read_mps(const char *path, ScsProblem *prob, ScsProblemMap *map);

#endif

/* PLACEHOLDER: replaced by the real cbf reader (issue #7, in progress). */
#include "error.h"
#include "io/problem.h"

int scs_read_cbf(const char *path, ScsProblem *prob) {
  (void)prob;
  scs_set_error("%s: cbf reader not built yet", path);
  return -1;
}

/* PLACEHOLDER: replaced by the real mps reader (issue #7, in progress). */
#include "error.h"
#include "io/problem.h"

int scs_read_mps(const char *path, ScsProblem *prob) {
  (void)prob;
  scs_set_error("%s: mps reader not built yet", path);
  return -1;
}

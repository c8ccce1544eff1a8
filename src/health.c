/* Whether a handle can still be used (see health.h). */
#include "health.h"

#include <stdio.h>

#include "error.h"

void scs_work_mark_broken(ScsWork *w, const char *why) {
  w->broken = 1;
  snprintf(w->broken_why, sizeof(w->broken_why), "%s",
           why && why[0] ? why : "a refactorization failed");
}

int scs_work_check_usable(const ScsWork *w, const char *who) {
  if (!w->broken) return 0;
  scs_set_error("%s: the workspace is unusable since a failed "
                "refactorization (%s); create a new one with scs_init",
                who, w->broken_why);
  return -1;
}

/* The main loop of a solve and the report of its result. */
#ifndef SCS_SOLVE_H
#define SCS_SOLVE_H

#include "work.h"

/* Run the iteration from a cold or warm start (sol's x, y, s), write the
 * solution or certificate into sol (allocating NULL members) and info.
 * The caller owns the handle (its gate) and has validated sol and info. */
scs_int scs_solve_locked(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                         int warm_start);
/* Fill sol with NaN and info with a failure status and message. */
scs_int scs_report_failure(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                           scs_int status, const char *status_str);

#endif

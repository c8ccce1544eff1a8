/* The verbose progress table: header (sizes, cones, settings), one row
 * every SCS_LOG_INTERVAL iterations, footer (status, timings, objective). */
#ifndef SCS_LOG_H
#define SCS_LOG_H

#include "work.h"

#define SCS_LOG_INTERVAL 250

void scs_log_header(const ScsWork *w);
void scs_log_row(const ScsWork *w, scs_int iter, double elapsed_ms);
void scs_log_footer(const ScsWork *w, const ScsInfo *info);

#endif

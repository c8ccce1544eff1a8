/* log_csv_filename: one CSV row of residuals and norms per iteration
 * (residuals recomputed every iteration, so this slows the solve down). */
#ifndef SCS_CSV_LOG_H
#define SCS_CSV_LOG_H

#include <stdio.h>

#include "work.h"

/* Open the file and write the header; NULL (and a warning on stderr when
 * verbose) if it cannot be opened: logging is best effort. */
FILE *scs_csv_open(const ScsWork *w);
void scs_csv_row(FILE *f, const ScsWork *w, scs_int iter, double elapsed_ms);

#endif

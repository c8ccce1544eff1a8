/* Every line the library prints goes through here: to the caller's
 * ScsSettings.print hook, or to stdout (the table) / stderr (warnings and
 * errors) when there is none (docs/output.md). */
#ifndef SCS_OUTPUT_H
#define SCS_OUTPUT_H

#include "error.h"
#include "glob.h"

/* Format one or more whole lines and send them to the sink of s (s may be
 * NULL: the default sink). */
void scs_print(const ScsSettings *s, scs_int kind, const char *fmt, ...)
    SCS_PRINTF_LIKE(3, 4);

#endif

#include "error.h"

#include <stdarg.h>
#include <stdio.h>

#include "glob.h"

#define SCS_ERROR_LEN 512

static _Thread_local char last_error[SCS_ERROR_LEN];

void scs_set_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(last_error, sizeof(last_error), fmt, ap);
  va_end(ap);
}

void scs_clear_error(void) { last_error[0] = '\0'; }

SCS_EXPORT const char *scs_last_error(void) { return last_error; }

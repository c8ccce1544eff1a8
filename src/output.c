/* The output sink (see output.h). */
#include "output.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>

static void default_sink(const char *text, scs_int kind) {
  FILE *f = kind == SCS_PRINT_LOG ? stdout : stderr;
  fputs(text, f);
  fflush(f);
}

void scs_print(const ScsSettings *s, scs_int kind, const char *fmt, ...) {
  char small[512], *text = small;
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(small, sizeof(small), fmt, ap);
  va_end(ap);
  if (len < 0) return;
  if ((size_t)len >= sizeof(small)) { /* rare: a long line */
    text = scs_malloc_array(1, (size_t)len + 1);
    if (!text) return;
    va_start(ap, fmt);
    vsnprintf(text, (size_t)len + 1, fmt, ap);
    va_end(ap);
  }
  if (s && s->print)
    s->print(text, kind, s->print_data);
  else
    default_sink(text, kind);
  if (text != small) scs_free(text);
}

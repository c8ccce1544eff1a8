/* CBF lines: the next significant line split into fields, the fields as
 * numbers, and errors naming the file and line (cbf.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

void scs_cbf_error_at(const Cbf *c, long line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_io_error_at(scs_text_file_name(c->r), line, "%s", msg);
}

Section scs_cbf_find_section(const char *tok) {
  if (tok[0] < 'A' || tok[0] > 'Z') return S_COUNT;
  for (int s = 0; s < S_COUNT; ++s)
    if (strcmp(tok, cbf_name(s)) == 0) return (Section)s;
  return S_COUNT;
}

int scs_cbf_next_line(Cbf *c) {
  char *line;
  while ((line = scs_text_next_line(c->r)) != NULL) {
    while (*line == ' ' || *line == '\t') ++line;
    if (*line == '\0' || *line == '#') continue;
    c->ntok = scs_text_split(line, c->tok, CBF_MAX_TOKENS);
    return 1;
  }
  return scs_text_failed(c->r) ? -1 : 0;
}

int scs_cbf_need_line(Cbf *c, Section s, int64_t have, int64_t want,
                      const char *what) {
  int rc = scs_cbf_next_line(c);
  if (rc < 0) return -1;
  if (rc > 0 && scs_cbf_find_section(c->tok[0]) == S_COUNT) return 0;
  char expected[160];
  if (want < 0)
    snprintf(expected, sizeof(expected), "%s", what);
  else
    snprintf(expected, sizeof(expected), "%lld %s, found %lld", LL(want), what,
             LL(have));
  if (rc == 0)
    scs_cbf_error_at(c, cur_line(c),
                     "unexpected end of file in %s: expected %s", cbf_name(s),
                     expected);
  else
    scs_cbf_error_at(c, cur_line(c), "%s: expected %s before the keyword %s",
                     cbf_name(s), expected, c->tok[0]);
  return -1;
}

int scs_cbf_expect_fields(Cbf *c, Section s, int n, const char *layout) {
  if (c->ntok == n) return 0;
  scs_cbf_error_at(c, cur_line(c), "%s: expected %d field%s (%s), got %d",
                   cbf_name(s), n, n == 1 ? "" : "s", layout, c->ntok);
  return -1;
}

int scs_cbf_get_int(Cbf *c, Section s, int t, int64_t lo, int64_t hi,
                    const char *what, int64_t *out) {
  long long v;
  if (scs_text_parse_long(c->tok[t], &v) != 0) {
    scs_cbf_error_at(c, cur_line(c), "%s: %s \"%.40s\" is not an integer",
                     cbf_name(s), what, c->tok[t]);
    return -1;
  }
  if (v < lo) {
    if (lo == 0)
      scs_cbf_error_at(c, cur_line(c), "%s: %s %lld is negative",
                       cbf_name(s), what, v);
    else
      scs_cbf_error_at(c, cur_line(c), "%s: %s %lld is less than %lld",
                       cbf_name(s), what, v, LL(lo));
    return -1;
  }
  if (v > hi) {
    scs_cbf_error_at(c, cur_line(c), "%s: %s %lld is too large (at most %lld)",
                     cbf_name(s), what, v, LL(hi));
    return -1;
  }
  *out = v;
  return 0;
}

int scs_cbf_get_index(Cbf *c, Section s, int t, int64_t n, const char *what,
                      int64_t *out) {
  long long v;
  if (scs_text_parse_long(c->tok[t], &v) != 0) {
    scs_cbf_error_at(c, cur_line(c), "%s: %s \"%.40s\" is not an integer",
                     cbf_name(s), what, c->tok[t]);
    return -1;
  }
  if (v < 0 || v >= n) {
    scs_cbf_error_at(c, cur_line(c), "%s: %s %lld is out of range [0, %lld)",
                     cbf_name(s), what, v, LL(n));
    return -1;
  }
  *out = v;
  return 0;
}

int scs_cbf_get_double(Cbf *c, Section s, int t, const char *what,
                       double *out) {
  double v;
  if (scs_text_parse_double(c->tok[t], &v) != 0 || !isfinite(v)) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: %s \"%.40s\" is not a finite decimal number",
                     cbf_name(s), what, c->tok[t]);
    return -1;
  }
  *out = v;
  return 0;
}

int scs_cbf_out_of_memory(Cbf *c) {
  scs_cbf_error_at(c, cur_line(c), "out of memory");
  return -1;
}

int scs_cbf_grow(Cbf *c, void **arr, size_t n, size_t *cap, size_t size) {
  return scs_io_grow(arr, cap, n + 1, size) ? scs_cbf_out_of_memory(c) : 0;
}

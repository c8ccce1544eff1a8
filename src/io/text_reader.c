/* Line reader over zlib's gz interface (transparent for plain files). */
#include "io/text_reader.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct ScsTextReader {
  gzFile f;
  char *buf;
  size_t cap;
  long line;
  unsigned long long bytes; /* text returned so far */
  int failed;
  char name[256];
};

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

ScsTextReader *scs_text_open(const char *path) {
  if (!path) {
    scs_set_last_error("problem file name is NULL");
    return NULL;
  }
  ScsTextReader *r = calloc(1, sizeof(*r));
  if (!r) {
    scs_set_last_error("%s: out of memory", base_name(path));
    return NULL;
  }
  snprintf(r->name, sizeof(r->name), "%s", base_name(path));
  errno = 0;
  r->f = gzopen(path, "rb");
  r->cap = 1024;
  r->buf = malloc(r->cap);
  if (!r->f || !r->buf) {
    scs_set_last_error("%s: cannot open: %s", path,
                       errno ? strerror(errno) : "out of memory");
    scs_text_close(r);
    return NULL;
  }
  gzbuffer(r->f, 1 << 17);
  return r;
}

void scs_text_close(ScsTextReader *r) {
  if (!r) return;
  if (r->f) gzclose(r->f);
  free(r->buf);
  free(r);
}

static char *fail(ScsTextReader *r, const char *what) {
  r->failed = 1;
  scs_set_last_error("%s:%ld: %s", r->name, r->line, what);
  return NULL;
}

char *scs_text_next_line(ScsTextReader *r) {
  if (!r || r->failed) return NULL;
  size_t len = 0;
  for (;;) {
    if (r->cap - len < 2) {
      if (r->cap > ((size_t)1 << 30)) return fail(r, "line longer than 1 GB");
      char *nb = realloc(r->buf, r->cap * 2);
      if (!nb) return fail(r, "out of memory");
      r->buf = nb;
      r->cap *= 2;
    }
    int avail = (int)SCS_IO_MIN(r->cap - len, (size_t)1 << 30);
    if (!gzgets(r->f, r->buf + len, avail)) {
      int err = 0;
      const char *msg = gzerror(r->f, &err);
      if (err != Z_OK && err != Z_BUF_ERROR) {
        r->line++;
        return fail(r, err == Z_ERRNO ? strerror(errno) : msg);
      }
      if (len == 0) return NULL; /* end of file */
      break;                     /* last line without a newline */
    }
    size_t got = strlen(r->buf + len);
    len += got;
    if (len > 0 && r->buf[len - 1] == '\n') break;
    if ((size_t)avail - 1 > got) {
      /* gzgets stopped early without a newline: end of file or NUL byte */
      if (!gzeof(r->f)) {
        r->line++;
        return fail(r, "NUL byte in a text file (binary data?)");
      }
      break;
    }
  }
  r->line++;
  r->bytes += len;
  while (len > 0 && (r->buf[len - 1] == '\n' || r->buf[len - 1] == '\r'))
    r->buf[--len] = '\0';
  return r->buf;
}

int scs_text_failed(const ScsTextReader *r) { return !r || r->failed; }
long scs_text_line_number(const ScsTextReader *r) { return r ? r->line : 0; }
unsigned long long scs_text_bytes_read(const ScsTextReader *r) {
  return r ? r->bytes : 0;
}
const char *scs_text_file_name(const ScsTextReader *r) {
  return r ? r->name : "";
}

void scs_text_error(const ScsTextReader *r, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_set_last_error("%s:%ld: %s", r ? r->name : "?", r ? r->line : 0L,
                     msg);
}

int scs_text_split(char *s, char **tokens, int max) {
  int count = 0;
  while (*s) {
    while (*s == ' ' || *s == '\t') *s++ = '\0';
    if (!*s) break;
    if (count < max) tokens[count] = s;
    count++;
    while (*s && *s != ' ' && *s != '\t') s++;
  }
  return count;
}

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

/* [+-]digits[.digits][(e|E)[+-]digits], at least one mantissa digit */
static int is_decimal(const char *s) {
  int digits = 0;
  if (*s == '+' || *s == '-') ++s;
  for (; is_digit(*s); ++s) ++digits;
  if (*s == '.')
    for (++s; is_digit(*s); ++s) ++digits;
  if (!digits) return 0;
  if (*s == 'e' || *s == 'E') {
    ++s;
    if (*s == '+' || *s == '-') ++s;
    if (!is_digit(*s)) return 0;
    while (is_digit(*s)) ++s;
  }
  return *s == '\0';
}

int scs_text_parse_double(const char *tok, double *out) {
  if (!tok || !is_decimal(tok)) return -1;
  char *end;
  errno = 0;
  double v = strtod(tok, &end);
  if (*end != '\0') return -1;
  /* underflow to a denormal or zero is fine; overflow is not */
  if (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL)) return -1;
  if (!isfinite(v)) return -1;
  *out = v;
  return 0;
}

int scs_text_parse_long(const char *tok, long long *out) {
  if (!tok || !*tok) return -1;
  char *end;
  errno = 0;
  long long v = strtoll(tok, &end, 10);
  if (*end != '\0' || errno == ERANGE) return -1;
  *out = v;
  return 0;
}

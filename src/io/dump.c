/* Reading and writing SCS 3.2's binary problem dump (see dump.h for the
 * layout). The writer produces exactly what SCS 3.2 writes, so files go both
 * ways. The reader trusts nothing in the file: every read is checked against
 * the bytes left in the file before anything is allocated, integers are
 * converted from the file's 4- or 8-byte size with overflow checks, and the
 * result is validated before it is handed out. */
#include "io/dump.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "error.h"
#include "scs_io.h"
#include "validate.h"

#define LL(v) ((long long)(v))
#define ULL(v) ((unsigned long long)(v))

/* scs_int is int or long long (SCS_DLONG). */
#define SCS_INT_MAX_LL ((long long)SCS_INT_MAX)
#define SCS_INT_MIN_LL (sizeof(scs_int) >= 8 ? LLONG_MIN : (long long)INT_MIN)

/* ---- freeing ---------------------------------------------------------- */

static void free_matrix(ScsMatrix *M) {
  if (!M) return;
  free(M->p);
  free(M->i);
  free(M->x);
  free(M);
}

SCS_EXPORT void scs_free_problem(ScsData *d, ScsCone *k, ScsSettings *stgs) {
  if (d) {
    free_matrix(d->A);
    free_matrix(d->P);
    free(d->b);
    free(d->c);
    free(d);
  }
  if (k) {
    free(k->bl);
    free(k->bu);
    free(k->q);
    free(k->s);
    free(k->cs);
    free(k->p);
    free(k);
  }
  /* the filenames of settings from scs_read_data are NULL, never owned */
  free(stgs);
}

/* ---- writing ---------------------------------------------------------- */

typedef struct {
  FILE *f;
  int failed;
} Writer;

static void put(Writer *w, const void *src, size_t size, size_t count) {
  if (w->failed || count == 0) return;
  if (fwrite(src, size, count, w->f) != count) w->failed = 1;
}

static void put_int(Writer *w, scs_int v) { put(w, &v, sizeof(v), 1); }

static void put_matrix(Writer *w, const ScsMatrix *M) {
  scs_int nnz = M->p[M->n];
  put_int(w, M->m);
  put_int(w, M->n);
  put(w, M->p, sizeof(scs_int), (size_t)M->n + 1);
  put(w, M->x, sizeof(scs_float), (size_t)nnz); /* x before i */
  put(w, M->i, sizeof(scs_int), (size_t)nnz);
}

int scs_dump_write(const char *filename, const ScsData *d, const ScsCone *k,
                   const ScsSettings *stgs) {
  if (!filename) {
    scs_set_error("dump: no file name given");
    return 1;
  }
  if (!d || !k || !stgs) {
    scs_set_error("%s: cannot write the problem: %s is NULL", filename,
                  !d ? "data" : !k ? "cone" : "settings");
    return 1;
  }
  /* The SCS 3.2 layout has no field for complex PSD cones. SCS itself
   * silently drops them, which yields a file whose cone sizes no longer sum
   * to m; we refuse instead. */
  if (k->cssize > 0) {
    scs_set_error("%s: cannot write complex PSD cones (cssize = %lld): the "
                  "SCS 3.2 dump format has no field for them",
                  filename, LL(k->cssize));
    return 1;
  }
  /* The writer follows the sizes in d and k, so they must be consistent
   * (this also keeps a bad problem from being read out of bounds). */
  char msg[512];
  if (scs_validate_data(d) || scs_validate_cone_sizes(k, d->m)) {
    snprintf(msg, sizeof(msg), "%s", scs_last_error());
    scs_set_error("%s: cannot write an invalid problem: %s", filename, msg);
    return 1;
  }

  FILE *f = fopen(filename, "wb");
  if (!f) {
    scs_set_error("%s: cannot open for writing: %s", filename,
                  strerror(errno));
    return 1;
  }
  Writer w = {f, 0};

  /* header */
  const char *version = SCS_API_VERSION;
  uint32_t isz = (uint32_t)sizeof(scs_int);
  uint32_t fsz = (uint32_t)sizeof(scs_float);
  uint32_t vlen = (uint32_t)strlen(version);
  put(&w, &isz, sizeof(isz), 1);
  put(&w, &fsz, sizeof(fsz), 1);
  put(&w, &vlen, sizeof(vlen), 1);
  put(&w, version, 1, vlen);

  /* cone */
  size_t nb = k->bsize > 1 ? (size_t)(k->bsize - 1) : 0;
  put_int(&w, k->z);
  put_int(&w, k->l);
  put_int(&w, k->bsize);
  put(&w, k->bl, sizeof(scs_float), nb);
  put(&w, k->bu, sizeof(scs_float), nb);
  put_int(&w, k->qsize);
  put(&w, k->q, sizeof(scs_int), (size_t)k->qsize);
  put_int(&w, k->ssize);
  put(&w, k->s, sizeof(scs_int), (size_t)k->ssize);
  put_int(&w, k->ep);
  put_int(&w, k->ed);
  put_int(&w, k->psize);
  put(&w, k->p, sizeof(scs_float), (size_t)k->psize);

  /* data */
  put_int(&w, d->m);
  put_int(&w, d->n);
  put(&w, d->b, sizeof(scs_float), (size_t)d->m);
  put(&w, d->c, sizeof(scs_float), (size_t)d->n);
  put_matrix(&w, d->A);
  put_int(&w, d->P ? 1 : 0);
  if (d->P) put_matrix(&w, d->P);

  /* settings (the other fields are not part of the format) */
  put_int(&w, stgs->normalize);
  put(&w, &stgs->scale, sizeof(scs_float), 1);
  put(&w, &stgs->rho_x, sizeof(scs_float), 1);
  put_int(&w, stgs->max_iters);
  put(&w, &stgs->eps_abs, sizeof(scs_float), 1);
  put(&w, &stgs->eps_rel, sizeof(scs_float), 1);
  put(&w, &stgs->eps_infeas, sizeof(scs_float), 1);
  put(&w, &stgs->alpha, sizeof(scs_float), 1);
  put_int(&w, stgs->verbose);
  put_int(&w, 0); /* warm_start: a dump carries no starting point */
  put_int(&w, stgs->acceleration_lookback);
  put_int(&w, stgs->acceleration_interval);
  put_int(&w, stgs->adaptive_scale);

  int err = errno;
  int failed = w.failed;
  /* only a regular file is removed after a failure (never, say, a device) */
  struct stat st;
  int regular = fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
  if (fclose(f) != 0 && !failed) {
    failed = 1;
    err = errno;
  }
  if (failed) {
    scs_set_error("%s: write failed: %s", filename, strerror(err));
    if (regular) remove(filename);
    return 1;
  }
  return 0;
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
  FILE *f;
  const char *fname;
  uint64_t left; /* bytes not read yet */
  unsigned isz;  /* the file's integer size, 4 or 8 */
} Reader;

static int truncated(Reader *r, const char *what, uint64_t count,
                     unsigned elsize) {
  if (count > UINT64_MAX / elsize)
    scs_set_error("%s: truncated while reading %s (needed %llu x %u bytes, "
                  "%llu left)",
                  r->fname, what, ULL(count), elsize, ULL(r->left));
  else
    scs_set_error("%s: truncated while reading %s (needed %llu bytes, %llu "
                  "left)",
                  r->fname, what, ULL(count * elsize), ULL(r->left));
  return 1;
}

/* Read exactly nbytes (already checked to be <= r->left). */
static int get_raw(Reader *r, void *dst, size_t nbytes, const char *what) {
  if (nbytes == 0) return 0;
  if (fread(dst, 1, nbytes, r->f) != nbytes) {
    if (ferror(r->f))
      scs_set_error("%s: read error while reading %s: %s", r->fname, what,
                    strerror(errno));
    else
      scs_set_error("%s: unexpected end of file while reading %s (the file "
                    "changed while being read?)",
                    r->fname, what);
    return 1;
  }
  r->left -= nbytes;
  return 0;
}

static int get_checked(Reader *r, void *dst, size_t nbytes, const char *what) {
  if (nbytes > r->left) return truncated(r, what, nbytes, 1);
  return get_raw(r, dst, nbytes, what);
}

static int get_u32(Reader *r, uint32_t *out, const char *what) {
  return get_checked(r, out, sizeof(*out), what);
}

/* Convert one file integer to scs_int; `what` and `idx` (or -1) name it. */
static int narrow(Reader *r, int64_t v, scs_int *out, const char *what,
                  long long idx) {
  if ((long long)v > SCS_INT_MAX_LL || (long long)v < SCS_INT_MIN_LL) {
    if (idx >= 0)
      scs_set_error("%s: %s[%lld] = %lld does not fit in this build's "
                    "%u-byte scs_int",
                    r->fname, what, idx, LL(v), (unsigned)sizeof(scs_int));
    else
      scs_set_error("%s: %s = %lld does not fit in this build's %u-byte "
                    "scs_int",
                    r->fname, what, LL(v), (unsigned)sizeof(scs_int));
    return 1;
  }
  *out = (scs_int)v;
  return 0;
}

static int get_int(Reader *r, scs_int *out, const char *what) {
  if (r->left < r->isz) return truncated(r, what, 1, r->isz);
  if (r->isz == 4) {
    int32_t v;
    if (get_raw(r, &v, sizeof(v), what)) return 1;
    return narrow(r, v, out, what, -1);
  }
  int64_t v;
  if (get_raw(r, &v, sizeof(v), what)) return 1;
  return narrow(r, v, out, what, -1);
}

/* A size read from the file: an integer that must be >= 0. */
static int get_count(Reader *r, scs_int *out, const char *what) {
  if (get_int(r, out, what)) return 1;
  if (*out < 0) {
    scs_set_error("%s: %s = %lld is negative", r->fname, what, LL(*out));
    return 1;
  }
  return 0;
}

/* Check that count elements of elsize bytes are in the file and that an
 * array of count elements of memsize bytes can be allocated. */
static int check_room(Reader *r, uint64_t count, unsigned elsize,
                      size_t memsize, const char *what) {
  if (count > r->left / elsize) return truncated(r, what, count, elsize);
  if (count > SIZE_MAX / memsize) {
    scs_set_error("%s: %s has %llu entries, too many for this machine",
                  r->fname, what, ULL(count));
    return 1;
  }
  return 0;
}

static int get_int_array(Reader *r, scs_int **out, uint64_t count,
                         const char *what) {
  *out = NULL;
  if (count == 0) return 0;
  if (check_room(r, count, r->isz, sizeof(scs_int), what)) return 1;
  scs_int *a = malloc((size_t)count * sizeof(scs_int));
  if (!a) {
    scs_set_error("%s: out of memory reading %s (%llu entries)", r->fname,
                  what, ULL(count));
    return 1;
  }
  if (r->isz == sizeof(scs_int)) {
    if (get_raw(r, a, (size_t)count * sizeof(scs_int), what)) {
      free(a);
      return 1;
    }
  } else {
    /* convert through a small buffer of the file's integer type */
    enum { CHUNK = 512 };
    union {
      int32_t i32[CHUNK];
      int64_t i64[CHUNK];
    } buf;
    uint64_t done = 0;
    while (done < count) {
      size_t len = count - done < CHUNK ? (size_t)(count - done) : CHUNK;
      if (get_raw(r, &buf, len * r->isz, what)) {
        free(a);
        return 1;
      }
      for (size_t t = 0; t < len; ++t) {
        int64_t v = r->isz == 4 ? (int64_t)buf.i32[t] : buf.i64[t];
        if (narrow(r, v, &a[done + t], what, (long long)(done + t))) {
          free(a);
          return 1;
        }
      }
      done += len;
    }
  }
  *out = a;
  return 0;
}

static int get_float_array(Reader *r, scs_float **out, uint64_t count,
                           const char *what) {
  *out = NULL;
  if (count == 0) return 0;
  if (check_room(r, count, sizeof(scs_float), sizeof(scs_float), what))
    return 1;
  scs_float *a = malloc((size_t)count * sizeof(scs_float));
  if (!a) {
    scs_set_error("%s: out of memory reading %s (%llu entries)", r->fname,
                  what, ULL(count));
    return 1;
  }
  if (get_raw(r, a, (size_t)count * sizeof(scs_float), what)) {
    free(a);
    return 1;
  }
  *out = a;
  return 0;
}

static int get_float(Reader *r, scs_float *out, const char *what) {
  return get_checked(r, out, sizeof(*out), what);
}

/* matrix = m, n, p[n+1], x[nnz], i[nnz]; name is "A" or "P". */
static int get_matrix(Reader *r, ScsMatrix **out, const char *name) {
  char what[32];
  ScsMatrix *M = calloc(1, sizeof(*M));
  if (!M) {
    scs_set_error("%s: out of memory reading %s", r->fname, name);
    return 1;
  }
  *out = M;
  snprintf(what, sizeof(what), "%s->m", name);
  if (get_count(r, &M->m, what)) return 1;
  snprintf(what, sizeof(what), "%s->n", name);
  if (get_count(r, &M->n, what)) return 1;
  snprintf(what, sizeof(what), "%s->p", name);
  if (get_int_array(r, &M->p, (uint64_t)M->n + 1, what)) return 1;
  scs_int nnz = M->p[M->n];
  if (nnz < 0) {
    scs_set_error("%s: %s->p[%lld] = %lld (the number of entries) is "
                  "negative",
                  r->fname, name, LL(M->n), LL(nnz));
    return 1;
  }
  snprintf(what, sizeof(what), "%s->x", name);
  if (get_float_array(r, &M->x, (uint64_t)nnz, what)) return 1;
  snprintf(what, sizeof(what), "%s->i", name);
  if (get_int_array(r, &M->i, (uint64_t)nnz, what)) return 1;
  return 0;
}

static int read_header(Reader *r) {
  uint32_t isz, fsz, vlen;
  if (get_u32(r, &isz, "the integer size") ||
      get_u32(r, &fsz, "the float size"))
    return 1;
  if (isz != 4 && isz != 8) {
    uint32_t swapped = ((isz & 0xffu) << 24) | ((isz & 0xff00u) << 8) |
                       ((isz >> 8) & 0xff00u) | (isz >> 24);
    scs_set_error("%s: the file's integer size is %lu bytes; only 4 and 8 "
                  "are supported%s",
                  r->fname, (unsigned long)isz,
                  (swapped == 4 || swapped == 8)
                      ? " (the file seems to come from a machine of the "
                        "other byte order)"
                      : " (not an SCS dump?)");
    return 1;
  }
  r->isz = isz;
  if (fsz != sizeof(scs_float)) {
    scs_set_error("%s: the file stores %lu-byte floats but this build's "
                  "scs_float has %lu bytes",
                  r->fname, (unsigned long)fsz,
                  (unsigned long)sizeof(scs_float));
    return 1;
  }
  if (get_u32(r, &vlen, "the version string length")) return 1;
  if (vlen > r->left) return truncated(r, "the version string", vlen, 1);
  /* The version is informational (SCS only warns when it differs). */
  char buf[64];
  while (vlen > 0) {
    size_t len = vlen < sizeof(buf) ? vlen : sizeof(buf);
    if (get_raw(r, buf, len, "the version string")) return 1;
    vlen -= (uint32_t)len;
  }
  return 0;
}

static int read_cone(Reader *r, ScsCone *k) {
  if (get_count(r, &k->z, "cone.z") || get_count(r, &k->l, "cone.l") ||
      get_count(r, &k->bsize, "cone.bsize"))
    return 1;
  uint64_t nb = k->bsize > 1 ? (uint64_t)k->bsize - 1 : 0;
  if (get_float_array(r, &k->bl, nb, "cone.bl") ||
      get_float_array(r, &k->bu, nb, "cone.bu"))
    return 1;
  if (get_count(r, &k->qsize, "cone.qsize") ||
      get_int_array(r, &k->q, (uint64_t)k->qsize, "cone.q"))
    return 1;
  if (get_count(r, &k->ssize, "cone.ssize") ||
      get_int_array(r, &k->s, (uint64_t)k->ssize, "cone.s"))
    return 1;
  if (get_count(r, &k->ep, "cone.ep") || get_count(r, &k->ed, "cone.ed") ||
      get_count(r, &k->psize, "cone.psize") ||
      get_float_array(r, &k->p, (uint64_t)k->psize, "cone.p"))
    return 1;
  /* no complex PSD cones in this format */
  k->cs = NULL;
  k->cssize = 0;
  return 0;
}

static int read_data(Reader *r, ScsData *d) {
  if (get_count(r, &d->m, "data.m") || get_count(r, &d->n, "data.n") ||
      get_float_array(r, &d->b, (uint64_t)d->m, "b") ||
      get_float_array(r, &d->c, (uint64_t)d->n, "c") ||
      get_matrix(r, &d->A, "A"))
    return 1;
  /* As in SCS, a file that ends where has_P would be has no P. (Since the
   * settings follow, such a file is still reported as truncated below.) */
  scs_int has_p = 0;
  if (r->left > 0 && get_int(r, &has_p, "has_P")) return 1;
  if (has_p != 0 && has_p != 1) {
    scs_set_error("%s: has_P = %lld must be 0 or 1", r->fname, LL(has_p));
    return 1;
  }
  if (has_p && get_matrix(r, &d->P, "P")) return 1;
  return 0;
}

static int read_settings(Reader *r, ScsSettings *s) {
  scs_int warm_start = 0;
  if (get_int(r, &s->normalize, "settings.normalize") ||
      get_float(r, &s->scale, "settings.scale") ||
      get_float(r, &s->rho_x, "settings.rho_x") ||
      get_int(r, &s->max_iters, "settings.max_iters") ||
      get_float(r, &s->eps_abs, "settings.eps_abs") ||
      get_float(r, &s->eps_rel, "settings.eps_rel") ||
      get_float(r, &s->eps_infeas, "settings.eps_infeas") ||
      get_float(r, &s->alpha, "settings.alpha") ||
      get_int(r, &s->verbose, "settings.verbose") ||
      get_int(r, &warm_start, "settings.warm_start") ||
      get_int(r, &s->acceleration_lookback,
              "settings.acceleration_lookback") ||
      get_int(r, &s->acceleration_interval,
              "settings.acceleration_interval") ||
      get_int(r, &s->adaptive_scale, "settings.adaptive_scale"))
    return 1;
  /* A dump carries no starting point, so warm starting from it means
   * nothing; SCS writes 0 here. */
  s->warm_start = 0;
  /* Not in the format: the defaults of scs_set_default_settings. */
  s->time_limit_secs = 0;
  s->acceleration_type_1 = 1;
  s->acceleration_regularization = SCS_DEFAULT_AA_REGULARIZATION;
  s->acceleration_relaxation = SCS_DEFAULT_AA_RELAXATION;
  s->write_data_filename = NULL;
  s->log_csv_filename = NULL;
  return 0;
}

/* Everything after the header; fills the (zeroed) d, k, s. */
static int read_all(Reader *r, ScsData *d, ScsCone *k, ScsSettings *s) {
  if (read_header(r) || read_cone(r, k) || read_data(r, d) ||
      read_settings(r, s))
    return 1;
  /* SCS 3.2 writes nothing after the settings: extra bytes mean the file is
   * not what the counts say (e.g. a corrupted has_P). */
  if (r->left > 0) {
    scs_set_error("%s: %llu unexpected bytes after the settings (corrupt "
                  "file?)",
                  r->fname, ULL(r->left));
    return 1;
  }
  /* Sizes and consistency only: cone families this build cannot solve yet
   * are read all the same (scs_init refuses them). Settings are left to
   * scs_init too: SCS accepts values (eps = 0) that libscs rejects. */
  char msg[512];
  if (scs_validate_data(d) || scs_validate_cone_sizes(k, d->m)) {
    snprintf(msg, sizeof(msg), "%s", scs_last_error());
    scs_set_error("%s: invalid problem in the file: %s", r->fname, msg);
    return 1;
  }
  return 0;
}

SCS_EXPORT scs_int scs_read_data(const char *filename, ScsData **d,
                                 ScsCone **k, ScsSettings **stgs) {
  scs_clear_error();
  if (!filename) {
    scs_set_error("scs_read_data: filename is NULL");
    return 1;
  }
  if (!d || !k || !stgs) {
    scs_set_error("scs_read_data(%s): output pointer %s is NULL", filename,
                  !d ? "d" : !k ? "k" : "stgs");
    return 1;
  }
  FILE *f = fopen(filename, "rb");
  if (!f) {
    scs_set_error("%s: cannot open for reading: %s", filename,
                  strerror(errno));
    return 1;
  }
  struct stat st;
  if (fstat(fileno(f), &st) != 0) {
    scs_set_error("%s: cannot get the file size: %s", filename,
                  strerror(errno));
    fclose(f);
    return 1;
  }
  if (!S_ISREG(st.st_mode)) {
    scs_set_error("%s: not a regular file", filename);
    fclose(f);
    return 1;
  }
  Reader r = {f, filename, (uint64_t)st.st_size, 0};

  ScsData *dd = calloc(1, sizeof(*dd));
  ScsCone *kk = calloc(1, sizeof(*kk));
  ScsSettings *ss = calloc(1, sizeof(*ss));
  int bad;
  if (!dd || !kk || !ss) {
    scs_set_error("%s: out of memory", filename);
    bad = 1;
  } else {
    bad = read_all(&r, dd, kk, ss);
  }
  fclose(f);
  if (bad) {
    scs_free_problem(dd, kk, ss);
    return 1;
  }
  *d = dd;
  *k = kk;
  *stgs = ss;
  return 0;
}

SCS_EXPORT scs_int scs_write_data(const ScsData *d, const ScsCone *k,
                                  const ScsSettings *stgs,
                                  const char *filename) {
  scs_clear_error();
  if (stgs && scs_validate_settings(stgs) != 0) {
    char msg[512];
    snprintf(msg, sizeof(msg), "%s", scs_last_error());
    scs_set_error("%s: cannot write: %s", filename ? filename : "dump", msg);
    return -1;
  }
  return scs_dump_write(filename, d, k, stgs) == 0 ? 0 : -1;
}

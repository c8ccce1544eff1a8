/* The SCS 3.2 binary dump: write / read round trips, files with 4- and
 * 8-byte integers, and robustness against truncated or corrupt files. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glob.h"
#include "io/dump.h"
#include "scs_io.h"

/* Under AddressSanitizer, ask LeakSanitizer directly: Criterion does not
 * turn a leak report at process exit into a test failure. */
#include "leaks.h"

#ifndef SCS_TEST_TMP_DIR
#define SCS_TEST_TMP_DIR "/tmp"
#endif

static void tmp_path(char *buf, size_t len, const char *name) {
  snprintf(buf, len, "%s/libscs_test_dump_%ld_%s", SCS_TEST_TMP_DIR,
           (long)getpid(), name);
}

/* ---- a problem using every cone family of the format ------------------- */
/* z 1, l 1, box bsize 3, q {3}, s {2} (3 rows), ep 1, ed 1, p {0.3, -0.7}:
 * 1 + 1 + 3 + 3 + 3 + 3 + 3 + 6 = 23 rows; n = 3. */
#define M_ROWS 23
#define N_COLS 3

typedef struct {
  scs_int Ap[N_COLS + 1];
  scs_int Ai[M_ROWS * N_COLS];
  scs_float Ax[M_ROWS * N_COLS];
  scs_int Pp[N_COLS + 1];
  scs_int Pi[6];
  scs_float Px[6];
  scs_float b[M_ROWS], c[N_COLS];
  scs_float bl[2], bu[2];
  scs_int q[1], s[1];
  scs_float p[2];
  ScsMatrix A, P;
  ScsData d;
  ScsCone k;
  ScsSettings stgs;
} Problem;

static Problem pb;

static void make_problem(Problem *q, int with_p) {
  memset(q, 0, sizeof(*q));
  scs_int nnz = 0;
  q->Ap[0] = 0;
  for (scs_int j = 0; j < N_COLS; ++j) {
    /* column j: rows r with (r + j) % 2 == 0, in decreasing order
     * (unsorted columns are legal) */
    for (scs_int r = M_ROWS - 1; r >= 0; --r) {
      if ((r + j) % 2 == 0) {
        q->Ai[nnz] = r;
        q->Ax[nnz] = (scs_float)(r + 1) * (j % 2 ? -0.5 : 1.25);
        ++nnz;
      }
    }
    q->Ap[j + 1] = nnz;
  }
  scs_int Pp[4] = {0, 1, 3, 6};
  scs_int Pi[6] = {0, 0, 1, 0, 1, 2};
  scs_float Px[6] = {4, 1, 5, -1, 0.5, 6};
  memcpy(q->Pp, Pp, sizeof(Pp));
  memcpy(q->Pi, Pi, sizeof(Pi));
  memcpy(q->Px, Px, sizeof(Px));
  for (int r = 0; r < M_ROWS; ++r) q->b[r] = 0.1 * r - 1;
  q->c[0] = 1;
  q->c[1] = -2;
  q->c[2] = 1e-300;
  q->bl[0] = -INFINITY;
  q->bl[1] = -3;
  q->bu[0] = 2;
  q->bu[1] = INFINITY;
  q->q[0] = 3;
  q->s[0] = 2;
  q->p[0] = 0.3;
  q->p[1] = -0.7;
  q->A = (ScsMatrix){q->Ax, q->Ai, q->Ap, M_ROWS, N_COLS};
  q->P = (ScsMatrix){q->Px, q->Pi, q->Pp, N_COLS, N_COLS};
  q->d = (ScsData){M_ROWS, N_COLS, &q->A, with_p ? &q->P : NULL, q->b, q->c};
  ScsCone *k = &q->k;
  k->z = 1;
  k->l = 1;
  k->bsize = 3;
  k->bl = q->bl;
  k->bu = q->bu;
  k->qsize = 1;
  k->q = q->q;
  k->ssize = 1;
  k->s = q->s;
  k->ep = 1;
  k->ed = 1;
  k->psize = 2;
  k->p = q->p;
  /* settings: every stored field away from its default */
  ScsSettings *s = &q->stgs;
  s->normalize = 0;
  s->scale = 0.25;
  s->adaptive_scale = 0;
  s->rho_x = 1e-5;
  s->max_iters = 1234;
  s->eps_abs = 1e-6;
  s->eps_rel = 2e-6;
  s->eps_infeas = 3e-9;
  s->alpha = 1.25;
  s->time_limit_secs = 99; /* not stored */
  s->verbose = 0;
  s->warm_start = 1; /* written as 0 */
  s->acceleration_lookback = 7;
  s->acceleration_interval = 3;
  s->acceleration_type_1 = 0;                 /* not stored */
  s->acceleration_regularization = 1e-3;      /* not stored */
  s->acceleration_relaxation = 0.5;           /* not stored */
  s->write_data_filename = "ignored.bin";     /* not stored */
  s->log_csv_filename = "ignored.csv";        /* not stored */
}

/* ---- comparisons ------------------------------------------------------ */

static void same_floats(const scs_float *a, const scs_float *b, scs_int n,
                        const char *what) {
  if (n == 0) return;
  cr_assert(a && b, "%s: NULL array", what);
  for (scs_int t = 0; t < n; ++t)
    cr_assert(memcmp(&a[t], &b[t], sizeof(scs_float)) == 0,
              "%s[%lld]: %g != %g", what, (long long)t, (double)a[t],
              (double)b[t]);
}

static void same_ints(const scs_int *a, const scs_int *b, scs_int n,
                      const char *what) {
  if (n == 0) return;
  cr_assert(a && b, "%s: NULL array", what);
  for (scs_int t = 0; t < n; ++t)
    cr_assert_eq(a[t], b[t], "%s[%lld]", what, (long long)t);
}

static void same_matrix(const ScsMatrix *a, const ScsMatrix *b,
                        const char *name) {
  cr_assert_eq(a->m, b->m, "%s->m", name);
  cr_assert_eq(a->n, b->n, "%s->n", name);
  same_ints(a->p, b->p, a->n + 1, name);
  same_ints(a->i, b->i, a->p[a->n], name);
  same_floats(a->x, b->x, a->p[a->n], name);
}

static void same_problem(const Problem *want, const ScsData *d,
                         const ScsCone *k, const ScsSettings *s) {
  const ScsData *wd = &want->d;
  cr_assert_eq(d->m, wd->m);
  cr_assert_eq(d->n, wd->n);
  same_floats(d->b, wd->b, wd->m, "b");
  same_floats(d->c, wd->c, wd->n, "c");
  same_matrix(d->A, wd->A, "A");
  if (wd->P) {
    cr_assert(d->P != NULL, "P lost");
    same_matrix(d->P, wd->P, "P");
  } else {
    cr_assert(d->P == NULL, "P appeared");
  }
  const ScsCone *wk = &want->k;
  cr_assert_eq(k->z, wk->z);
  cr_assert_eq(k->l, wk->l);
  cr_assert_eq(k->bsize, wk->bsize);
  same_floats(k->bl, wk->bl, SCS_MAX(wk->bsize - 1, 0), "bl");
  same_floats(k->bu, wk->bu, SCS_MAX(wk->bsize - 1, 0), "bu");
  cr_assert_eq(k->qsize, wk->qsize);
  same_ints(k->q, wk->q, wk->qsize, "q");
  cr_assert_eq(k->ssize, wk->ssize);
  same_ints(k->s, wk->s, wk->ssize, "s");
  cr_assert_eq(k->cssize, 0);
  cr_assert(k->cs == NULL);
  cr_assert_eq(k->ep, wk->ep);
  cr_assert_eq(k->ed, wk->ed);
  cr_assert_eq(k->psize, wk->psize);
  same_floats(k->p, wk->p, wk->psize, "p");
  const ScsSettings *ws = &want->stgs;
  cr_assert_eq(s->normalize, ws->normalize);
  cr_assert_eq(s->scale, ws->scale);
  cr_assert_eq(s->adaptive_scale, ws->adaptive_scale);
  cr_assert_eq(s->rho_x, ws->rho_x);
  cr_assert_eq(s->max_iters, ws->max_iters);
  cr_assert_eq(s->eps_abs, ws->eps_abs);
  cr_assert_eq(s->eps_rel, ws->eps_rel);
  cr_assert_eq(s->eps_infeas, ws->eps_infeas);
  cr_assert_eq(s->alpha, ws->alpha);
  cr_assert_eq(s->verbose, ws->verbose);
  cr_assert_eq(s->acceleration_lookback, ws->acceleration_lookback);
  cr_assert_eq(s->acceleration_interval, ws->acceleration_interval);
  /* not in the format: defaults */
  cr_assert_eq(s->warm_start, 0);
  cr_assert_eq(s->time_limit_secs, 0);
  cr_assert_eq(s->acceleration_type_1, 1);
  cr_assert_eq(s->acceleration_regularization,
               (scs_float)SCS_DEFAULT_AA_REGULARIZATION);
  cr_assert_eq(s->acceleration_relaxation,
               (scs_float)SCS_DEFAULT_AA_RELAXATION);
  cr_assert(s->write_data_filename == NULL);
  cr_assert(s->log_csv_filename == NULL);
}

/* ---- a hand-written encoder of the format, for any integer size -------- */

typedef struct {
  unsigned char *buf;
  size_t len, cap;
  unsigned isz;
} Enc;

static void enc_bytes(Enc *e, const void *src, size_t n) {
  if (e->len + n > e->cap) {
    e->cap = (e->len + n) * 2 + 64;
    e->buf = realloc(e->buf, e->cap);
    cr_assert(e->buf);
  }
  if (n) memcpy(e->buf + e->len, src, n);
  e->len += n;
}
static void enc_u32(Enc *e, uint32_t v) { enc_bytes(e, &v, 4); }
static void enc_int(Enc *e, long long v) {
  if (e->isz == 4) {
    int32_t w = (int32_t)v;
    enc_bytes(e, &w, 4);
  } else {
    int64_t w = v;
    enc_bytes(e, &w, 8);
  }
}
static void enc_float(Enc *e, scs_float v) { enc_bytes(e, &v, sizeof(v)); }
static void enc_ints(Enc *e, const scs_int *a, scs_int n) {
  for (scs_int t = 0; t < n; ++t) enc_int(e, a[t]);
}
static void enc_floats(Enc *e, const scs_float *a, scs_int n) {
  for (scs_int t = 0; t < n; ++t) enc_float(e, a[t]);
}

static void enc_header(Enc *e, unsigned isz) {
  e->isz = isz;
  enc_u32(e, isz);
  enc_u32(e, (uint32_t)sizeof(scs_float));
  enc_u32(e, 6);
  enc_bytes(e, "3.2.11", 6);
}

static void enc_cone(Enc *e, const ScsCone *k) {
  enc_int(e, k->z);
  enc_int(e, k->l);
  enc_int(e, k->bsize);
  enc_floats(e, k->bl, SCS_MAX(k->bsize - 1, 0));
  enc_floats(e, k->bu, SCS_MAX(k->bsize - 1, 0));
  enc_int(e, k->qsize);
  enc_ints(e, k->q, k->qsize);
  enc_int(e, k->ssize);
  enc_ints(e, k->s, k->ssize);
  enc_int(e, k->ep);
  enc_int(e, k->ed);
  enc_int(e, k->psize);
  enc_floats(e, k->p, k->psize);
}

static void enc_matrix(Enc *e, const ScsMatrix *M) {
  enc_int(e, M->m);
  enc_int(e, M->n);
  enc_ints(e, M->p, M->n + 1);
  enc_floats(e, M->x, M->p[M->n]);
  enc_ints(e, M->i, M->p[M->n]);
}

static void enc_data_until_A(Enc *e, const ScsData *d) {
  enc_int(e, d->m);
  enc_int(e, d->n);
  enc_floats(e, d->b, d->m);
  enc_floats(e, d->c, d->n);
  enc_matrix(e, d->A);
}

static void enc_settings(Enc *e, const ScsSettings *s) {
  enc_int(e, s->normalize);
  enc_float(e, s->scale);
  enc_float(e, s->rho_x);
  enc_int(e, s->max_iters);
  enc_float(e, s->eps_abs);
  enc_float(e, s->eps_rel);
  enc_float(e, s->eps_infeas);
  enc_float(e, s->alpha);
  enc_int(e, s->verbose);
  enc_int(e, 0);
  enc_int(e, s->acceleration_lookback);
  enc_int(e, s->acceleration_interval);
  enc_int(e, s->adaptive_scale);
}

static void enc_problem(Enc *e, unsigned isz, const Problem *q) {
  enc_header(e, isz);
  enc_cone(e, &q->k);
  enc_data_until_A(e, &q->d);
  enc_int(e, q->d.P ? 1 : 0);
  if (q->d.P) enc_matrix(e, q->d.P);
  enc_settings(e, &q->stgs);
}

static void write_file(const char *path, const void *buf, size_t len) {
  FILE *f = fopen(path, "wb");
  cr_assert(f, "cannot create %s", path);
  if (len) cr_assert_eq(fwrite(buf, 1, len, f), len);
  cr_assert_eq(fclose(f), 0);
}

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  cr_assert(f, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)n + 1);
  cr_assert(buf);
  cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
  fclose(f);
  *len = (size_t)n;
  return buf;
}

/* the leak check is slow: loops of reads check once at their end */
static int leak_check_each_read = 1;

/* Read path expecting failure with `substr` in the message and the outputs
 * untouched. */
static void expect_read_error(const char *path, const char *substr) {
  ScsData *d = (ScsData *)&pb;
  ScsCone *k = (ScsCone *)&pb;
  ScsSettings *s = (ScsSettings *)&pb;
  scs_int rc = scs_read_data(path, &d, &k, &s);
  cr_assert_neq(rc, 0, "reading %s succeeded (expected \"%s\")", path,
                substr ? substr : "");
  cr_assert(d == (ScsData *)&pb && k == (ScsCone *)&pb &&
                s == (ScsSettings *)&pb,
            "outputs set on failure");
  cr_assert(strstr(scs_last_error(), path) != NULL,
            "message \"%s\" does not name the file", scs_last_error());
  if (substr)
    cr_assert(strstr(scs_last_error(), substr) != NULL,
              "message \"%s\" does not contain \"%s\"", scs_last_error(),
              substr);
  if (leak_check_each_read) EXPECT_NO_LEAKS();
}

static void expect_read_ok(const char *path, const Problem *want) {
  ScsData *d = NULL;
  ScsCone *k = NULL;
  ScsSettings *s = NULL;
  scs_int rc = scs_read_data(path, &d, &k, &s);
  cr_assert_eq(rc, 0, "reading %s failed: %s", path, scs_last_error());
  same_problem(want, d, k, s);
  scs_free_problem(d, k, s);
}

static void enc_to_file(Enc *e, const char *path) {
  write_file(path, e->buf, e->len);
  free(e->buf);
  memset(e, 0, sizeof(*e));
}

/* ---- round trips ------------------------------------------------------ */

static void roundtrip(int with_p, const char *name) {
  char path[512];
  tmp_path(path, sizeof(path), name);
  make_problem(&pb, with_p);
  Problem before;
  memcpy(&before, &pb, sizeof(pb));
  cr_assert_eq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0, "%s",
               scs_last_error());
  cr_assert(memcmp(&before, &pb, sizeof(pb)) == 0, "writer changed input");
  expect_read_ok(path, &pb);

  /* byte-identical to the independent encoder */
  Enc e = {0};
  enc_problem(&e, (unsigned)sizeof(scs_int), &pb);
  size_t len;
  unsigned char *file = slurp(path, &len);
  cr_assert_eq(len, e.len, "file has %zu bytes, expected %zu", len, e.len);
  cr_assert(memcmp(file, e.buf, len) == 0, "file differs from the layout");
  free(file);
  free(e.buf);
  unlink(path);
}

Test(dump, roundtrip_with_P) { roundtrip(1, "rt_p.bin"); }
Test(dump, roundtrip_without_P) { roundtrip(0, "rt_nop.bin"); }

Test(dump, roundtrip_minimal_cone) {
  /* bsize 1 (no bounds), no arrays at all */
  char path[512];
  tmp_path(path, sizeof(path), "rt_min.bin");
  make_problem(&pb, 0);
  memset(&pb.k, 0, sizeof(pb.k));
  pb.k.l = M_ROWS - 1;
  pb.k.bsize = 1;
  cr_assert_eq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0, "%s",
               scs_last_error());
  ScsData *d;
  ScsCone *k;
  ScsSettings *s;
  cr_assert_eq(scs_read_data(path, &d, &k, &s), 0, "%s", scs_last_error());
  same_problem(&pb, d, k, s);
  cr_assert(k->bl == NULL && k->bu == NULL && k->q == NULL && k->s == NULL &&
            k->p == NULL);
  scs_free_problem(d, k, s);
  unlink(path);
}

Test(dump, read_int_sizes_4_and_8) {
  char path[512];
  tmp_path(path, sizeof(path), "isz.bin");
  for (unsigned isz = 4; isz <= 8; isz += 4) {
    for (int with_p = 0; with_p <= 1; ++with_p) {
      make_problem(&pb, with_p);
      Enc e = {0};
      enc_problem(&e, isz, &pb);
      enc_to_file(&e, path);
      expect_read_ok(path, &pb);
    }
  }
  unlink(path);
}

/* ---- truncation ------------------------------------------------------- */

static void truncate_everywhere(unsigned isz, const char *name) {
  char path[512];
  tmp_path(path, sizeof(path), name);
  make_problem(&pb, 1);
  Enc e = {0};
  enc_problem(&e, isz, &pb);
  leak_check_each_read = 0;
  for (size_t len = 0; len < e.len; ++len) {
    write_file(path, e.buf, len);
    expect_read_error(path, NULL);
  }
  leak_check_each_read = 1;
  /* the full file reads */
  write_file(path, e.buf, e.len);
  expect_read_ok(path, &pb);
  free(e.buf);
  unlink(path);
  EXPECT_NO_LEAKS();
}

Test(dump, truncated_native) {
  truncate_everywhere((unsigned)sizeof(scs_int), "trunc_native.bin");
}
Test(dump, truncated_other_int_size) {
  truncate_everywhere(sizeof(scs_int) == 4 ? 8u : 4u, "trunc_other.bin");
}

Test(dump, truncated_message_is_precise) {
  char path[512], want[128];
  tmp_path(path, sizeof(path), "trunc_msg.bin");
  make_problem(&pb, 0);
  Enc e = {0};
  enc_problem(&e, 4, &pb);
  /* cut 3 entries into A->i */
  size_t settings = 4 * 7 + 6 * sizeof(scs_float); /* 7 ints + 6 floats */
  size_t cut = e.len - settings - 4 /* has_P */ - 4 * (size_t)pb.Ap[N_COLS] +
               3 * 4 + 1;
  write_file(path, e.buf, cut);
  snprintf(want, sizeof(want),
           "truncated while reading A->i (needed %lld bytes, 13 left)",
           (long long)(4 * pb.Ap[N_COLS]));
  expect_read_error(path, want);
  /* a file that ends where has_P would be: no P, but no settings either */
  write_file(path, e.buf, e.len - settings - 4);
  expect_read_error(path, "truncated while reading settings.normalize "
                          "(needed 4 bytes, 0 left)");
  free(e.buf);
  unlink(path);
}

Test(dump, empty_file) {
  char path[512];
  tmp_path(path, sizeof(path), "empty.bin");
  write_file(path, "", 0);
  expect_read_error(path, "truncated while reading the integer size");
  unlink(path);
}

/* ---- corrupt files ---------------------------------------------------- */

Test(dump, huge_n_rejected_before_allocating) {
  char path[512];
  tmp_path(path, sizeof(path), "huge_n.bin");
  make_problem(&pb, 0);
  for (unsigned isz = 4; isz <= 8; isz += 4) {
    Enc e = {0};
    enc_header(&e, isz);
    enc_cone(&e, &pb.k);
    long long huge = isz == 4 ? 2147483647LL : 2305843009213693951LL;
    if (isz == 8 && sizeof(scs_int) == 4) huge = 2147483647LL;
    enc_int(&e, M_ROWS);
    enc_int(&e, huge);
    enc_floats(&e, pb.b, M_ROWS);
    enc_to_file(&e, path);
    expect_read_error(path, "truncated while reading c (needed ");
  }
  unlink(path);
}

Test(dump, huge_nnz_rejected) {
  char path[512];
  tmp_path(path, sizeof(path), "huge_nnz.bin");
  make_problem(&pb, 0);
  scs_int p[N_COLS + 1] = {0, 1, 2, 2000000000};
  pb.A.p = p;
  Enc e = {0};
  enc_header(&e, (unsigned)sizeof(scs_int));
  enc_cone(&e, &pb.k);
  enc_int(&e, M_ROWS);
  enc_int(&e, N_COLS);
  enc_floats(&e, pb.b, M_ROWS);
  enc_floats(&e, pb.c, N_COLS);
  enc_int(&e, M_ROWS);
  enc_int(&e, N_COLS);
  enc_ints(&e, p, N_COLS + 1);
  enc_floats(&e, pb.Ax, 5); /* a few entries, then the file ends */
  enc_to_file(&e, path);
  /* x would need 2e9 floats: refused without allocating them */
  expect_read_error(path, "truncated while reading A->x (needed ");
  unlink(path);
}

Test(dump, negative_counts_rejected) {
  char path[512];
  tmp_path(path, sizeof(path), "neg.bin");
  make_problem(&pb, 0);
  pb.k.qsize = -1;
  Enc e = {0};
  enc_problem(&e, 4, &pb); /* encoder writes no q entries for -1 */
  enc_to_file(&e, path);
  expect_read_error(path, "cone.qsize = -1 is negative");

  make_problem(&pb, 0);
  pb.A.m = -5;
  enc_problem(&e, 8, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "A->m = -5 is negative");

  make_problem(&pb, 0);
  scs_int p[N_COLS + 1] = {0, 0, 0, -2};
  pb.A.p = p;
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "A->p[3] = -2 (the number of entries) is negative");
  unlink(path);
}

Test(dump, int64_value_too_big_for_build) {
  char path[512];
  tmp_path(path, sizeof(path), "big64.bin");
  make_problem(&pb, 0);
  Enc e = {0};
  enc_header(&e, 8);
  enc_int(&e, 1LL << 40); /* cone.z */
  enc_to_file(&e, path);
  if (sizeof(scs_int) == 4)
    expect_read_error(path, "cone.z = 1099511627776 does not fit in this "
                            "build's 4-byte scs_int");
  else
    expect_read_error(path, "truncated while reading cone.l");
  /* inside an array */
  make_problem(&pb, 0);
  enc_header(&e, 8);
  enc_cone(&e, &pb.k);
  enc_int(&e, M_ROWS);
  enc_int(&e, N_COLS);
  enc_floats(&e, pb.b, M_ROWS);
  enc_floats(&e, pb.c, N_COLS);
  enc_int(&e, M_ROWS);
  enc_int(&e, N_COLS);
  enc_int(&e, 0);
  enc_int(&e, -(1LL << 40));
  enc_int(&e, 0);
  enc_int(&e, 0);
  enc_int(&e, 0); /* has_P */
  enc_settings(&e, &pb.stgs);
  enc_to_file(&e, path);
  if (sizeof(scs_int) == 4)
    expect_read_error(path, "A->p[1] = -1099511627776 does not fit");
  else
    expect_read_error(path, "not monotone");
  unlink(path);
}

Test(dump, bad_header) {
  char path[512], want[160];
  tmp_path(path, sizeof(path), "hdr.bin");
  make_problem(&pb, 0);
  Enc e = {0};
  enc_problem(&e, 4, &pb);
  uint32_t v = 2;
  memcpy(e.buf, &v, 4);
  write_file(path, e.buf, e.len);
  expect_read_error(path, "integer size is 2 bytes; only 4 and 8");
  v = 0x04000000u; /* 4 in the other byte order */
  memcpy(e.buf, &v, 4);
  write_file(path, e.buf, e.len);
  expect_read_error(path, "other byte order");
  v = 4;
  memcpy(e.buf, &v, 4);
  uint32_t fsz = sizeof(scs_float) == 8 ? 4 : 8;
  memcpy(e.buf + 4, &fsz, 4);
  write_file(path, e.buf, e.len);
  snprintf(want, sizeof(want),
           "the file stores %u-byte floats but this build's scs_float has "
           "%u bytes",
           (unsigned)fsz, (unsigned)sizeof(scs_float));
  expect_read_error(path, want);
  fsz = sizeof(scs_float);
  memcpy(e.buf + 4, &fsz, 4);
  uint32_t vlen = 0xfffffff0u;
  memcpy(e.buf + 8, &vlen, 4);
  write_file(path, e.buf, e.len);
  expect_read_error(path, "truncated while reading the version string");
  free(e.buf);
  unlink(path);
}

Test(dump, bad_has_p_and_trailing_bytes) {
  char path[512];
  tmp_path(path, sizeof(path), "hasp.bin");
  make_problem(&pb, 0);
  Enc e = {0};
  enc_header(&e, 4);
  enc_cone(&e, &pb.k);
  enc_data_until_A(&e, &pb.d);
  enc_int(&e, 2);
  enc_settings(&e, &pb.stgs);
  enc_to_file(&e, path);
  expect_read_error(path, "has_P = 2 must be 0 or 1");

  enc_problem(&e, 4, &pb);
  enc_int(&e, 0);
  enc_to_file(&e, path);
  expect_read_error(path, "4 unexpected bytes after the settings");
  unlink(path);
}

Test(dump, invalid_content_rejected) {
  char path[512];
  tmp_path(path, sizeof(path), "invalid.bin");
  Enc e = {0};
  make_problem(&pb, 1);
  pb.b[4] = NAN;
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "invalid problem in the file: b[4] is NaN");

  make_problem(&pb, 1);
  pb.k.l = 2;
  enc_problem(&e, 8, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "cone sizes sum to 24 but m = 23");

  make_problem(&pb, 1);
  pb.Pi[0] = 1; /* column 0 of P gets row 1: below the diagonal */
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "P: entry (1, 0) is below the diagonal");

  make_problem(&pb, 0);
  pb.Ai[3] = 99;
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "A: row index 99 out of range [0, 23) in column 0");

  make_problem(&pb, 0);
  pb.A.n = 2;
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "A must be m x n = 23 x 3, got 23 x 2");

  make_problem(&pb, 0);
  pb.bl[0] = 3; /* bu[0] = 2 */
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_error(path, "box: bl[0] = 3 > bu[0] = 2");
  unlink(path);
}

Test(dump, settings_not_validated_on_read) {
  /* SCS writes eps = 0 happily; reading keeps it (scs_init decides) */
  char path[512];
  tmp_path(path, sizeof(path), "eps0.bin");
  make_problem(&pb, 0);
  pb.stgs.eps_abs = 0;
  pb.stgs.max_iters = 0;
  Enc e = {0};
  enc_problem(&e, 4, &pb);
  enc_to_file(&e, path);
  expect_read_ok(path, &pb);
  unlink(path);
}

/* ---- files that cannot be opened --------------------------------------- */

Test(dump, nonexistent_file) {
  const char *path = "/nonexistent_dir_libscs/no_such_dump.bin";
  expect_read_error(path, "cannot open for reading");
}

Test(dump, directory_is_not_a_file) {
  expect_read_error(SCS_TEST_TMP_DIR, NULL);
}

Test(dump, null_arguments) {
  ScsData *d;
  ScsCone *k;
  ScsSettings *s;
  cr_assert_neq(scs_read_data(NULL, &d, &k, &s), 0);
  cr_assert_neq(scs_read_data("x.bin", NULL, &k, &s), 0);
  cr_assert(strstr(scs_last_error(), "x.bin"));
  scs_free_problem(NULL, NULL, NULL);
  make_problem(&pb, 0);
  cr_assert_neq(scs_dump_write(NULL, &pb.d, &pb.k, &pb.stgs), 0);
  cr_assert_neq(scs_dump_write("x.bin", NULL, &pb.k, &pb.stgs), 0);
  cr_assert(strstr(scs_last_error(), "data is NULL"));
  cr_assert_neq(scs_dump_write("x.bin", &pb.d, NULL, &pb.stgs), 0);
  cr_assert_neq(scs_dump_write("x.bin", &pb.d, &pb.k, NULL), 0);
}

/* ---- writer refusals -------------------------------------------------- */

Test(dump, complex_psd_write_refused) {
  char path[512];
  tmp_path(path, sizeof(path), "cs.bin");
  unlink(path);
  make_problem(&pb, 0);
  scs_int cs[1] = {2}; /* 4 rows, in place of l, z and 2 of the box */
  pb.k.cssize = 1;
  pb.k.cs = cs;
  pb.k.z = pb.k.l = 0;
  pb.k.bsize = 1;
  cr_assert_neq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0);
  cr_assert(strstr(scs_last_error(), "complex PSD cones (cssize = 1)"),
            "%s", scs_last_error());
  cr_assert(strstr(scs_last_error(), path));
  struct stat st;
  cr_assert_neq(stat(path, &st), 0, "a file was created");
}

Test(dump, invalid_problem_write_refused) {
  char path[512];
  tmp_path(path, sizeof(path), "bad_w.bin");
  unlink(path);
  make_problem(&pb, 0);
  pb.k.l = 5;
  cr_assert_neq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0);
  cr_assert(strstr(scs_last_error(), "cone sizes sum to 27 but m = 23"),
            "%s", scs_last_error());
  struct stat st;
  cr_assert_neq(stat(path, &st), 0, "a file was created");
}

Test(dump, unwritable_path) {
  const char *path = "/nonexistent_dir_libscs/out.bin";
  make_problem(&pb, 0);
  cr_assert_neq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0);
  cr_assert(strstr(scs_last_error(), path), "%s", scs_last_error());
  cr_assert(strstr(scs_last_error(), "cannot open for writing"));
}

Test(dump, write_failure_reported_and_partial_file_removed) {
  /* a 100-byte file size limit makes the write fail with EFBIG (each
   * Criterion test runs in its own process, so the limit stays here) */
  char path[512];
  tmp_path(path, sizeof(path), "efbig.bin");
  unlink(path);
  signal(SIGXFSZ, SIG_IGN);
  struct rlimit rl = {100, 100};
  cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
  make_problem(&pb, 1);
  cr_assert_neq(scs_dump_write(path, &pb.d, &pb.k, &pb.stgs), 0);
  cr_assert(strstr(scs_last_error(), "write failed"), "%s", scs_last_error());
  cr_assert(strstr(scs_last_error(), path), "%s", scs_last_error());
  struct stat st;
  cr_assert_neq(stat(path, &st), 0, "the partial file was left behind");
}

/*
 * bench_core: core benchmark for libscs, written against the public SCS 3.2
 * C API only (scs.h), so the very same file also builds against SCS 3.2
 * itself (see bench/README.md). That is part of the point: it shows the API
 * is a drop-in replacement, and it lets both solvers run identical problems.
 *
 * Three families of deterministic random problems with a planted
 * primal-dual optimum (x*, s*, y*):
 *   lp   : zero + nonnegative cones, P = NULL
 *   qp   : the LP structure plus a sparse PSD P (upper triangle only)
 *   socp : zero + nonnegative + many second-order cones, P = NULL
 * s* in K and y* in K* are complementary, b = A x* + s*, c = -P x* - A'y*,
 * so x* is optimal and the optimal value is p* = (1/2) x*'P x* + c'x*.
 *
 * A has a banded random part (each column's entries fall in a window of
 * rows around its diagonal position) plus one bound row per variable. The
 * band keeps the LDL fill-in of the KKT matrix modest, as in most practical
 * sparse problems; a purely random pattern would make the factorization,
 * not the iterations, dominate.
 *
 * Only names from scs.h are used; scs_library_version() is a libscs
 * extension and is referenced only under SCS_BENCH_LIBSCS.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scs.h"

/* ---- PRNG: xoshiro256** seeded by splitmix64 --------------------------- */

typedef struct {
  uint64_t s[4];
} Rng;

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void rng_seed(Rng *r, uint64_t seed) {
  int i;
  for (i = 0; i < 4; ++i) r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(Rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* uniform in [0, 1) */
static double rng_unif(Rng *r) {
  return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* uniform integer in [0, n) */
static long rng_int(Rng *r, long n) {
  return (long)(rng_unif(r) * (double)n);
}

/* standard normal (Box-Muller, one value per call, no hidden state) */
static double rng_normal(Rng *r) {
  double u1 = rng_unif(r), u2 = rng_unif(r);
  if (u1 < 1e-300) u1 = 1e-300;
  return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

/* ---- triplets -> CSC ------------------------------------------------------ */

typedef struct {
  long len, cap;
  long *i, *j;
  double *v;
} Trip;

static void *xmalloc(size_t sz) {
  void *p = malloc(sz ? sz : 1);
  if (!p) {
    fprintf(stderr, "bench_core: out of memory\n");
    exit(2);
  }
  return p;
}

static void *xcalloc(size_t n, size_t sz) {
  void *p = calloc(n ? n : 1, sz ? sz : 1);
  if (!p) {
    fprintf(stderr, "bench_core: out of memory\n");
    exit(2);
  }
  return p;
}

static void trip_push(Trip *t, long i, long j, double v) {
  if (t->len == t->cap) {
    long cap = t->cap ? 2 * t->cap : 1024;
    long *ni = realloc(t->i, (size_t)cap * sizeof(long));
    long *nj = realloc(t->j, (size_t)cap * sizeof(long));
    double *nv = realloc(t->v, (size_t)cap * sizeof(double));
    if (!ni || !nj || !nv) {
      fprintf(stderr, "bench_core: out of memory\n");
      exit(2);
    }
    t->i = ni;
    t->j = nj;
    t->v = nv;
    t->cap = cap;
  }
  t->i[t->len] = i;
  t->j[t->len] = j;
  t->v[t->len] = v;
  t->len++;
}

static void trip_free(Trip *t) {
  free(t->i);
  free(t->j);
  free(t->v);
  memset(t, 0, sizeof(*t));
}

/* Build an m x n CSC matrix; duplicates are summed, rows sorted. */
static ScsMatrix *trip_to_csc(const Trip *t, long m, long n) {
  ScsMatrix *M = xcalloc(1, sizeof(ScsMatrix));
  long *cnt = xcalloc((size_t)n + 1, sizeof(long));
  long *pos = xmalloc(((size_t)n + 1) * sizeof(long));
  long *ri = xmalloc((size_t)t->len * sizeof(long) + 1);
  double *rv = xmalloc((size_t)t->len * sizeof(double) + 1);
  long k, j, nz = 0;
  for (k = 0; k < t->len; ++k) cnt[t->j[k] + 1]++;
  for (j = 0; j < n; ++j) cnt[j + 1] += cnt[j];
  memcpy(pos, cnt, ((size_t)n + 1) * sizeof(long));
  for (k = 0; k < t->len; ++k) {
    long q = pos[t->j[k]]++;
    ri[q] = t->i[k];
    rv[q] = t->v[k];
  }
  M->m = (scs_int)m;
  M->n = (scs_int)n;
  M->p = xmalloc(((size_t)n + 1) * sizeof(scs_int));
  M->i = xmalloc((size_t)t->len * sizeof(scs_int) + 1);
  M->x = xmalloc((size_t)t->len * sizeof(scs_float) + 1);
  for (j = 0; j < n; ++j) {
    long a = cnt[j], b = cnt[j + 1], q, r;
    /* insertion sort of the (short) column by row index */
    for (q = a + 1; q < b; ++q) {
      long ki = ri[q];
      double kv = rv[q];
      for (r = q - 1; r >= a && ri[r] > ki; --r) {
        ri[r + 1] = ri[r];
        rv[r + 1] = rv[r];
      }
      ri[r + 1] = ki;
      rv[r + 1] = kv;
    }
    M->p[j] = (scs_int)nz;
    for (q = a; q < b; ++q) {
      if (nz > M->p[j] && M->i[nz - 1] == (scs_int)ri[q]) {
        M->x[nz - 1] += (scs_float)rv[q];
      } else {
        M->i[nz] = (scs_int)ri[q];
        M->x[nz] = (scs_float)rv[q];
        nz++;
      }
    }
  }
  M->p[n] = (scs_int)nz;
  free(cnt);
  free(pos);
  free(ri);
  free(rv);
  return M;
}

static void csc_free(ScsMatrix *M) {
  if (!M) return;
  free(M->x);
  free(M->i);
  free(M->p);
  free(M);
}

/* y += A x */
static void csc_axpy(const ScsMatrix *A, const double *x, double *y) {
  scs_int j, k;
  for (j = 0; j < A->n; ++j)
    for (k = A->p[j]; k < A->p[j + 1]; ++k) y[A->i[k]] += A->x[k] * x[j];
}

/* y += A' x */
static void csc_atxpy(const ScsMatrix *A, const double *x, double *y) {
  scs_int j, k;
  for (j = 0; j < A->n; ++j)
    for (k = A->p[j]; k < A->p[j + 1]; ++k) y[j] += A->x[k] * x[A->i[k]];
}

/* y += P x with P symmetric, stored as its upper triangle */
static void csc_symv_upper(const ScsMatrix *P, const double *x, double *y) {
  scs_int j, k;
  for (j = 0; j < P->n; ++j)
    for (k = P->p[j]; k < P->p[j + 1]; ++k) {
      scs_int i = P->i[k];
      y[i] += P->x[k] * x[j];
      if (i != j) y[j] += P->x[k] * x[i];
    }
}

/* ---- problem generation ----------------------------------------------------- */

enum { FAM_LP = 0, FAM_QP = 1, FAM_SOCP = 2, NFAM = 3 };
static const char *const FAM_NAME[NFAM] = {"lp", "qp", "socp"};

typedef struct {
  int family;
  int size_idx;
  long n, m, nnz_a, nnz_p;
  ScsData data;
  ScsCone cone;
  double *xstar; /* planted primal solution, length n */
  double pstar;  /* planted optimal value */
} Problem;

/*
 * Shape of A: n variables, n "general" rows (banded random, COL_NNZ entries
 * per column drawn from a window of 2*BAND_HALF+1 rows) and n bound rows
 * -x_j + s = -lb_j in the nonnegative cone. So nnz(A) ~ (COL_NNZ + 1) n.
 * The bound rows are what practical LPs have, and they keep the problems
 * reasonably conditioned: without them (or with sparser columns) ADMM
 * often needs 1e4 or more iterations on these random problems.
 * General rows: zero cone n/4; then LP/QP: nonnegative 3n/4;
 * SOCP: nonnegative n/4 and second-order cones of dimension 3..30 for n/2.
 */
#define COL_NNZ 16
#define BAND_HALF 30

/*
 * A (m x n): mg = m - nb banded random general rows, then nb bound rows
 * (row z + l + j is -x_j, j < nb). l counts the general nonnegative rows.
 * The band lives in a "position" order of the general rows that interleaves
 * the cones: the units (one row of the zero or nonnegative cone, or one
 * whole second-order cone) are shuffled, and positions follow the shuffled
 * units. Column j draws COL_NNZ distinct positions from the window around
 * position j*mg/n. So every cone type meets every part of x (banding in cone
 * order would make the first equality rows pin down the first variables),
 * while the KKT matrix keeps a banded, low-fill graph. Every general row gets
 * at least one entry.
 */
static ScsMatrix *gen_a(Rng *r, long m, long n, long z, long l, long nb,
                        const scs_int *q, long nq) {
  Trip t = {0, 0, NULL, NULL, NULL};
  long nunits = z + l + nq, mg = m - nb;
  long *ustart = xmalloc((size_t)nunits * sizeof(long));
  long *ulen = xmalloc((size_t)nunits * sizeof(long));
  long *order = xmalloc((size_t)nunits * sizeof(long));
  long *pos2row = xmalloc((size_t)mg * sizeof(long));
  long *rowcnt = xcalloc((size_t)m, sizeof(long));
  long picked[COL_NNZ];
  long j, i, u, p = 0, off = z + l + nb;
  ScsMatrix *A;
  for (u = 0; u < z + l; ++u) {
    ustart[u] = u;
    ulen[u] = 1;
  }
  for (i = 0; i < nq; ++i) {
    ustart[z + l + i] = off;
    ulen[z + l + i] = q[i];
    off += q[i];
  }
  for (u = 0; u < nunits; ++u) order[u] = u;
  for (u = nunits - 1; u > 0; --u) { /* Fisher-Yates */
    long v = rng_int(r, u + 1), tmp = order[u];
    order[u] = order[v];
    order[v] = tmp;
  }
  for (u = 0; u < nunits; ++u)
    for (i = 0; i < ulen[order[u]]; ++i) pos2row[p++] = ustart[order[u]] + i;
  for (j = 0; j < n; ++j) {
    long ctr = (long)((double)j * (double)mg / (double)n);
    long lo = ctr - BAND_HALF, hi = ctr + BAND_HALF;
    long k = 0, want;
    if (lo < 0) lo = 0;
    if (hi > mg - 1) hi = mg - 1;
    want = hi - lo + 1 < COL_NNZ ? hi - lo + 1 : COL_NNZ;
    while (k < want) {
      long pos = lo + rng_int(r, hi - lo + 1), qq;
      for (qq = 0; qq < k && picked[qq] != pos; ++qq) {
      }
      if (qq < k) continue;
      picked[k++] = pos;
      trip_push(&t, pos2row[pos], j, rng_normal(r));
      rowcnt[pos2row[pos]]++;
    }
  }
  for (p = 0; p < mg; ++p)
    if (!rowcnt[pos2row[p]]) {
      long col = (long)((double)p * (double)n / (double)mg);
      trip_push(&t, pos2row[p], col, rng_normal(r));
    }
  for (j = 0; j < nb; ++j) trip_push(&t, z + l + j, j, -1.0); /* x_j >= lb_j */
  A = trip_to_csc(&t, m, n);
  trip_free(&t);
  free(ustart);
  free(ulen);
  free(order);
  free(pos2row);
  free(rowcnt);
  return A;
}

/*
 * Sparse PSD P = F F' (upper triangle), F n x n/2 with 3 entries per column
 * drawn from a local window, plus a small diagonal on every 4th variable.
 */
static ScsMatrix *gen_p(Rng *r, long n) {
  Trip t = {0, 0, NULL, NULL, NULL};
  long nf = n / 2 > 1 ? n / 2 : 1, f, j;
  ScsMatrix *P;
  for (f = 0; f < nf; ++f) {
    long rows[3];
    double vals[3];
    long ctr = (long)((double)f * (double)n / (double)nf), k = 0, a, b;
    long lo = ctr - 10, hi = ctr + 10;
    if (lo < 0) lo = 0;
    if (hi > n - 1) hi = n - 1;
    while (k < 3 && k < hi - lo + 1) {
      long row = lo + rng_int(r, hi - lo + 1), q;
      for (q = 0; q < k && rows[q] != row; ++q) {
      }
      if (q < k) continue;
      rows[k] = row;
      vals[k] = rng_normal(r);
      k++;
    }
    for (a = 0; a < k; ++a)
      for (b = 0; b < k; ++b)
        if (rows[a] <= rows[b])
          trip_push(&t, rows[a], rows[b], vals[a] * vals[b]);
  }
  for (j = 0; j < n; j += 4) trip_push(&t, j, j, 0.1 + rng_unif(r));
  P = trip_to_csc(&t, n, n);
  trip_free(&t);
  return P;
}

/* Target nnz(A) of size index k: 1e3 * 10^(k/2). */
static long target_nnz(int k) {
  return (long)floor(1000.0 * pow(10.0, 0.5 * (double)k) + 0.5);
}

static void gen_problem(Problem *pb, int family, int size_idx, uint64_t seed) {
  Rng rng;
  long n, m, z, l, i, j, nq = 0, capq = 16, off, nact = 0, nb, mg, lg;
  double *s, *y, *tmp;
  scs_float *b, *c;
  scs_int *q = xmalloc((size_t)capq * sizeof(scs_int));
  ScsMatrix *A, *P = NULL;

  memset(pb, 0, sizeof(*pb));
  rng_seed(&rng, seed ^ (0x1000193ULL * (uint64_t)(family + 1)) ^
                     (0x9e3779b9ULL * (uint64_t)(size_idx + 1)));
  n = target_nnz(size_idx) / (COL_NNZ + 1);
  if (n < 10) n = 10;
  nb = n;
  mg = n;
  m = mg + nb;
  z = n / 4;
  lg = family == FAM_SOCP ? mg / 4 : mg - z;
  l = lg + nb;

  /* cone: second-order cones of dimension 3..30 fill the remaining rows */
  if (family == FAM_SOCP) {
    long left = m - z - l;
    while (left > 0) {
      long d = 3 + rng_int(&rng, 28);
      if (left - d < 3) d = left; /* last cone takes the rest */
      if (nq == capq) {
        scs_int *nqp;
        capq *= 2;
        nqp = realloc(q, (size_t)capq * sizeof(scs_int));
        if (!nqp) {
          fprintf(stderr, "bench_core: out of memory\n");
          exit(2);
        }
        q = nqp;
      }
      q[nq++] = (scs_int)d;
      left -= d;
    }
  }

  A = gen_a(&rng, m, n, z, lg, nb, q, nq);
  if (family == FAM_QP) P = gen_p(&rng, n);

  /* planted primal-dual solution */
  pb->xstar = xmalloc((size_t)n * sizeof(double));
  s = xcalloc((size_t)m, sizeof(double));
  y = xcalloc((size_t)m, sizeof(double));
  for (j = 0; j < n; ++j) pb->xstar[j] = rng_normal(&rng);
  for (i = 0; i < z; ++i) y[i] = rng_normal(&rng); /* s = 0, y free */
  off = z + l;
  for (i = 0; i < nq; ++i) {
    long d = q[i], k;
    double u = rng_unif(&rng), nrm = 0;
    double *sv = s + off, *yv = y + off;
    for (k = 1; k < d; ++k) {
      sv[k] = rng_normal(&rng);
      nrm += sv[k] * sv[k];
    }
    nrm = sqrt(nrm);
    if (nrm < 1e-12) {
      sv[1] = 1;
      nrm = 1;
    }
    if (u < 0.5) {
      /* both on the boundary: s = a (1, w), y = g (1, -w), |w| = 1 */
      double a = 0.5 + rng_unif(&rng), g = 0.5 + rng_unif(&rng);
      sv[0] = a;
      yv[0] = g;
      nact += 1;
      for (k = 1; k < d; ++k) {
        double w = sv[k] / nrm;
        sv[k] = a * w;
        yv[k] = -g * w;
      }
    } else if (u < 0.75) {
      /* s interior, y = 0 */
      sv[0] = nrm * (1.1 + rng_unif(&rng));
    } else {
      /* y interior, s = 0 */
      yv[0] = nrm * (1.1 + rng_unif(&rng));
      nact += d;
      for (k = 1; k < d; ++k) {
        yv[k] = sv[k];
        sv[k] = 0;
      }
    }
    off += d;
  }

  /*
   * Nonnegative rows: exactly enough of them active (s_i = 0 < y_i) that the
   * active constraints number n (zero rows + active nonnegative rows +
   * SOC boundary/zero parts), the others inactive (s_i > 0 = y_i): a
   * vertex with as many active constraints as variables, strictly
   * complementary, rather than a degenerate one.
   */
  {
    long want = n - z - nact, cnt = l;
    long *idx = xmalloc((size_t)(l > 0 ? l : 1) * sizeof(long));
    if (want < 0) want = 0;
    if (want > l) want = l;
    for (i = 0; i < l; ++i) idx[i] = z + i;
    for (i = 0; i < want; ++i) { /* partial Fisher-Yates: pick `want` rows */
      long v = i + rng_int(&rng, cnt - i), sw = idx[i];
      idx[i] = idx[v];
      idx[v] = sw;
    }
    for (i = 0; i < l; ++i) {
      double v = 0.1 + fabs(rng_normal(&rng));
      if (i < want)
        y[idx[i]] = v;
      else
        s[idx[i]] = v;
    }
    free(idx);
  }

  /* b = A x* + s*, c = -P x* - A'y* */
  b = xmalloc((size_t)m * sizeof(scs_float));
  c = xmalloc((size_t)n * sizeof(scs_float));
  tmp = xcalloc((size_t)(m > n ? m : n), sizeof(double));
  for (i = 0; i < m; ++i) tmp[i] = s[i];
  csc_axpy(A, pb->xstar, tmp);
  for (i = 0; i < m; ++i) b[i] = (scs_float)tmp[i];
  memset(tmp, 0, (size_t)(m > n ? m : n) * sizeof(double));
  if (P) csc_symv_upper(P, pb->xstar, tmp);
  for (j = 0; j < n; ++j) tmp[j] = -tmp[j];
  {
    double *aty = xcalloc((size_t)n, sizeof(double));
    double xpx = 0, cx = 0;
    csc_atxpy(A, y, aty);
    for (j = 0; j < n; ++j) {
      c[j] = (scs_float)(tmp[j] - aty[j]);
      xpx += -tmp[j] * pb->xstar[j]; /* tmp = -P x* */
    }
    for (j = 0; j < n; ++j) cx += (double)c[j] * pb->xstar[j];
    pb->pstar = 0.5 * xpx + cx;
    free(aty);
  }
  free(tmp);
  free(s);
  free(y);

  pb->family = family;
  pb->size_idx = size_idx;
  pb->n = n;
  pb->m = m;
  pb->nnz_a = A->p[n];
  pb->nnz_p = P ? P->p[n] : 0;
  pb->data.m = (scs_int)m;
  pb->data.n = (scs_int)n;
  pb->data.A = A;
  pb->data.P = P;
  pb->data.b = b;
  pb->data.c = c;
  pb->cone.z = (scs_int)z;
  pb->cone.l = (scs_int)l;
  if (nq) {
    pb->cone.q = q;
    pb->cone.qsize = (scs_int)nq;
  } else {
    free(q);
  }
}

static void problem_free(Problem *pb) {
  csc_free(pb->data.A);
  csc_free(pb->data.P);
  free(pb->data.b);
  free(pb->data.c);
  free(pb->cone.q);
  free(pb->xstar);
  memset(pb, 0, sizeof(*pb));
}

/* x'Px/2 + c'x at the returned x, with the caller's (unscaled) data */
static double objective(const Problem *pb, const scs_float *x) {
  double *px = xcalloc((size_t)pb->n, sizeof(double));
  double *xd = xmalloc((size_t)pb->n * sizeof(double));
  double v = 0;
  long j;
  for (j = 0; j < pb->n; ++j) xd[j] = x[j];
  if (pb->data.P) csc_symv_upper(pb->data.P, xd, px);
  for (j = 0; j < pb->n; ++j)
    v += 0.5 * px[j] * xd[j] + (double)pb->data.c[j] * xd[j];
  free(px);
  free(xd);
  return v;
}

/* ---- timing, statistics ----------------------------------------------------- */

/* wall clock */
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* CPU time of the whole process (all threads): less sensitive to a loaded
 * machine than the wall clock */
static double cpu_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* median, or minimum when use_min */
static double summarize(double *v, int nv, int use_min) {
  qsort(v, (size_t)nv, sizeof(double), cmp_double);
  if (use_min) return v[0];
  return nv % 2 ? v[nv / 2] : 0.5 * (v[nv / 2 - 1] + v[nv / 2]);
}

/* ---- main -------------------------------------------------------------------- */

static void usage(const char *prog) {
  fprintf(stderr,
          "usage: %s [--family lp|qp|socp|all] [--sizes N | --size K]\n"
          "          [--repeat R] [--stat median|min] [--eps E] [--max-iters K]\n"
          "          [--seed S] [--csv FILE] [--verbose]\n"
          "  --family  problem family (default all)\n"
          "  --sizes   number of sizes, size k has nnz(A) ~ 1e3*10^(k/2)"
          " (default 5)\n"
          "  --size    run only size index K (0-based)\n"
          "  --repeat  solves per problem (default 1)\n"
          "  --stat    how repeats are summarized (default median)\n"
          "  --eps     sets eps_abs = eps_rel = E (default: library default)\n"
          "  --max-iters  iteration limit (default: library default)\n"
          "  --seed    base seed of the generator (default 20240611)\n"
          "  --csv     also write one CSV line per problem to FILE\n"
          "  --verbose let the solver print its log (settings verbose = 1)\n",
          prog);
}

int main(int argc, char **argv) {
  int fam_lo = 0, fam_hi = NFAM - 1, nsizes = 5, repeat = 1, a, f, k;
  int size_lo = -1, use_min = 0, verbose = 0;
  double eps = -1;
  long max_iters = -1;
  uint64_t seed = 20240611ULL;
  const char *csv_path = NULL;
  FILE *csv = NULL;
  const char *impl;
  char version[160];
  int failures = 0;

  for (a = 1; a < argc; ++a) {
    const char *arg = argv[a];
    const char *val = a + 1 < argc ? argv[a + 1] : NULL;
    if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
      usage(argv[0]);
      return 0;
    }
    if (!strcmp(arg, "--verbose")) {
      verbose = 1;
      continue;
    }
    if (!val) {
      usage(argv[0]);
      return 1;
    }
    if (!strcmp(arg, "--family")) {
      if (!strcmp(val, "all")) {
        fam_lo = 0;
        fam_hi = NFAM - 1;
      } else {
        for (f = 0; f < NFAM && strcmp(val, FAM_NAME[f]); ++f) {
        }
        if (f == NFAM) {
          usage(argv[0]);
          return 1;
        }
        fam_lo = fam_hi = f;
      }
    } else if (!strcmp(arg, "--sizes")) {
      nsizes = atoi(val);
    } else if (!strcmp(arg, "--size")) {
      size_lo = atoi(val);
      if (size_lo < 0 || size_lo > 8) {
        usage(argv[0]);
        return 1;
      }
    } else if (!strcmp(arg, "--stat")) {
      if (strcmp(val, "median") && strcmp(val, "min")) {
        usage(argv[0]);
        return 1;
      }
      use_min = !strcmp(val, "min");
    } else if (!strcmp(arg, "--repeat")) {
      repeat = atoi(val);
    } else if (!strcmp(arg, "--eps")) {
      eps = atof(val);
    } else if (!strcmp(arg, "--max-iters")) {
      max_iters = atol(val);
    } else if (!strcmp(arg, "--seed")) {
      seed = strtoull(val, NULL, 10);
    } else if (!strcmp(arg, "--csv")) {
      csv_path = val;
    } else {
      usage(argv[0]);
      return 1;
    }
    ++a;
  }
  if (nsizes < 1 || nsizes > 9 || repeat < 1 || (eps != -1 && !(eps > 0))) {
    usage(argv[0]);
    return 1;
  }

#ifdef SCS_BENCH_LIBSCS
  impl = "libscs";
  snprintf(version, sizeof(version), "%s (SCS API %s)", scs_library_version(),
           scs_version());
#else
  impl = "scs";
  snprintf(version, sizeof(version), "%s", scs_version());
#endif

  if (csv_path) {
    csv = fopen(csv_path, "w");
    if (!csv) {
      perror(csv_path);
      return 1;
    }
    fprintf(csv,
            "impl,version,family,size,n,m,nnz_a,nnz_p,setup_ms,solve_ms,"
            "total_ms,iters,ms_per_iter,status_val,status,pstar,obj,"
            "rel_obj_err,res_pri,res_dual,gap,lib_setup_ms,lib_solve_ms,"
            "lin_sys_ms,cone_ms,accel_ms,repeat,setup_cpu_ms,solve_cpu_ms,stat,"
            "scale_updates,accel_accepted,accel_rejected\n");
  }

  printf("# %s %s, sizeof(scs_int)=%d, sizeof(scs_float)=%d, repeat=%d (%s)",
         impl, version, (int)sizeof(scs_int), (int)sizeof(scs_float), repeat,
         use_min ? "min" : "median");
  if (eps > 0) printf(", eps=%g", eps);
  printf("\n");
  printf("%-5s %4s %7s %7s %7s %7s %6s %-17s %9s %10s %9s %9s\n", "fam",
         "size", "n", "m", "nnzA", "nnzP", "iters", "status", "setup_ms",
         "solve_ms", "us/iter", "rel_err");

  for (f = fam_lo; f <= fam_hi; ++f) {
    for (k = size_lo >= 0 ? size_lo : 0;
         k < (size_lo >= 0 ? size_lo + 1 : nsizes); ++k) {
      Problem pb;
      ScsSettings stgs;
      ScsInfo info;
      ScsSolution sol;
      double *t_setup = xmalloc((size_t)repeat * sizeof(double));
      double *t_solve = xmalloc((size_t)repeat * sizeof(double));
      double *c_setup = xmalloc((size_t)repeat * sizeof(double));
      double *c_solve = xmalloc((size_t)repeat * sizeof(double));
      double setup_ms, solve_ms, setup_cpu, solve_cpu, obj, relerr, per_iter;
      scs_int iters = -1, status_val = 0;
      char status[128];
      int rep, inconsistent = 0;

      gen_problem(&pb, f, k, seed);
      memset(&info, 0, sizeof(info));
      memset(&sol, 0, sizeof(sol));
      sol.x = xcalloc((size_t)pb.n, sizeof(scs_float));
      sol.y = xcalloc((size_t)pb.m, sizeof(scs_float));
      sol.s = xcalloc((size_t)pb.m, sizeof(scs_float));
      status[0] = '\0';

      scs_set_default_settings(&stgs);
      stgs.verbose = verbose;
      if (eps > 0) stgs.eps_abs = stgs.eps_rel = (scs_float)eps;
      if (max_iters > 0) stgs.max_iters = (scs_int)max_iters;

      for (rep = 0; rep < repeat; ++rep) {
        double c0 = cpu_ms(), t0 = now_ms();
        ScsWork *w = scs_init(&pb.data, &pb.cone, &stgs);
        double t1 = now_ms(), c1 = cpu_ms();
        if (!w) {
          fprintf(stderr, "bench_core: scs_init failed on %s size %d\n",
                  FAM_NAME[f], k);
          break;
        }
        memset(&info, 0, sizeof(info));
        scs_solve(w, &sol, &info, 0);
        t_solve[rep] = now_ms() - t1;
        c_solve[rep] = cpu_ms() - c1;
        t_setup[rep] = t1 - t0;
        c_setup[rep] = c1 - c0;
        scs_finish(w);
        if (rep == 0) {
          iters = info.iter;
          status_val = info.status_val;
          snprintf(status, sizeof(status), "%s", info.status);
        } else if (info.iter != iters || info.status_val != status_val) {
          inconsistent = 1;
        }
      }
      if (rep < repeat) { /* init failed */
        failures++;
        free(t_setup);
        free(t_solve);
        free(c_setup);
        free(c_solve);
        free(sol.x);
        free(sol.y);
        free(sol.s);
        problem_free(&pb);
        continue;
      }
      if (inconsistent)
        fprintf(stderr,
                "bench_core: warning: %s size %d: iterations or status "
                "differ between repeats\n",
                FAM_NAME[f], k);
      setup_ms = summarize(t_setup, repeat, use_min);
      solve_ms = summarize(t_solve, repeat, use_min);
      setup_cpu = summarize(c_setup, repeat, use_min);
      solve_cpu = summarize(c_solve, repeat, use_min);
      per_iter = iters > 0 ? solve_ms / (double)iters : NAN;
      obj = objective(&pb, sol.x);
      relerr = fabs(obj - pb.pstar) / fmax(1.0, fabs(pb.pstar));
      if (status_val != SCS_SOLVED) failures++;

      printf("%-5s %4d %7ld %7ld %7ld %7ld %6ld %-17.17s %9.2f %10.2f %9.2f "
             "%9.2e\n",
             FAM_NAME[f], k, pb.n, pb.m, pb.nnz_a, pb.nnz_p, (long)iters,
             status, setup_ms, solve_ms, 1e3 * per_iter, relerr);
      fflush(stdout);
      if (csv) {
        /* the status string may contain commas and parentheses: quote it */
        fprintf(csv,
                "%s,\"%s\",%s,%d,%ld,%ld,%ld,%ld,%.4f,%.4f,%.4f,%ld,%.6f,%ld,"
                "\"%s\",%.12g,%.12g,%.4e,%.4e,%.4e,%.4e,%.4f,%.4f,%.4f,%.4f,"
                "%.4f,%d,%.4f,%.4f,%s,%ld,%ld,%ld\n",
                impl, version, FAM_NAME[f], k, pb.n, pb.m, pb.nnz_a, pb.nnz_p,
                setup_ms, solve_ms, setup_ms + solve_ms, (long)iters, per_iter,
                (long)status_val, status, pb.pstar, obj, relerr,
                (double)info.res_pri, (double)info.res_dual, (double)info.gap,
                (double)info.setup_time, (double)info.solve_time,
                (double)info.lin_sys_time, (double)info.cone_time,
                (double)info.accel_time, repeat, setup_cpu, solve_cpu,
                use_min ? "min" : "median", (long)info.scale_updates,
                (long)info.accepted_accel_steps,
                (long)info.rejected_accel_steps);
        fflush(csv);
      }
      free(t_setup);
      free(t_solve);
      free(c_setup);
      free(c_solve);
      free(sol.x);
      free(sol.y);
      free(sol.s);
      problem_free(&pb);
    }
  }
  if (csv) fclose(csv);
  return failures ? 3 : 0;
}

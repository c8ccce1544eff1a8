/*
 * bench_backends: the linear-system backends side by side on three problem
 * families, each built so that one backend should win (bench/README.md):
 *
 *   grid  : min-cost flow QP on a k x k grid (node balance rows in the zero
 *           cone, 0 <= f <= u, diagonal P). Sparse with small fill: direct.
 *   wide  : ridge-regularized inequality QP, A random with m = 5n rows and
 *           10 nonzeros per row. A'A is nearly full, so a factorization
 *           costs O(n^3) with heavy fill, while A x is cheap and the reduced
 *           system is well conditioned: indirect.
 *   dense : small QP with a full A (n = 200, m = 400): dense.
 *
 * Only the SCS 3.2 API is used, so the file also builds against SCS's own
 * libscsdir / libscsindir (bench/CMakeLists.txt, SCS_PEER_*); there the
 * backend is the one the library was built with. Under SCS_BENCH_LIBSCS
 * (our build) --backend picks ours.
 *
 * Output: one line per problem and backend: setup, solve, per-iteration
 * and total time (ms), iterations, status and objective.
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

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;
static double unif(void) { /* xorshift64*, deterministic */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (double)((rng_state * 0x2545F4914F6CDD1DULL) >> 11) * 0x1.0p-53;
}

static void *xalloc(size_t n, size_t sz) {
  void *p = calloc(n ? n : 1, sz ? sz : 1);
  if (!p) {
    fprintf(stderr, "bench_backends: out of memory\n");
    exit(2);
  }
  return p;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

typedef struct {
  const char *name;
  ScsData d;
  ScsCone k;
} Problem;

static ScsMatrix *csc_alloc(scs_int m, scs_int n, size_t nnz) {
  ScsMatrix *M = xalloc(1, sizeof(*M));
  M->m = m, M->n = n;
  M->p = xalloc((size_t)n + 1, sizeof(scs_int));
  M->i = xalloc(nnz, sizeof(scs_int));
  M->x = xalloc(nnz, sizeof(scs_float));
  return M;
}

static ScsMatrix *diag_matrix(scs_int n, double lo, double hi) {
  ScsMatrix *P = csc_alloc(n, n, (size_t)n);
  for (scs_int j = 0; j < n; ++j) {
    P->p[j] = j, P->i[j] = j;
    P->x[j] = (scs_float)(lo + (hi - lo) * unif());
  }
  P->p[n] = n;
  return P;
}

/* k x k grid, arcs both ways between neighbours. Rows: k^2 - 1 balance rows
 * (the last node's is implied), then 2 bound rows per arc. */
static void gen_grid(Problem *pb, scs_int k) {
  scs_int nodes = k * k, narcs = 4 * k * (k - 1), z = nodes - 1;
  scs_int m = z + 2 * narcs;
  ScsMatrix *A = csc_alloc(m, narcs, (size_t)narcs * 4);
  scs_float *b = xalloc((size_t)m, sizeof(scs_float));
  scs_float *c = xalloc((size_t)narcs, sizeof(scs_float));
  scs_int e = 0, nz = 0;
  for (scs_int v = 0; v < nodes; ++v) {
    scs_int r = v / k, q = v % k;
    scs_int nb[4] = {q + 1 < k ? v + 1 : -1, q > 0 ? v - 1 : -1,
                     r + 1 < k ? v + k : -1, r > 0 ? v - k : -1};
    for (int t = 0; t < 4; ++t) {
      if (nb[t] < 0) continue;
      scs_int lo = v < nb[t] ? v : nb[t], hi = v < nb[t] ? nb[t] : v;
      A->p[e] = nz;
      /* flow out of v (+1), into nb (-1); node nodes-1 has no row */
      if (lo < z) A->i[nz] = lo, A->x[nz++] = lo == v ? 1 : -1;
      if (hi < z) A->i[nz] = hi, A->x[nz++] = hi == v ? 1 : -1;
      A->i[nz] = z + 2 * e, A->x[nz++] = -1;    /* -f + s = 0: f >= 0 */
      A->i[nz] = z + 2 * e + 1, A->x[nz++] = 1; /*  f + s = u: f <= u */
      b[z + 2 * e + 1] = (scs_float)(5 + 10 * unif());
      c[e] = (scs_float)(1 + unif());
      e++;
    }
  }
  A->p[narcs] = nz;
  /* supplies at the first row of nodes, demands at the last */
  for (scs_int q = 0; q < k; ++q) {
    b[q] = 1;
    if (nodes - k + q < z) b[nodes - k + q] = -1;
  }
  pb->name = "grid";
  pb->d = (ScsData){.m = m, .n = narcs, .A = A, .P = diag_matrix(narcs, 0.1, 1),
                    .b = b, .c = c};
  pb->k = (ScsCone){.z = z, .l = 2 * narcs};
}

/* min (1/2)||x||^2 + c'x s.t. A x <= b, A random with 50 entries a column
 * (m = 5n rows: 10 a row), b = A x0 + s0 with s0 > 0. */
static void gen_wide(Problem *pb, scs_int n) {
  scs_int m = 5 * n, per = 50;
  ScsMatrix *A = csc_alloc(m, n, (size_t)n * (size_t)per);
  scs_float *b = xalloc((size_t)m, sizeof(scs_float));
  scs_float *c = xalloc((size_t)n, sizeof(scs_float));
  double *x0 = xalloc((size_t)n, sizeof(double));
  char *used = xalloc((size_t)m, 1);
  scs_int nz = 0;
  for (scs_int j = 0; j < n; ++j) {
    x0[j] = unif() - 0.5;
    c[j] = (scs_float)(2 * unif() - 1);
    A->p[j] = nz;
    for (scs_int t = 0; t < per;) { /* distinct rows, then sorted */
      scs_int r = (scs_int)(unif() * m);
      if (used[r]) continue;
      used[r] = 1, A->i[nz + t] = r, ++t;
    }
    for (scs_int a = nz + 1; a < nz + per; ++a) /* insertion sort */
      for (scs_int q = a; q > nz && A->i[q - 1] > A->i[q]; --q) {
        scs_int tmp = A->i[q];
        A->i[q] = A->i[q - 1], A->i[q - 1] = tmp;
      }
    for (scs_int t = 0; t < per; ++t) {
      used[A->i[nz + t]] = 0;
      A->x[nz + t] = (scs_float)(2 * unif() - 1);
      b[A->i[nz + t]] += (scs_float)(A->x[nz + t] * x0[j]);
    }
    nz += per;
  }
  A->p[n] = nz;
  for (scs_int i = 0; i < m; ++i) b[i] += (scs_float)(0.1 + unif());
  free(x0), free(used);
  pb->name = "wide";
  pb->d = (ScsData){.m = m, .n = n, .A = A, .P = diag_matrix(n, 1, 1),
                    .b = b, .c = c};
  pb->k = (ScsCone){.l = m};
}

/* min (1/2) x'Dx + c'x s.t. A x <= b, A full (m = 2n), plus x >= -1. */
static void gen_dense(Problem *pb, scs_int n) {
  scs_int mg = 2 * n, m = mg + n;
  ScsMatrix *A = csc_alloc(m, n, (size_t)n * (size_t)(mg + 1));
  scs_float *b = xalloc((size_t)m, sizeof(scs_float));
  scs_float *c = xalloc((size_t)n, sizeof(scs_float));
  scs_int nz = 0;
  for (scs_int j = 0; j < n; ++j) {
    A->p[j] = nz;
    c[j] = (scs_float)(2 * unif() - 1);
    for (scs_int i = 0; i < mg; ++i)
      A->i[nz] = i, A->x[nz++] = (scs_float)(2 * unif() - 1);
    A->i[nz] = mg + j, A->x[nz++] = -1;
  }
  A->p[n] = nz;
  for (scs_int i = 0; i < mg; ++i) b[i] = (scs_float)(1 + unif());
  for (scs_int j = 0; j < n; ++j) b[mg + j] = 1;
  pb->name = "dense";
  pb->d = (ScsData){.m = m, .n = n, .A = A, .P = diag_matrix(n, 0.01, 1),
                    .b = b, .c = c};
  pb->k = (ScsCone){.l = m};
}

static void problem_free(Problem *pb) {
  ScsMatrix *M[2] = {pb->d.A, pb->d.P};
  for (int t = 0; t < 2; ++t) {
    free(M[t]->p), free(M[t]->i), free(M[t]->x), free(M[t]);
  }
  free(pb->d.b), free(pb->d.c);
}

static void run(Problem *pb, const char *backend, int repeat) {
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
#ifdef SCS_BENCH_LIBSCS
  s.lin_sys_backend = scs_linsys_backend(backend);
  if (!s.lin_sys_backend) {
    fprintf(stderr, "bench_backends: %s\n", scs_last_error());
    exit(2);
  }
#else
  (void)backend;
#endif
  double best_setup = INFINITY, best_solve = INFINITY;
  ScsInfo info = {0};
  for (int r = 0; r < repeat; ++r) {
    ScsSolution sol = {0};
    double t0 = now_ms();
    ScsWork *w = scs_init(&pb->d, &pb->k, &s);
    double t1 = now_ms();
    if (!w) {
      printf("%-6s %-16s init failed\n", pb->name, backend);
      return;
    }
    scs_solve(w, &sol, &info, 0);
    double t2 = now_ms();
    scs_finish(w);
    free(sol.x), free(sol.y), free(sol.s);
    if (t1 - t0 < best_setup) best_setup = t1 - t0;
    if (t2 - t1 < best_solve) best_solve = t2 - t1;
  }
  printf("%-6s %-16s %7ld %7ld %9ld %10.1f %10.1f %9.4f %10.1f %6ld  %-18s "
         "%.8e\n",
         pb->name, info.lin_sys_solver, (long)pb->d.n, (long)pb->d.m,
         (long)pb->d.A->p[pb->d.A->n], best_setup, best_solve,
         best_solve / (info.iter ? (double)info.iter : 1.0),
         best_setup + best_solve, (long)info.iter, info.status,
         (double)info.pobj);
  fflush(stdout);
}

int main(int argc, char **argv) {
  const char *family = "all", *backends = "direct,indirect,dense";
  scs_int grid_k = 60, wide_n = 2000, dense_n = 200;
  int repeat = 1;
  for (int a = 1; a < argc; ++a) {
    if (!strcmp(argv[a], "--family") && a + 1 < argc) family = argv[++a];
    else if (!strcmp(argv[a], "--backends") && a + 1 < argc)
      backends = argv[++a];
    else if (!strcmp(argv[a], "--grid") && a + 1 < argc)
      grid_k = atoi(argv[++a]);
    else if (!strcmp(argv[a], "--wide") && a + 1 < argc)
      wide_n = atoi(argv[++a]);
    else if (!strcmp(argv[a], "--dense") && a + 1 < argc)
      dense_n = atoi(argv[++a]);
    else if (!strcmp(argv[a], "--repeat") && a + 1 < argc)
      repeat = atoi(argv[++a]);
    else {
      fprintf(stderr,
              "usage: %s [--family grid|wide|dense|all] [--backends "
              "direct,indirect,dense] [--grid K] [--wide N] [--dense N] "
              "[--repeat R]\n",
              argv[0]);
      return 2;
    }
  }
  if (repeat < 1 || grid_k < 2 || wide_n < 1 || dense_n < 1) {
    fprintf(stderr, "bench_backends: sizes and --repeat must be positive\n");
    return 2;
  }
#ifndef SCS_BENCH_LIBSCS
  backends = "peer"; /* SCS's own build has exactly one backend */
#endif
  printf("%-6s %-16s %7s %7s %9s %10s %10s %9s %10s %6s  %-18s %s\n", "family",
         "backend", "n", "m", "nnz(A)", "setup_ms", "solve_ms", "ms/iter",
         "total_ms", "iters", "status", "pobj");
  const char *fams[] = {"grid", "wide", "dense"};
  for (int f = 0; f < 3; ++f) {
    if (strcmp(family, "all") && strcmp(family, fams[f])) continue;
    Problem pb;
    rng_state = 0x2545F4914F6CDD1DULL + (uint64_t)f; /* same data each run */
    if (f == 0) gen_grid(&pb, grid_k);
    else if (f == 1) gen_wide(&pb, wide_n);
    else gen_dense(&pb, dense_n);
    char list[256];
    snprintf(list, sizeof(list), "%s", backends);
    for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
      run(&pb, tok, repeat);
    problem_free(&pb);
  }
  return 0;
}

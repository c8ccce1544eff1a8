/*
 * Throughput of K independent solves on K threads against the same solves
 * one after another (K = 1, 2, 4), and the cost of the handle's lock next
 * to a small solve. Public API only. Run with OPENBLAS_NUM_THREADS=1.
 *
 *   bench_threads [n_variables] [solves_per_thread]   (defaults 150, 8)
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scs.h"

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* A feasible random LP with a planted solution: min c'x, Ax + s = b,
 * s in R^m_+, m = 2n (seeded, deterministic). */
typedef struct {
  ScsMatrix A;
  ScsData d;
  ScsCone k;
} Lp;

static double rnd(unsigned long long *s) {
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*s >> 11) / 9007199254740992.0;
}

static Lp *make_lp(scs_int n, unsigned long long seed) {
  scs_int m = 2 * n, per_col = 8;
  Lp *lp = calloc(1, sizeof(*lp));
  scs_int nnz = n * per_col;
  lp->A.x = malloc((size_t)nnz * sizeof(scs_float));
  lp->A.i = malloc((size_t)nnz * sizeof(scs_int));
  lp->A.p = malloc((size_t)(n + 1) * sizeof(scs_int));
  scs_float *x = malloc((size_t)n * sizeof(scs_float));
  scs_float *b = calloc((size_t)m, sizeof(scs_float));
  scs_float *c = calloc((size_t)n, sizeof(scs_float));
  for (scs_int j = 0; j < n; ++j) {
    lp->A.p[j] = j * per_col;
    x[j] = rnd(&seed) - 0.5;
    for (scs_int q = 0; q < per_col; ++q) {
      /* distinct, sorted rows: one band entry per block of m / per_col */
      scs_int row = q * (m / per_col) + (scs_int)(rnd(&seed) * (double)(m / per_col));
      lp->A.i[j * per_col + q] = row;
      lp->A.x[j * per_col + q] = rnd(&seed) * 2 - 1;
    }
  }
  lp->A.p[n] = nnz;
  scs_float *y = malloc((size_t)m * sizeof(scs_float));
  for (scs_int i = 0; i < m; ++i) {
    int active = rnd(&seed) < 0.5;
    y[i] = active ? rnd(&seed) + 0.1 : 0;
    b[i] = active ? 0 : rnd(&seed) + 0.1; /* s = b - Ax */
  }
  for (scs_int j = 0; j < n; ++j)
    for (scs_int q = lp->A.p[j]; q < lp->A.p[j + 1]; ++q) {
      b[lp->A.i[q]] += lp->A.x[q] * x[j];
      c[j] -= lp->A.x[q] * y[lp->A.i[q]];
    }
  free(x);
  free(y);
  lp->A.m = m;
  lp->A.n = n;
  lp->d = (ScsData){m, n, &lp->A, NULL, b, c};
  lp->k.l = m;
  return lp;
}

static void free_lp(Lp *lp) {
  free(lp->A.x), free(lp->A.i), free(lp->A.p), free(lp->d.b), free(lp->d.c);
  free(lp);
}

typedef struct {
  Lp **lps;
  int count, failures;
} Batch;

static void *solve_batch(void *arg) {
  Batch *bt = arg;
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  for (int i = 0; i < bt->count; ++i) {
    ScsSolution sol = {0};
    ScsInfo info;
    if (scs(&bt->lps[i]->d, &bt->lps[i]->k, &s, &sol, &info) != SCS_SOLVED)
      bt->failures++;
    free(sol.x), free(sol.y), free(sol.s);
  }
  return NULL;
}

/* wall time of K batches, on K threads or one after another */
static double run(Batch *batches, int k, int threaded) {
  double t0 = now_ms();
  if (threaded) {
    pthread_t th[8];
    for (int t = 0; t < k; ++t) pthread_create(&th[t], NULL, solve_batch, &batches[t]);
    for (int t = 0; t < k; ++t) pthread_join(th[t], NULL);
  } else {
    for (int t = 0; t < k; ++t) solve_batch(&batches[t]);
  }
  return now_ms() - t0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  scs_int n = argc > 1 ? atoi(argv[1]) : 150;
  int per = argc > 2 ? atoi(argv[2]) : 8;
  if (n < 8 || per < 1) {
    fprintf(stderr, "usage: %s [n >= 8] [solves_per_thread >= 1]\n", argv[0]);
    return 2;
  }
  int ks[] = {1, 2, 4};
  Lp *all[4 * 64];
  for (int i = 0; i < 4 * per && i < 4 * 64; ++i) all[i] = make_lp(n, 1000u + (unsigned)i);
  printf("LP n = %d, m = %d; %d solves per thread\n", (int)n, (int)(2 * n), per);
  printf("   K   sequential ms   threaded ms   speedup\n");
  int failures = 0;
  for (size_t q = 0; q < sizeof(ks) / sizeof(ks[0]); ++q) {
    int k = ks[q];
    Batch b[4];
    for (int t = 0; t < k; ++t) b[t] = (Batch){all + t * per, per, 0};
    double seq = run(b, k, 0), par = run(b, k, 1);
    for (int t = 0; t < k; ++t) failures += b[t].failures;
    printf("%4d   %13.1f   %11.1f   %7.2f\n", k, seq, par, seq / par);
  }

  /* the handle lock next to a small solve */
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  Lp *small = make_lp(8, 7);
  ScsWork *w = scs_init(&small->d, &small->k, &s);
  ScsSolution sol = {0};
  ScsInfo info;
  double times[201];
  for (int r = 0; r < 201; ++r) {
    double t0 = now_ms();
    scs_solve(w, &sol, &info, 0);
    times[r] = now_ms() - t0;
  }
  qsort(times, 201, sizeof(double), cmp_double);
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  int reps = 1000000;
  double t0 = now_ms();
  for (int r = 0; r < reps; ++r) {
    pthread_mutex_lock(&mu);
    pthread_mutex_unlock(&mu);
  }
  double lock_us = (now_ms() - t0) * 1e3 / reps;
  printf("small solve (n = 8, %d iterations): median %.1f us; one uncontended "
         "lock + unlock: %.3f us (%.3f%% of the solve)\n",
         (int)info.iter, times[100] * 1e3, lock_us,
         100 * lock_us / (times[100] * 1e3));
  free(sol.x), free(sol.y), free(sol.s);
  scs_finish(w);
  free_lp(small);
  for (int i = 0; i < 4 * per && i < 4 * 64; ++i) free_lp(all[i]);
  if (failures) fprintf(stderr, "%d solves did not reach 'solved'\n", failures);
  return failures ? 3 : 0;
}

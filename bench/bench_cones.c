/*
 * Cone projection cost and whole solves on SDP, exponential-cone and
 * power-cone problems, through the public API only (the same source builds
 * against SCS 3.2 for a side-by-side run; see README.md).
 *
 * For each problem: 100 iterations without acceleration at an unreachable
 * tolerance give info.cone_time per iteration and per cone; then a solve at
 * default settings (max_iters 2000) gives iterations, status and time.
 */
#include "scs.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static double rnd(unsigned long long *s) {
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(*s >> 11) / 9007199254740992.0;
}
static void run(const char *name, ScsData *d, ScsCone *k, int cones) {
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  s.max_iters = 100;
  s.eps_abs = s.eps_rel = 1e-12;
  s.acceleration_lookback = 0;
  ScsSolution sol = {0};
  ScsInfo info;
  memset(&info, 0, sizeof(info));
  scs(d, k, &s, &sol, &info);
  double per_iter = info.cone_time / (double)info.iter;
  scs_set_default_settings(&s);
  s.verbose = 0;
  s.max_iters = 2000; /* keeps the run short; the status says if it was hit */
  ScsInfo full;
  memset(&full, 0, sizeof(full));
  scs(d, k, &s, &sol, &full);
  printf("%-12s cone/iter %9.3f ms  per cone %9.3f us | default solve: %-10s"
         " %6d iters %9.1f ms\n",
         name, per_iter, 1e3 * per_iter / cones, full.status, (int)full.iter,
         full.setup_time + full.solve_time);
  free(sol.x);
  free(sol.y);
  free(sol.s);
}
int main(void) {
  unsigned long long seed = 1;
  int sizes[] = {10, 50, 200};
  for (int q = 0; q < 3;
       ++q) { /* min eigenvalue of a random symmetric matrix, 4 cones */
    int kk = sizes[q], nc = 4, len = kk * (kk + 1) / 2, m = nc * len;
    double *b = calloc(m, sizeof(double));
    double *Ax = calloc(nc * kk, sizeof(double));
    int *Ai = calloc(nc * kk, sizeof(int));
    int Ap[2] = {0, nc * kk};
    int nz = 0;
    for (int c = 0; c < nc; ++c) {
      int r = c * len;
      for (int j = 0; j < kk; ++j)
        for (int i = j; i < kk; ++i, ++r) {
          b[r] = (rnd(&seed) - 0.5) * (i == j ? 1 : 1.4142135623730951);
          if (i == j) {
            Ai[nz] = r;
            Ax[nz++] = 1;
          }
        }
    }
    double cc[1] = {-1};
    ScsMatrix A = {Ax, Ai, Ap, m, 1};
    ScsData d = {m, 1, &A, NULL, b, cc};
    int s_[4] = {kk, kk, kk, kk};
    ScsCone k;
    memset(&k, 0, sizeof(k));
    k.s = s_;
    k.ssize = nc;
    char nm[32];
    snprintf(nm, 32, "psd k=%d", kk);
    run(nm, &d, &k, nc);
    free(b);
    free(Ax);
    free(Ai);
  }
  for (int fam = 0; fam < 2;
       ++fam) { /* 1e5 exp or power triples: min sum -t s.t. (t_i, x_i, 1) */
    int nt = 100000, n = 2 * nt, m = 3 * nt;
    double *b = calloc(m, sizeof(double)), *c = calloc(n, sizeof(double));
    double *Ax = malloc(n * sizeof(double));
    int *Ai = malloc(n * sizeof(int)), *Ap = malloc((n + 1) * sizeof(int));
    for (int i = 0; i < nt; ++i) {
      Ap[2 * i] = 2 * i;
      Ai[2 * i] = 3 * i + (fam ? 2 : 0);
      Ax[2 * i] = -1;
      Ap[2 * i + 1] = 2 * i + 1;
      Ai[2 * i + 1] = 3 * i + 1;
      Ax[2 * i + 1] = -1;
      b[3 * i + (fam ? 0 : 2)] = 1;
      c[2 * i] = -1;
      c[2 * i + 1] = 0.5 + rnd(&seed);
    }
    Ap[n] = n;
    ScsMatrix A = {Ax, Ai, Ap, m, n};
    ScsData d = {m, n, &A, NULL, b, c};
    ScsCone k;
    memset(&k, 0, sizeof(k));
    double *p = malloc(nt * sizeof(double));
    for (int i = 0; i < nt; ++i)
      p[i] = 0.3;
    if (fam) {
      k.p = p;
      k.psize = nt;
    } else
      k.ep = nt;
    run(fam ? "power 1e5" : "exp 1e5", &d, &k, nt);
    free(b);
    free(c);
    free(Ax);
    free(Ai);
    free(Ap);
    free(p);
  }
  return 0;
}

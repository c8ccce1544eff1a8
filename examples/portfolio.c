/*
 * Bundled example: a long-only Markowitz portfolio with a factor risk model,
 *
 *   maximize  mu'x - gamma (x'Dx + ||F'x||^2)   s.t.  1'x = 1, x >= 0,
 *
 * written for the solver with an extra variable t = F'x:
 *
 *   minimize  gamma (x'Dx + t't) - mu'x
 *   subject to  F'x - t = 0   (zero cone, k rows)
 *               1'x = 1       (zero cone, 1 row)
 *               x >= 0        (nonnegative cone, n rows)
 *
 * Usage: scs_example [n_assets] [n_factors]   (defaults 2000 and 50)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs.h"

typedef struct {
  unsigned long long state;
} Rng;

static double rng_uniform(Rng *r) {
  r->state = r->state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(r->state >> 11) / 9007199254740992.0;
}

static double rng_normal(Rng *r) {
  double u1 = rng_uniform(r) + 1e-300, u2 = rng_uniform(r);
  return sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
}

int main(int argc, char **argv) {
  scs_int n = argc > 1 ? atoi(argv[1]) : 2000, k = argc > 2 ? atoi(argv[2]) : 50;
  if (n < 1 || k < 1) {
    fprintf(stderr, "usage: %s [n_assets >= 1] [n_factors >= 1]\n", argv[0]);
    return 2;
  }
  const double gamma = 1.0, density = 0.3;
  Rng rng = {42};
  scs_int nv = n + k, m = k + 1 + n;

  /* A, column by column: column j < n holds F[j, :] in the first k rows
   * (only entries of the sparse factor loading), 1 in row k (budget) and
   * -1 in row k + 1 + j (x_j >= 0); column n + f holds -1 in row f. */
  scs_int cap = n * (k + 2) + k;
  scs_float *Ax = malloc((size_t)cap * sizeof(scs_float));
  scs_int *Ai = malloc((size_t)cap * sizeof(scs_int));
  scs_int *Ap = malloc((size_t)(nv + 1) * sizeof(scs_int));
  scs_int nz = 0;
  for (scs_int j = 0; j < n; ++j) {
    Ap[j] = nz;
    for (scs_int f = 0; f < k; ++f) {
      if (rng_uniform(&rng) < density) {
        Ai[nz] = f;
        Ax[nz++] = rng_normal(&rng) / sqrt((double)k);
      }
    }
    Ai[nz] = k;
    Ax[nz++] = 1;
    Ai[nz] = k + 1 + j;
    Ax[nz++] = -1;
  }
  for (scs_int f = 0; f < k; ++f) {
    Ap[n + f] = nz;
    Ai[nz] = f;
    Ax[nz++] = -1;
  }
  Ap[nv] = nz;

  /* P = 2 gamma diag(D, I): diagonal, so its upper triangle is itself */
  scs_float *Px = malloc((size_t)nv * sizeof(scs_float));
  scs_int *Pi = malloc((size_t)nv * sizeof(scs_int));
  scs_int *Pp = malloc((size_t)(nv + 1) * sizeof(scs_int));
  for (scs_int j = 0; j < nv; ++j) {
    Pp[j] = Pi[j] = j;
    Px[j] = 2 * gamma * (j < n ? 0.01 + 0.1 * rng_uniform(&rng) : 1.0);
  }
  Pp[nv] = nv;

  scs_float *b = calloc((size_t)m, sizeof(scs_float));
  scs_float *c = calloc((size_t)nv, sizeof(scs_float));
  b[k] = 1;
  for (scs_int j = 0; j < n; ++j) c[j] = -(0.05 + 0.1 * rng_normal(&rng));

  ScsMatrix A = {Ax, Ai, Ap, m, nv}, P = {Px, Pi, Pp, nv, nv};
  ScsData d = {m, nv, &A, &P, b, c};
  ScsCone cone = {0};
  cone.z = k + 1;
  cone.l = n;
  ScsSettings stgs;
  scs_set_default_settings(&stgs);
  ScsSolution sol = {0};
  ScsInfo info = {0};

  printf("portfolio: %d assets, %d factors\n", (int)n, (int)k);
  scs_int flag = scs(&d, &cone, &stgs, &sol, &info);
  if (flag != SCS_SOLVED && flag != SCS_SOLVED_INACCURATE) {
    fprintf(stderr, "not solved: %s (%s)\n", info.status, scs_last_error());
    return 1;
  }
  scs_int held = 0;
  double total = 0, ret = 0;
  for (scs_int j = 0; j < n; ++j) {
    total += sol.x[j];
    ret -= c[j] * sol.x[j];
    held += sol.x[j] > 1e-4;
  }
  printf("expected return %.6f with %d of %d assets held (weights sum to "
         "%.6f), %d iterations, %.1f ms\n",
         ret, (int)held, (int)n, total, (int)info.iter,
         (double)(info.setup_time + info.solve_time));
  free(sol.x), free(sol.y), free(sol.s);
  free(Ax), free(Ai), free(Ap), free(Px), free(Pi), free(Pp), free(b), free(c);
  return 0;
}

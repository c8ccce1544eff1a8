/*
 * The C side of bench/r: solve a problem dumped by the R binding
 * (write_data_filename) REPS times with scs_init + scs_solve + scs_finish
 * and print the median wall time of one solve in microseconds, with the
 * iteration count and objective so both sides can be compared.
 *   bench_c FILE REPS
 */
#define _POSIX_C_SOURCE 199309L
#include <scs.h>
#include <scs_io.h> /* scs_read_data */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  ScsData *d;
  ScsCone *k;
  ScsSettings *stgs;
  int reps, r;
  double *t;
  ScsInfo info;
  if (argc != 3) {
    fprintf(stderr, "usage: %s FILE REPS\n", argv[0]);
    return 2;
  }
  reps = atoi(argv[2]);
  if (scs_read_data(argv[1], &d, &k, &stgs) != 0) {
    fprintf(stderr, "%s\n", scs_last_error());
    return 1;
  }
  stgs->verbose = 0;
  stgs->disable_signal_handling = 1; /* as in R */
  t = malloc(sizeof(double) * (size_t)reps);
  for (r = 0; r < reps; r++) {
    ScsSolution sol = {NULL, NULL, NULL};
    double t0 = now_us();
    ScsWork *w = scs_init(d, k, stgs);
    if (!w) {
      fprintf(stderr, "%s\n", scs_last_error());
      return 1;
    }
    scs_solve(w, &sol, &info, 0);
    scs_finish(w);
    t[r] = now_us() - t0;
    free(sol.x);
    free(sol.y);
    free(sol.s);
  }
  qsort(t, (size_t)reps, sizeof(double), cmp);
  printf("%.1f %d %.10g\n", t[reps / 2], (int)info.iter, (double)info.pobj);
  free(t);
  scs_free_problem(d, k, stgs);
  return 0;
}

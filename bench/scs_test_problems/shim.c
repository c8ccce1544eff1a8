/* Implementation of the shim headers in shim/ for running SCS's C test
 * problems against libscs (see README.md). Compiled against libscs's own
 * headers (src/, src/cones/), not against the shim directory. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cones.h"  /* libscs src/cones/cones.h */
#include "expow.h"  /* libscs src/cones/expow.h */
#include "scs.h"
#include "scs_io.h" /* scs_read_data, scs_free_problem */
#include "validate.h"

#define SHIM(x) scs_shim_##x

/* ---- util ---- */
void SHIM(free_sol)(ScsSolution *sol) {
  if (!sol) return;
  free(sol->x);
  free(sol->y);
  free(sol->s);
  free(sol);
}

void SHIM(free_scs_matrix)(ScsMatrix *A) {
  if (!A) return;
  free(A->x);
  free(A->i);
  free(A->p);
  free(A);
}

void SHIM(free_data)(ScsData *d) {
  if (!d) return;
  SHIM(free_scs_matrix)(d->A);
  SHIM(free_scs_matrix)(d->P);
  free(d->b);
  free(d->c);
  free(d);
}

void SHIM(free_cone)(ScsCone *k) { scs_free_problem(NULL, k, NULL); }

/* ---- linalg ---- */
scs_float SHIM(dot)(const scs_float *x, const scs_float *y, scs_int len) {
  scs_float s = 0;
  for (scs_int i = 0; i < len; ++i) s += x[i] * y[i];
  return s;
}
scs_float SHIM(norm_sq)(const scs_float *v, scs_int len) {
  return SHIM(dot)(v, v, len);
}
scs_float SHIM(norm_2)(const scs_float *v, scs_int len) {
  return sqrt(SHIM(norm_sq)(v, len));
}
scs_float SHIM(norm_inf)(const scs_float *a, scs_int len) {
  scs_float m = 0;
  for (scs_int i = 0; i < len; ++i)
    if (fabs(a[i]) > m) m = fabs(a[i]);
  return m;
}
scs_float SHIM(norm_diff)(const scs_float *a, const scs_float *b,
                          scs_int len) {
  scs_float s = 0;
  for (scs_int i = 0; i < len; ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
  return sqrt(s);
}
scs_float SHIM(norm_inf_diff)(const scs_float *a, const scs_float *b,
                              scs_int len) {
  scs_float m = 0;
  for (scs_int i = 0; i < len; ++i)
    if (fabs(a[i] - b[i]) > m) m = fabs(a[i] - b[i]);
  return m;
}
void SHIM(scale_array)(scs_float *a, scs_float b, scs_int len) {
  for (scs_int i = 0; i < len; ++i) a[i] *= b;
}
void SHIM(add_scaled_array)(scs_float *a, const scs_float *b, scs_int n,
                            scs_float sc) {
  for (scs_int i = 0; i < n; ++i) a[i] += sc * b[i];
}

/* ---- matrices ---- */
void SHIM(accum_by_a)(const ScsMatrix *A, const scs_float *x, scs_float *y) {
  for (scs_int j = 0; j < A->n; ++j)
    for (scs_int e = A->p[j]; e < A->p[j + 1]; ++e) y[A->i[e]] += A->x[e] * x[j];
}
void SHIM(accum_by_atrans)(const ScsMatrix *A, const scs_float *x,
                           scs_float *y) {
  for (scs_int j = 0; j < A->n; ++j)
    for (scs_int e = A->p[j]; e < A->p[j + 1]; ++e) y[j] += A->x[e] * x[A->i[e]];
}
void SHIM(accum_by_p)(const ScsMatrix *P, const scs_float *x, scs_float *y) {
  for (scs_int j = 0; j < P->n; ++j)
    for (scs_int e = P->p[j]; e < P->p[j + 1]; ++e) {
      scs_int i = P->i[e];
      y[i] += P->x[e] * x[j];
      if (i != j) y[j] += P->x[e] * x[i];
    }
}

/* ---- cones ---- */
ScsConeWork *SHIM(init_cone)(const ScsCone *k, scs_int m) {
  return scs_cone_work_init(k, m);
}
void SHIM(finish_cone)(ScsConeWork *c) { scs_cone_work_free(c); }
scs_int SHIM(proj_dual_cone)(scs_float *x, ScsConeWork *c, scs_float *r_y,
                             scs_float *box_t_warm_start) {
  if (r_y || box_t_warm_start) {
    fprintf(stderr, "shim: proj_dual_cone with r_y / warm start\n");
    abort();
  }
  return scs_cone_project_dual(c, x) == 0 ? 0 : -1;
}
scs_int SHIM(validate_cones)(const ScsData *d, const ScsCone *k) {
  return scs_validate_cone_sizes(k, d->m) == 0 ? 0 : -1;
}
scs_float SHIM(proj_pd_exp_cone)(scs_float *v0, scs_int primal) {
  if (primal) scs_proj_exp(v0);
  else scs_proj_exp_dual(v0);
  return 0;
}

/* ---- rw ---- */
scs_int SHIM(read_data)(const char *filename, ScsData **d, ScsCone **k,
                        ScsSettings **stgs) {
  if (scs_read_data(filename, d, k, stgs) != 0) {
    printf("shim: read_data(%s): %s\n", filename, scs_last_error());
    return -1;
  }
  return 0;
}

/* ---- results ---- */
#define MAX_TESTS 256
static struct {
  const char *name, *message;
  int skipped;
} results[MAX_TESTS];
static int n_results;

void SHIM(record)(const char *name, const char *message, int skipped) {
  if (n_results < MAX_TESTS) {
    results[n_results].name = name;
    results[n_results].message = message;
    results[n_results++].skipped = skipped;
  }
  printf("*** %s: %s%s\n", name,
         skipped ? "SKIPPED" : message ? "FAILED: " : "PASSED",
         !skipped && message ? message : "");
  fflush(stdout);
}

int scs_upstream_main(void);

int main(void) {
  scs_upstream_main();
  int pass = 0, fail = 0, skip = 0;
  printf("\n==== SCS test problems on libscs %s ====\n", scs_version());
  for (int i = 0; i < n_results; ++i) {
    const char *tag = results[i].skipped ? "SKIP"
                      : results[i].message ? "FAIL"
                                           : "PASS";
    printf("%s  %s%s%s\n", tag, results[i].name,
           results[i].message && !results[i].skipped ? ": " : "",
           results[i].message && !results[i].skipped ? results[i].message
                                                     : "");
    if (results[i].skipped) ++skip;
    else if (results[i].message) ++fail;
    else ++pass;
  }
  printf("passed %d of %d (%d skipped: not built in)\n", pass, pass + fail,
         skip);
  return fail ? 1 : 0;
}

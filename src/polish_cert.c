/*
 * Certificates of primal infeasibility for LPs and QPs (docs/polishing.md,
 * "Infeasibility certificates"). An infeasible LP whose ADMM iterate
 * never meets the certificate test (netlib's lpi_klein1, lpi_klein2,
 * lpi_mondou2: max_iters in SCS as in libscs) still has a certificate,
 * and Farkas' lemma says where: y with
 *
 *     A'y = 0,   b'y = -1,   y_i >= 0 on the nonnegative rows
 *
 * (y free on the zero rows; for a QP the same y certifies, P plays no
 * part). That system is itself an LP, a feasibility problem in the SCS
 * form with y as the variable:
 *
 *     [ A'           ]       [  0 ]   zero cone, n rows
 *     [ b'           ] y + s = [ -1 ]   zero cone, 1 row
 *     [ 0  -I_l      ]       [  0 ]   nonnegative cone, l rows (s = y_l)
 *
 * with c = 0. It is solved by a separate solve of this library (ADMM and
 * its polishing, whose interior-point refinement ends it exactly), on the
 * equilibrated data: a y for D A E and D b is D y for A and b up to a
 * positive factor, and the test of residuals.c, in the caller's units,
 * decides. Nothing is reported that does not pass it.
 */
#include "polish_cert.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "residuals.h"
#include "work.h"

/* The Farkas system of w's equilibrated data as SCS data (owned arrays
 * in F and g). 0, or -1 without memory. */
typedef struct {
  ScsMatrix F;
  scs_float *g, *c;
} Farkas;

static void farkas_free(Farkas *f) {
  scs_free(f->F.p);
  scs_free(f->F.i);
  scs_free(f->F.x);
  scs_free(f->g);
  scs_free(f->c);
}

static int farkas_build(Farkas *f, const ScsWork *w) {
  const ScsMatrix *A = w->A;
  scs_int n = w->n, m = w->m, nz = w->cones->k.z, nl = m - nz;
  scs_int rows = n + 1 + nl, nnz = A->p[n] + m + nl;
  f->F.m = rows;
  f->F.n = m;
  f->F.p = scs_calloc_array((size_t)m + 1, sizeof(scs_int));
  f->F.i = scs_malloc_array((size_t)nnz, sizeof(scs_int));
  f->F.x = scs_malloc_array((size_t)nnz, sizeof(scs_float));
  f->g = scs_calloc_array((size_t)rows, sizeof(scs_float));
  f->c = scs_calloc_array((size_t)m, sizeof(scs_float));
  if (!f->F.p || !f->F.i || !f->F.x || !f->g || !f->c) return -1;
  /* column i of F: row i of A (rows 0..n-1), b_i (row n), -1 on row
   * n + 1 + (i - nz) for a nonnegative row; rows ascending */
  for (scs_int k = 0; k < A->p[n]; ++k) ++f->F.p[A->i[k] + 1];
  for (scs_int i = 0; i < m; ++i)
    f->F.p[i + 1] += f->F.p[i] + 1 + (i >= nz);
  scs_int *next = scs_malloc_array((size_t)m, sizeof(scs_int));
  if (!next) return -1;
  memcpy(next, f->F.p, (size_t)m * sizeof(scs_int));
  for (scs_int j = 0; j < n; ++j)
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) {
      scs_int i = A->i[k];
      f->F.i[next[i]] = j;
      f->F.x[next[i]++] = A->x[k];
    }
  for (scs_int i = 0; i < m; ++i) {
    f->F.i[next[i]] = n;
    f->F.x[next[i]++] = w->b[i];
    if (i >= nz) {
      f->F.i[next[i]] = n + 1 + (i - nz);
      f->F.x[next[i]++] = -1;
    }
  }
  scs_free(next);
  f->g[n] = -1;
  return 0;
}

/* The certificate y as the iterate: u = (0, y, 0), rsk = (0, 0, 1). */
static void write_certificate(ScsWork *w, const scs_float *y) {
  scs_int n = w->n, m = w->m, l = n + m + 1;
  memset(w->u, 0, (size_t)l * sizeof(scs_float));
  memset(w->rsk, 0, (size_t)l * sizeof(scs_float));
  memcpy(w->u + n, y, (size_t)m * sizeof(scs_float));
  w->rsk[n + m] = 1;
}

/* Solve the Farkas system: 0 with its y in sol->x, or -1. */
static int farkas_solve(const ScsWork *w, const Farkas *f, scs_int max_iters,
                        double time_limit_secs, ScsSolution *sol) {
  ScsData d;
  memset(&d, 0, sizeof(d));
  d.m = f->F.m;
  d.n = f->F.n;
  d.A = (ScsMatrix *)&f->F;
  d.b = f->g;
  d.c = f->c;
  ScsCone k;
  memset(&k, 0, sizeof(k));
  k.z = w->n + 1;
  k.l = w->m - w->cones->k.z;
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  s.max_iters = max_iters;
  s.time_limit_secs = time_limit_secs;
  s.allocator = w->stgs.allocator;
  s.print = w->stgs.print;
  s.print_data = w->stgs.print_data;
  s.disable_signal_handling = 1; /* the solve around it handles them */
  ScsInfo info;
  memset(&info, 0, sizeof(info));
  ScsWork *fw = scs_init(&d, &k, &s);
  if (!fw) return -1;
  fw->farkas = 1; /* not another Farkas search inside this one */
  scs_int st = scs_solve(fw, sol, &info, 0);
  scs_finish(fw);
  return (st == SCS_SOLVED || st == SCS_SOLVED_INACCURATE) && sol->x ? 0 : -1;
}

int scs_polish_certificate(ScsWork *w, scs_int iter, scs_int max_iters,
                           double time_limit_secs) {
  scs_int n = w->n, m = w->m, l = n + m + 1;
  Farkas f;
  memset(&f, 0, sizeof(f));
  ScsSolution sol;
  memset(&sol, 0, sizeof(sol));
  scs_float *u = scs_malloc_array((size_t)l, sizeof(scs_float));
  scs_float *rsk = scs_malloc_array((size_t)l, sizeof(scs_float));
  int found = 0;
  if (u && rsk && farkas_build(&f, w) == 0 &&
      farkas_solve(w, &f, max_iters, time_limit_secs, &sol) == 0) {
    memcpy(u, w->u, (size_t)l * sizeof(scs_float));
    memcpy(rsk, w->rsk, (size_t)l * sizeof(scs_float));
    write_certificate(w, sol.x);
    scs_residuals_invalidate(&w->r);
    scs_residuals_update(w, iter);
    found = scs_residuals_status(w) == SCS_INFEASIBLE;
    if (!found) {
      memcpy(w->u, u, (size_t)l * sizeof(scs_float));
      memcpy(w->rsk, rsk, (size_t)l * sizeof(scs_float));
      scs_residuals_invalidate(&w->r);
      scs_residuals_update(w, iter);
    }
  }
  scs_clear_error(); /* a failed search leaves the solve's answer as it was */
  farkas_free(&f);
  scs_free(sol.x);
  scs_free(sol.y);
  scs_free(sol.s);
  scs_free(u);
  scs_free(rsk);
  return found;
}

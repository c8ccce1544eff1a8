/* Logging never changes a solve: quiet, verbose and CSV-logged solves of
 * the same problem give bitwise-identical x, y, s, iteration counts and
 * scale histories, for every cone family and both Anderson types. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "problems.h"
#include "scs_io.h"

#define MAX_CHECKS 4096

typedef struct {
  scs_int flag, iter, scale_updates, nchecks;
  scs_float scale;
  scs_float check_scale[MAX_CHECKS]; /* the scale at every residual check */
  scs_int check_iter[MAX_CHECKS];
  ScsSolution sol;
} Run;

static scs_int record(const ScsProgress *p, void *user) {
  Run *r = user;
  if (r->nchecks < MAX_CHECKS) {
    r->check_scale[r->nchecks] = p->scale;
    r->check_iter[r->nchecks] = p->iter;
  }
  r->nchecks++;
  return 0;
}

enum { QUIET, VERBOSE, CSV, NMODES };

static void solve_in_mode(const ScsData *d, const ScsCone *k,
                          const ScsSettings *base, int mode, Run *r) {
  ScsSettings s = *base;
  char csv[512];
  snprintf(csv, sizeof(csv), "%s/determinism.csv", SCS_TEST_TMP_DIR);
  s.verbose = mode == VERBOSE;
  s.log_csv_filename = mode == CSV ? csv : NULL;
  int saved = -1;
  if (mode == VERBOSE) { /* the table goes to /dev/null */
    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    close(devnull);
  }
  memset(r, 0, sizeof(*r));
  ScsWork *w = scs_init(d, k, &s);
  cr_assert_not_null(w, "%s", scs_last_error());
  scs_set_callback(w, record, r);
  ScsInfo info;
  r->flag = scs_solve(w, &r->sol, &info, 0);
  r->iter = info.iter;
  r->scale = info.scale;
  r->scale_updates = info.scale_updates;
  scs_finish(w);
  if (saved >= 0) {
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
  }
}

static int same(const scs_float *a, const scs_float *b, scs_int len) {
  return len == 0 || memcmp(a, b, (size_t)len * sizeof(scs_float)) == 0;
}

/* Every mode, both AA types, a long and a short solve. */
static void expect_identical(const char *name, const ScsData *d,
                             const ScsCone *k) {
  for (int aa = 0; aa < 2; ++aa)
    for (int tight = 0; tight < 2; ++tight) {
      ScsSettings s;
      tp_settings(&s);
      s.acceleration_type_1 = aa;
      if (tight) { /* long enough for several scale updates */
        s.eps_abs = s.eps_rel = 1e-9;
        s.max_iters = 600;
      }
      static Run runs[NMODES];
      for (int mode = 0; mode < NMODES; ++mode)
        solve_in_mode(d, k, &s, mode, &runs[mode]);
      Run *q = &runs[QUIET];
      for (int mode = VERBOSE; mode < NMODES; ++mode) {
        Run *r = &runs[mode];
        const char *how = mode == VERBOSE ? "verbose" : "csv";
        cr_assert_eq(r->flag, q->flag, "%s aa%d %s: status", name, aa, how);
        cr_assert_eq(r->iter, q->iter, "%s aa%d %s: %lld iterations, quiet "
                                       "%lld",
                     name, aa, how, (long long)r->iter, (long long)q->iter);
        cr_assert_eq(r->scale_updates, q->scale_updates,
                     "%s aa%d %s: scale updates", name, aa, how);
        cr_assert_eq(r->scale, q->scale, "%s aa%d %s: final scale", name, aa,
                     how);
        cr_assert_eq(r->nchecks, q->nchecks, "%s aa%d %s: checks", name, aa,
                     how);
        scs_int nc = q->nchecks < MAX_CHECKS ? q->nchecks : MAX_CHECKS;
        cr_assert(same(r->check_scale, q->check_scale, nc) &&
                      memcmp(r->check_iter, q->check_iter,
                             (size_t)nc * sizeof(scs_int)) == 0,
                  "%s aa%d %s: scale history", name, aa, how);
        cr_assert(same(r->sol.x, q->sol.x, d->n) &&
                      same(r->sol.y, q->sol.y, d->m) &&
                      same(r->sol.s, q->sol.s, d->m),
                  "%s aa%d %s: x, y, s differ", name, aa, how);
      }
      for (int mode = 0; mode < NMODES; ++mode) free_sol(&runs[mode].sol);
    }
}

/* The problem files need the readers (SCS_WITH_READERS, scs_io.h). */
#if SCS_WITH_READERS
static void expect_identical_file(const char *file) {
  char path[512];
  snprintf(path, sizeof(path), "%s/%s", SCS_TEST_DATA_DIR, file);
  ScsProblem *p = scs_read_problem(path, NULL);
  cr_assert_not_null(p, "%s", scs_last_error());
  expect_identical(file, p->data, p->cone);
  scs_problem_free(p);
}

Test(determinism, lp_and_qp_files) {
  expect_identical_file("cbf/lp.cbf");
  expect_identical_file("mps/qp_quadobj.qps");
}

Test(determinism, soc) { expect_identical_file("cbf/soc.cbf"); }

Test(determinism, exponential) { expect_identical_file("cbf/exp.cbf"); }

Test(determinism, power) { expect_identical_file("cbf/pow.cbf"); }

Test(determinism, psd) {
  expect_identical_file("cbf/psdcon.cbf");
  expect_identical_file("cbf/psdvar.cbf");
}
#endif /* SCS_WITH_READERS */

Test(determinism, box) {
  TestProblem *tp = tp_qp_box();
  expect_identical(tp->name, &tp->d, &tp->k);
  tp_free(tp);
}

/* min -t  s.t.  H - t I in the complex PSD cone, H = [2 i; -i 2]: its
 * smallest eigenvalue, 1. */
Test(determinism, complex_psd) {
  const double r2 = 1.4142135623730951;
  double A[] = {1, 0, 0, 1}, b[] = {2, 0, -r2, 2}, c[] = {-1};
  ScsCone k = {0};
  scs_int cs[] = {2};
  k.cs = cs;
  k.cssize = 1;
  TestProblem *tp =
      tp_from_dense("complex_psd", 4, 1, A, NULL, b, c, &k, -1, SCS_SOLVED);
  expect_identical(tp->name, &tp->d, &tp->k);
  tp_free(tp);
}

Test(determinism, random_socp_qp) {
  TestProblem *tp = tp_random(7, 60, 5, 60, 6, 5, 1, 0.2);
  expect_identical(tp->name, &tp->d, &tp->k);
  tp_free(tp);
}

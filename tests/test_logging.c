/* verbose progress table, log_csv_filename and write_data_filename. */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "problems.h"
#include "scs_io.h"

#ifndef SCS_TEST_TMP_DIR
#define SCS_TEST_TMP_DIR "/tmp"
#endif

static void redirect(void) { cr_redirect_stdout(); }

Test(logging, verbose_table, .init = redirect) {
  TestProblem *tp = tp_qp_small();
  ScsSettings s;
  tp_settings(&s);
  s.verbose = 1;
  s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-5 : 1e-9;
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &info), SCS_SOLVED);
  fflush(stdout);
  char buf[8192] = {0};
  FILE *f = cr_get_redirected_stdout();
  size_t len = fread(buf, 1, sizeof(buf) - 1, f);
  cr_assert(len > 0);
  const char *expected[] = {"variables n: 2, constraints m: 5",
                            "z: 1, l: 4",
                            "eps_rel:",
                            " iter | pri res | dua res |   gap   |   obj",
                            "     0|",
                            "status:  solved",
                            "timings: total:",
                            "objective = 1.8"};
  for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); ++i)
    cr_assert(strstr(buf, expected[i]) != NULL, "missing '%s' in:\n%s",
              expected[i], buf);
  free_sol(&sol);
  tp_free(tp);
}

Test(logging, csv_log) {
  const char *path = SCS_TEST_TMP_DIR "/scs_log_test.csv";
  remove(path);
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.log_csv_filename = path;
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &info), SCS_SOLVED);
  FILE *f = fopen(path, "r");
  cr_assert_not_null(f, "no CSV written");
  char line[4096];
  cr_assert_not_null(fgets(line, sizeof(line), f));
  cr_assert_eq(strncmp(line, "iter,res_pri,res_dual,gap,pobj,dobj", 35), 0);
  int header_cols = 1;
  for (char *p = line; *p; ++p) header_cols += *p == ',';
  int rows = 0;
  while (fgets(line, sizeof(line), f)) {
    int cols = 1;
    for (char *p = line; *p; ++p) cols += *p == ',';
    cr_assert_eq(cols, header_cols, "row %d has %d columns", rows, cols);
    ++rows;
  }
  fclose(f);
  /* one row per iteration that ran (iterations 0..iter) */
  cr_assert(rows >= info.iter, "%d rows for %d iterations", rows, (int)info.iter);
  free_sol(&sol);
  tp_free(tp);
  remove(path);
}

/* The dump read back solves identically (same data, same settings). */
Test(logging, dump_round_trip_solves_identically) {
  const char *path = SCS_TEST_TMP_DIR "/scs_dump_roundtrip.bin";
  TestProblem *tp = tp_random(8, 25, 3, 30, 3, 4, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = 1e-7;
  s.max_iters = 5000;
  s.write_data_filename = path;
  ScsSolution a = {0}, b = {0};
  ScsInfo ia, ib;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &a, &ia), SCS_SOLVED);

  ScsData *d = NULL;
  ScsCone *k = NULL;
  ScsSettings *s2 = NULL;
  cr_assert_eq(scs_read_data(path, &d, &k, &s2), 0, "%s", scs_last_error());
  cr_assert_eq(d->m, tp->d.m);
  cr_assert_eq(d->n, tp->d.n);
  cr_assert_eq(s2->eps_abs, s.eps_abs);
  cr_assert_eq(s2->max_iters, 5000);
  s2->verbose = 0;
  cr_assert_eq(scs(d, k, s2, &b, &ib), SCS_SOLVED);
  cr_assert_eq(ia.iter, ib.iter);
  cr_assert_eq(memcmp(a.x, b.x, (size_t)d->n * sizeof(scs_float)), 0,
               "x differs after the round trip");
  cr_assert_eq(memcmp(a.y, b.y, (size_t)d->m * sizeof(scs_float)), 0);
  scs_free_problem(d, k, s2);
  free_sol(&a);
  free_sol(&b);
  tp_free(tp);
  remove(path);
}

Test(logging, read_missing_file) {
  ScsData *d = (ScsData *)1;
  ScsCone *k = NULL;
  ScsSettings *s = NULL;
  cr_assert_neq(scs_read_data("/nonexistent/x.bin", &d, &k, &s), 0);
  cr_assert(strstr(scs_last_error(), "/nonexistent/x.bin") != NULL);
  cr_assert_eq(d, (ScsData *)1, "outputs touched on failure");
}

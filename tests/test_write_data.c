/* scs_write_data (scs_io.h): a dump written without a workspace reads back
 * as the same problem and solves bit-identically; a problem that cannot be
 * factored (indefinite P) can still be written; bad input is refused. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "leaks.h"
#include "problems.h"
#include "scs_io.h"

static void tmp_path(char *buf, size_t len, const char *name) {
  snprintf(buf, len, "%s/libscs_write_data_%ld_%s", SCS_TEST_TMP_DIR,
           (long)getpid(), name);
}

static void solve(const ScsData *d, const ScsCone *k, const ScsSettings *s,
                  ScsSolution *sol, ScsInfo *info) {
  memset(sol, 0, sizeof(*sol));
  cr_assert_eq(scs(d, k, s, sol, info), SCS_SOLVED, "%s", scs_last_error());
}

Test(write_data, round_trip_solves_bit_identically) {
  TestProblem *tp = tp_random(11, 30, 3, 30, 3, 4, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  char path[512];
  tmp_path(path, sizeof(path), "rt.bin");
  cr_assert_eq(scs_write_data(&tp->d, &tp->k, &s, path), 0, "%s",
               scs_last_error());
  ScsData *d;
  ScsCone *k;
  ScsSettings *rs;
  cr_assert_eq(scs_read_data(path, &d, &k, &rs), 0, "%s", scs_last_error());
  cr_assert_eq(rs->eps_abs, s.eps_abs);
  cr_assert_eq(rs->max_iters, s.max_iters);
  ScsSolution a, b;
  ScsInfo ia, ib;
  solve(&tp->d, &tp->k, &s, &a, &ia);
  solve(d, k, &s, &b, &ib);
  cr_assert_eq(ia.iter, ib.iter);
  cr_assert_eq(memcmp(a.x, b.x, (size_t)d->n * sizeof(scs_float)), 0);
  cr_assert_eq(memcmp(a.y, b.y, (size_t)d->m * sizeof(scs_float)), 0);
  free_sol(&a);
  free_sol(&b);
  scs_free_problem(d, k, rs);
  unlink(path);
  tp_free(tp);
  EXPECT_NO_LEAKS();
}

/* P = [1 0; 0 -1] is indefinite: scs_init fails in the factorization, but
 * the problem is valid data and converts. */
Test(write_data, writes_what_cannot_be_factored) {
  double A[] = {1, 1}, P[] = {1, 0, 0, -1}, b[] = {1}, c[] = {0, 0};
  ScsCone k = {0};
  k.z = 1;
  TestProblem *tp =
      tp_from_dense("indefinite", 1, 2, A, P, b, c, &k, 0, SCS_SOLVED);
  ScsSettings s;
  tp_settings(&s);
  cr_assert_null(scs_init(&tp->d, &tp->k, &s), "not factorable");
  char path[512];
  tmp_path(path, sizeof(path), "indef.bin");
  cr_assert_eq(scs_write_data(&tp->d, &tp->k, &s, path), 0, "%s",
               scs_last_error());
  ScsData *d;
  ScsCone *kk;
  ScsSettings *rs;
  cr_assert_eq(scs_read_data(path, &d, &kk, &rs), 0, "%s", scs_last_error());
  cr_assert_eq(d->P->x[d->P->p[2] - 1], -1, "P read back");
  scs_free_problem(d, kk, rs);
  unlink(path);
  tp_free(tp);
}

Test(write_data, refuses_bad_settings_and_data) {
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  char path[512];
  tmp_path(path, sizeof(path), "bad.bin");
  s.alpha = 3;
  cr_assert_neq(scs_write_data(&tp->d, &tp->k, &s, path), 0);
  cr_assert(strstr(scs_last_error(), "alpha"), "%s", scs_last_error());
  cr_assert_neq(access(path, F_OK), 0, "no file written");
  tp_settings(&s);
  tp->k.l = 3; /* rows no longer sum to m */
  cr_assert_neq(scs_write_data(&tp->d, &tp->k, &s, path), 0);
  cr_assert_neq(access(path, F_OK), 0, "no file written");
  cr_assert_neq(scs_write_data(&tp->d, &tp->k, &s, NULL), 0);
  tp->k.l = 4;
  tp_free(tp);
}

/* Bad input through the public API: scs_init returns NULL with a precise
 * scs_last_error(), scs() returns SCS_FAILED, nothing the caller owns is
 * modified, and nothing leaks (the asan preset runs this file). */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

/* A fresh copy of the small QP (z = 1, l = 4) for each case. */
typedef struct {
  TestProblem *tp;
  ScsSettings s;
  /* byte snapshots of every caller array */
  void *snap[6];
  size_t len[6];
  void *ptr[6];
  scs_int m0, n0, annz0, pnnz0; /* true array lengths, before any mutation */
} Case;

static void snapshot(Case *c) {
  ScsData *d = &c->tp->d;
  void *ptrs[6] = {d->A->x, d->A->i, d->A->p, d->b, d->c, d->P ? d->P->x : NULL};
  size_t lens[6] = {sizeof(scs_float) * (size_t)c->annz0,
                    sizeof(scs_int) * (size_t)c->annz0,
                    sizeof(scs_int) * (size_t)(c->n0 + 1),
                    sizeof(scs_float) * (size_t)c->m0,
                    sizeof(scs_float) * (size_t)c->n0,
                    d->P ? sizeof(scs_float) * (size_t)c->pnnz0 : 0};
  for (int i = 0; i < 6; ++i) {
    c->ptr[i] = ptrs[i];
    c->len[i] = lens[i];
    c->snap[i] = malloc(lens[i] ? lens[i] : 1);
    if (lens[i]) memcpy(c->snap[i], ptrs[i], lens[i]);
  }
}

static Case make_case(void) {
  Case c = {0};
  c.tp = tp_qp_small();
  tp_settings(&c.s);
  c.m0 = c.tp->d.m;
  c.n0 = c.tp->d.n;
  c.annz0 = c.tp->d.A->p[c.n0];
  c.pnnz0 = c.tp->d.P->p[c.n0];
  return c;
}

/* scs_init must fail with `needle` in the message; scs() too; the caller's
 * arrays are unchanged; sol is untouched. */
static void expect_failure(Case *c, const char *needle) {
  snapshot(c);
  ScsWork *w = scs_init(&c->tp->d, &c->tp->k, &c->s);
  cr_assert_null(w, "scs_init accepted bad input (%s)", needle);
  cr_assert(strstr(scs_last_error(), needle) != NULL,
            "message '%s' lacks '%s'", scs_last_error(), needle);
  scs_float x0[2] = {7, 7};
  ScsSolution sol = {x0, NULL, NULL};
  ScsInfo info;
  memset(&info, 0, sizeof(info));
  cr_assert_eq(scs(&c->tp->d, &c->tp->k, &c->s, &sol, &info), SCS_FAILED);
  cr_assert_eq(info.status_val, SCS_FAILED);
  cr_assert_str_eq(info.status, "failure");
  cr_assert(x0[0] == 7 && x0[1] == 7 && sol.y == NULL, "sol was touched");
  for (int i = 0; i < 6; ++i) {
    if (c->len[i]) cr_assert_eq(memcmp(c->snap[i], c->ptr[i], c->len[i]), 0,
                                "caller array %d modified", i);
    free(c->snap[i]);
  }
}

static void done(Case *c) { tp_free(c->tp); }

Test(bad_input, null_arguments) {
  Case c = make_case();
  cr_assert_null(scs_init(NULL, &c.tp->k, &c.s));
  cr_assert(strstr(scs_last_error(), "data is NULL"));
  cr_assert_null(scs_init(&c.tp->d, NULL, &c.s));
  cr_assert(strstr(scs_last_error(), "cone is NULL"));
  cr_assert_null(scs_init(&c.tp->d, &c.tp->k, NULL));
  cr_assert(strstr(scs_last_error(), "settings is NULL"));
  ScsInfo info;
  ScsSolution sol = {0};
  cr_assert_eq(scs_solve(NULL, &sol, &info, 0), SCS_FAILED);
  cr_assert_eq(scs_update(NULL, NULL, NULL), -1);
  scs_finish(NULL); /* a no-op */
  ScsWork *w = scs_init(&c.tp->d, &c.tp->k, &c.s);
  cr_assert_not_null(w);
  cr_assert_eq(scs_solve(w, NULL, &info, 0), SCS_FAILED);
  cr_assert_eq(scs_solve(w, &sol, NULL, 0), SCS_FAILED);
  scs_finish(w);
  done(&c);
}

Test(bad_input, negative_and_mismatched_sizes) {
  Case c = make_case();
  c.tp->d.m = -1;
  expect_failure(&c, "m = -1");
  done(&c);
  c = make_case();
  c.tp->d.n = 3; /* A is 5 x 2 */
  expect_failure(&c, "A must be m x n");
  done(&c);
  c = make_case();
  c.tp->d.P->n = 1;
  expect_failure(&c, "P must be n x n");
  done(&c);
}

Test(bad_input, broken_csc) {
  Case c = make_case();
  c.tp->d.A->p[1] = 4, c.tp->d.A->p[2] = 3; /* not monotone */
  expect_failure(&c, "not monotone");
  done(&c);
  c = make_case();
  c.tp->d.A->i[1] = 5; /* m = 5: out of range */
  expect_failure(&c, "row index 5 out of range");
  done(&c);
  c = make_case();
  c.tp->d.A->i[1] = -2;
  expect_failure(&c, "out of range");
  done(&c);
  c = make_case();
  c.tp->d.A->i[1] = c.tp->d.A->i[0]; /* duplicate in column 0 */
  expect_failure(&c, "duplicate row index");
  done(&c);
  c = make_case();
  c.tp->d.A->p[0] = 1;
  expect_failure(&c, "p[0]");
  done(&c);
}

Test(bad_input, nan_and_inf_in_data) {
  Case c = make_case();
  c.tp->d.A->x[2] = NAN;
  expect_failure(&c, "NaN");
  done(&c);
  c = make_case();
  c.tp->d.b[1] = INFINITY;
  expect_failure(&c, "b[1]");
  done(&c);
  c = make_case();
  c.tp->d.c[0] = NAN;
  expect_failure(&c, "c[0] is NaN");
  done(&c);
  c = make_case();
  c.tp->d.P->x[0] = -INFINITY;
  expect_failure(&c, "not finite");
  done(&c);
}

Test(bad_input, cones) {
  Case c = make_case();
  c.tp->k.l = 3; /* 1 + 3 != 5 */
  expect_failure(&c, "cone sizes sum to 4 but m = 5");
  done(&c);
  c = make_case();
  c.tp->k.l = -4;
  expect_failure(&c, "must be >= 0");
  done(&c);
  c = make_case();
  scs_int q[] = {-1}; /* size 0 is valid (an empty cone, as in SCS) */
  c.tp->k.l = 4, c.tp->k.q = q, c.tp->k.qsize = 1;
  expect_failure(&c, "q[0] = -1");
  c.tp->k.q = NULL; /* not ours to free */
  done(&c);
  c = make_case();
  c.tp->k.qsize = 2, c.tp->k.q = NULL;
  expect_failure(&c, "q is NULL");
  done(&c);
  c = make_case();
  scs_float bl[] = {0, 2}, bu[] = {1, 1};
  c.tp->k.l = 1, c.tp->k.bsize = 3, c.tp->k.bl = bl, c.tp->k.bu = bu;
  expect_failure(&c, "bl[1] = 2 > bu[1] = 1");
  c.tp->k.bl = c.tp->k.bu = NULL; /* not ours to free */
  done(&c);
  c = make_case();
  scs_int s[] = {0, 1, 2, 40000}; /* order 0 is valid, as in SCS */
  c.tp->k.l = 4, c.tp->k.s = s, c.tp->k.ssize = 4;
  expect_failure(&c, "s[3] = 40000: PSD cones are limited to order 32767");
  c.tp->k.s = NULL;
  done(&c);
  c = make_case();
  c.tp->k.l = 1, c.tp->k.ep = 2; /* 1 + 1 + 6 != 5 */
  expect_failure(&c, "cone sizes sum to 8 but m = 5");
  done(&c);
  c = make_case();
  scs_float p[] = {1.5};
  c.tp->k.l = 1, c.tp->k.p = p, c.tp->k.psize = 1;
  expect_failure(&c, "p[0] = 1.5 must be in [-1, 1]");
  c.tp->k.p = NULL;
  done(&c);
}

Test(bad_input, p_lower_triangle) {
  Case c = make_case();
  /* P stored upper: column 1 holds rows 0 and 1; make row 1 of column 0 */
  c.tp->d.P->i[0] = 1;
  expect_failure(&c, "below the diagonal");
  done(&c);
}

Test(bad_input, settings_out_of_range) {
  struct {
    const char *needle;
    void (*set)(ScsSettings *);
  } cases[] = {
      {"eps_abs", NULL}, {"eps_rel", NULL}, {"alpha", NULL},
      {"scale", NULL},   {"acceleration_lookback", NULL},
      {"max_iters", NULL}, {"eps_infeas", NULL}, {"rho_x", NULL},
      {"time_limit_secs", NULL}, {"acceleration_interval", NULL},
      {"acceleration_relaxation", NULL}, {"acceleration_regularization", NULL},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    Case c = make_case();
    ScsSettings *s = &c.s;
    switch (i) {
    case 0: s->eps_abs = -1; break; /* 0 is valid, as in SCS */
    case 1: s->eps_rel = NAN; break;
    case 2: s->alpha = 2; break;
    case 3: s->scale = -1; break;
    case 4: s->acceleration_lookback = 46341; break; /* < 0: type-II */
    case 5: s->max_iters = 0; break;
    case 6: s->eps_infeas = -1e-3; break;
    case 7: s->rho_x = 0; break;
    case 8: s->time_limit_secs = -1; break;
    case 9: s->acceleration_interval = 0; break;
    case 10: s->acceleration_relaxation = 2.5; break;
    case 11: s->acceleration_regularization = NAN; break;
    }
    expect_failure(&c, cases[i].needle);
    done(&c);
  }
}

/* Unsorted columns are accepted and give the same answer. */
Test(bad_input, unsorted_columns_accepted) {
  Case c = make_case();
  ScsMatrix *A = c.tp->d.A;
  /* reverse the entries of column 0 */
  for (scs_int a = A->p[0], b = A->p[1] - 1; a < b; ++a, --b) {
    scs_int ti = A->i[a];
    scs_float tx = A->x[a];
    A->i[a] = A->i[b], A->x[a] = A->x[b];
    A->i[b] = ti, A->x[b] = tx;
  }
  scs_int first_row = A->i[0];
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs(&c.tp->d, &c.tp->k, &c.s, &sol, &info), SCS_SOLVED);
  cr_assert(fabs(info.pobj - 1.88) < 1e-3);
  cr_assert_eq(A->i[0], first_row, "the caller's matrix was sorted in place");
  free_sol(&sol);
  done(&c);
}

/* write_data_filename to a path that cannot be written: a clear error. */
Test(bad_input, unwritable_dump_file) {
  Case c = make_case();
  c.s.write_data_filename = "/nonexistent-dir/problem.bin";
  cr_assert_null(scs_init(&c.tp->d, &c.tp->k, &c.s));
  cr_assert(strstr(scs_last_error(), "/nonexistent-dir/problem.bin") != NULL,
            "%s", scs_last_error());
  done(&c);
}

/* An indefinite P (SCS 3.2 does not check) is caught by the factorization:
 * a wrong-sign pivot, reported with the variable it belongs to. */
Test(bad_input, indefinite_p_caught_by_factorization) {
  Case c = make_case();
  c.tp->d.P->x[0] = -1e9; /* P(0, 0) hugely negative */
  c.s.normalize = 0;
  ScsWork *w = scs_init(&c.tp->d, &c.tp->k, &c.s);
  cr_assert_null(w);
  cr_assert(strstr(scs_last_error(), "pivot") != NULL, "%s", scs_last_error());
  cr_assert(strstr(scs_last_error(), "positive semidefinite") != NULL);
  done(&c);
}

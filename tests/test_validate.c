/* Input validation: every bad input is rejected with a precise message,
 * valid input passes, and the caller's arrays are never modified. */
#include <criterion/criterion.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "glob.h"
#include "validate.h"

/* ---- a valid problem: m = 7, n = 3 ------------------------------------- */
/* cone: z = 1, l = 1, box bsize = 2, q = {3}: 1 + 1 + 2 + 3 = 7 rows */

typedef struct {
  /* A: 7 x 3, column 1 deliberately unsorted */
  scs_int Ap[4];
  scs_int Ai[9];
  scs_float Ax[9];
  /* P: 3 x 3 upper triangle */
  scs_int Pp[4];
  scs_int Pi[4];
  scs_float Px[4];
  scs_float b[7];
  scs_float c[3];
  scs_float bl[1], bu[1];
  scs_int q[1];
  scs_int s[1], cs[1];
  scs_float p[1];
  ScsMatrix A, P;
  ScsData d;
  ScsCone k;
  ScsSettings stgs;
} Problem;

static Problem pb;
static Problem pb_copy; /* byte copy taken before each check */

static void make_problem(Problem *q) {
  memset(q, 0, sizeof(*q));
  scs_int Ap[4] = {0, 3, 6, 9};
  scs_int Ai[9] = {0, 2, 4, /* col 1 unsorted: */ 5, 1, 3, 6, 0, 2};
  scs_float Ax[9] = {1, -2, 3, 4, 5, -6, 7, 8, 9};
  scs_int Pp[4] = {0, 1, 3, 4};
  scs_int Pi[4] = {0, 0, 1, 2};
  scs_float Px[4] = {2, 0.5, 3, 1};
  scs_float b[7] = {1, 2, 3, 1, 0.5, 4, -1};
  scs_float c[3] = {1, -1, 0.25};
  memcpy(q->Ap, Ap, sizeof(Ap));
  memcpy(q->Ai, Ai, sizeof(Ai));
  memcpy(q->Ax, Ax, sizeof(Ax));
  memcpy(q->Pp, Pp, sizeof(Pp));
  memcpy(q->Pi, Pi, sizeof(Pi));
  memcpy(q->Px, Px, sizeof(Px));
  memcpy(q->b, b, sizeof(b));
  memcpy(q->c, c, sizeof(c));
  q->bl[0] = -1;
  q->bu[0] = 1;
  q->q[0] = 3;
  q->s[0] = 2;
  q->cs[0] = 2;
  q->p[0] = 0.5;
  q->A = (ScsMatrix){q->Ax, q->Ai, q->Ap, 7, 3};
  q->P = (ScsMatrix){q->Px, q->Pi, q->Pp, 3, 3};
  q->d = (ScsData){7, 3, &q->A, &q->P, q->b, q->c};
  q->k.z = 1;
  q->k.l = 1;
  q->k.bsize = 2;
  q->k.bl = q->bl;
  q->k.bu = q->bu;
  q->k.qsize = 1;
  q->k.q = q->q;
  ScsSettings *s = &q->stgs;
  s->normalize = 1;
  s->scale = SCS_DEFAULT_SCALE;
  s->adaptive_scale = 1;
  s->rho_x = SCS_DEFAULT_RHO_X;
  s->max_iters = SCS_DEFAULT_MAX_ITERS;
  s->eps_abs = SCS_DEFAULT_EPS_ABS;
  s->eps_rel = SCS_DEFAULT_EPS_REL;
  s->eps_infeas = SCS_DEFAULT_EPS_INFEAS;
  s->alpha = SCS_DEFAULT_ALPHA;
  s->time_limit_secs = 0;
  s->verbose = 1;
  s->acceleration_lookback = SCS_DEFAULT_ACCEL_LOOKBACK;
  s->acceleration_interval = SCS_DEFAULT_ACCEL_INTERVAL;
  s->acceleration_type_1 = 1;
  s->acceleration_regularization = SCS_DEFAULT_AA_REGULARIZATION;
  s->acceleration_relaxation = SCS_DEFAULT_AA_RELAXATION;
}

static void setup(void) { make_problem(&pb); }

/* Run all three checks, expect the first failing one to say `substr`, and
 * check that nothing the caller owns changed. */
static void expect_all(int want_ok, const char *substr) {
  memcpy(&pb_copy, &pb, sizeof(pb));
  int rc = scs_validate_data(&pb.d);
  if (!rc) rc = scs_validate_cone_sizes(&pb.k, pb.d.m);
  if (!rc) rc = scs_validate_settings(&pb.stgs);
  cr_assert(memcmp(&pb_copy, &pb, sizeof(pb)) == 0,
            "validation modified the caller's data");
  if (want_ok) {
    cr_assert_eq(rc, 0, "valid input rejected: %s", scs_last_error());
  } else {
    cr_assert_neq(rc, 0, "invalid input accepted (expected \"%s\")", substr);
    cr_assert(strstr(scs_last_error(), substr) != NULL,
              "message \"%s\" does not contain \"%s\"", scs_last_error(),
              substr);
  }
}

#define EXPECT_OK() expect_all(1, NULL)
#define EXPECT_ERR(s) expect_all(0, (s))

TestSuite(validate, .init = setup);

/* ---- valid input ------------------------------------------------------ */

Test(validate, valid_problem_passes) { EXPECT_OK(); }

Test(validate, valid_without_P) {
  pb.d.P = NULL;
  EXPECT_OK();
}

Test(validate, empty_columns_and_empty_P_pass) {
  /* column 2 of A empty; P with no entries */
  pb.Ap[3] = 6;
  pb.Pp[1] = pb.Pp[2] = pb.Pp[3] = 0;
  EXPECT_OK();
}

Test(validate, bsize_one_is_valid_without_bounds) {
  pb.k.bsize = 1;
  pb.k.bl = pb.k.bu = NULL;
  pb.k.l = 2;
  EXPECT_OK();
}

Test(validate, box_infinite_bounds_valid) {
  pb.bl[0] = -INFINITY;
  pb.bu[0] = INFINITY;
  EXPECT_OK();
}

Test(validate, box_equal_bounds_valid) {
  pb.bl[0] = pb.bu[0] = 0.5;
  EXPECT_OK();
}

Test(validate, flags_any_int) {
  pb.stgs.normalize = -3;
  pb.stgs.adaptive_scale = 7;
  pb.stgs.verbose = 2;
  pb.stgs.warm_start = 5;
  pb.stgs.acceleration_type_1 = -1;
  pb.stgs.acceleration_lookback = 0;
  pb.stgs.acceleration_relaxation = 0;
  pb.stgs.acceleration_regularization = 0;
  pb.stgs.time_limit_secs = 10;
  pb.stgs.max_iters = 1;
  EXPECT_OK();
}

/* ---- data ------------------------------------------------------------- */

Test(validate, null_data) {
  cr_assert_neq(scs_validate_data(NULL), 0);
  cr_assert(strstr(scs_last_error(), "data is NULL"));
}

Test(validate, m_zero) {
  pb.d.m = 0;
  EXPECT_ERR("m = 0 must be >= 1");
}

Test(validate, n_zero) {
  pb.d.n = 0;
  EXPECT_ERR("n = 0 must be >= 1");
}

Test(validate, null_A) {
  pb.d.A = NULL;
  EXPECT_ERR("A is NULL");
}

Test(validate, null_b) {
  pb.d.b = NULL;
  EXPECT_ERR("b is NULL");
}

Test(validate, null_c) {
  pb.d.c = NULL;
  EXPECT_ERR("c is NULL");
}

Test(validate, A_wrong_shape) {
  pb.A.n = 4;
  EXPECT_ERR("A must be m x n = 7 x 3, got 7 x 4");
}

Test(validate, A_p0_nonzero) {
  pb.Ap[0] = 1;
  EXPECT_ERR("A: p[0] = 1 must be 0");
}

Test(validate, A_p_not_monotone) {
  pb.Ap[1] = 7;
  pb.Ap[2] = 6;
  EXPECT_ERR("A: column pointers not monotone: p[1] = 7 > p[2] = 6");
}

Test(validate, A_null_p) {
  pb.A.p = NULL;
  EXPECT_ERR("A: column pointer array p is NULL");
}

Test(validate, A_null_i) {
  pb.A.i = NULL;
  EXPECT_ERR("A: row index array i is NULL");
}

Test(validate, A_null_x) {
  pb.A.x = NULL;
  EXPECT_ERR("A: value array x is NULL");
}

Test(validate, A_row_too_big) {
  pb.Ai[7] = 7;
  EXPECT_ERR("A: row index 7 out of range [0, 7) in column 2");
}

Test(validate, A_row_negative) {
  pb.Ai[1] = -1;
  EXPECT_ERR("A: row index -1 out of range [0, 7) in column 0");
}

Test(validate, A_duplicate_row) {
  pb.Ai[5] = 5; /* column 1 is {5, 1, 5} */
  EXPECT_ERR("A: duplicate row index 5 in column 1");
}

Test(validate, A_same_row_in_other_columns_is_fine) {
  pb.Ai[6] = 0; /* column 2 {0, 0, 2}: duplicate within column 2 */
  EXPECT_ERR("A: duplicate row index 0 in column 2");
  make_problem(&pb);
  pb.Ai[6] = 4; /* row 4 in columns 0 and 2: fine */
  EXPECT_OK();
}

Test(validate, A_nan) {
  pb.Ax[4] = NAN;
  EXPECT_ERR("A: x[4] is NaN");
}

Test(validate, A_inf) {
  pb.Ax[8] = -INFINITY;
  EXPECT_ERR("A: x[8] = -inf is not finite");
}

Test(validate, P_wrong_shape) {
  pb.P.n = 2;
  EXPECT_ERR("P must be n x n = 3 x 3, got 3 x 2");
}

Test(validate, P_below_diagonal) {
  pb.Pi[1] = 1;
  pb.Pi[2] = 0; /* column 1 {1, 0} fine; make column 0 hold row 2: */
  EXPECT_OK();
  pb.Pi[0] = 2;
  EXPECT_ERR("P: entry (2, 0) is below the diagonal; pass the upper "
             "triangle only");
}

Test(validate, P_duplicate) {
  pb.Pi[2] = 0; /* column 1 {0, 0} */
  EXPECT_ERR("P: duplicate row index 0 in column 1");
}

Test(validate, P_nan) {
  pb.Px[3] = NAN;
  EXPECT_ERR("P: x[3] is NaN");
}

Test(validate, P_row_out_of_range) {
  pb.Pi[3] = 3;
  EXPECT_ERR("P: row index 3 out of range [0, 3) in column 2");
}

Test(validate, b_nan) {
  pb.b[2] = NAN;
  EXPECT_ERR("b[2] is NaN");
}

Test(validate, c_inf) {
  pb.c[1] = INFINITY;
  EXPECT_ERR("c[1] = inf is not finite");
}

/* ---- csc and vector directly ------------------------------------------ */

Test(validate, csc_general) {
  cr_assert_eq(scs_validate_csc(&pb.A, 7, 3, "A"), 0);
  cr_assert_neq(scs_validate_csc(NULL, 7, 3, "M"), 0);
  cr_assert(strstr(scs_last_error(), "M is NULL"));
  cr_assert_neq(scs_validate_csc(&pb.A, 6, 3, "M"), 0);
  cr_assert(strstr(scs_last_error(), "M must be 6 x 3, got 7 x 3"));
  /* lower-triangle entries are fine for a general matrix */
  pb.Pi[0] = 2;
  cr_assert_eq(scs_validate_csc(&pb.P, 3, 3, "P"), 0);
}

Test(validate, csc_m_zero) {
  /* no rows: only an empty matrix is valid */
  scs_int p[3] = {0, 0, 0};
  ScsMatrix M = {NULL, NULL, p, 0, 2};
  cr_assert_eq(scs_validate_csc(&M, 0, 2, "M"), 0, "%s", scs_last_error());
  scs_int p2[3] = {0, 1, 1};
  scs_int i2[1] = {0};
  scs_float x2[1] = {1};
  ScsMatrix M2 = {x2, i2, p2, 0, 2};
  cr_assert_neq(scs_validate_csc(&M2, 0, 2, "M"), 0);
  cr_assert(strstr(scs_last_error(), "row index 0 out of range [0, 0)"));
}

Test(validate, vector_direct) {
  scs_float v[3] = {1, 2, 3};
  cr_assert_eq(scs_validate_vector(v, 3, "b"), 0);
  cr_assert_eq(scs_validate_vector(NULL, 0, "b"), 0);
  cr_assert_neq(scs_validate_vector(NULL, 3, "c"), 0);
  cr_assert(strstr(scs_last_error(), "c is NULL"));
  cr_assert_neq(scs_validate_vector(v, -1, "c"), 0);
  cr_assert(strstr(scs_last_error(), "c: length -1 is negative"));
  v[1] = NAN;
  cr_assert_neq(scs_validate_vector(v, 3, "b"), 0);
  cr_assert_str_eq(scs_last_error(), "b[1] is NaN");
  cr_assert_eq(v[0], 1);
}

/* ---- cones ------------------------------------------------------------ */

Test(validate, null_cone) {
  cr_assert_neq(scs_validate_cone_sizes(NULL, 3), 0);
  cr_assert(strstr(scs_last_error(), "cone is NULL"));
}

Test(validate, negative_sizes) {
  const char *names[] = {"z", "l", "bsize", "qsize", "ssize",
                         "cssize", "ep", "ed", "psize"};
  for (int t = 0; t < 9; ++t) {
    make_problem(&pb);
    scs_int *f[] = {&pb.k.z, &pb.k.l, &pb.k.bsize, &pb.k.qsize, &pb.k.ssize,
                    &pb.k.cssize, &pb.k.ep, &pb.k.ed, &pb.k.psize};
    *f[t] = -1;
    char want[64];
    snprintf(want, sizeof(want), "cone: %s = -1 must be >= 0", names[t]);
    EXPECT_ERR(want);
  }
}

Test(validate, null_arrays) {
  pb.k.q = NULL;
  EXPECT_ERR("cone: qsize = 1 but q is NULL");
  make_problem(&pb);
  pb.k.bl = NULL;
  EXPECT_ERR("cone: bsize = 2 but bl is NULL");
  make_problem(&pb);
  pb.k.bu = NULL;
  EXPECT_ERR("cone: bsize = 2 but bu is NULL");
  make_problem(&pb);
  pb.k.ssize = 1;
  EXPECT_ERR("cone: ssize = 1 but s is NULL");
  make_problem(&pb);
  pb.k.cssize = 1;
  EXPECT_ERR("cone: cssize = 1 but cs is NULL");
  make_problem(&pb);
  pb.k.psize = 1;
  EXPECT_ERR("cone: psize = 1 but p is NULL");
}

Test(validate, sum_mismatch) {
  pb.k.l = 2;
  EXPECT_ERR("cone sizes sum to 8 but m = 7");
}

Test(validate, sum_overflow) {
  if (sizeof(scs_int) >= 8) {
    /* only 64-bit counts can overflow the 64-bit sum */
    scs_int big[2] = {(scs_int)(LLONG_MAX / 2 + 1), (scs_int)(LLONG_MAX / 2)};
    pb.k.q = big;
    pb.k.qsize = 2;
    pb.k.z = 1;
    EXPECT_ERR("cone sizes overflow");
    make_problem(&pb);
    pb.k.ep = (scs_int)(LLONG_MAX / 2);
    EXPECT_ERR("cone sizes overflow");
  } else {
    /* 32-bit counts: the 64-bit sum holds, and does not match m */
    pb.k.ep = (scs_int)INT_MAX;
    pb.k.ed = (scs_int)INT_MAX;
    EXPECT_ERR("cone sizes sum to 12884901889 but m = 7");
  }
}

/* SCS 3.2 accepts a second-order cone of size 0: an empty cone. */
Test(validate, soc_size_zero_is_empty_cone) {
  scs_int q[4] = {0, 3, 0, 0};
  pb.k.q = q;
  pb.k.qsize = 4;
  EXPECT_OK();
  q[1] = 0; /* the 3 rows are then missing */
  EXPECT_ERR("cone sizes sum to 4 but m = 7");
}

Test(validate, soc_size_negative) {
  pb.q[0] = -1;
  EXPECT_ERR("q[0] = -1: second-order cone sizes must be >= 0");
}

Test(validate, box_bl_gt_bu) {
  pb.bl[0] = 2;
  pb.bu[0] = 1;
  EXPECT_ERR("box: bl[0] = 2 > bu[0] = 1");
}

Test(validate, box_nan) {
  pb.bl[0] = NAN;
  EXPECT_ERR("box: bl[0] is NaN");
  make_problem(&pb);
  pb.bu[0] = NAN;
  EXPECT_ERR("box: bu[0] is NaN");
}

Test(validate, box_wrong_infinities) {
  pb.bl[0] = INFINITY;
  pb.bu[0] = INFINITY;
  EXPECT_ERR("box: bl[0] = +inf");
  make_problem(&pb);
  pb.bl[0] = -INFINITY;
  pb.bu[0] = -INFINITY;
  EXPECT_ERR("box: bu[0] = -inf");
}

Test(validate, psd_sizes) {
  pb.k.ssize = 1;
  pb.k.s = pb.s;
  pb.s[0] = 0; /* an empty cone, as in SCS */
  EXPECT_OK();
  pb.s[0] = -1;
  EXPECT_ERR("s[0] = -1: PSD cone orders must be >= 0");
  pb.s[0] = 2; /* 3 rows */
  EXPECT_ERR("cone sizes sum to 10 but m = 7");
  pb.k.qsize = 0; /* the PSD cone replaces q = {3} */
  EXPECT_OK();
  cr_assert_eq(scs_validate_cone_sizes(&pb.k, 7), 0);
}

Test(validate, complex_psd_sizes) {
  pb.k.cssize = 1;
  pb.k.cs = pb.cs;
  pb.cs[0] = 0; /* an empty cone, as in SCS */
  EXPECT_OK();
  pb.cs[0] = -2;
  EXPECT_ERR("cs[0] = -2: complex PSD cone orders must be >= 0");
  pb.cs[0] = 2; /* 4 rows, replaces l, z, box */
  pb.k.z = pb.k.l = pb.k.bsize = 0;
  pb.k.qsize = 1;
  pb.q[0] = 3;
  EXPECT_OK();
}

/* Orders above 32767 are rejected before anything is allocated, with the
 * index, the value and the limit in the message (checked before the sum). */
Test(validate, psd_order_limit) {
  scs_int s[4] = {2, 0, 1, 40000};
  pb.k.s = s;
  pb.k.ssize = 4;
  EXPECT_ERR("cone: s[3] = 40000: PSD cones are limited to order 32767");
  s[3] = 32768;
  EXPECT_ERR("cone: s[3] = 32768: PSD cones are limited to order 32767");
  s[3] = 32767; /* allowed: the sum check is next */
  EXPECT_ERR("cone sizes sum to");
  make_problem(&pb);
  scs_int cs[2] = {1, 40000};
  pb.k.cs = cs;
  pb.k.cssize = 2;
  EXPECT_ERR("cone: cs[1] = 40000: complex PSD cones are limited to order "
             "32767");
}

/* All cone lists empty (counts 0, arrays NULL or not) and zero counts of
 * every kind: accepted when the rows still add up. */
Test(validate, empty_cone_lists) {
  scs_int dummy[1] = {9};
  pb.k.s = dummy;
  pb.k.ssize = 0;
  pb.k.cs = dummy;
  pb.k.cssize = 0;
  pb.k.p = pb.p;
  pb.k.psize = 0;
  EXPECT_OK();
  /* no cones at all: m = 0 is still rejected (as SCS), so only the sum */
  memset(&pb.k, 0, sizeof(pb.k));
  EXPECT_ERR("cone sizes sum to 0 but m = 7");
  pb.k.l = 7;
  EXPECT_OK();
}

Test(validate, exp_cones) {
  pb.k.ep = 1; /* replaces q = {3} */
  pb.k.qsize = 0;
  EXPECT_OK();
  pb.k.ep = 0;
  pb.k.ed = 1;
  EXPECT_OK();
  pb.k.ed = 2;
  EXPECT_ERR("cone sizes sum to 10 but m = 7");
}

Test(validate, power_cone) {
  pb.k.psize = 1;
  pb.k.p = pb.p;
  pb.k.qsize = 0;
  pb.p[0] = 1.5;
  EXPECT_ERR("cone: p[0] = 1.5 must be in [-1, 1]");
  pb.p[0] = NAN;
  EXPECT_ERR("cone: p[0] is NaN");
  pb.p[0] = -1;
  EXPECT_OK();
  pb.p[0] = 0.3;
  EXPECT_OK();
}

/* ---- settings --------------------------------------------------------- */

Test(validate, null_settings) {
  cr_assert_neq(scs_validate_settings(NULL), 0);
  cr_assert(strstr(scs_last_error(), "settings is NULL"));
}

Test(validate, settings_scale) {
  pb.stgs.scale = NAN;
  EXPECT_ERR("settings: scale is NaN");
  pb.stgs.scale = 0;
  EXPECT_ERR("settings: scale = 0 must be > 0");
  pb.stgs.scale = INFINITY;
  EXPECT_ERR("settings: scale = inf must be finite");
}

Test(validate, settings_rho_x) {
  pb.stgs.rho_x = -1;
  EXPECT_ERR("settings: rho_x = -1 must be > 0");
}

Test(validate, settings_max_iters) {
  pb.stgs.max_iters = 0;
  EXPECT_ERR("settings: max_iters = 0 must be >= 1");
}

Test(validate, settings_eps) {
  /* SCS 3.2 accepts 0 for all three tolerances */
  pb.stgs.eps_abs = 0;
  pb.stgs.eps_rel = 0;
  pb.stgs.eps_infeas = 0;
  EXPECT_OK();
  pb.stgs.eps_abs = -1e-9;
  EXPECT_ERR("settings: eps_abs = -1e-09 must be >= 0");
  make_problem(&pb);
  pb.stgs.eps_rel = NAN;
  EXPECT_ERR("settings: eps_rel is NaN");
  make_problem(&pb);
  pb.stgs.eps_infeas = -1e-3;
  EXPECT_ERR("settings: eps_infeas = -0.001 must be >= 0");
  pb.stgs.eps_infeas = INFINITY;
  EXPECT_ERR("settings: eps_infeas = inf must be finite");
}

Test(validate, settings_alpha) {
  pb.stgs.alpha = 2;
  EXPECT_ERR("settings: alpha = 2 must be in (0, 2)");
  pb.stgs.alpha = 0;
  EXPECT_ERR("settings: alpha = 0 must be in (0, 2)");
  pb.stgs.alpha = NAN;
  EXPECT_ERR("settings: alpha is NaN");
  pb.stgs.alpha = 1.999;
  EXPECT_OK();
}

Test(validate, settings_time_limit) {
  pb.stgs.time_limit_secs = -1;
  EXPECT_ERR("settings: time_limit_secs = -1 must be >= 0");
  pb.stgs.time_limit_secs = -INFINITY;
  EXPECT_ERR("settings: time_limit_secs = -inf must be >= 0");
  pb.stgs.time_limit_secs = NAN;
  EXPECT_ERR("settings: time_limit_secs is NaN");
  /* 0 and +inf: no limit (SCS 3.2 accepts both) */
  pb.stgs.time_limit_secs = 0;
  EXPECT_OK();
  pb.stgs.time_limit_secs = INFINITY;
  EXPECT_OK();
  pb.stgs.time_limit_secs = 1e-9;
  EXPECT_OK();
}

Test(validate, settings_acceleration) {
  /* SCS 3.2: negative means type-II with memory |lookback| */
  pb.stgs.acceleration_lookback = -5;
  EXPECT_OK();
  pb.stgs.acceleration_lookback = 46340;
  EXPECT_OK();
  pb.stgs.acceleration_lookback = -46340;
  EXPECT_OK();
  pb.stgs.acceleration_lookback = 46341;
  EXPECT_ERR("settings: acceleration_lookback = 46341: the acceleration "
             "memory is limited to 46340");
  pb.stgs.acceleration_lookback = -46341;
  EXPECT_ERR("settings: acceleration_lookback = -46341: the acceleration "
             "memory is limited to 46340");
  pb.stgs.acceleration_lookback = sizeof(scs_int) >= 8 ? (scs_int)LLONG_MIN
                                                       : (scs_int)INT_MIN;
  EXPECT_ERR("the acceleration memory is limited to 46340");
  make_problem(&pb);
  pb.stgs.acceleration_interval = 0;
  EXPECT_ERR("settings: acceleration_interval = 0 must be >= 1");
  make_problem(&pb);
  pb.stgs.acceleration_regularization = -1e-8;
  EXPECT_ERR("settings: acceleration_regularization = -1e-08 must be >= 0");
  make_problem(&pb);
  pb.stgs.acceleration_relaxation = 2.5;
  EXPECT_ERR("settings: acceleration_relaxation = 2.5 must be in [0, 2]");
  pb.stgs.acceleration_relaxation = NAN;
  EXPECT_ERR("settings: acceleration_relaxation is NaN");
  pb.stgs.acceleration_relaxation = 2;
  EXPECT_OK();
}

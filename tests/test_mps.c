/* The MPS / QPS reader: hand-written problems with known optima (every row,
 * range and bound type, QUADOBJ and QMATRIX, OBJSENSE, fixed format with
 * blanks in names, gzip), malformed files with the exact error line, and
 * the benchmark files of /work/shared when present. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "problems.h"
#include "scs.h"
#include "scs_io.h"

/* Under AddressSanitizer, ask LeakSanitizer directly: Criterion does not
 * turn a leak report at process exit into a test failure. */
#include "leaks.h"

#ifndef SCS_TEST_TMP_DIR
#define SCS_TEST_TMP_DIR "/tmp"
#endif

#define SINGLE (sizeof(scs_float) == 4)
/* solver tolerance and objective tolerance (relative to 1 + |opt|) */
#define EPS (SINGLE ? 1e-5 : 1e-7)
#define OBJ_TOL (SINGLE ? 1e-2 : 1e-4)

#define BENCH_DIR "/work/shared/benchmarks"

static void data_path(char *buf, size_t len, const char *name) {
  snprintf(buf, len, "%s/mps/%s", SCS_TEST_DATA_DIR, name);
}

static ScsProblem *read_data(const char *name) {
  char path[1024];
  data_path(path, sizeof(path), name);
  ScsProblem *p = scs_read_problem(path, NULL);
  cr_assert_not_null(p, "%s: %s", name, scs_last_error());
  return p;
}

/* Solve; returns the exit flag and sets *obj to the file's objective. */
static scs_int solve(ScsProblem *p, double eps, double *obj) {
  p->settings->verbose = 0;
  p->settings->eps_abs = p->settings->eps_rel = eps;
  p->settings->lin_sys_backend = tp_backend();
  ScsWork *w = scs_init(p->data, p->cone, p->settings);
  cr_assert_not_null(w, "scs_init: %s", scs_last_error());
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs_solve(w, &sol, &info, 0);
  *obj = scs_problem_objective(p, info.pobj);
  free(sol.x);
  free(sol.y);
  free(sol.s);
  scs_finish(w);
  return flag;
}

static void expect_optimum(ScsProblem *p, double opt, double tol) {
  double obj;
  scs_int flag = solve(p, EPS, &obj);
  cr_assert(flag == SCS_SOLVED || flag == SCS_SOLVED_INACCURATE,
            "%s: flag %d", p->name, (int)flag);
  cr_assert(fabs(obj - opt) <= tol * (1 + fabs(opt)),
            "%s: objective %.10g, expected %.10g", p->name, obj, opt);
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  cr_assert_not_null(f, "cannot write %s", path);
  cr_assert_eq(fputs(text, f) >= 0, 1);
  cr_assert_eq(fclose(f), 0);
}

/* ---- hand-written problems -------------------------------------------- */

/* lp_all.mps: independent pieces, each exercising one feature:
 *   E1, L2:  x1 + x2 = 4, x1 - x2 <= 2, min -x1         -> x1 = 3   : -3
 *   E2 rhs 1 range +2 -> [1, 3], min -x3                -> 3        : -3
 *   E3 rhs 5 range -3 -> [2, 5], min x4                 -> 2        :  2
 *   L1 rhs 7 range -4 -> [3, 7], min x5                 -> 3        :  3
 *   G1 rhs 2 range 5  -> [2, 7], min -x6                -> 7        : -7
 *   G2: x7 + x8 >= 3, x7 <= 2 (UP), min x7 + 2 x8       -> 2, 1     :  4
 *   UP -2 without LO -> x9 in (-inf, -2], min -x9                   :  2
 *   LO 3, min x10                                                   :  3
 *   FX 5, min 2 x11                                                 : 10
 *   FR x12, E4: x12 + x13 = -1, min -x12 + x13          -> -1, 0    :  1
 *   MI x14, G3: x14 >= -6, min x14                                  : -6
 *   UP 1 then PL on x15, L3: x15 <= 8, min -x15                     : -8
 *   x16 in [-1, 3], min -x16                                        : -3
 *   x17 in [-1, 3], min x17                                         : -1
 *   UP 0 keeps LO 0: x18 = 0, min x18                               :  0
 *   LO -1e30 (free below), G4: x19 >= -2.5, min x19                 : -2.5
 *   UP 1e30 (no upper), L4: x20 <= 6.5, min -x20                    : -6.5
 *   objective row RHS -10: constant +10                             : 10
 * total -5. */
Test(mps, lp_every_row_range_and_bound_type) {
  ScsProblem *p = read_data("lp_all.mps");
  cr_assert_str_eq(p->format, "mps");
  cr_assert_str_eq(p->name, "TESTLP");
  cr_assert_eq(p->data->n, 20);
  cr_assert_eq(p->n_file_vars, 20);
  /* zero: E1, E4, FX x11, x18 in [0, 0];
   * nonneg: L2, G2, G3, L3, G4, L4 and the one-sided bounds of x1-x6, x8,
   * x9, x10, x13, x15, x20;
   * and two rows each for the two-sided E2, E3, L1, G1, x7, x16, x17 */
  cr_assert_eq(p->cone->z, 4);
  cr_assert_eq(p->cone->l, 18 + 2 * 7);
  cr_assert_eq(p->cone->bsize, 0);
  cr_assert_eq(p->data->m, 36);
  /* columns sorted by row */
  for (scs_int j = 0; j < p->data->n; ++j)
    for (scs_int e = p->data->A->p[j] + 1; e < p->data->A->p[j + 1]; ++e)
      cr_assert_lt(p->data->A->i[e - 1], p->data->A->i[e]);
  cr_assert_null(p->data->P);
  cr_assert_eq(p->objective_offset, 10);
  cr_assert_eq(p->objective_sign, 1);
  cr_assert_str_eq(scs_problem_var_name(p, 0), "x1");
  cr_assert_str_eq(scs_problem_var_name(p, 19), "x20");
  cr_assert_null(scs_problem_var_name(p, 20));
  cr_assert_null(scs_problem_var_name(p, -1));
  expect_optimum(p, -5, OBJ_TOL);
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

static void check_qp(const char *file) {
  ScsProblem *p = read_data(file);
  const ScsMatrix *P = p->data->P;
  cr_assert_not_null(P);
  /* upper triangle, off-diagonal neither doubled nor halved */
  cr_assert_eq(P->p[0], 0);
  cr_assert_eq(P->p[1], 1);
  cr_assert_eq(P->p[2], 3);
  cr_assert_eq(P->i[0], 0);
  cr_assert_eq(P->x[0], 2);
  cr_assert_eq(P->i[1], 0);
  cr_assert_eq(P->x[1], 1);
  cr_assert_eq(P->i[2], 1);
  cr_assert_eq(P->x[2], 2);
  cr_assert_eq(p->objective_offset, 1);
  expect_optimum(p, -1.8125, OBJ_TOL);
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

Test(mps, qp_quadobj) { check_qp("qp_quadobj.qps"); }
Test(mps, qp_qmatrix) { check_qp("qp_qmatrix.qps"); }

Test(mps, objsense_max) {
  ScsProblem *p = read_data("max_qp.mps");
  cr_assert_eq(p->objective_sign, -1);
  cr_assert_eq(p->objective_offset, 1);
  /* stored as min -(x1 + 2 x2) + 1/2 x1^2 */
  cr_assert_eq(p->data->c[0], -1);
  cr_assert_eq(p->data->c[1], -2);
  cr_assert_eq(p->data->P->x[0], 1);
  expect_optimum(p, 7.5, OBJ_TOL);
  scs_problem_free(p);
  p = read_data("max_lp.mps");
  cr_assert_eq(p->objective_sign, -1);
  expect_optimum(p, 7, OBJ_TOL);
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

Test(mps, fixed_format_blanks_in_names) {
  ScsProblem *p = read_data("fixed_blanks.mps");
  cr_assert_eq(p->data->n, 3);
  cr_assert_str_eq(scs_problem_var_name(p, 0), "X ONE");
  cr_assert_str_eq(scs_problem_var_name(p, 1), "Y TWO");
  cr_assert_str_eq(scs_problem_var_name(p, 2), "Z 3");
  expect_optimum(p, -13, OBJ_TOL);
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

Test(mps, infeasible) {
  const char *files[] = {"infeasible.mps", "empty_row.mps"};
  for (int f = 0; f < 2; ++f) {
    ScsProblem *p = read_data(files[f]);
    double obj;
    scs_int flag = solve(p, 1e-5, &obj);
    cr_assert_eq(flag, SCS_INFEASIBLE, "%s: flag %d", files[f], (int)flag);
    scs_problem_free(p);
  }
  /* the empty E row is kept as a zero-cone row 0 = 3 */
  ScsProblem *p = read_data("empty_row.mps");
  cr_assert_eq(p->cone->z, 1);
  cr_assert_eq(p->data->b[0], 3);
  cr_assert_eq(p->data->A->i[0], 1); /* x1's first entry is in row c1 */
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

Test(mps, gzip_and_format_argument) {
  char src[1024], text[8192], gz[1024], other[1024];
  data_path(src, sizeof(src), "lp_all.mps");
  FILE *f = fopen(src, "r");
  cr_assert_not_null(f);
  size_t len = fread(text, 1, sizeof(text) - 1, f);
  fclose(f);
  text[len] = '\0';
  snprintf(gz, sizeof(gz), "%s/mps_%ld_lp.mps.gz", SCS_TEST_TMP_DIR,
           (long)getpid());
  gzFile g = gzopen(gz, "wb");
  cr_assert_not_null(g);
  cr_assert_eq(gzputs(g, text), (int)len);
  cr_assert_eq(gzclose(g), Z_OK);
  ScsProblem *p = scs_read_problem(gz, NULL);
  cr_assert_not_null(p, "%s", scs_last_error());
  cr_assert_eq(p->data->m, 36);
  expect_optimum(p, -5, OBJ_TOL);
  scs_problem_free(p);
  remove(gz);
  /* any name with format "mps" (and "qps") */
  snprintf(other, sizeof(other), "%s/mps_%ld_lp.txt", SCS_TEST_TMP_DIR,
           (long)getpid());
  write_file(other, text);
  p = scs_read_problem(other, "qps");
  cr_assert_not_null(p, "%s", scs_last_error());
  cr_assert_str_eq(p->format, "mps");
  cr_assert_eq(p->data->m, 36);
  scs_problem_free(p);
  remove(other);
  EXPECT_NO_LEAKS();
}

/* A name-less NAME line (the base name is kept), an empty E row, and a
 * problem with no constraint and no finite bound: one trivially satisfied
 * row (0 <= 1) keeps m >= 1. */
Test(mps, edge_cases) {
  char path[1024], base[64];
  snprintf(path, sizeof(path), "%s/mps_%ld_edge.mps", SCS_TEST_TMP_DIR,
           (long)getpid());
  snprintf(base, sizeof(base), "mps_%ld_edge", (long)getpid());
  write_file(path, "NAME\nROWS\n E r\nCOLUMNS\n x r 0\nBOUNDS\n FR b x\n"
                   "ENDATA\nanything after ENDATA is ignored\n");
  ScsProblem *p = scs_read_problem(path, "mps");
  cr_assert_not_null(p, "%s", scs_last_error());
  cr_assert_str_eq(p->name, base);
  cr_assert_eq(p->data->n, 1);
  cr_assert_eq(p->data->m, 1);
  cr_assert_eq(p->cone->z, 1); /* the E row 0 x = 0 */
  scs_problem_free(p);
  write_file(path, "NAME\nROWS\n N obj\nCOLUMNS\n x obj 0\nBOUNDS\n"
                   " FR b x\nENDATA\n");
  p = scs_read_problem(path, "mps");
  cr_assert_not_null(p, "%s", scs_last_error());
  cr_assert_eq(p->data->m, 1);
  cr_assert_eq(p->cone->l, 1);
  cr_assert_eq(p->data->b[0], 1);
  cr_assert_eq(p->data->A->p[1], 0);
  expect_optimum(p, 0, OBJ_TOL);
  scs_problem_free(p);
  /* tabs as separators, comment lines, OBJNAME choosing the second N
   * row, entries of the other N row ignored, CRLF line ends */
  write_file(path, "* comment\r\nNAME t\r\nOBJNAME\r\n\tcost2\r\nROWS\r\n"
                   " N\tcost1\r\n N cost2\r\n L c\r\nCOLUMNS\r\n"
                   "\tx\tcost1\t5\tcost2\t-1\r\n x c 1\r\nRHS\r\n"
                   " r c 2\r\nENDATA\r\n");
  p = scs_read_problem(path, "mps");
  cr_assert_not_null(p, "%s", scs_last_error());
  cr_assert_eq(p->data->c[0], -1);
  cr_assert_eq(p->data->m, 2); /* x <= 2 and x >= 0 */
  expect_optimum(p, -2, OBJ_TOL);
  scs_problem_free(p);
  remove(path);
  EXPECT_NO_LEAKS();
}

/* Decimal forms, and underflow to a denormal or 0 as C's strtod gives. */
Test(mps, decimal_numbers_and_underflow) {
  char path[1024];
  snprintf(path, sizeof(path), "%s/mps_numbers_%ld.mps", SCS_TEST_TMP_DIR,
           (long)getpid());
  write_file(path, "NAME n\nROWS\n N obj\n L c1\nCOLUMNS\n"
                   " x1 obj 1e-310 c1 1.\n x2 obj 1e-400 c1 .5\n"
                   " x3 obj +2E+1 c1 -3e-1\nRHS\n rhs c1 4\nENDATA\n");
  ScsProblem *p = scs_read_problem(path, "mps");
  cr_assert_not_null(p, "%s", scs_last_error());
  /* a denormal (0 in single precision), then 0 */
  cr_assert_eq(p->data->c[0], (scs_float)1e-310);
  if (sizeof(scs_float) == 8) cr_assert_gt(p->data->c[0], 0);
  cr_assert_eq(p->data->c[1], 0);
  cr_assert_eq(p->data->c[2], 20);
  scs_problem_free(p);
  remove(path);
  EXPECT_NO_LEAKS();
}

/* ---- malformed files -------------------------------------------------- */

typedef struct {
  const char *text;
  long line;
  const char *msg;
} BadCase;

#define HEAD "NAME bad\nROWS\n N obj\n L c1\nCOLUMNS\n" /* lines 1-5 */

static const BadCase BAD[] = {
    /* truncated: no ENDATA */
    {HEAD " x1 obj 1 c1 1\nRHS\n rhs c1 4\n", 8,
     "unexpected end of file, expected ENDATA"},
    {"", 0, "unexpected end of file"},
    {HEAD " x1 obj 1 c1 1\nRHSX\n rhs c1 4\nENDATA\n", 7,
     "unknown section 'RHSX'"},
    {HEAD " x1 obj 1 c1 1\nQCMATRIX c1\nENDATA\n", 7, "not supported"},
    {HEAD " x1 obj 1 c1 1\n x2 c9 2\nENDATA\n", 7, "unknown row 'c9'"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 2.5.1\nENDATA\n", 7,
     "'2.5.1' is not a number"},
    {HEAD " x1 obj 1 c1 1\n x1 c1 2\nENDATA\n", 7,
     "duplicate entry for column 'x1' in row 'c1'"},
    {HEAD " x1 c1 1 c1 2\nENDATA\n", 6, "duplicate entry"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 2\n x1 c1 3\nENDATA\n", 8,
     "column 'x1' declared twice"},
    {"NAME bad\nROWS\n N obj\n L c1\n G c1\nCOLUMNS\n", 5,
     "row 'c1' declared twice"},
    {HEAD " x1 obj 1 c1 1\n    MARKER  'MARKER'  'INTORG'\n x2 c1 1\n"
          "    MARKER  'MARKER'  'INTEND'\nENDATA\n",
     7, "integer variables are not supported"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 2 c1\nENDATA\n", 7,
     "4 fields in a COLUMNS line (expected 3 or 5)"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n UP bnd x1 1 2\nENDATA\n", 8,
     "5 fields in a BOUNDS line"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n UP bnd x9 4\nENDATA\n", 8,
     "unknown column 'x9'"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n BV bnd x1\nENDATA\n", 8,
     "integer variables are not supported"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n SC bnd x1 5\nENDATA\n", 8,
     "semi-continuous"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n XX bnd x1 5\nENDATA\n", 8,
     "unknown bound type 'XX'"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n UP bnd x1 5\n UP bnd x1 6\nENDATA\n", 9,
     "duplicate UP bound for column 'x1'"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n LO bnd x1 1e30\nENDATA\n", 8,
     "lower bound +infinity"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 1\nQUADOBJ\n x1 x2 1\n x1 x1 1\n"
          " x2 x1 1\nENDATA\n",
     11, "duplicate QUADOBJ entry for (x1, x2) (first given at line 9)"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 1\nQMATRIX\n x1 x2 1\n x2 x1 2\nENDATA\n",
     10, "QMATRIX is not symmetric"},
    {HEAD " x1 obj 1 c1 1\n x2 c1 1\nQMATRIX\n x1 x1 1\n x2 x1 2\nENDATA\n",
     10, "without its symmetric entry"},
    {HEAD " x1 obj 1 c1 1\nQUADOBJ\n x1 x9 1\nENDATA\n", 8,
     "unknown column 'x9'"},
    {"NAME bad\nCOLUMNS\n x1 obj 1\nENDATA\n", 2, "before ROWS"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n UP bnd x1 5\nRHS\n rhs c1 1\nENDATA\n", 9,
     "RHS section out of order"},
    {HEAD " x1 obj 1 c1 1\nRHS\nRHS\nENDATA\n", 8, "a second RHS section"},
    {HEAD " x1 obj 1 c1 1\nRHS\n rhs c1 4 c1 5\nENDATA\n", 8,
     "duplicate RHS entry for row 'c1'"},
    {HEAD " x1 obj 1 c1 1\nRHS\n rhs c1 4\n rhs2 obj 5\nENDATA\n", 9,
     "a second RHS set 'rhs2'"},
    {HEAD " x1 obj 1 c1 1\nRANGES\n rng c1 4\n rng c1 5\nENDATA\n", 9,
     "duplicate RANGES entry"},
    {" x1 obj 1\n", 1, "data line before the first section"},
    {"NAME bad\nROWS\n N obj\n E e1\nCOLUMNS\n x1 e1 1\nRHS\n rhs e1 1e30\n"
     "ENDATA\n",
     8, "E row 'e1' has the right-hand side +infinity"},
    {HEAD " x1 obj 1 c1 1e21\nENDATA\n", 6, "infinite"},
    /* numbers are decimal: no hex floats, inf or nan, no overflow */
    {HEAD " x1 obj 1 c1 0x1p3\nENDATA\n", 6,
     "'0x1p3' is not a decimal number"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n UP bnd x1 inf\nENDATA\n", 8,
     "'inf' is not a decimal number"},
    {HEAD " x1 obj 1 c1 1\nBOUNDS\n LO bnd x1 -Infinity\nENDATA\n", 8,
     "'-Infinity' is not a decimal number"},
    {HEAD " x1 obj 1 c1 1\nRHS\n rhs c1 nan\nENDATA\n", 8,
     "'nan' is not a decimal number"},
    {HEAD " x1 obj 1 c1 1e400\nENDATA\n", 6, "'1e400' is out of range"},
    {HEAD " x1 obj 1 c1 1e\nENDATA\n", 6, "'1e' is not a number"},
    {HEAD " x1 obj 1 c1 .\nENDATA\n", 6, "'.' is not a number"},
    {"NAME bad\nOBJSENSE\n    UP\nROWS\n", 3, "unknown OBJSENSE 'UP'"},
    {"NAME bad\nOBJSENSE\nROWS\n", 3, "OBJSENSE section without a value"},
    {"NAME bad\nROWS\n Q obj\n", 3, "unknown row type 'Q'"},
    {HEAD "ENDATA\n", 6, "no columns"},
    {HEAD " x1 obj 1 c1 1\nENDATA\n" /* fine */, -1, NULL},
};

Test(mps, malformed_files_report_file_and_line) {
  char path[1024], expect[256];
  for (size_t c = 0; c < sizeof(BAD) / sizeof(BAD[0]); ++c) {
    snprintf(path, sizeof(path), "%s/mps_bad_%zu.mps", SCS_TEST_TMP_DIR, c);
    write_file(path, BAD[c].text);
    ScsProblem *p = scs_read_problem(path, NULL);
    if (!BAD[c].msg) {
      cr_assert_not_null(p, "case %zu: %s", c, scs_last_error());
      scs_problem_free(p);
      remove(path);
      continue;
    }
    cr_assert_null(p, "case %zu was accepted", c);
    const char *err = scs_last_error();
    snprintf(expect, sizeof(expect), "mps_bad_%zu.mps:%ld: ", c, BAD[c].line);
    cr_assert_eq(strncmp(err, expect, strlen(expect)), 0,
                 "case %zu: expected \"%s...\", got \"%s\"", c, expect, err);
    cr_assert_not_null(strstr(err, BAD[c].msg),
                       "case %zu: expected \"%s\" in \"%s\"", c, BAD[c].msg,
                       err);
    remove(path);
  }
  /* a missing file */
  cr_assert_null(scs_read_problem(SCS_TEST_TMP_DIR "/no_such_file.mps", NULL));
  cr_assert_not_null(strstr(scs_last_error(), "no_such_file.mps"));
  EXPECT_NO_LEAKS();
}

/* ---- the benchmark files ---------------------------------------------- */

static int have_benchmarks(void) {
  return access(BENCH_DIR "/netlib_lp/optimal.csv", R_OK) == 0 &&
         access(BENCH_DIR "/maros_meszaros/optimal.csv", R_OK) == 0;
}

/* optimal_objective of name in set/optimal.csv (NAN if infeasible). */
static double optimum(const char *set, const char *name) {
  char path[512], line[512];
  snprintf(path, sizeof(path), "%s/%s/optimal.csv", BENCH_DIR, set);
  FILE *f = fopen(path, "r");
  cr_assert_not_null(f);
  size_t len = strlen(name);
  double v = NAN;
  int found = 0;
  while (fgets(line, sizeof(line), f)) {
    if (strncmp(line, name, len) == 0 && line[len] == ',') {
      char *status = line + len + 1;
      if (strncmp(status, "optimal,", 8) == 0) v = atof(status + 8);
      found = 1;
      break;
    }
  }
  fclose(f);
  cr_assert(found, "%s not in %s", name, path);
  return v;
}

static ScsProblem *read_bench(const char *set, const char *file) {
  char path[512];
  snprintf(path, sizeof(path), "%s/%s/%s", BENCH_DIR, set, file);
  ScsProblem *p = scs_read_problem(path, NULL);
  cr_assert_not_null(p, "%s", scs_last_error());
  return p;
}

Test(mps, benchmark_files_solve) {
  if (!have_benchmarks()) cr_skip_test("no " BENCH_DIR);
  static const struct {
    const char *set, *file, *name;
  } SOLVE[] = {
      {"netlib_lp", "afiro.mps.gz", "afiro"},
      {"netlib_lp", "sc50a.mps.gz", "sc50a"},
      {"netlib_lp", "lpi_itest2.mps.gz", "lpi_itest2"},
      {"maros_meszaros", "HS21.QPS.gz", "HS21"},
      {"maros_meszaros", "HS35.QPS.gz", "HS35"},
      {"maros_meszaros", "QAFIRO.QPS.gz", "QAFIRO"},
      {"maros_meszaros", "GENHS28.QPS.gz", "GENHS28"},
  };
  for (size_t k = 0; k < sizeof(SOLVE) / sizeof(SOLVE[0]); ++k) {
    ScsProblem *p = read_bench(SOLVE[k].set, SOLVE[k].file);
    double opt = optimum(SOLVE[k].set, SOLVE[k].name);
    if (isnan(opt)) {
      double obj;
      scs_int flag = solve(p, 1e-6, &obj);
      cr_assert_eq(flag, SCS_INFEASIBLE, "%s: flag %d", SOLVE[k].name,
                   (int)flag);
    } else {
      expect_optimum(p, opt, SINGLE ? 1e-2 : 1e-3);
    }
    scs_problem_free(p);
  }
  EXPECT_NO_LEAKS();
}

/* Files with quirks, checked against an independent reading of their
 * sections (sizes, names, bounds). */
Test(mps, benchmark_files_quirks) {
  if (!have_benchmarks()) cr_skip_test("no " BENCH_DIR);
  /* QFORPLAN: fixed format with blanks in names, the N row second */
  ScsProblem *p = read_bench("maros_meszaros", "QFORPLAN.QPS.gz");
  cr_assert_str_eq(p->name, "FORPLAN");
  cr_assert_eq(p->data->n, 421);
  cr_assert_eq(p->data->m, 604); /* 22 two-sided constraints: 2 rows each */
  cr_assert_eq(p->cone->z, 93);
  cr_assert_eq(p->cone->l, 467 + 2 * 22);
  cr_assert_eq(p->cone->bsize, 0);
  cr_assert_eq(p->data->P->p[p->data->n], 582);
  cr_assert_str_eq(scs_problem_var_name(p, 0), "DEDO3 11");
  scs_problem_free(p);
  /* QGFRDXPN: blank RHS and BOUNDS set names */
  p = read_bench("maros_meszaros", "QGFRDXPN.QPS.gz");
  cr_assert_eq(p->data->n, 1092);
  cr_assert_eq(p->cone->z, 548);
  cr_assert_eq(p->cone->l, 902 + 2 * 258); /* 258 two-sided: 2 rows each */
  cr_assert_eq(p->cone->bsize, 0);
  cr_assert_gt(p->data->A->p[p->data->n], 3469);
  cr_assert_eq(p->data->P->p[p->data->n], 162);
  scs_problem_free(p);
  /* boeing1: RANGES on L and G rows; DMBOSHNL is L 12 with range 2 */
  p = read_bench("netlib_lp", "boeing1.mps.gz");
  cr_assert_eq(p->data->n, 384);
  cr_assert_eq(p->cone->z, 9);
  cr_assert_eq(p->cone->l, 481 + 2 * 245); /* 245 two-sided: 2 rows each */
  cr_assert_eq(p->cone->bsize, 0);
  int upper = 0, lower = 0; /* DMBOSHNL in [10, 12]: rows b = 12, b = -10 */
  for (scs_int i = p->cone->z; i < p->data->m; ++i)
    upper |= p->data->b[i] == 12, lower |= p->data->b[i] == -10;
  cr_assert(upper && lower, "no pair of rows for [10, 12]");
  scs_problem_free(p);
  /* objective constants: YAO +273.125, e226 +7.113 */
  p = read_bench("maros_meszaros", "YAO.QPS.gz");
  cr_assert_float_eq(p->objective_offset, 273.125, 1e-9);
  scs_problem_free(p);
  p = read_bench("netlib_lp", "e226.mps.gz");
  cr_assert_float_eq(p->objective_offset, 7.113, 1e-5);
  scs_problem_free(p);
  EXPECT_NO_LEAKS();
}

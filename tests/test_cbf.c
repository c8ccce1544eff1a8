/* The CBF reader: every section and cone on hand-written problems with
 * known optima (tests/problems/cbf/), gzip input, the way back to the
 * file's variables, malformed files (each error names the file and the
 * line), and a few real SDPLIB / CBLIB files when they are present. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "scs.h"
#include "scs_io.h"

#include "leaks.h"

#ifndef SCS_TEST_DATA_DIR
#define SCS_TEST_DATA_DIR "tests/problems"
#endif
#ifndef SCS_TEST_TMP_DIR
#define SCS_TEST_TMP_DIR "/tmp"
#endif

#define SQRT2 1.4142135623730951
/* objective tolerance: single-precision builds stop earlier */
#define OBJ_TOL (sizeof(scs_float) == 4 ? 2e-3 : 1e-4)
/* solver tolerance for the hand-written problems */
#define EPS_TIGHT (sizeof(scs_float) == 4 ? 1e-5 : 1e-8)

static void data_path(char *buf, size_t len, const char *name) {
  snprintf(buf, len, "%s/cbf/%s", SCS_TEST_DATA_DIR, name);
}

/* a file in the build's scratch directory, private to this process */
static void tmp_name(char *base, size_t blen, char *path, size_t plen,
                     const char *name) {
  snprintf(base, blen, "cbf_%ld_%s", (long)getpid(), name);
  snprintf(path, plen, "%s/%s", SCS_TEST_TMP_DIR, base);
}

static void write_file(const char *path, const char *content) {
  FILE *f = fopen(path, "wb");
  cr_assert_not_null(f, "cannot write %s", path);
  cr_assert_eq(fwrite(content, 1, strlen(content), f), strlen(content));
  cr_assert_eq(fclose(f), 0);
}

static ScsProblem *read_data_file(const char *name) {
  char path[1024];
  data_path(path, sizeof(path), name);
  ScsProblem *prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "reading %s failed: %s", name, scs_last_error());
  cr_assert_str_eq(prob->format, "cbf");
  return prob;
}

/* Solve to a tight tolerance; returns the file's objective. */
static double solve(const ScsProblem *prob, ScsSolution *sol, scs_float eps) {
  ScsSettings stgs = *prob->settings;
  stgs.verbose = 0;
  stgs.eps_abs = eps;
  stgs.eps_rel = eps;
  stgs.max_iters = 100000;
  ScsInfo info;
  memset(&info, 0, sizeof(info));
  ScsWork *w = scs_init(prob->data, prob->cone, &stgs);
  cr_assert_not_null(w, "scs_init failed: %s", scs_last_error());
  scs_int flag = scs_solve(w, sol, &info, 0);
  scs_finish(w);
  cr_assert_eq(flag, SCS_SOLVED, "status %s after %d iterations", info.status,
               (int)info.iter);
  return scs_problem_objective(prob, info.pobj);
}

static double solve_file(const char *name, ScsProblem **out, ScsSolution *sol) {
  ScsProblem *prob = read_data_file(name);
  double obj = solve(prob, sol, EPS_TIGHT);
  *out = prob;
  return obj;
}

static void free_sol(ScsSolution *sol) {
  free(sol->x);
  free(sol->y);
  free(sol->s);
  sol->x = sol->y = sol->s = NULL;
}

/* ---- every section and cone ---------------------------------------------- */

Test(cbf, lp_linear_cones_and_objective_constant) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("lp.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 10.0, OBJ_TOL, "objective %.8g", obj);
  cr_assert_str_eq(prob->name, "lp");
  cr_assert_eq(prob->objective_sign, 1.0);
  cr_assert_eq(prob->objective_offset, 10.0);
  cr_assert_eq(prob->n_file_vars, 5);
  cr_assert_eq(prob->data->n, 5);
  /* zero: L= variable + L= row; nonnegative: 2 L+ and 1 L- variables,
   * 2 L+ rows, 1 L- row */
  cr_assert_eq(prob->cone->z, 2);
  cr_assert_eq(prob->cone->l, 6);
  cr_assert_eq(prob->data->m, 8);
  cr_assert_null(prob->data->P);
  scs_float x[5];
  cr_assert_eq(scs_problem_file_solution(prob, &sol, x), 0);
  const double want[5] = {3, 1, 0, -5, 0};
  for (int j = 0; j < 5; ++j)
    cr_assert_float_eq(x[j], want[j], 1e-3, "x[%d] = %g", j, (double)x[j]);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, max_problem) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("max.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 3.8, OBJ_TOL, "objective %.8g", obj);
  cr_assert_eq(prob->objective_sign, -1.0);
  cr_assert_eq(prob->objective_offset, 1.0);
  /* SCS minimizes the negated objective */
  cr_assert_eq(prob->data->c[0], -1.0);
  cr_assert_eq(prob->data->c[1], -1.0);
  scs_float x[2];
  scs_problem_file_solution(prob, &sol, x);
  cr_assert_float_eq(x[0], 1.6, 1e-3);
  cr_assert_float_eq(x[1], 1.2, 1e-3);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, second_order_and_rotated_cones) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("soc.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 3.0 + SQRT2, OBJ_TOL, "objective %.8g", obj);
  cr_assert_eq(prob->cone->qsize, 3);
  for (int i = 0; i < 3; ++i) cr_assert_eq(prob->cone->q[i], 3);
  scs_float x[8];
  scs_problem_file_solution(prob, &sol, x);
  cr_assert_float_eq(x[3], 1.0, 1e-3, "a = %g", (double)x[3]); /* QR var */
  cr_assert_float_eq(x[6], 2.0, 1e-3, "y = %g", (double)x[6]); /* QR rows */
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, exponential_and_dual_exponential_cones) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("exp.cbf", &prob, &sol);
  double want = 2 * exp(1.0) + exp(-2.0) + exp(-3.0);
  cr_assert_float_eq(obj, want, OBJ_TOL, "objective %.8g, want %.8g", obj,
                     want);
  cr_assert_eq(prob->cone->ep, 2);
  cr_assert_eq(prob->cone->ed, 2);
  scs_float x[9];
  scs_problem_file_solution(prob, &sol, x);
  cr_assert_float_eq(x[0], exp(1.0), 1e-3, "t = %g", (double)x[0]);
  cr_assert_float_eq(x[5], exp(-2.0), 1e-3, "p = %g", (double)x[5]);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, power_and_dual_power_cones) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("pow.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 5.0, OBJ_TOL, "objective %.8g", obj);
  cr_assert_eq(prob->cone->psize, 2);
  cr_assert_float_eq(prob->cone->p[0], 0.25, 1e-7);  /* POW (1, 3) */
  cr_assert_float_eq(prob->cone->p[1], -0.25, 1e-7); /* POW* (1, 3) */
  scs_float x[4];
  scs_problem_file_solution(prob, &sol, x);
  cr_assert_float_eq(x[2], 2.0, 1e-3);
  cr_assert_float_eq(x[3], 3.0, 1e-3);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, psd_variables_and_the_way_back) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("psdvar.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 6.0 - SQRT2, OBJ_TOL, "objective %.8g", obj);
  /* x, then X (3 entries) and Y (6 entries) in the scaled layout */
  cr_assert_eq(prob->data->n, 10);
  cr_assert_eq(prob->n_file_vars, 10);
  cr_assert_eq(prob->cone->ssize, 2);
  cr_assert_eq(prob->cone->s[0], 2);
  cr_assert_eq(prob->cone->s[1], 3);
  /* <C, X> with C21 = 1 is 2 X21 = sqrt2 (sqrt2 X21) */
  cr_assert_float_eq(prob->data->c[1], 2.0, 1e-6);
  cr_assert_float_eq(prob->data->c[2], SQRT2, 1e-6);
  cr_assert_float_eq(prob->data->c[3], 2.0, 1e-6);
  scs_float x[10];
  cr_assert_eq(scs_problem_file_solution(prob, &sol, x), 0);
  const double r2 = SQRT2;
  /* X = [1 -1; -1 1]/2; Y = v v', v = (1, -sqrt2, 1)/2 (lower triangles,
   * column by column, unscaled) */
  const double want[10] = {3,       0.5,  -0.5, 0.5,     0.25,
                           -r2 / 4, 0.25, 0.5,  -r2 / 4, 0.25};
  for (int j = 0; j < 10; ++j)
    cr_assert_float_eq(x[j], want[j], 2e-3, "x[%d] = %g, want %g", j,
                       (double)x[j], want[j]);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, psd_constraints) {
  ScsProblem *prob;
  ScsSolution sol = {0};
  double obj = solve_file("psdcon.cbf", &prob, &sol);
  cr_assert_float_eq(obj, 3.0 + SQRT2, OBJ_TOL, "objective %.8g", obj);
  cr_assert_eq(prob->data->m, 3 + 6);
  cr_assert_eq(prob->cone->ssize, 2);
  /* s = svec(G): the off-diagonal constant 1 of block 0 is b = sqrt2 */
  cr_assert_float_eq(prob->data->b[1], SQRT2, 1e-6);
  scs_float x[2];
  scs_problem_file_solution(prob, &sol, x);
  cr_assert_float_eq(x[0], 1.0, 1e-3);
  cr_assert_float_eq(x[1], 2.0 + SQRT2, 1e-3);
  free_sol(&sol);
  scs_problem_free(prob);
}

Test(cbf, gzip_compressed_file) {
  char src[1024], base[256], path[1024];
  data_path(src, sizeof(src), "lp.cbf");
  tmp_name(base, sizeof(base), path, sizeof(path), "lp_copy.cbf.gz");
  FILE *in = fopen(src, "rb");
  cr_assert_not_null(in);
  gzFile out = gzopen(path, "wb");
  cr_assert_not_null(out);
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof(buf), in)) > 0)
    cr_assert_eq(gzwrite(out, buf, (unsigned)got), (int)got);
  fclose(in);
  cr_assert_eq(gzclose(out), Z_OK);
  ScsProblem *prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "%s", scs_last_error());
  cr_assert_str_eq(prob->format, "cbf");
  char name[256];
  snprintf(name, sizeof(name), "cbf_%ld_lp_copy", (long)getpid());
  cr_assert_str_eq(prob->name, name);
  ScsSolution sol = {0};
  double obj = solve(prob, &sol, EPS_TIGHT);
  cr_assert_float_eq(obj, 10.0, OBJ_TOL, "objective %.8g", obj);
  free_sol(&sol);
  scs_problem_free(prob);
  remove(path);
}

Test(cbf, explicit_format_comments_and_change) {
  /* any file name with format "cbf"; comments and blank lines anywhere;
   * CHANGE ends the (first) problem */
  char base[256], path[1024];
  tmp_name(base, sizeof(base), path, sizeof(path), "problem.txt");
  write_file(path,
             "# comment\n\nVER\n  # indented comment\n3\n\nOBJSENSE\nMIN\n"
             "VAR\n1 1\nL+ 1\n\nOBJACOORD\n1\n0 2.5\n"
             "CHANGE\nthis part is not read\n");
  ScsProblem *prob = scs_read_problem(path, "cbf");
  cr_assert_not_null(prob, "%s", scs_last_error());
  cr_assert_eq(prob->data->m, 1);
  cr_assert_eq(prob->data->n, 1);
  cr_assert_eq(prob->cone->l, 1);
  ScsSolution sol = {0};
  double obj = solve(prob, &sol, EPS_TIGHT);
  cr_assert_float_eq(obj, 0.0, OBJ_TOL);
  free_sol(&sol);
  scs_problem_free(prob);
  remove(path);
}

/* ---- malformed files ----------------------------------------------------- */

typedef struct {
  const char *name;
  const char *text;
  int line;          /* expected line of the error */
  const char *words; /* expected in the message */
} BadCase;

/* lines 1-8 of most cases: two free variables, one equality row */
#define HEAD "VER\n3\nVAR\n2 1\nF 2\nCON\n1 1\nL= 1\n"

static const BadCase BAD[] = {
    {"empty", "", 0, "empty file"},
    {"only_comments", "# nothing\n\n", 2, "empty file"},
    {"missing_ver", "# c\n\nOBJSENSE\nMIN\n", 3, "expected VER first"},
    {"ver_4", "VER\n4\n", 2, "unsupported CBF version 4"},
    {"ver_0", "VER\n0\n", 2, "unsupported CBF version 0"},
    {"ver_not_a_number", "VER\nthree\n", 2, "is not an integer"},
    {"ver_truncated", "VER\n", 1, "unexpected end of file in VER"},
    {"unknown_keyword", "VER\n3\nFOO\n1\n", 3, "unknown keyword \"FOO\""},
    {"keyword_with_junk", "VER\n3\nVAR 2 1\n", 3, "stands alone"},
    {"duplicate_section", "VER\n3\nOBJSENSE\nMIN\nOBJSENSE\nMAX\n", 5,
     "given twice (first on line 3)"},
    {"bad_objsense", "VER\n3\nOBJSENSE\nMINIMIZE\n", 4, "MIN or MAX"},
    {"acoord_before_con", "VER\n3\nVAR\n1 1\nF 1\nACOORD\n0\n", 6,
     "ACOORD before CON"},
    {"bcoord_before_con", "VER\n3\nBCOORD\n0\n", 3, "BCOORD before CON"},
    {"hcoord_before_psdcon", HEAD "HCOORD\n0\n", 9, "HCOORD before PSDCON"},
    {"fcoord_before_psdvar", HEAD "FCOORD\n0\n", 9, "FCOORD before PSDVAR"},
    {"truncated_entries", HEAD "ACOORD\n2\n0 0 1\n", 11,
     "unexpected end of file in ACOORD: expected 2 entries, found 1"},
    {"truncated_header", HEAD "BCOORD\n", 9,
     "unexpected end of file in BCOORD"},
    {"missing_entry_lines", HEAD "ACOORD\n2\n0 0 1\nBCOORD\n1\n0 1\n", 12,
     "expected 2 entries, found 1 before the keyword BCOORD"},
    {"extra_entry_lines", HEAD "ACOORD\n1\n0 0 1\n0 1 1\n", 12,
     "more lines than ACOORD announces"},
    {"count_exceeds_positions", HEAD "ACOORD\n5\n0 0 1\n", 10,
     "only 2 positions"},
    {"huge_count", HEAD "ACOORD\n1000000000000000\n", 10, "positions"},
    {"count_overflow", HEAD "ACOORD\n99999999999999999999999\n", 10,
     "not an integer"},
    {"negative_count", HEAD "BCOORD\n-1\n", 10, "negative"},
    {"negative_size", "VER\n3\nVAR\n-1 1\n", 4, "negative"},
    {"huge_size", "VER\n3\nVAR\n99999999999 1\nF 99999999999\n", 4,
     "too large"},
    {"huge_psd_order", "VER\n3\nPSDVAR\n1\n100000\n", 5, "too large"},
    {"huge_psd_count", "VER\n3\nPSDVAR\n1000000\n2\n", 5,
     "unexpected end of file in PSDVAR: expected 1000000 matrix orders, "
     "found 1"},
    {"cones_short", "VER\n3\nVAR\n3 1\nF 2\n", 5,
     "the cones cover 2 of the 3 variables"},
    {"cones_long", "VER\n3\nVAR\n3 2\nF 2\nL+ 2\n", 6, "cover more than"},
    {"cone_lines_missing", "VER\n3\nVAR\n3 2\nF 2\nCON\n1 1\nL= 1\n", 6,
     "expected 2 cones, found 1 before the keyword CON"},
    {"no_cones", "VER\n3\nVAR\n3 0\n", 4, "no cones"},
    {"unknown_cone", "VER\n3\nVAR\n3 1\nSDP 3\n", 5, "unknown cone \"SDP\""},
    {"exp_dimension", "VER\n3\nVAR\n4 1\nEXP 4\n", 5, "dimension 3"},
    {"qr_dimension", "VER\n3\nVAR\n1 1\nQR 1\n", 5, "QR cone needs"},
    {"pow_without_table", "VER\n3\nVAR\n3 1\n@0:POW 3\n", 5,
     "refers to POWCONES"},
    {"pow_index", "VER\n3\nPOWCONES\n1 2\n2\n1\n1\nVAR\n3 1\n@1:POW 3\n", 10,
     "out of range"},
    {"pow_three_parameters",
     "VER\n3\nPOWCONES\n1 3\n3\n1\n1\n1\nVAR\n4 1\n@0:POW 4\n", 11,
     "only 3-dimensional power cones with 2 parameters"},
    {"pow_dimension", "VER\n3\nPOW*CONES\n1 2\n2\n1\n1\nVAR\n4 1\n@0:POW* 4\n",
     10, "only 3-dimensional"},
    {"pow_bad_name", "VER\n3\nPOWCONES\n1 2\n2\n1\n1\nVAR\n3 1\n@0:PW 3\n", 10,
     "unknown cone"},
    {"pow_parameter_sum", "VER\n3\nPOWCONES\n1 3\n2\n1\n1\n", 7,
     "the header says 3"},
    {"pow_negative_parameter", "VER\n3\nPOWCONES\n1 2\n2\n1\n-1\n", 7,
     "must be positive"},
    {"not_a_number", HEAD "ACOORD\n1\n0 x 1\n", 11,
     "variable \"x\" is not an integer"},
    {"bad_value", HEAD "BCOORD\n1\n0 1.5abc\n", 11,
     "value \"1.5abc\" is not a finite decimal number"},
    {"infinite_value", HEAD "BCOORD\n1\n0 inf\n", 11,
     "not a finite decimal number"},
    {"infinity_value", HEAD "BCOORD\n1\n0 -Infinity\n", 11,
     "not a finite decimal number"},
    {"nan_value", HEAD "OBJACOORD\n1\n0 nan\n", 11,
     "not a finite decimal number"},
    {"hex_value", HEAD "BCOORD\n1\n0 0x1p3\n", 11,
     "value \"0x1p3\" is not a finite decimal number"},
    {"hex_integer_value", HEAD "ACOORD\n1\n0 0 0x10\n", 11,
     "not a finite decimal number"},
    {"overflow_value", HEAD "BCOORD\n1\n0 1e309\n", 11,
     "not a finite decimal number"},
    {"exponent_without_digits", HEAD "BCOORD\n1\n0 1e+\n", 11,
     "not a finite decimal number"},
    {"hex_parameter", "VER\n3\nPOWCONES\n1 2\n2\n0x1\n", 6,
     "not a finite decimal number"},
    /* the backing rule: declared sizes against the file's bytes */
    {"psdvar_not_backed", "VER\n3\n\nPSDVAR\n1\n8192\n", 6,
     "PSDVAR: a matrix of order 8192 (33558528 scalars) is more than this "
     "21-byte file can back: the declarations imply 33558528 scalars, at "
     "most 65536 + 128 per byte = 68224 are allowed"},
    {"psdcon_not_backed",
     "VER\n3\nVAR\n1 1\nF 1\nPSDCON\n2\n3\n2000\nHCOORD\n1\n0 0 0 0 1\n", 9,
     "PSDCON: a matrix of order 2000 (2001000 scalars)"},
    {"var_not_backed", "VER\n3\nVAR\n1000000 1\nF 1000000\n", 4,
     "VAR: 1000000 variables is more than this 30-byte file can back"},
    {"con_not_backed",
     "VER\n3\nVAR\n1 1\nF 1\nCON\n80000 1\nL+ 80000\n", 7,
     "CON: 80000 rows is more than"},
    {"too_many_fields", HEAD "ACOORD\n1\n0 0 1 7\n", 11, "expected 3 fields"},
    {"row_out_of_range", HEAD "ACOORD\n1\n1 0 1\n", 11,
     "constraint 1 is out of range [0, 1)"},
    {"var_out_of_range", HEAD "ACOORD\n1\n0 2 1\n", 11,
     "variable 2 is out of range [0, 2)"},
    {"negative_index", HEAD "OBJACOORD\n1\n-1 1\n", 11, "out of range"},
    {"psd_index_out_of_range",
     "VER\n3\nVAR\n1 1\nF 1\nPSDCON\n1\n2\nDCOORD\n1\n0 2 0 1\n", 11,
     "matrix row 2 is out of range [0, 2)"},
    {"duplicate_entry", HEAD "ACOORD\n2\n0 0 1\n\n# c\n0 0 2\n", 14,
     "duplicate entry: ACOORD (0, 0) was already given on line 11"},
    {"duplicate_symmetric_pair",
     "VER\n3\nVAR\n1 1\nF 1\nPSDCON\n1\n2\nDCOORD\n2\n0 1 0 1\n0 0 1 1\n", 12,
     "duplicate entry: DCOORD (0, 1, 0) was already given on line 11"},
    {"duplicate_objective",
     "VER\n3\nPSDVAR\n1\n3\nOBJFCOORD\n3\n0 2 1 1\n0 0 0 1\n0 1 2 1\n", 10,
     "duplicate entry: OBJFCOORD (0, 2, 1) was already given on line 8"},
    {"integer_variables", "VER\n3\nVAR\n2 1\nF 2\nINT\n1\n0\n", 7,
     "integer variables are not supported"},
    {"no_constraints", "VER\n3\nVAR\n1 1\nF 1\nOBJACOORD\n1\n0 1\n", 8,
     "no constraints"},
    {"no_variables", "VER\n3\nCON\n0 0\n", 4, "no variables"},
};

Test(cbf, malformed_files_name_the_line) {
  for (size_t t = 0; t < sizeof(BAD) / sizeof(BAD[0]); ++t) {
    const BadCase *bc = &BAD[t];
    char file[128], base[256], path[1024];
    snprintf(file, sizeof(file), "%s.cbf", bc->name);
    tmp_name(base, sizeof(base), path, sizeof(path), file);
    write_file(path, bc->text);
    ScsProblem *prob = scs_read_problem(path, NULL);
    const char *err = scs_last_error();
    cr_assert_null(prob, "%s: read without an error", bc->name);
    char prefix[300];
    snprintf(prefix, sizeof(prefix), "%s:%d: ", base, bc->line);
    cr_assert(strncmp(err, prefix, strlen(prefix)) == 0,
              "%s: message \"%s\" does not start with \"%s\"", bc->name, err,
              prefix);
    cr_assert_not_null(strstr(err, bc->words),
                       "%s: message \"%s\" lacks \"%s\"", bc->name, err,
                       bc->words);
    remove(path);
  }
  EXPECT_NO_LEAKS();
}

/* Decimal forms; underflow gives a denormal or 0, as C's strtod does. */
Test(cbf, decimal_numbers_and_underflow) {
  char base[256], path[1024];
  tmp_name(base, sizeof(base), path, sizeof(path), "numbers.cbf");
  write_file(path, HEAD "OBJACOORD\n2\n0 1e-310\n1 1e-400\n"
                        "ACOORD\n2\n0 0 1.\n0 1 -.5E+1\n"
                        "BCOORD\n1\n0 +2e0\n");
  ScsProblem *prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "%s", scs_last_error());
  const ScsData *d = prob->data;
  cr_assert_eq(d->c[0], (scs_float)1e-310); /* 0 in single precision */
  if (sizeof(scs_float) == 8) cr_assert_gt(d->c[0], 0);
  cr_assert_eq(d->c[1], 0);
  /* the L= row: s = g, that is A row -a, b */
  cr_assert_eq(d->A->x[0], -1);
  cr_assert_eq(d->A->x[1], 5);
  cr_assert_eq(d->b[0], 2);
  scs_problem_free(prob);
  remove(path);
  EXPECT_NO_LEAKS();
}

/* "VER 3, PSDVAR 1 400" padded with a comment to `bytes` bytes in all */
static void padded_psd_file(char *text, size_t bytes) {
  const char *head = "VER\n3\nPSDVAR\n1\n400\n#";
  size_t len = strlen(head);
  memcpy(text, head, len);
  memset(text + len, 'x', bytes - len - 1);
  text[bytes - 1] = '\n';
  text[bytes] = '\0';
}

/* Order 400 is 80200 scalars: 65536 + 128 per byte needs 115 bytes. The
 * bytes are those of the text, so a gzip file is judged decompressed. */
Test(cbf, backing_rule_boundary) {
  char text[200], base[256], path[1024];
  tmp_name(base, sizeof(base), path, sizeof(path), "backing.cbf");
  padded_psd_file(text, 114);
  write_file(path, text);
  cr_assert_null(scs_read_problem(path, NULL));
  char expect[600];
  snprintf(expect, sizeof(expect),
           "%s:5: PSDVAR: a matrix of order 400 (80200 scalars) is more "
           "than this 114-byte file can back: the declarations imply 80200 "
           "scalars, at most 65536 + 128 per byte = 80128 are allowed",
           base);
  cr_assert(strncmp(scs_last_error(), expect, strlen(expect)) == 0,
            "got \"%s\"", scs_last_error());

  padded_psd_file(text, 115);
  write_file(path, text);
  ScsProblem *prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "%s", scs_last_error());
  cr_assert_eq(prob->data->n, 80200);
  scs_problem_free(prob);
  remove(path);

  tmp_name(base, sizeof(base), path, sizeof(path), "backing.cbf.gz");
  gzFile gz = gzopen(path, "wb9");
  cr_assert_not_null(gz);
  cr_assert_eq(gzputs(gz, text), 115);
  cr_assert_eq(gzclose(gz), Z_OK);
  prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "%s", scs_last_error());
  cr_assert_eq(prob->data->m, 80200);
  scs_problem_free(prob);
  remove(path);
  EXPECT_NO_LEAKS();
}

Test(cbf, missing_file) {
  ScsProblem *prob = scs_read_problem("/nonexistent/dir/x.cbf", NULL);
  cr_assert_null(prob);
  cr_assert_not_null(strstr(scs_last_error(), "x.cbf"), "%s", scs_last_error());
}

/* ---- real files (skipped when the benchmark folders are absent) ---------- */

static const char *bench_dir(void) {
  const char *d = getenv("SCS_BENCHMARK_DIR");
  return d && *d ? d : "/work/shared/benchmarks";
}

static ScsProblem *read_bench(const char *rel) {
  char path[1024];
  snprintf(path, sizeof(path), "%s/%s", bench_dir(), rel);
  if (access(path, R_OK) != 0) return NULL;
  ScsProblem *prob = scs_read_problem(path, NULL);
  cr_assert_not_null(prob, "%s: %s", rel, scs_last_error());
  return prob;
}

static void check_relative(double obj, double want, const char *what) {
  cr_assert_leq(fabs(obj - want) / (1 + fabs(want)), 1e-3,
                "%s: objective %.8g, published %.8g", what, obj, want);
}

Test(cbf, sdplib_files) {
  ScsProblem *truss1 = read_bench("sdplib/truss1.cbf.gz");
  if (!truss1) cr_skip_test("SDPLIB files not found in %s", bench_dir());
  /* 6 free variables, 7 PSD constraints of order 2 and one of order 1 */
  cr_assert_eq(truss1->data->n, 6);
  cr_assert_eq(truss1->data->m, 19);
  cr_assert_eq(truss1->cone->ssize, 7);
  ScsSolution sol = {0};
  check_relative(solve(truss1, &sol, 1e-6), -8.999996, "truss1");
  free_sol(&sol);
  scs_problem_free(truss1);

  ScsProblem *theta1 = read_bench("sdplib/theta1.cbf.gz");
  cr_assert_not_null(theta1);
  cr_assert_eq(theta1->data->n, 104);
  cr_assert_eq(theta1->data->m, 50 * 51 / 2);
  cr_assert_eq(theta1->cone->ssize, 1);
  cr_assert_eq(theta1->cone->s[0], 50);
  scs_problem_free(theta1);

  ScsProblem *control1 = read_bench("sdplib/control1.cbf.gz");
  cr_assert_not_null(control1);
  cr_assert_eq(control1->data->n, 21);
  cr_assert_eq(control1->data->m, 10 * 11 / 2 + 5 * 6 / 2);
  scs_problem_free(control1);
}

Test(cbf, cblib_files) {
  ScsProblem *bss1 = read_bench("cblib/bss1.cbf.gz"); /* exponential */
  if (!bss1) cr_skip_test("CBLIB files not found in %s", bench_dir());
  cr_assert_eq(bss1->data->n, 11);
  cr_assert_eq(bss1->cone->z, 6);
  cr_assert_eq(bss1->cone->l, 2);
  cr_assert_eq(bss1->cone->ep, 2);
  cr_assert_eq(bss1->data->m, 6 + 2 + 6);
  ScsSolution sol = {0};
  solve(bss1, &sol, 1e-6); /* no published optimum; must solve */
  free_sol(&sol);
  scs_problem_free(bss1);

  ScsProblem *hmcr = read_bench("cblib/HMCR-n20-m800.cbf.gz"); /* power */
  cr_assert_not_null(hmcr);
  cr_assert_eq(hmcr->data->n, 4022);
  cr_assert_eq(hmcr->cone->psize, 800);
  /* POWCONES (8.305084745762712e-1, 1.694915254237288e-1) */
  cr_assert_float_eq(hmcr->cone->p[0], 0.8305084745762712, 1e-6);
  scs_problem_free(hmcr);

  ScsProblem *nql30 = read_bench("cblib/nql30.cbf.gz"); /* second-order */
  cr_assert_not_null(nql30);
  cr_assert_eq(nql30->data->n, 4501);
  cr_assert_eq(nql30->cone->qsize, 900);
  check_relative(solve(nql30, &sol, 1e-4), -0.9460240520770835, "nql30");
  free_sol(&sol);
  scs_problem_free(nql30);
}

/* The scs-solve command (app/scs_solve.c, docs/scs-solve.md): run the
 * built binary on dumps and small MPS / CBF files written here, and check
 * its exit statuses, summary, JSON output, solution files and messages. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "problems.h"
#include "scs_io.h"
#include "scs.h"

#ifndef SCS_SOLVE_PATH
#error "SCS_SOLVE_PATH (the scs-solve binary) is set by tests/CMakeLists.txt"
#endif
#ifndef SCS_TEST_TMP_DIR
#define SCS_TEST_TMP_DIR "/tmp"
#endif

extern char **environ;

/* Tight tolerances, and how close the answers then are (single-precision
 * builds reach less). */
#if SCS_SFLOAT
#define EPS "1e-5"
#define TOL 1e-3
#else
#define EPS "1e-9"
#define TOL 1e-6
#endif

/* ---- files ---------------------------------------------------------- */

static void tmp_path(char *buf, size_t len, const char *name) {
  snprintf(buf, len, "%s/libscs_test_cli_%ld_%s", SCS_TEST_TMP_DIR,
           (long)getpid(), name);
}

static void write_text(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  cr_assert(f, "cannot write %s: %s", path, strerror(errno));
  fputs(text, f);
  cr_assert_eq(fclose(f), 0);
}

/* The whole file as a NUL-terminated string (caller frees). */
static char *read_text(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, len = 0;
  char *buf = malloc(cap);
  cr_assert(buf);
  size_t got;
  while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += got;
    if (len + 1 == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
      cr_assert(buf);
    }
  }
  buf[len] = '\0';
  fclose(f);
  return buf;
}

/* Write tp as an SCS dump to path. */
static void write_dump(TestProblem *tp, const char *path) {
  ScsSettings s;
  scs_set_default_settings(&s);
  s.verbose = 0;
  cr_assert_eq(scs_write_data(&tp->d, &tp->k, &s, path), 0,
               "scs_write_data: %s", scs_last_error());
}

/* ---- running the binary ------------------------------------------------ */

typedef struct {
  int status; /* exit status, or 128 + signal */
  char *out;  /* stdout */
  char *err;  /* stderr */
} Result;

static void result_free(Result *r) {
  free(r->out);
  free(r->err);
}

/* Run scs-solve with args (NULL-terminated), stdout and stderr captured. */
static Result run_args(const char *const *args) {
  char outp[512], errp[512];
  tmp_path(outp, sizeof(outp), "stdout.txt");
  tmp_path(errp, sizeof(errp), "stderr.txt");
  const char *argv[64];
  size_t n = 0;
  argv[n++] = SCS_SOLVE_PATH;
  for (; *args && n < 63; ++args) argv[n++] = *args;
  argv[n] = NULL;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, outp, O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&fa, 2, errp, O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  pid_t pid;
  int rc = posix_spawn(&pid, SCS_SOLVE_PATH, &fa, NULL, (char *const *)argv,
                       environ);
  posix_spawn_file_actions_destroy(&fa);
  cr_assert_eq(rc, 0, "posix_spawn %s: %s", SCS_SOLVE_PATH, strerror(rc));
  int ws;
  cr_assert_eq(waitpid(pid, &ws, 0), pid);
  Result r;
  r.status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
  r.out = read_text(outp);
  r.err = read_text(errp);
  cr_assert(r.out && r.err);
  remove(outp);
  remove(errp);
  return r;
}

#define RUN(...) run_args((const char *const[]){__VA_ARGS__, NULL})

static void expect_status(const Result *r, int status) {
  cr_assert_eq(r->status, status,
               "exit status %d, expected %d\n--- stdout:\n%s--- stderr:\n%s",
               r->status, status, r->out, r->err);
}

/* ---- a minimal reader for the flat JSON object scs-solve prints ------- */

/* The raw text of the value of key (up to the next ',' or '}' outside a
 * string), in buf; NULL if the key is absent. */
static const char *json_raw(const char *js, const char *key, char *buf,
                            size_t len) {
  char pat[128];
  snprintf(pat, sizeof(pat), "\"%s\": ", key);
  const char *p = strstr(js, pat);
  if (!p) return NULL;
  p += strlen(pat);
  size_t k = 0;
  int in_str = 0;
  for (; *p && k + 1 < len; ++p) {
    if (!in_str && (*p == ',' || *p == '}')) break;
    if (*p == '"' && (k == 0 || buf[k - 1] != '\\')) in_str = !in_str;
    buf[k++] = *p;
  }
  buf[k] = '\0';
  return buf;
}

static double json_num(const char *js, const char *key) {
  char buf[256];
  cr_assert(json_raw(js, key, buf, sizeof(buf)), "JSON key %s missing:\n%s",
            key, js);
  if (strcmp(buf, "null") == 0) return NAN;
  char *end;
  double v = strtod(buf, &end);
  cr_assert(*end == '\0', "JSON %s: not a number: %s", key, buf);
  return v;
}

static void expect_json_str(const char *js, const char *key,
                            const char *value) {
  char buf[512], want[512];
  cr_assert(json_raw(js, key, buf, sizeof(buf)), "JSON key %s missing:\n%s",
            key, js);
  snprintf(want, sizeof(want), "\"%s\"", value);
  cr_assert_str_eq(buf, want, "JSON %s", key);
}

static const char *const json_keys[] = {
    "file",        "name",          "format",        "m",
    "n",           "nnz_a",         "nnz_p",         "status",
    "status_val",  "iterations",    "objective",     "pobj",
    "dobj",        "res_pri",       "res_dual",      "gap",
    "res_infeas",  "res_unbdd_a",   "res_unbdd_p",   "read_time_ms",
    "setup_time_ms", "solve_time_ms", "lin_sys_solver", "lin_sys_iters",
    "objective_sign", "objective_offset", "eps_abs", "eps_rel",
    "time_limit_secs"};

/* One line, one object, every key of the contract. */
static void expect_json_object(const char *out) {
  size_t len = strlen(out);
  cr_assert(len > 2 && out[0] == '{' && out[len - 2] == '}' &&
                out[len - 1] == '\n' && strchr(out, '\n') == out + len - 1,
            "stdout is not one JSON line:\n%s", out);
  char buf[512];
  for (size_t i = 0; i < sizeof(json_keys) / sizeof(json_keys[0]); ++i)
    cr_assert(json_raw(out, json_keys[i], buf, sizeof(buf)),
              "JSON key %s missing:\n%s", json_keys[i], out);
}

/* The number after label in the summary ("objective:    -2.8 (...)"). */
static double summary_num(const char *out, const char *label) {
  const char *p = strstr(out, label);
  cr_assert(p, "'%s' missing from:\n%s", label, out);
  char *end;
  double v = strtod(p + strlen(label), &end);
  cr_assert(end != p + strlen(label), "no number after '%s':\n%s", label,
            out);
  return v;
}

/* ---- fixtures: the README LP, min -x1 - x2, optimum -2.8 at (1.6, 1.2) - */

static char lp_dump[512];

static void make_lp_dump(void) {
  tmp_path(lp_dump, sizeof(lp_dump), "lp.dump");
  TestProblem *tp = tp_lp_small();
  write_dump(tp, lp_dump);
  tp_free(tp);
}

static void remove_lp_dump(void) { remove(lp_dump); }

TestSuite(cli, .init = make_lp_dump, .fini = remove_lp_dump, .timeout = 60);

/* The same LP as MPS: free-format sections, named rows and columns. */
static const char *lp_mps =
    "NAME          TINYLP\n"
    "ROWS\n"
    " N  COST\n"
    " L  LIM1\n"
    " L  LIM2\n"
    "COLUMNS\n"
    "    XONE      COST      -1.0       LIM1      1.0\n"
    "    XONE      LIM2      3.0\n"
    "    YTWO      COST      -1.0       LIM1      2.0\n"
    "    YTWO      LIM2      1.0\n"
    "RHS\n"
    "    RHS       LIM1      4.0        LIM2      6.0\n"
    "ENDATA\n";

/* max x1 + x2 + 1.5 subject to the same constraints, in CBF: Ax + b <= 0
 * row by row ("L-"), x >= 0. File objective 4.3, SCS objective -2.8. */
static const char *lp_cbf =
    "VER\n3\n\n"
    "OBJSENSE\nMAX\n\n"
    "VAR\n2 1\nL+ 2\n\n"
    "CON\n2 1\nL- 2\n\n"
    "OBJACOORD\n2\n0 1\n1 1\n\n"
    "OBJBCOORD\n1.5\n\n"
    "ACOORD\n4\n0 0 1\n0 1 2\n1 0 3\n1 1 1\n\n"
    "BCOORD\n2\n0 -4\n1 -6\n";

/* ---- the dump: JSON, summary, progress table ---------------------------- */

Test(cli, dump_json_solves_the_lp) {
  Result r = RUN(lp_dump, "--json", "--eps-abs", EPS, "--eps-rel", EPS);
  expect_status(&r, 0);
  cr_assert_str_eq(r.err, "");
  expect_json_object(r.out);
  expect_json_str(r.out, "status", "solved");
  expect_json_str(r.out, "format", "scs-dump");
  expect_json_str(r.out, "file", lp_dump);
  expect_json_str(r.out, "lin_sys_solver", "sparse-direct");
  cr_assert_eq(json_num(r.out, "status_val"), 1);
  cr_assert_eq(json_num(r.out, "m"), 4);
  cr_assert_eq(json_num(r.out, "n"), 2);
  cr_assert_eq(json_num(r.out, "nnz_a"), 6);
  cr_assert_eq(json_num(r.out, "nnz_p"), 0);
  cr_assert_eq(json_num(r.out, "objective_sign"), 1);
  cr_assert_eq(json_num(r.out, "objective_offset"), 0);
  cr_assert_eq(json_num(r.out, "eps_abs"), (double)(scs_float)atof(EPS));
  cr_assert_eq(json_num(r.out, "eps_rel"), (double)(scs_float)atof(EPS));
  cr_assert_eq(json_num(r.out, "time_limit_secs"), 0);
  cr_assert_eq(json_num(r.out, "lin_sys_iters"), 0);
  cr_assert(json_num(r.out, "iterations") > 0);
  double obj = json_num(r.out, "objective");
  cr_assert(fabs(obj + 2.8) < TOL, "objective %.17g", obj);
  cr_assert_eq(obj, json_num(r.out, "pobj"));
  cr_assert(fabs(json_num(r.out, "dobj") + 2.8) < TOL);
  cr_assert(json_num(r.out, "res_pri") < 10 * atof(EPS));
  cr_assert(json_num(r.out, "read_time_ms") >= 0);
  cr_assert(json_num(r.out, "setup_time_ms") >= 0);
  cr_assert(json_num(r.out, "solve_time_ms") >= 0);
  /* the residual of an infeasibility certificate is undefined: null */
  char buf[64];
  cr_assert_str_eq(json_raw(r.out, "res_infeas", buf, sizeof(buf)), "null");
  result_free(&r);
}

Test(cli, summary_with_progress_table) {
  Result r = RUN(lp_dump);
  expect_status(&r, 0);
  cr_assert_str_eq(r.err, "");
  const char *expected[] = {" iter |", "problem:", "size:", "m: 4, n: 2",
                            "nnz(A): 6, nnz(P): 0", "cones:        l: 4",
                            "status:       solved", "objective:    -2.",
                            "pobj, dobj:", "res_pri:", "res_dual:", "gap:",
                            "iterations:", "read:", "setup:", "solve:",
                            "backend:      sparse-direct"};
  for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); ++i)
    cr_assert(strstr(r.out, expected[i]), "'%s' missing from:\n%s",
              expected[i], r.out);
  cr_assert(fabs(summary_num(r.out, "objective:") + 2.8) < 1e-3, "%s", r.out);
  cr_assert(summary_num(r.out, "iterations:") > 0, "%s", r.out);
  result_free(&r);
}

Test(cli, quiet_has_summary_but_no_table) {
  Result r = RUN(lp_dump, "--quiet");
  expect_status(&r, 0);
  cr_assert_null(strstr(r.out, " iter |"), "%s", r.out);
  cr_assert(strstr(r.out, "status:       solved"), "%s", r.out);
  result_free(&r);
}

Test(cli, options_reach_the_solver) {
  /* max-iters: an inaccurate status is still exit 0 (without polishing,
   * which would finish this LP) */
  Result r = RUN(lp_dump, "--json", "--max-iters", "2", "--no-accel",
                 "--no-polish");
  expect_status(&r, 0);
  expect_json_str(r.out, "status", "solved (inaccurate - reached max_iters)");
  cr_assert_eq(json_num(r.out, "status_val"), SCS_SOLVED_INACCURATE);
  cr_assert_eq(json_num(r.out, "iterations"), 2);
  expect_json_str(r.out, "polish", "not run");
  result_free(&r);

  /* the same with polishing: the polished point passes the test */
  r = RUN(lp_dump, "--json", "--max-iters", "2", "--no-accel");
  expect_status(&r, 0);
  expect_json_str(r.out, "status", "solved");
  expect_json_str(r.out, "polish", "accepted");
  cr_assert(json_num(r.out, "polish_time_ms") >= 0);
  result_free(&r);

  r = RUN(lp_dump, "--json", "--backend", "indirect", "--time-limit=30",
          "--scale", "1", "--alpha", "1.2", "--no-normalize", "--eps-infeas",
          "1e-9");
  expect_status(&r, 0);
  expect_json_str(r.out, "status", "solved");
  expect_json_str(r.out, "lin_sys_solver", "sparse-indirect");
  cr_assert(json_num(r.out, "lin_sys_iters") > 0);
  cr_assert_eq(json_num(r.out, "time_limit_secs"), 30);
  result_free(&r);

  r = RUN(lp_dump, "--quiet", "--backend", "indirect");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "backend:      sparse-indirect ("), "%s", r.out);
  cr_assert(strstr(r.out, "inner iterations)"), "%s", r.out);
  result_free(&r);

  r = RUN(lp_dump, "--json", "--backend", "dense");
  expect_status(&r, 0);
  expect_json_str(r.out, "lin_sys_solver", "dense");
  result_free(&r);
}

Test(cli, infeasible_is_exit_0_with_null_objective) {
  char path[512];
  tmp_path(path, sizeof(path), "infeas.dump");
  TestProblem *tp = tp_lp_infeasible();
  write_dump(tp, path);
  tp_free(tp);
  Result r = RUN(path, "--json");
  expect_status(&r, 0);
  expect_json_object(r.out);
  expect_json_str(r.out, "status", "infeasible");
  cr_assert(isnan(json_num(r.out, "objective")), "%s", r.out); /* null */
  cr_assert(json_num(r.out, "res_infeas") < TOL);
  result_free(&r);
  r = RUN(path, "--quiet");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "status:       infeasible"), "%s", r.out);
  cr_assert(strstr(r.out, "certificate:  res_infeas:"), "%s", r.out);
  result_free(&r);
  remove(path);
}

Test(cli, json_escapes_strings) {
  char path[512];
  tmp_path(path, sizeof(path), "we\"ird\\name\t.dump");
  TestProblem *tp = tp_lp_small();
  write_dump(tp, path);
  tp_free(tp);
  Result r = RUN(path, "--json");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "we\\\"ird\\\\name\\t.dump\""), "%s", r.out);
  result_free(&r);
  remove(path);
}

/* ---- solutions and conversions ------------------------------------------ */

Test(cli, write_solution_of_a_dump) {
  char sol[512];
  tmp_path(sol, sizeof(sol), "dump.sol");
  Result r = RUN(lp_dump, "--quiet", "--eps-abs", EPS, "--eps-rel", EPS,
                 "--write-solution", sol);
  expect_status(&r, 0);
  result_free(&r);
  char *text = read_text(sol);
  cr_assert(text, "no solution file");
  char n0[32], n1[32];
  double x0, x1;
  cr_assert_eq(sscanf(text, "%31s %lf\n%31s %lf\n", n0, &x0, n1, &x1), 4,
               "%s", text);
  cr_assert_str_eq(n0, "x0");
  cr_assert_str_eq(n1, "x1");
  cr_assert(fabs(x0 - 1.6) < TOL && fabs(x1 - 1.2) < TOL, "%s", text);
  /* two lines, nothing else */
  int lines = 0;
  for (const char *p = text; *p; ++p) lines += *p == '\n';
  cr_assert_eq(lines, 2, "%s", text);
  free(text);
  remove(sol);
}

/* --convert-only factors nothing: a problem with an indefinite P, which
 * cannot be solved, still converts. */
Test(cli, convert_only_needs_no_factorization) {
  double A[] = {1, 1}, P[] = {1, 0, 0, -1}, b[] = {1}, c[] = {0, 0};
  ScsCone k = {0};
  k.z = 1;
  TestProblem *tp = tp_from_dense("indef", 1, 2, A, P, b, c, &k, 0, 1);
  char in[512], out[512];
  tmp_path(in, sizeof(in), "indef.dump");
  tmp_path(out, sizeof(out), "indef2.dump");
  write_dump(tp, in);
  tp_free(tp);
  Result r = RUN(in, "--write-data", out, "--convert-only");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "written:"), "%s%s", r.out, r.err);
  result_free(&r);
  r = RUN(in); /* solving it fails in the factorization */
  expect_status(&r, 1);
  result_free(&r);
  remove(in);
  remove(out);
}

Test(cli, write_data_convert_only_round_trip) {
  char dump2[512];
  tmp_path(dump2, sizeof(dump2), "copy.dump");
  Result r = RUN(lp_dump, "--write-data", dump2, "--convert-only");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "written:"), "%s", r.out);
  cr_assert_null(strstr(r.out, "status:"), "%s", r.out); /* not solved */
  result_free(&r);
  struct stat st;
  cr_assert_eq(stat(dump2, &st), 0, "no dump written");

  r = RUN(lp_dump, "--write-data", dump2, "--convert-only", "--json");
  expect_status(&r, 0);
  expect_json_str(r.out, "status", "converted");
  cr_assert_eq(json_num(r.out, "objective_sign"), 1);
  result_free(&r);

  Result a = RUN(lp_dump, "--json", "--eps-abs", EPS, "--eps-rel", EPS);
  Result b = RUN(dump2, "--json", "--eps-abs", EPS, "--eps-rel", EPS);
  expect_status(&a, 0);
  expect_status(&b, 0);
  cr_assert_eq(json_num(a.out, "objective"), json_num(b.out, "objective"));
  cr_assert_eq(json_num(a.out, "iterations"), json_num(b.out, "iterations"));
  result_free(&a);
  result_free(&b);

  /* without --convert-only the problem is written and solved */
  remove(dump2);
  r = RUN(lp_dump, "--json", "--write-data", dump2);
  expect_status(&r, 0);
  expect_json_str(r.out, "status", "solved");
  cr_assert_eq(stat(dump2, &st), 0, "no dump written");
  result_free(&r);
  remove(dump2);
}

/* ---- MPS and CBF files (need the readers of src/io) ---------------------- */

Test(cli, mps_file) {
  char path[512], sol[512], dump[512];
  tmp_path(path, sizeof(path), "tiny.mps");
  tmp_path(sol, sizeof(sol), "tiny.sol");
  tmp_path(dump, sizeof(dump), "tiny.dump");
  write_text(path, lp_mps);
  Result r = RUN(path, "--json", "--eps-abs", EPS, "--eps-rel", EPS,
                 "--write-solution", sol);
  expect_status(&r, 0);
  expect_json_object(r.out);
  expect_json_str(r.out, "status", "solved");
  expect_json_str(r.out, "format", "mps");
  expect_json_str(r.out, "name", "TINYLP");
  cr_assert_eq(json_num(r.out, "n"), 2);
  double obj = json_num(r.out, "objective");
  cr_assert(fabs(obj + 2.8) < TOL, "objective %.17g", obj);
  result_free(&r);

  char *text = read_text(sol);
  cr_assert(text, "no solution file");
  char n0[32], n1[32];
  double x0, x1;
  cr_assert_eq(sscanf(text, "%31s %lf\n%31s %lf\n", n0, &x0, n1, &x1), 4,
               "%s", text);
  cr_assert_str_eq(n0, "XONE");
  cr_assert_str_eq(n1, "YTWO");
  cr_assert(fabs(x0 - 1.6) < TOL && fabs(x1 - 1.2) < TOL, "%s", text);
  free(text);

  /* --format overrides the name; the summary names the format */
  char other[512];
  tmp_path(other, sizeof(other), "tiny.txt");
  write_text(other, lp_mps);
  r = RUN(other, "--quiet", "--format", "mps");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "problem:      TINYLP (mps: "), "%s", r.out);
  cr_assert(strstr(r.out, "status:       solved"), "%s", r.out);
  result_free(&r);

  /* convert, then solve the dump: same objective */
  r = RUN(path, "--write-data", dump, "--convert-only");
  expect_status(&r, 0);
  result_free(&r);
  Result a = RUN(path, "--json", "--eps-abs", EPS, "--eps-rel", EPS);
  Result b = RUN(dump, "--json", "--eps-abs", EPS, "--eps-rel", EPS);
  expect_status(&a, 0);
  expect_status(&b, 0);
  cr_assert(fabs(json_num(a.out, "objective") - json_num(b.out, "objective")) <
                1e-9,
            "%s%s", a.out, b.out);
  result_free(&a);
  result_free(&b);
  remove(path);
  remove(other);
  remove(sol);
  remove(dump);
}

Test(cli, cbf_file_maximizes_with_offset) {
  char path[512], sol[512];
  tmp_path(path, sizeof(path), "tiny.cbf");
  tmp_path(sol, sizeof(sol), "tiny_cbf.sol");
  write_text(path, lp_cbf);
  Result r = RUN(path, "--json", "--eps-abs", EPS, "--eps-rel", EPS,
                 "--write-solution", sol);
  expect_status(&r, 0);
  expect_json_object(r.out);
  expect_json_str(r.out, "status", "solved");
  expect_json_str(r.out, "format", "cbf");
  cr_assert_eq(json_num(r.out, "objective_sign"), -1);
  cr_assert_eq(json_num(r.out, "objective_offset"), 1.5);
  double obj = json_num(r.out, "objective");
  cr_assert(fabs(obj - 4.3) < TOL, "objective %.17g", obj);
  cr_assert(fabs(json_num(r.out, "pobj") + 2.8) < TOL);
  result_free(&r);

  char *text = read_text(sol);
  cr_assert(text, "no solution file");
  char n0[32], n1[32];
  double x0, x1;
  cr_assert_eq(sscanf(text, "%31s %lf\n%31s %lf\n", n0, &x0, n1, &x1), 4,
               "%s", text);
  cr_assert_str_eq(n0, "x0");
  cr_assert_str_eq(n1, "x1");
  cr_assert(fabs(x0 - 1.6) < TOL && fabs(x1 - 1.2) < TOL, "%s", text);
  free(text);

  r = RUN(path, "--quiet", "--eps-abs", EPS, "--eps-rel", EPS);
  expect_status(&r, 0);
  cr_assert(fabs(summary_num(r.out, "objective:") - 4.3) < TOL, "%s", r.out);
  cr_assert(strstr(r.out, "maximize"), "%s", r.out);
  result_free(&r);
  remove(path);
  remove(sol);
}

Test(cli, malformed_mps_names_file_and_line) {
  char path[512];
  tmp_path(path, sizeof(path), "bad.mps");
  /* line 8: a coefficient that is not a number */
  write_text(path, "NAME          BAD\n"
                   "ROWS\n"
                   " N  COST\n"
                   " L  LIM1\n"
                   "COLUMNS\n"
                   "    XONE      COST      -1.0\n"
                   "    XONE      LIM1      1.0\n"
                   "    YTWO      COST      abc\n"
                   "RHS\n"
                   "    RHS       LIM1      4.0\n"
                   "ENDATA\n");
  Result r = RUN(path, "--json");
  expect_status(&r, 1);
  cr_assert_str_eq(r.out, "", "nothing on stdout");
  cr_assert(strncmp(r.err, "scs-solve: ", 11) == 0, "%s", r.err);
  cr_assert(strstr(r.err, "bad.mps:8:"), "stderr: %s", r.err);
  cr_assert(strchr(r.err, '\n') == r.err + strlen(r.err) - 1, "one line: %s",
            r.err);
  result_free(&r);
  remove(path);
}

/* ---- errors -------------------------------------------------------------- */

Test(cli, missing_file) {
  char path[512];
  tmp_path(path, sizeof(path), "does_not_exist.dump");
  Result r = RUN(path);
  expect_status(&r, 1);
  cr_assert(strncmp(r.err, "scs-solve: ", 11) == 0, "%s", r.err);
  cr_assert(strstr(r.err, path), "stderr: %s", r.err);
  cr_assert_str_eq(r.out, "");
  result_free(&r);
}

Test(cli, corrupt_dump) {
  char path[512];
  tmp_path(path, sizeof(path), "corrupt.dump");
  write_text(path, "this is not a dump\n");
  Result r = RUN(path, "--json");
  expect_status(&r, 1);
  cr_assert(strstr(r.err, "corrupt.dump"), "stderr: %s", r.err);
  cr_assert_str_eq(r.out, "");
  result_free(&r);
  remove(path);
}

Test(cli, unwritable_outputs) {
  Result r = RUN(lp_dump, "--write-solution", "/nonexistent-dir/x.sol");
  expect_status(&r, 1);
  cr_assert(strstr(r.err, "scs-solve: /nonexistent-dir/x.sol: cannot open"),
            "%s", r.err);
  result_free(&r);
  r = RUN(lp_dump, "--write-data", "/nonexistent-dir/x.dump",
          "--convert-only");
  expect_status(&r, 1);
  cr_assert(strstr(r.err, "scs-solve: /nonexistent-dir/x.dump"), "%s", r.err);
  result_free(&r);
}

typedef struct {
  const char *args[6];
  const char *message; /* expected in stderr, after "scs-solve: " */
} BadArgs;

Test(cli, bad_options_exit_2) {
  const BadArgs cases[] = {
      {{"--eps-abs", "abc"},
       "--eps-abs: expected a positive number, got 'abc'"},
      {{"--eps-abs", "nan"}, "--eps-abs: expected a positive number, got 'nan'"},
      {{"--eps-rel", "inf"}, "--eps-rel: expected a positive number, got 'inf'"},
      {{"--eps-rel", "0"}, "--eps-rel: expected a positive number, got '0'"},
      {{"--eps-infeas", "-1e-3"}, "--eps-infeas: expected a positive number"},
      {{"--eps-abs", "1e-3x"}, "got '1e-3x'"},
      {{"--eps-abs", ""}, "got ''"},
      {{"--eps-abs=1e999"}, "--eps-abs: expected a positive number"},
      {{"--max-iters", "0"}, "--max-iters: expected an integer in [1, "},
      {{"--max-iters", "12.5"}, "--max-iters: expected an integer"},
      {{"--max-iters", "-3"}, "--max-iters: expected an integer"},
      {{"--max-iters", "99999999999999999999"},
       "--max-iters: expected an integer"},
      {{"--time-limit", "-1"}, "--time-limit: expected a number >= 0"},
      {{"--scale", "0"}, "--scale: expected a positive number"},
      {{"--alpha", "2"}, "--alpha: expected a number in (0, 2), got '2'"},
      {{"--alpha", "0"}, "--alpha: expected a number in (0, 2)"},
      {{"--backend", "bad"},
       "--backend: unknown backend 'bad' (expected direct, indirect, dense "
       "or auto)"},
      {{"--format", "lp"}, "--format: unknown format 'lp' (expected cbf, mps "
                           "or scs-dump)"},
      {{"--frobnicate"}, "unknown option '--frobnicate'"},
      {{"-x"}, "unknown option '-x'"},
      {{"--quiet=yes"}, "--quiet: takes no value"},
      {{"--eps-abs"}, "--eps-abs: missing value"},
      {{"--write-solution"}, "--write-solution: missing value"},
      {{"--convert-only"}, "--convert-only needs --write-data"},
      {{"second-file"}, "unexpected argument 'second-file'"},
  };
  for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i) {
    const char *argv[8] = {lp_dump};
    size_t n = 1;
    for (size_t k = 0; cases[i].args[k]; ++k) argv[n++] = cases[i].args[k];
    argv[n] = NULL;
    Result r = run_args(argv);
    cr_assert_eq(r.status, 2, "case %zu (%s): exit %d, stderr %s", i,
                 cases[i].args[0], r.status, r.err);
    cr_assert(strncmp(r.err, "scs-solve: ", 11) == 0, "case %zu: %s", i,
              r.err);
    cr_assert(strstr(r.err, cases[i].message), "case %zu: '%s' not in %s", i,
              cases[i].message, r.err);
    cr_assert(strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
              "case %zu: not one line: %s", i, r.err);
    cr_assert_str_eq(r.out, "", "case %zu", i);
    result_free(&r);
  }
  /* no FILE at all */
  Result r = RUN("--quiet");
  expect_status(&r, 2);
  cr_assert(strstr(r.err, "scs-solve: missing FILE"), "%s", r.err);
  result_free(&r);
}

Test(cli, version_and_help) {
  Result r = RUN("--version");
  expect_status(&r, 0);
  cr_assert(strncmp(r.out, "scs-solve ", 10) == 0, "%s", r.out);
  cr_assert(strstr(r.out, scs_library_version()), "%s", r.out);
  cr_assert(strstr(r.out, scs_version()), "%s", r.out);
  cr_assert_str_eq(r.err, "");
  result_free(&r);

  r = RUN("--help");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "Usage: scs-solve FILE [options]"), "%s", r.out);
  const char *opts[] = {"--eps-abs", "--eps-rel", "--eps-infeas",
                        "--max-iters", "--time-limit", "--backend",
                        "--no-accel", "--no-normalize", "--scale", "--alpha",
                        "--format", "--quiet", "--json", "--write-solution",
                        "--write-data", "--convert-only", "--version",
                        "--help", "Exit status"};
  for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); ++i)
    cr_assert(strstr(r.out, opts[i]), "%s missing from --help", opts[i]);
  result_free(&r);

  /* -h too, and help wins over a missing FILE */
  r = RUN("-h");
  expect_status(&r, 0);
  cr_assert(strstr(r.out, "Usage:"));
  result_free(&r);
}

/* ---- Ctrl-C: the summary of the best iterate, exit 3 --------------------- */

Test(cli, sigint_exits_3_with_summary) {
  char path[512];
  tmp_path(path, sizeof(path), "sigint.dump");
  TestProblem *tp = tp_random(7, 40, 5, 60, 4, 5, 0, 0.3);
  write_dump(tp, path);
  tp_free(tp);
  /* tolerances no iterate meets: only the signal (or the time limit, a
   * safety net) ends the solve */
  const char *argv[] = {SCS_SOLVE_PATH, path, "--eps-abs", "1e-30",
                        "--eps-rel", "1e-30", "--max-iters", "2000000000",
                        "--time-limit", "30", NULL};
  int fds[2];
  cr_assert_eq(pipe(fds), 0);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
  posix_spawn_file_actions_addclose(&fa, fds[0]);
  posix_spawn_file_actions_addclose(&fa, fds[1]);
  pid_t pid;
  cr_assert_eq(posix_spawn(&pid, SCS_SOLVE_PATH, &fa, NULL,
                           (char *const *)argv, environ),
               0);
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  /* the first progress row ("     0| ...") is printed once the solver's
   * SIGINT handler is in place */
  size_t cap = 1 << 16, len = 0;
  char *out = malloc(cap);
  cr_assert(out);
  int signalled = 0;
  ssize_t got;
  while ((got = read(fds[0], out + len, cap - len - 1)) > 0) {
    len += (size_t)got;
    out[len] = '\0';
    if (!signalled && strstr(out, "     0| ")) {
      kill(pid, SIGINT);
      signalled = 1;
    }
    if (len + 1 >= cap) {
      cap *= 2;
      out = realloc(out, cap);
      cr_assert(out);
    }
  }
  close(fds[0]);
  int ws;
  cr_assert_eq(waitpid(pid, &ws, 0), pid);
  cr_assert(signalled, "no progress row seen:\n%s", out);
  cr_assert(WIFEXITED(ws), "killed by signal %d", WTERMSIG(ws));
  cr_assert_eq(WEXITSTATUS(ws), 3, "exit %d:\n%s", WEXITSTATUS(ws), out);
  cr_assert(strstr(out, "status:       interrupted"), "%s", out);
  cr_assert(strstr(out, "objective:"), "%s", out);
  free(out);
  remove(path);
}

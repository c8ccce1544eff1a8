/* The print hook (ScsSettings.print): every line of a verbose solve and of
 * an init error reaches it, whole, and nothing reaches stdout or stderr;
 * without it the same lines go to stdout. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "checks.h"
#include "problems.h"

typedef struct {
  char text[1 << 16];
  size_t len;
  int lines, calls, kinds[3];
  int partial; /* a call that was not exactly one or more whole lines */
} Captured;

static void capture(const char *line, scs_int kind, void *user) {
  Captured *c = user;
  size_t n = strlen(line);
  if (c->len + n < sizeof(c->text)) {
    memcpy(c->text + c->len, line, n + 1);
    c->len += n;
  }
  c->calls++;
  if (kind >= 0 && kind < 3) c->kinds[kind]++;
  if (n == 0 || line[n - 1] != '\n') c->partial = 1;
  for (size_t i = 0; i < n; ++i) c->lines += line[i] == '\n';
}

/* Run fn with stdout and stderr sent to a file; returns what they got. */
static size_t with_std_streams_captured(void (*fn)(void *), void *arg,
                                        char *out, size_t cap) {
  char path[512];
  snprintf(path, sizeof(path), "%s/output_streams.txt", SCS_TEST_TMP_DIR);
  fflush(stdout);
  fflush(stderr);
  int so = dup(STDOUT_FILENO), se = dup(STDERR_FILENO);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  close(fd);
  fn(arg);
  fflush(stdout);
  fflush(stderr);
  dup2(so, STDOUT_FILENO);
  dup2(se, STDERR_FILENO);
  close(so);
  close(se);
  FILE *f = fopen(path, "r");
  size_t n = f ? fread(out, 1, cap - 1, f) : 0;
  if (f) fclose(f);
  out[n] = '\0';
  return n;
}

typedef struct {
  Captured *hook; /* NULL: default output */
  scs_int flag;
  scs_int iter;
} SolveArgs;

static void verbose_solve(void *arg) {
  SolveArgs *a = arg;
  TestProblem *tp = tp_random(3, 30, 3, 30, 3, 4, 1, 0.3);
  ScsSettings s;
  tp_settings(&s);
  s.verbose = 1;
  if (a->hook) {
    s.print = capture;
    s.print_data = a->hook;
  }
  ScsSolution sol = {0};
  ScsInfo info;
  a->flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  a->iter = info.iter;
  free_sol(&sol);
  tp_free(tp);
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; ++s) n += *s == '\n';
  return n;
}

Test(output, verbose_solve_goes_only_to_the_hook) {
  static Captured c;
  static char streams[1 << 16];
  memset(&c, 0, sizeof(c));
  SolveArgs a = {&c, 0, 0};
  size_t leaked =
      with_std_streams_captured(verbose_solve, &a, streams, sizeof(streams));
  cr_assert_eq(a.flag, SCS_SOLVED);
  cr_assert_eq(leaked, 0, "reached stdout/stderr: \"%s\"", streams);
  cr_assert(strstr(c.text, "libscs"), "header: %s", c.text);
  cr_assert(strstr(c.text, " iter | pri res"), "table head");
  cr_assert(strstr(c.text, "status:  solved"), "footer");
  cr_assert(strstr(c.text, "objective = "), "objective line");
  cr_assert_eq(c.partial, 0, "every call is whole lines");
  cr_assert_eq(c.kinds[SCS_PRINT_LOG], c.calls, "all of it is the table");

  /* the same solve without the hook prints the same lines to stdout */
  SolveArgs d = {NULL, 0, 0};
  with_std_streams_captured(verbose_solve, &d, streams, sizeof(streams));
  cr_assert_eq(d.iter, a.iter);
  cr_assert_eq(count_lines(streams), c.lines, "stdout %d lines, hook %d",
               count_lines(streams), c.lines);
  cr_assert(strstr(streams, "status:  solved"));
}

static void bad_init(void *arg) {
  Captured *c = arg;
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.verbose = 1;
  s.alpha = 5; /* invalid */
  if (c) {
    s.print = capture;
    s.print_data = c;
  }
  cr_assert_null(scs_init(&tp->d, &tp->k, &s));
  tp_free(tp);
}

Test(output, init_error_goes_to_the_hook) {
  static Captured c;
  static char streams[4096];
  memset(&c, 0, sizeof(c));
  size_t leaked =
      with_std_streams_captured(bad_init, &c, streams, sizeof(streams));
  cr_assert_eq(leaked, 0, "reached stdout/stderr: \"%s\"", streams);
  cr_assert_eq(c.kinds[SCS_PRINT_ERROR], 1);
  cr_assert(strstr(c.text, "alpha"), "%s", c.text);
  cr_assert(strstr(c.text, scs_last_error()), "the message of scs_last_error");
  /* default: stderr */
  with_std_streams_captured(bad_init, NULL, streams, sizeof(streams));
  cr_assert(strstr(streams, "alpha"), "stderr got \"%s\"", streams);
}

Test(output, warnings_go_to_the_hook) {
  static Captured c;
  memset(&c, 0, sizeof(c));
  TestProblem *tp = tp_lp_small();
  ScsSettings s;
  tp_settings(&s);
  s.verbose = 1;
  s.print = capture;
  s.print_data = &c;
  s.log_csv_filename = "/nonexistent-dir/log.csv";
  ScsSolution sol = {0};
  ScsInfo info;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, &sol, &info), SCS_SOLVED);
  cr_assert_eq(c.kinds[SCS_PRINT_WARNING], 1);
  cr_assert(strstr(c.text, "cannot open log_csv_filename"), "%s", c.text);
  free_sol(&sol);
  tp_free(tp);
}

Test(output, defaults_are_null) {
  ScsSettings s;
  memset(&s, 0xff, sizeof(s));
  scs_set_default_settings(&s);
  cr_assert_null(s.print);
  cr_assert_null(s.print_data);
}

Test(output, one_cone_description_for_the_table_and_the_cli) {
  scs_int q[] = {3, 5}, s[] = {2};
  scs_float bu[] = {1, 2}, bl[] = {0, 0}, p[] = {0.5};
  ScsCone k = {0};
  k.z = 2;
  k.l = 4;
  k.bsize = 3;
  k.bu = bu;
  k.bl = bl;
  k.q = q;
  k.qsize = 2;
  k.s = s;
  k.ssize = 1;
  k.ep = 1;
  k.p = p;
  k.psize = 1;
  char buf[256];
  scs_cone_describe(&k, buf, sizeof(buf));
  cr_assert_str_eq(buf, "z: 2, l: 4, box: 3, q: 2 cones (max 5), "
                        "s: 1 cones (max 2), ep: 1, p: 1");
  ScsCone none = {0};
  scs_cone_describe(&none, buf, sizeof(buf));
  cr_assert_str_eq(buf, "none");
  scs_cone_describe(&k, buf, 8);
  cr_assert_eq(strlen(buf), 7, "truncated, NUL-terminated: \"%s\"", buf);
}

/*
 * A minimal stand-in for the part of Criterion's API the tests use, for the
 * ThreadSanitizer build only: Criterion's sandbox cannot start under TSan
 * (its inheritable arena collides with TSan's memory layout). Each test
 * runs in a forked child, as with Criterion; the runner prints
 * "N passed, N failed" and exits nonzero on any failure.
 */
#ifndef SCS_TEST_SHIM_CRITERION_H
#define SCS_TEST_SHIM_CRITERION_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct shim_opts {
  void (*init)(void);
  void (*fini)(void);
  double timeout; /* accepted for Criterion compatibility, not enforced */
  int disabled;   /* as Criterion's .disabled: not run, not counted */
};

struct shim_test {
  const char *suite, *name;
  void (*fn)(void);
  struct shim_opts opts;
};

#define SHIM_MAX_TESTS 512
static struct shim_test shim_tests[SHIM_MAX_TESTS];
static int shim_ntests;

static inline void shim_register(const char *suite, const char *name,
                                 void (*fn)(void), struct shim_opts opts) {
  if (shim_ntests < SHIM_MAX_TESTS)
    shim_tests[shim_ntests++] = (struct shim_test){suite, name, fn, opts};
}

struct shim_suite {
  const char *name;
  struct shim_opts opts;
};
static struct shim_suite shim_suites[64];
static int shim_nsuites;

#define TestSuite(suite, ...)                                               \
  __attribute__((constructor)) static void suite##_suite_reg(void) {       \
    struct shim_opts o = {__VA_ARGS__};                                    \
    if (shim_nsuites < 64)                                                 \
      shim_suites[shim_nsuites++] = (struct shim_suite){#suite, o};        \
  }

/* a test's own .fini, else its suite's */
static inline void (*shim_fini_of(const struct shim_test *t))(void) {
  if (t->opts.fini) return t->opts.fini;
  for (int i = 0; i < shim_nsuites; ++i)
    if (strcmp(shim_suites[i].name, t->suite) == 0) return shim_suites[i].opts.fini;
  return NULL;
}

/* a test's own .init, else its suite's */
static inline void (*shim_init_of(const struct shim_test *t))(void) {
  if (t->opts.init) return t->opts.init;
  for (int i = 0; i < shim_nsuites; ++i)
    if (strcmp(shim_suites[i].name, t->suite) == 0) return shim_suites[i].opts.init;
  return NULL;
}

#define Test(suite, name, ...)                                              \
  static void suite##_##name##_impl(void);                                 \
  __attribute__((constructor)) static void suite##_##name##_reg(void) {    \
    struct shim_opts o = {__VA_ARGS__};                                    \
    shim_register(#suite, #name, suite##_##name##_impl, o);                \
  }                                                                        \
  static void suite##_##name##_impl(void)

__attribute__((format(printf, 4, 5))) static inline void
shim_fail(const char *file, int line, const char *expr, const char *fmt, ...) {
  fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, expr);
  if (fmt[1]) { /* fmt is " " followed by the test's message, if any */
    va_list ap;
    va_start(ap, fmt);
    fputs(" ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
  }
  fflush(stderr);
  _exit(1);
}

#define cr_assert(cond, ...)                                                \
  do {                                                                      \
    if (!(cond)) shim_fail(__FILE__, __LINE__, #cond, " " __VA_ARGS__);     \
  } while (0)
#define cr_assert_eq(a, b, ...) cr_assert((a) == (b), __VA_ARGS__)
#define cr_assert_neq(a, b, ...) cr_assert((a) != (b), __VA_ARGS__)
#define cr_assert_lt(a, b, ...) cr_assert((a) < (b), __VA_ARGS__)
#define cr_assert_leq(a, b, ...) cr_assert((a) <= (b), __VA_ARGS__)
#define cr_assert_gt(a, b, ...) cr_assert((a) > (b), __VA_ARGS__)
#define cr_assert_geq(a, b, ...) cr_assert((a) >= (b), __VA_ARGS__)
#define cr_assert_null(p, ...) cr_assert((p) == NULL, __VA_ARGS__)
#define cr_assert_not_null(p, ...) cr_assert((p) != NULL, __VA_ARGS__)
#define cr_assert_str_eq(a, b, ...) cr_assert(strcmp((a), (b)) == 0, __VA_ARGS__)
#define cr_assert_str_empty(a, ...) cr_assert((a)[0] == '\0', __VA_ARGS__)
#define cr_assert_float_eq(a, b, eps, ...) \
  cr_assert(fabs((double)(a) - (double)(b)) <= (eps), __VA_ARGS__)
/* a skipped test counts as passed here */
#define cr_skip_test(...) \
  do { fprintf(stderr, "skipped\n"); fflush(stdout); _exit(0); } while (0)
#define cr_log_info(...) (fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

int main(void) {
  int passed = 0, failed = 0;
  for (int t = 0; t < shim_ntests; ++t) {
    struct shim_test *st = &shim_tests[t];
    if (st->opts.disabled) continue;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      void (*init)(void) = shim_init_of(st);
      if (init) init();
      st->fn();
      void (*fini)(void) = shim_fini_of(st);
      if (fini) fini();
      fflush(stdout);
      _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("[%s] %s::%s\n", ok ? "PASS" : "FAIL", st->suite, st->name);
    ok ? ++passed : ++failed;
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

#endif

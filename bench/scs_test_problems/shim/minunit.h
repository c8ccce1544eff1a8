/* Replaces SCS's test/minunit.h in the scratch copy of its tests (see
 * ../README.md): mu_assert returns the message as in SCS, but
 * mu_run_test records the result and goes on with the next test, so one
 * run reports every test. */
#ifndef SCS_SHIM_MINUNIT_H
#define SCS_SHIM_MINUNIT_H

#include <stdio.h>

#define mu_assert_less(message, a, b)                                         \
  do {                                                                        \
    if ((a) > (b)) {                                                          \
      printf("%s: %1.3e > %1.3e\n", message, (double)(a), (double)(b));       \
      return message;                                                         \
    }                                                                         \
  } while (0)

#define mu_assert(message, test)                                              \
  do {                                                                        \
    if (!(test)) return message;                                              \
  } while (0)

/* skipped: the test is one of SCS's _SKIP stubs (they undo tests_run++) */
void scs_shim_record(const char *name, const char *message, int skipped);

#define mu_run_test(test)                                                     \
  do {                                                                        \
    printf("*** running %s\n", #test);                                        \
    fflush(stdout);                                                           \
    int mu_before_ = tests_run;                                               \
    const char *mu_message_ = test();                                         \
    tests_run++;                                                              \
    scs_shim_record(#test, mu_message_, tests_run == mu_before_);             \
  } while (0)

#endif

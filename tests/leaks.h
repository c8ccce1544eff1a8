/* EXPECT_NO_LEAKS(): under AddressSanitizer, assert that LeakSanitizer finds
 * no leak so far (recoverable check); a no-op in other builds. */
#ifndef SCS_TEST_LEAKS_H
#define SCS_TEST_LEAKS_H

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SCS_TEST_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(SCS_TEST_ASAN)
#define SCS_TEST_ASAN 1
#endif
#ifdef SCS_TEST_ASAN
#include <sanitizer/lsan_interface.h>
#define EXPECT_NO_LEAKS() \
  cr_assert_eq(__lsan_do_recoverable_leak_check(), 0, "memory leaked")
#else
#define EXPECT_NO_LEAKS() ((void)0)
#endif

#endif

/* Stand-in for Criterion's stdout redirection (see criterion.h here). */
#ifndef SCS_TEST_SHIM_REDIRECT_H
#define SCS_TEST_SHIM_REDIRECT_H

#include <stdio.h>
#include <unistd.h>

static FILE *shim_stdout_capture;

static inline void cr_redirect_stdout(void) {
  fflush(stdout);
  shim_stdout_capture = tmpfile();
  if (shim_stdout_capture) dup2(fileno(shim_stdout_capture), STDOUT_FILENO);
}

static inline FILE *cr_get_redirected_stdout(void) {
  fflush(stdout);
  rewind(shim_stdout_capture);
  return shim_stdout_capture;
}

#endif

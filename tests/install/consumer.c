/* A program built against the installed libscs (pkg-config or CMake). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "scs.h"

int main(void) {
  /* min -x1 - x2  s.t. x1 + 2x2 <= 4, 3x1 + x2 <= 6, x >= 0: -2.8 */
  scs_float A_x[] = {1, 3, -1, 2, 1, -1};
  scs_int A_i[] = {0, 1, 2, 0, 1, 3};
  scs_int A_p[] = {0, 3, 6};
  scs_float b[] = {4, 6, 0, 0}, c[] = {-1, -1};
  ScsMatrix A = {A_x, A_i, A_p, 4, 2};
  ScsData d = {4, 2, &A, SCS_NULL, b, c};
  ScsCone k = {0};
  k.l = 4;
  ScsSettings stgs;
  scs_set_default_settings(&stgs);
  stgs.verbose = 0;
  ScsSolution sol = {0};
  ScsInfo info = {0};
  scs_int flag = scs(&d, &k, &stgs, &sol, &info);
  int ok = flag == SCS_SOLVED && fabs(info.pobj + 2.8) < 1e-3;
  printf("consumer: SCS API %s, status %s, objective %.6f: %s\n", scs_version(),
         info.status, (double)info.pobj, ok ? "ok" : "WRONG");
  free(sol.x);
  free(sol.y);
  free(sol.s);
  return ok ? 0 : 1;
}
